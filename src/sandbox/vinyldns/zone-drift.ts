// Zones and their changes moving while a client pages (drift tests): a record set change or a zone
// sync landing at the top of a zone's list, a zone deleted, a new zone added. DNS change requests
// landing are batch-drift.ts.
import { randomUUID } from 'node:crypto';
import type { WireRecordSet, WireZone, WireZoneChange } from '../../providers/vinyldns/wire.js';
import { recordSet, recordSetChange, toFqdn, zoneChange, zoneSnapshot } from './shapes.js';
import { formatTimestamp as ts } from './time.js';
import type { SandboxGroup, SandboxUser, StoredRecordSetChange, StoredZone, StoredZoneChange } from './types.js';

export interface RecordSetDriftOptions {
  status?: 'Complete' | 'Failed';
  /** Updates this record set; none: creates a new A record set. */
  recordSetId?: string;
  createdMs?: number;
  userId?: string;
  singleBatchChangeIds?: string[];
}

export interface ZoneDriftOptions {
  createdMs?: number;
  userId?: string;
}

/** What this needs of the store (kept structural: the store calls in here). */
export interface ZoneDriftStore {
  readonly users: SandboxUser[];
  readonly groups: SandboxGroup[];
  liveZone(id: string): WireZone | undefined;
  zoneByName(name: string): WireZone | undefined;
  groupById(id: string): SandboxGroup | undefined;
  storedZone(id: string): StoredZone | undefined;
  storedZoneChanges(zoneId: string): StoredZoneChange[];
  storedRsChanges(zoneId: string): StoredRecordSetChange[];
  currentRecordSet(zoneId: string, recordSetId: string): WireRecordSet | undefined;
  insertZone(zone: WireZone): void;
  insertZoneChange(zoneId: string, createdMs: number, change: WireZoneChange): void;
  insertRecordSetChange(stored: Omit<StoredRecordSetChange, 'seq'>, current: WireRecordSet | undefined): StoredRecordSetChange;
  nextDriftNumber(): number;
}

/**
 * A new change at the top of the zone's list. `createdMs` (default: now) must not be older than
 * the zone's newest change; `userId` defaults to a member of the zone's admin group.
 */
export function appendRecordSetChange(store: ZoneDriftStore, zoneId: string, opts: RecordSetDriftOptions): StoredRecordSetChange {
  const zone = store.liveZone(zoneId);
  if (!zone) throw new Error(`zone ${zoneId} does not exist`);
  const failed = opts.status === 'Failed';
  const ms = nextMs(store.storedRsChanges(zoneId)[0]?.createdMs, opts.createdMs);
  const id = randomUUID();
  let rs: WireRecordSet;
  let updates: WireRecordSet | undefined;
  if (opts.recordSetId) {
    updates = store.currentRecordSet(zoneId, opts.recordSetId);
    if (!updates) throw new Error(`record set ${opts.recordSetId} is not in zone ${zoneId}`);
    rs = recordSet({ ...updates, ttl: updates.ttl === 300 ? 600 : 300, status: failed ? 'Inactive' : 'Active', created: ts(ms), updated: ts(ms) });
  } else {
    const n = store.nextDriftNumber();
    rs = recordSet({
      type: 'A',
      zoneId,
      name: `drift-${n}`,
      ttl: 300,
      status: failed ? 'Inactive' : 'Active',
      created: ts(ms),
      records: [{ address: `192.0.2.${(n % 254) + 1}` }],
      id: randomUUID(),
      account: 'system',
    });
  }
  const change = recordSetChange({
    zone,
    recordSet: rs,
    userId: opts.userId ?? actorFor(store, zone),
    changeType: updates ? 'Update' : 'Create',
    status: failed ? 'Failed' : 'Complete',
    created: ts(ms),
    systemMessage: failed
      ? `Failed applying update to DNS for change ${id}:${rs.name}: Refused: the server refuses to perform the specified operation for policy or security reasons`
      : undefined,
    updates,
    id,
    singleBatchChangeIds: opts.singleBatchChangeIds ?? [],
  });
  return store.insertRecordSetChange({ createdMs: ms, zoneId, fqdn: toFqdn(zone.name, rs.name), change }, failed ? undefined : rs);
}

/** A new zone Sync at the top of the zone's changes; `createdMs` and `userId` as above. */
export function appendZoneChange(store: ZoneDriftStore, zoneId: string, opts: ZoneDriftOptions & { status?: 'Synced' | 'Failed' }): WireZoneChange {
  const stored = currentZone(store, zoneId);
  const ms = nextMs(store.storedZoneChanges(zoneId)[0]?.createdMs, opts.createdMs);
  const failed = opts.status === 'Failed';
  if (!failed) stored.zone = zoneSnapshot({ ...stored.zone, status: 'Active', updated: ts(ms), latestSync: ts(ms) });
  const change = zoneChange({
    zone: stored.zone,
    userId: opts.userId ?? actorFor(store, stored.zone),
    changeType: 'Sync',
    status: failed ? 'Failed' : 'Synced',
    created: ts(ms),
    systemMessage: failed ? 'Sync failed: the DNS backend refused the zone transfer (REFUSED)' : undefined,
    id: randomUUID(),
  });
  store.insertZoneChange(zoneId, ms, change);
  return change;
}

/**
 * Deletes a current zone: a Delete change (its snapshot with status Deleted) lands on the zone's
 * changes, and from then on the zone answers 404 and shows only in the deleted-zone list.
 */
export function deleteZone(store: ZoneDriftStore, zoneId: string, opts: ZoneDriftOptions): WireZoneChange {
  const stored = currentZone(store, zoneId);
  const ms = nextMs(store.storedZoneChanges(zoneId)[0]?.createdMs, opts.createdMs);
  stored.zone = zoneSnapshot({ ...stored.zone, status: 'Deleted', updated: ts(ms) });
  stored.deleted = true;
  const change = zoneChange({
    zone: stored.zone,
    userId: opts.userId ?? actorFor(store, stored.zone),
    changeType: 'Delete',
    status: 'Synced',
    created: ts(ms),
    id: randomUUID(),
  });
  store.insertZoneChange(zoneId, ms, change);
  return change;
}

/** A new, empty zone (no changes, no record sets) administered by the first group. */
export function addZone(store: ZoneDriftStore, name: string, opts: { createdMs?: number }): WireZone {
  const absolute = name.endsWith('.') ? name : `${name}.`;
  if (store.zoneByName(absolute)) throw new Error(`zone ${absolute} exists`);
  const created = ts(opts.createdMs ?? Date.now());
  const zone = zoneSnapshot({
    name: absolute,
    email: `hostmaster@${absolute.slice(0, -1)}`,
    status: 'Active',
    created,
    id: randomUUID(),
    account: 'system',
    shared: false,
    acl: { rules: [] },
    adminGroupId: store.groups[0].id,
    isTest: false,
  });
  store.insertZone(zone);
  return zone;
}

function currentZone(store: ZoneDriftStore, zoneId: string): StoredZone {
  const stored = store.storedZone(zoneId);
  if (!stored || stored.deleted) throw new Error(`zone ${zoneId} does not exist`);
  return stored;
}

/** Drift lands at the top: now (or later than the newest), or the time asked for if not older. */
function nextMs(newest: number | undefined, wanted: number | undefined): number {
  if (wanted === undefined) return Math.max(Date.now(), newest ?? 0);
  if (newest !== undefined && wanted < newest) throw new Error(`createdMs ${wanted} is older than the newest change (${newest})`);
  return wanted;
}

function actorFor(store: ZoneDriftStore, zone: WireZone): string {
  const member = store.groupById(zone.adminGroupId)?.memberIds[0];
  return member ?? store.users.find((u) => u.superUser)!.id;
}
