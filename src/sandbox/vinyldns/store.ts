// In-memory state of the simulated VinylDNS: zones, zone changes, record set changes, record sets,
// users and groups. Change lists are kept newest first (created ms desc, then insertion order desc),
// which is exactly the order the server pages through.
import { randomUUID } from 'node:crypto';
import { RECORD_TYPE_CODES, type WireRecordSet, type WireRecordSetChange, type WireZone, type WireZoneChange } from '../../providers/vinyldns/wire.js';
import { recordSet, recordSetChange, recordSetChangeInfo, toFqdn, zoneChange, zoneSnapshot } from './shapes.js';
import type { WireBatchChange } from '../../providers/vinyldns/wire-batch.js';
import { appendBatchChange, type BatchDriftOptions } from './batch-drift.js';
import { BatchStore } from './batches.js';
import { Membership } from './membership.js';
import { formatTimestamp as ts } from './time.js';
import type { SandboxGroup, SandboxUser, SeedData, StoredRecordSetChange, StoredZone, StoredZoneChange } from './types.js';

const newestFirst = (a: { createdMs: number; seq: number }, b: { createdMs: number; seq: number }) => b.createdMs - a.createdMs || b.seq - a.seq;
const clone = <T>(value: T): T => structuredClone(value);

/** A record set row as the listing query sees it. */
export interface RecordRow {
  rs: WireRecordSet;
  fqdn: string;
  code: number;
}

export class VinylStore {
  readonly users: SandboxUser[];
  readonly groups: SandboxGroup[];
  /** Users, groups and group activity (the same user and group objects as above). */
  readonly membership: Membership;
  /** DNS change requests (batch changes), newest first. */
  readonly batches: BatchStore;
  private readonly zoneById = new Map<string, StoredZone>();
  private readonly zoneChangesByZone = new Map<string, StoredZoneChange[]>();
  private readonly rsChangesAll: StoredRecordSetChange[];
  private readonly rsChangesByZone = new Map<string, StoredRecordSetChange[]>();
  private readonly rsChangeById = new Map<string, StoredRecordSetChange>();
  private readonly rows = new Map<string, Map<string, WireRecordSet>>();
  private seq: number;
  private driftCounter = 0;

  constructor(data: SeedData) {
    this.users = data.users;
    this.groups = data.groups;
    this.membership = new Membership(data.users, data.groups, data.groupChanges);
    this.batches = new BatchStore(data.batchChanges);
    for (const z of data.zones) this.zoneById.set(z.zone.id, { zone: z.zone, deleted: z.deleted });
    for (const c of [...data.zoneChanges].sort(newestFirst)) this.listFor(this.zoneChangesByZone, c.change.zone.id).push(c);
    this.rsChangesAll = [...data.recordSetChanges].sort(newestFirst);
    for (const c of this.rsChangesAll) {
      this.listFor(this.rsChangesByZone, c.zoneId).push(c);
      this.rsChangeById.set(c.change.id, c);
    }
    for (const rs of data.recordSets) this.rowsOf(rs.zoneId).set(rs.id, rs);
    this.seq = data.zoneChanges.length + data.recordSetChanges.length;
  }

  // ---- Public read API (deep copies) ----

  /** Current (non-deleted) zones in stored snapshot shape, including connection keys, sorted by name. */
  zones(): WireZone[] {
    return this.liveZones().map(clone);
  }

  zone(id: string): WireZone | undefined {
    const z = this.liveZone(id);
    return z && clone(z);
  }

  zoneChanges(zoneId: string): WireZoneChange[] {
    return this.storedZoneChanges(zoneId).map((c) => clone(c.change));
  }

  recordSets(zoneId: string): WireRecordSet[] {
    return this.recordRows(zoneId).map((r) => ({ ...clone(r.rs), fqdn: r.fqdn }));
  }

  /** RecordSetChangeInfo shape (userName, no singleBatchChangeIds); empty for unknown or deleted zones. */
  recordSetChanges(zoneId: string): WireRecordSetChange[] {
    if (!this.liveZone(zoneId)) return [];
    return this.storedRsChanges(zoneId).map((c) => this.info(c));
  }

  /** RecordSetChange shape (singleBatchChangeIds, no userName). Works for deleted zones too, like the server. */
  failedRecordSetChanges(zoneId: string): WireRecordSetChange[] {
    return this.storedRsChanges(zoneId)
      .filter((c) => c.change.status === 'Failed')
      .map((c) => recordSetChange(clone(c.change)));
  }

  /** All pages of /recordsetchange/history: filtered by fqdn + type only, so other zones' changes appear. */
  history(zoneId: string, fqdn: string, type: string): WireRecordSetChange[] {
    if (!this.liveZone(zoneId)) return [];
    return this.historyRows(zoneId, fqdn, type).map((c) => this.info(c));
  }

  // ---- Mutations for drift tests ----

  /**
   * A new change at the top of the zone's list. `createdMs` (default: now) must not be older than
   * the zone's newest change; `userId` defaults to a member of the zone's admin group.
   */
  appendRecordSetChange(
    zoneId: string,
    opts: { status?: 'Complete' | 'Failed'; recordSetId?: string; createdMs?: number; userId?: string; singleBatchChangeIds?: string[] } = {},
  ): WireRecordSetChange {
    const zone = this.requireZone(zoneId);
    const failed = opts.status === 'Failed';
    const ms = this.nextMs(this.storedRsChanges(zoneId)[0]?.createdMs, opts.createdMs);
    const id = randomUUID();
    let rs: WireRecordSet;
    let updates: WireRecordSet | undefined;
    if (opts.recordSetId) {
      updates = this.rowsOf(zoneId).get(opts.recordSetId);
      if (!updates) throw new Error(`record set ${opts.recordSetId} is not in zone ${zoneId}`);
      rs = recordSet({ ...updates, ttl: updates.ttl === 300 ? 600 : 300, status: failed ? 'Inactive' : 'Active', created: ts(ms), updated: ts(ms) });
    } else {
      const n = ++this.driftCounter;
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
      userId: opts.userId ?? this.actorFor(zone),
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
    const stored: StoredRecordSetChange = { createdMs: ms, seq: ++this.seq, zoneId, fqdn: toFqdn(zone.name, rs.name), change };
    this.listFor(this.rsChangesByZone, zoneId).unshift(stored);
    this.rsChangesAll.splice(this.rsChangesAll.findIndex((c) => newestFirst(stored, c) < 0) >>> 0, 0, stored);
    this.rsChangeById.set(id, stored);
    if (!failed) this.rowsOf(zoneId).set(rs.id, rs);
    return this.info(stored);
  }

  /** A new zone Sync at the top of the zone's changes; `createdMs` and `userId` as above. */
  appendZoneChange(zoneId: string, opts: { createdMs?: number; userId?: string; status?: 'Synced' | 'Failed' } = {}): WireZoneChange {
    const stored = this.zoneById.get(zoneId);
    if (!stored || stored.deleted) throw new Error(`zone ${zoneId} does not exist`);
    const ms = this.nextMs(this.storedZoneChanges(zoneId)[0]?.createdMs, opts.createdMs);
    const failed = opts.status === 'Failed';
    if (!failed) stored.zone = zoneSnapshot({ ...stored.zone, status: 'Active', updated: ts(ms), latestSync: ts(ms) });
    const change = zoneChange({
      zone: stored.zone,
      userId: opts.userId ?? this.actorFor(stored.zone),
      changeType: 'Sync',
      status: failed ? 'Failed' : 'Synced',
      created: ts(ms),
      systemMessage: failed ? 'Sync failed: the DNS backend refused the zone transfer (REFUSED)' : undefined,
      id: randomUUID(),
    });
    this.listFor(this.zoneChangesByZone, zoneId).unshift({ createdMs: ms, seq: ++this.seq, change });
    return clone(change);
  }

  /**
   * A new DNS change request at the top of the batch change list (see batch-drift.ts for the options).
   * An AutoApproved one (the default) also lands its record set changes, linked both ways.
   */
  appendBatchChange(opts: BatchDriftOptions = {}): WireBatchChange {
    return appendBatchChange(this, opts);
  }

  /**
   * Deletes a current zone: a Delete change (its snapshot with status Deleted) lands on the zone's
   * changes, and from then on the zone answers 404 and shows only in the deleted-zone list.
   */
  deleteZone(zoneId: string, opts: { createdMs?: number; userId?: string } = {}): WireZoneChange {
    const stored = this.zoneById.get(zoneId);
    if (!stored || stored.deleted) throw new Error(`zone ${zoneId} does not exist`);
    const ms = this.nextMs(this.storedZoneChanges(zoneId)[0]?.createdMs, opts.createdMs);
    stored.zone = zoneSnapshot({ ...stored.zone, status: 'Deleted', updated: ts(ms) });
    stored.deleted = true;
    const change = zoneChange({
      zone: stored.zone,
      userId: opts.userId ?? this.actorFor(stored.zone),
      changeType: 'Delete',
      status: 'Synced',
      created: ts(ms),
      id: randomUUID(),
    });
    this.listFor(this.zoneChangesByZone, zoneId).unshift({ createdMs: ms, seq: ++this.seq, change });
    return clone(change);
  }

  /** A new, empty zone (no changes, no record sets) administered by the first group. */
  addZone(name: string, opts: { createdMs?: number } = {}): WireZone {
    const absolute = name.endsWith('.') ? name : `${name}.`;
    if (this.zoneByName(absolute)) throw new Error(`zone ${absolute} exists`);
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
      adminGroupId: this.groups[0].id,
      isTest: false,
    });
    this.zoneById.set(zone.id, { zone, deleted: false });
    return clone(zone);
  }

  private nextMs(newest: number | undefined, wanted: number | undefined): number {
    if (wanted === undefined) return Math.max(Date.now(), newest ?? 0);
    if (newest !== undefined && wanted < newest) throw new Error(`createdMs ${wanted} is older than the newest change (${newest})`);
    return wanted;
  }

  // ---- Internal accessors used by the routes (no copies; do not mutate) ----

  liveZone(id: string): WireZone | undefined {
    const z = this.zoneById.get(id);
    return z && !z.deleted ? z.zone : undefined;
  }

  liveZones(): WireZone[] {
    return [...this.zoneById.values()]
      .filter((z) => !z.deleted)
      .map((z) => z.zone)
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  zoneByName(name: string): WireZone | undefined {
    const wanted = name.toLowerCase();
    return this.liveZones().find((z) => z.name.toLowerCase() === wanted);
  }

  /** Every stored zone change whose snapshot has status Deleted (the rows the deleted-zone list starts from). */
  deletionChanges(): StoredZoneChange[] {
    return [...this.zoneChangesByZone.values()].flat().filter((c) => c.change.zone.status === 'Deleted');
  }

  storedZoneChanges(zoneId: string): StoredZoneChange[] {
    return this.zoneChangesByZone.get(zoneId) ?? [];
  }

  /** Zone changes of all current zones, newest first. */
  allZoneChanges(): StoredZoneChange[] {
    return this.liveZones()
      .flatMap((z) => this.storedZoneChanges(z.id))
      .sort(newestFirst);
  }

  storedRsChanges(zoneId: string): StoredRecordSetChange[] {
    return this.rsChangesByZone.get(zoneId) ?? [];
  }

  rsChange(id: string): StoredRecordSetChange | undefined {
    return this.rsChangeById.get(id);
  }

  /** An unknown type drops both filters and returns every change of zoneId (the server's behaviour). */
  historyRows(zoneId: string, fqdn: string, type: string): StoredRecordSetChange[] {
    const code = RECORD_TYPE_CODES[type.toUpperCase()];
    if (code === undefined) return this.storedRsChanges(zoneId);
    const wanted = fqdn.toLowerCase();
    const upper = type.toUpperCase();
    return this.rsChangesAll.filter((c) => c.change.recordSet.type === upper && c.fqdn.toLowerCase() === wanted);
  }

  recordSetById(id: string): WireRecordSet | undefined {
    for (const zoneRows of this.rows.values()) {
      const rs = zoneRows.get(id);
      if (rs && this.liveZone(rs.zoneId)) return rs;
    }
    return undefined;
  }

  /** The zone's record sets ordered by fqdn, then type code (the listing's default order). */
  recordRows(zoneId: string): RecordRow[] {
    const zone = this.liveZone(zoneId);
    if (!zone) return [];
    const rows = [...this.rowsOf(zoneId).values()].map((rs) => ({ rs, fqdn: toFqdn(zone.name, rs.name), code: RECORD_TYPE_CODES[rs.type] ?? 100 }));
    return rows.sort((a, b) => compareText(a.fqdn, b.fqdn) || a.code - b.code);
  }

  userById(id: string): SandboxUser | undefined {
    return this.membership.userById(id);
  }

  userByAccessKey(accessKey: string): SandboxUser | undefined {
    return this.users.find((u) => u.accessKey === accessKey);
  }

  groupById(id: string): SandboxGroup | undefined {
    return this.membership.groupById(id);
  }

  /** RecordSetChangeInfo of a stored change; unresolvable user ids read "unknown user". */
  info(c: StoredRecordSetChange): WireRecordSetChange {
    return recordSetChangeInfo(clone(c.change), this.userById(c.change.userId)?.userName ?? 'unknown user');
  }

  private requireZone(zoneId: string): WireZone {
    const zone = this.liveZone(zoneId);
    if (!zone) throw new Error(`zone ${zoneId} does not exist`);
    return zone;
  }

  private actorFor(zone: WireZone): string {
    const member = this.groupById(zone.adminGroupId)?.memberIds[0];
    return member ?? this.users.find((u) => u.superUser)!.id;
  }

  private listFor<T>(map: Map<string, T[]>, key: string): T[] {
    let list = map.get(key);
    if (!list) map.set(key, (list = []));
    return list;
  }

  private rowsOf(zoneId: string): Map<string, WireRecordSet> {
    let m = this.rows.get(zoneId);
    if (!m) this.rows.set(zoneId, (m = new Map()));
    return m;
  }
}

/** Case-insensitive comparison, standing in for the database collation. */
export function compareText(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}
