// The record table of one zone while its history is generated, and the builders of record set changes.
// Applying changes here in time order is what keeps the final record sets consistent with the history.
import type { WireRecordSet, WireRecordSetChange, WireZone } from '../../../providers/vinyldns/wire.js';
import { recordSet, recordSetChange, toFqdn } from '../shapes.js';
import { formatTimestamp as ts } from '../time.js';
import type { Rng } from './prng.js';
import { bumpSoa, pickTtl, recordsFor } from './records.js';

export const SYNC_MESSAGE = 'Change applied via zone sync';

export interface TimedRsChange {
  ms: number;
  zoneId: string;
  fqdn: string;
  change: WireRecordSetChange;
  /** The user burst a batch-made change belongs to: the seed turns each burst into DNS change requests. */
  burst?: number;
}

export interface ChangeMeta {
  ms: number;
  zone: WireZone;
  userId: string;
  batch: boolean;
  /** Set with `batch`: which burst of user changes this one belongs to. */
  burst?: number;
  systemMessage?: string;
}

/**
 * Record types a batch change can carry (SupportedBatchChangeRecordTypes). A change of another type made
 * in a batch burst was made through the record set API instead: it keeps no single change id.
 */
const BATCH_TYPES = new Set(['A', 'AAAA', 'CNAME', 'PTR', 'TXT', 'MX', 'NS', 'SRV', 'NAPTR']);

const key = (name: string, type: string) => `${name}|${type}`;

function failureMessage(rng: Rng, op: string, id: string, name: string, zoneName: string): string {
  const applying = `Failed applying update to DNS for change ${id}:${name}: `;
  if (op === 'Update' && rng.chance(0.5)) {
    return `Failed validating update to DNS for change "${id}": "${name}": This record set is out of sync with the DNS backend; sync this zone before attempting to update this record set.`;
  }
  const pick = rng.int(0, 4);
  if (pick === 0 && op === 'Create') return `Failed validating update to DNS for change ${id}:${name}: Incompatible record already exists in DNS.`;
  if (pick === 1) return `${applying}Refused: the server refuses to perform the specified operation for policy or security reasons`;
  if (pick === 2) return `${applying}Not Authoritative: the server is not authoritative for the zone named in the Zone Section`;
  if (pick === 3) return `${applying}Server Failure: the server was unable to process this query due to a problem with the name server`;
  return `${applying}Format Error: the server was unable to interpret the query: ;; ->>HEADER<<- opcode: UPDATE, status: FORMERR, id: ${rng.int(1, 65535)}\n;; flags: qr ; qd: 1 an: 0 au: 0 ad: 0 \n;; TSIG invalid\n;; ZONE:\n;;\t${zoneName}, type = SOA, class = IN\n\n;; PREREQUISITES:\n\n;; UPDATE RECORDS:\n\n;; ADDITIONAL RECORDS:\n\n;; Message size: 20 bytes`;
}

export class RecordTable {
  readonly rows = new Map<string, WireRecordSet>();
  readonly out: TimedRsChange[] = [];

  constructor(
    readonly zoneId: string,
    readonly zoneName: string,
    private readonly rng: Rng,
    private readonly owners: { groupIds: string[]; rate: number; groupChange: boolean },
  ) {}

  has(name: string, type: string): boolean {
    return this.rows.has(key(name, type));
  }

  get(k: string): WireRecordSet | undefined {
    return this.rows.get(k);
  }

  keys(): string[] {
    return [...this.rows.keys()];
  }

  /** Records a change made elsewhere (a pinned example payload) and applies it if told to. */
  pinned(ms: number, change: WireRecordSetChange, apply: boolean): void {
    this.emit(ms, change);
    if (apply) this.rows.set(key(change.recordSet.name, change.recordSet.type), recordSet({ ...change.recordSet }));
  }

  create(meta: ChangeMeta, name: string, type: string, fail: boolean): void {
    const { rng } = this;
    const id = rng.uuid();
    const owner = this.owners.groupIds.length > 0 && rng.chance(this.owners.rate) ? rng.pick(this.owners.groupIds) : undefined;
    const rs = recordSet({
      type,
      zoneId: this.zoneId,
      name,
      ttl: pickTtl(rng, type),
      status: fail ? 'Inactive' : 'Active',
      created: ts(meta.ms),
      updated: fail ? ts(meta.ms + rng.int(0, 1100)) : meta.batch ? ts(meta.ms) : undefined,
      records: recordsFor(type, { rng, zoneName: this.zoneName, name, ms: meta.ms }),
      id: rng.uuid(),
      account: 'system',
      ownerGroupId: owner,
      recordSetGroupChange: owner && this.owners.groupChange ? { ownershipTransferStatus: 'None' } : undefined,
    });
    this.emitChange(meta, 'Create', rs, undefined, fail, id);
    if (!fail) this.rows.set(key(name, type), rs);
  }

  update(meta: ChangeMeta, k: string, fail: boolean): void {
    const { rng } = this;
    const prev = this.rows.get(k)!;
    const records = prev.type === 'SOA' ? bumpSoa(prev.records, rng) : recordsFor(prev.type, { rng, zoneName: this.zoneName, name: prev.name, ms: meta.ms });
    const ttl = prev.type !== 'SOA' && rng.chance(0.3) ? pickTtl(rng, prev.type) : prev.ttl;
    const next = recordSet({ ...prev, ttl, status: fail ? 'Inactive' : 'Active', created: ts(meta.ms), updated: ts(meta.ms), records });
    this.emitChange(meta, 'Update', next, prev, fail, rng.uuid());
    if (!fail) this.rows.set(k, next);
  }

  /** changeType Delete (a user) or Sync (a zone sync removing a record that is gone from DNS). */
  remove(meta: ChangeMeta, k: string, fail: boolean, changeType: 'Delete' | 'Sync' = 'Delete'): void {
    const prev = this.rows.get(k)!;
    const gone = recordSet({ ...prev, status: 'Inactive', updated: ts(meta.ms) });
    this.emitChange(meta, changeType, gone, prev, fail, this.rng.uuid());
    if (!fail) this.rows.delete(k);
  }

  private emitChange(meta: ChangeMeta, changeType: string, rs: WireRecordSet, updates: WireRecordSet | undefined, fail: boolean, id: string): void {
    const systemMessage = fail ? failureMessage(this.rng, changeType, id, rs.name, this.zoneName) : meta.systemMessage;
    // The id is drawn either way, so the random stream (and every later value) does not depend on the type.
    const singleId = meta.batch ? this.rng.uuid() : undefined;
    const inBatch = singleId !== undefined && BATCH_TYPES.has(rs.type);
    this.emit(
      meta.ms,
      recordSetChange({
        zone: meta.zone,
        recordSet: rs,
        userId: meta.userId,
        changeType,
        status: fail ? 'Failed' : 'Complete',
        created: ts(meta.ms),
        systemMessage,
        updates,
        id,
        singleBatchChangeIds: inBatch ? [singleId] : [],
      }),
      inBatch ? meta.burst : undefined,
    );
  }

  private emit(ms: number, change: WireRecordSetChange, burst?: number): void {
    this.out.push({ ms, zoneId: this.zoneId, fqdn: toFqdn(this.zoneName, change.recordSet.name), change, ...(burst === undefined ? {} : { burst }) });
  }
}
