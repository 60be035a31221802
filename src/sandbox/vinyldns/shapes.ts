// Canonical builders for the wire objects: they fix the server's field emission order (§5) and drop
// absent optional fields (json4s omits None; it never writes null).
import type { WireRecordSet, WireRecordSetChange, WireZone, WireZoneChange } from '../../providers/vinyldns/wire.js';

type Loose = Record<string, unknown>;

/**
 * The fields `keys` of `source` that are set, in that order: a wire object of type T as the server
 * writes it. The sandbox's wire objects are all made here, from the seed's and the store's
 * objects, which hold T's fields (and sometimes more, dropped here).
 */
export function ordered<T>(source: object, keys: readonly string[]): T {
  const out: Loose = {};
  for (const key of keys) {
    const value: unknown = Reflect.get(source, key);
    if (value !== undefined) out[key] = value;
  }
  // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- T's fields, picked by name (see above)
  return out as T;
}

const ZONE_SNAPSHOT_KEYS = [
  'name',
  'email',
  'status',
  'created',
  'updated',
  'id',
  'connection',
  'transferConnection',
  'account',
  'shared',
  'acl',
  'adminGroupId',
  'recurrenceSchedule',
  'scheduleRequestor',
  'latestSync',
  'isTest',
  'backendId',
] as const;

/**
 * A zone in the raw Zone shape (§5.1): what changes embed and what the store keeps. `isTest` is a plain
 * Boolean of the Zone case class, so json4s always writes it (false when never set).
 */
export function zoneSnapshot(zone: WireZone | Loose): WireZone {
  return ordered<WireZone>({ ...zone, isTest: Reflect.get(zone, 'isTest') ?? false }, ZONE_SNAPSHOT_KEYS);
}

const RECORD_SET_KEYS = [
  'type',
  'zoneId',
  'name',
  'ttl',
  'status',
  'created',
  'updated',
  'records',
  'id',
  'account',
  'ownerGroupId',
  'recordSetGroupChange',
] as const;

/** A record set as stored and as embedded in changes (§5.8 base, without fqdn). */
export function recordSet(rs: WireRecordSet | Loose): WireRecordSet {
  return ordered<WireRecordSet>(rs, RECORD_SET_KEYS);
}

const RS_CHANGE_KEYS = ['zone', 'recordSet', 'userId', 'changeType', 'status', 'created', 'systemMessage', 'updates', 'id', 'singleBatchChangeIds'] as const;

/** RecordSetChange (§5.6): single-change GET and failure list. */
export function recordSetChange(change: WireRecordSetChange | Loose): WireRecordSetChange {
  const out = ordered<WireRecordSetChange>(change, RS_CHANGE_KEYS);
  out.singleBatchChangeIds ??= [];
  return out;
}

const RS_CHANGE_INFO_KEYS = ['zone', 'recordSet', 'userId', 'changeType', 'status', 'created', 'systemMessage', 'updates', 'id', 'userName'] as const;

/** RecordSetChangeInfo (§5.7): zone change list and history; userName added, singleBatchChangeIds gone. */
export function recordSetChangeInfo(change: WireRecordSetChange, userName: string): WireRecordSetChange {
  return ordered<WireRecordSetChange>({ ...change, userName }, RS_CHANGE_INFO_KEYS);
}

const ZONE_CHANGE_KEYS = ['zone', 'userId', 'changeType', 'status', 'created', 'systemMessage', 'id'] as const;

export function zoneChange(change: WireZoneChange | Loose): WireZoneChange {
  return ordered<WireZoneChange>(change, ZONE_CHANGE_KEYS);
}

/** The server's fqdn rule: `name.zone.`, or the zone name itself for apex records. */
export function toFqdn(zoneName: string, name: string): string {
  const zone = zoneName.endsWith('.') ? zoneName : `${zoneName}.`;
  const rel = name.endsWith('.') ? name : `${name}.`;
  return rel === zone ? zone : rel + zone;
}
