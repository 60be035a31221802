// Canonical builders for the wire objects: they fix the server's field emission order (§5) and drop
// absent optional fields (json4s omits None; it never writes null).
import type { WireRecordSet, WireRecordSetChange, WireZone, WireZoneChange } from '../../providers/vinyldns/wire.js';

type Loose = Record<string, unknown>;

function ordered<T>(source: Loose, keys: readonly string[]): T {
  const out: Loose = {};
  for (const key of keys) {
    if (source[key] !== undefined) out[key] = source[key];
  }
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
  const source = zone as Loose;
  return ordered<WireZone>({ ...source, isTest: source.isTest ?? false }, ZONE_SNAPSHOT_KEYS);
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
  return ordered<WireRecordSet>(rs as Loose, RECORD_SET_KEYS);
}

const RS_CHANGE_KEYS = ['zone', 'recordSet', 'userId', 'changeType', 'status', 'created', 'systemMessage', 'updates', 'id', 'singleBatchChangeIds'] as const;

/** RecordSetChange (§5.6): single-change GET and failure list. */
export function recordSetChange(change: WireRecordSetChange | Loose): WireRecordSetChange {
  const out = ordered<WireRecordSetChange>(change as Loose, RS_CHANGE_KEYS);
  out.singleBatchChangeIds ??= [];
  return out;
}

const RS_CHANGE_INFO_KEYS = ['zone', 'recordSet', 'userId', 'changeType', 'status', 'created', 'systemMessage', 'updates', 'id', 'userName'] as const;

/** RecordSetChangeInfo (§5.7): zone change list and history; userName added, singleBatchChangeIds gone. */
export function recordSetChangeInfo(change: WireRecordSetChange, userName: string): WireRecordSetChange {
  return ordered<WireRecordSetChange>({ ...change, userName } as Loose, RS_CHANGE_INFO_KEYS);
}

const ZONE_CHANGE_KEYS = ['zone', 'userId', 'changeType', 'status', 'created', 'systemMessage', 'id'] as const;

export function zoneChange(change: WireZoneChange | Loose): WireZoneChange {
  return ordered<WireZoneChange>(change as Loose, ZONE_CHANGE_KEYS);
}

/** The server's fqdn rule: `name.zone.`, or the zone name itself for apex records. */
export function toFqdn(zoneName: string, name: string): string {
  const zone = zoneName.endsWith('.') ? zoneName : `${zoneName}.`;
  const rel = name.endsWith('.') ? name : `${name}.`;
  return rel === zone ? zone : rel + zone;
}
