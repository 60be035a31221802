// In-memory state of the simulated VinylDNS: zones, zone changes, record set changes, record sets,
// users and groups. Change lists are kept newest first (created ms desc, then insertion order desc),
// which is exactly the order the server pages through.
import { RECORD_TYPE_CODES, type WireRecordSet, type WireRecordSetChange, type WireZone, type WireZoneChange } from '../../providers/vinyldns/wire.js';
import { recordSetChange, recordSetChangeInfo, toFqdn } from './shapes.js';
import type { WireBatchChange } from '../../providers/vinyldns/wire-batch.js';
import { appendBatchChange, type BatchDriftOptions } from './batch-drift.js';
import { BatchStore } from './batches.js';
import { Membership } from './membership.js';
import { compareText } from './collation.js';
import { addZone, appendRecordSetChange, appendZoneChange, deleteZone, type RecordSetDriftOptions, type ZoneDriftOptions } from './zone-drift.js';
import type { RecordRow, SandboxGroup, SandboxUser, SeedData, StoredRecordSetChange, StoredZone, StoredZoneChange } from './types.js';

const newestFirst = (a: { createdMs: number; seq: number }, b: { createdMs: number; seq: number }) => b.createdMs - a.createdMs || b.seq - a.seq;
const clone = <T>(value: T): T => structuredClone(value);

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

  // ---- Mutations for drift tests (zone-drift.ts, batch-drift.ts) ----

  /** See zone-drift.ts: a record set change at the top of the zone's list, in RecordSetChangeInfo shape. */
  appendRecordSetChange(zoneId: string, opts: RecordSetDriftOptions = {}): WireRecordSetChange {
    return this.info(appendRecordSetChange(this, zoneId, opts));
  }

  /** See zone-drift.ts: a zone Sync at the top of the zone's changes. */
  appendZoneChange(zoneId: string, opts: ZoneDriftOptions & { status?: 'Synced' | 'Failed' } = {}): WireZoneChange {
    return clone(appendZoneChange(this, zoneId, opts));
  }

  /** See batch-drift.ts: a DNS change request on top; an AutoApproved one (the default) lands its record set changes. */
  appendBatchChange(opts: BatchDriftOptions = {}): WireBatchChange {
    return appendBatchChange(this, opts);
  }

  /** See zone-drift.ts: the zone answers 404 from now on and shows only in the deleted-zone list. */
  deleteZone(zoneId: string, opts: ZoneDriftOptions = {}): WireZoneChange {
    return clone(deleteZone(this, zoneId, opts));
  }

  /** See zone-drift.ts: a new, empty zone administered by the first group. */
  addZone(name: string, opts: { createdMs?: number } = {}): WireZone {
    return clone(addZone(this, name, opts));
  }

  // ---- Writes the drift modules make (no copies) ----

  /** A zone as stored, deleted or not: drift replaces its snapshot and marks it deleted in place. */
  storedZone(id: string): StoredZone | undefined {
    return this.zoneById.get(id);
  }

  /** The record set as it is now, whatever the state of its zone. */
  currentRecordSet(zoneId: string, recordSetId: string): WireRecordSet | undefined {
    return this.rowsOf(zoneId).get(recordSetId);
  }

  insertZone(zone: WireZone): void {
    this.zoneById.set(zone.id, { zone, deleted: false });
  }

  /** At the top of the zone's list: the caller makes sure it is not older than the change there. */
  insertZoneChange(zoneId: string, createdMs: number, change: WireZoneChange): void {
    this.listFor(this.zoneChangesByZone, zoneId).unshift({ createdMs, seq: ++this.seq, change });
  }

  /** As above; `current` (none for a failed change) becomes the record set's state. */
  insertRecordSetChange(change: Omit<StoredRecordSetChange, 'seq'>, current: WireRecordSet | undefined): StoredRecordSetChange {
    const stored: StoredRecordSetChange = { ...change, seq: ++this.seq };
    this.listFor(this.rsChangesByZone, stored.zoneId).unshift(stored);
    this.rsChangesAll.splice(this.rsChangesAll.findIndex((c) => newestFirst(stored, c) < 0) >>> 0, 0, stored);
    this.rsChangeById.set(stored.change.id, stored);
    if (current) this.rowsOf(stored.zoneId).set(current.id, current);
    return stored;
  }

  /** Numbers the record sets drift creates (drift-1, drift-2, … per store). */
  nextDriftNumber(): number {
    return ++this.driftCounter;
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
