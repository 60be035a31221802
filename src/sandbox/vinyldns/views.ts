// Response shapes built from the stored data for one caller: ZoneSummary, ZoneInfo, record set infos.
import type { WireAclRule, WireRecordSet, WireZone } from '../../providers/vinyldns/wire.js';
import { recordListAccessLevel, zoneAccessLevel } from './access.js';
import { ordered } from './shapes.js';
import type { VinylStore } from './store.js';
import type { RecordRow, SandboxUser } from './types.js';

const SUMMARY_KEYS = [
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
  'adminGroupName',
  'latestSync',
  'backendId',
  'recurrenceSchedule',
  'scheduleRequestor',
  'accessLevel',
] as const;

function adminGroupName(store: VinylStore, zone: WireZone): string {
  return store.groupById(zone.adminGroupId)?.name ?? 'Unknown group name';
}

/** ZoneSummary (§5.2): list zones items. No isTest; plain ACL rules. */
export function zoneSummary(store: VinylStore, user: SandboxUser, zone: WireZone): WireZone {
  return ordered<WireZone>({ ...structuredClone(zone), adminGroupName: adminGroupName(store, zone), accessLevel: zoneAccessLevel(user, zone) }, SUMMARY_KEYS);
}

const RULE_INFO_KEYS = ['accessLevel', 'description', 'userId', 'groupId', 'recordMask', 'recordTypes', 'displayName'] as const;

/** ZoneInfo (§5.3): like the summary, but rules carry displayName and unresolvable rules are dropped. */
export function zoneInfo(store: VinylStore, user: SandboxUser, zone: WireZone): WireZone {
  const rules: WireAclRule[] = [];
  for (const rule of zone.acl.rules) {
    let displayName: string | undefined;
    if (rule.userId !== undefined) displayName = store.userById(rule.userId)?.userName;
    else if (rule.groupId !== undefined) displayName = store.groupById(rule.groupId)?.name;
    else displayName = 'All Users';
    if (displayName !== undefined) rules.push(ordered<WireAclRule>({ ...structuredClone(rule), displayName }, RULE_INFO_KEYS));
  }
  const summary = zoneSummary(store, user, zone);
  return { ...summary, acl: { rules } };
}

const RECORD_INFO_KEYS = [
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
  'accessLevel',
  'ownerGroupId',
  'ownerGroupName',
  'recordSetGroupChange',
  'fqdn',
] as const;

function ownerGroupName(store: VinylStore, rs: WireRecordSet): string | undefined {
  return rs.ownerGroupId === undefined ? undefined : store.groupById(rs.ownerGroupId)?.name;
}

/** RecordSetInfo (get record set): fqdn and ownerGroupName, no accessLevel. */
export function recordSetInfo(store: VinylStore, rs: WireRecordSet, fqdn: string): WireRecordSet {
  return ordered<WireRecordSet>({ ...structuredClone(rs), ownerGroupName: ownerGroupName(store, rs), fqdn }, RECORD_INFO_KEYS);
}

/** RecordSetListInfo (list record sets): RecordSetInfo plus the caller's accessLevel. */
export function recordSetListInfo(store: VinylStore, user: SandboxUser, zone: WireZone, row: RecordRow): WireRecordSet {
  const accessLevel = recordListAccessLevel(user, row.rs.name, row.rs.type, zone, row.rs.ownerGroupId);
  return ordered<WireRecordSet>({ ...structuredClone(row.rs), accessLevel, ownerGroupName: ownerGroupName(store, row.rs), fqdn: row.fqdn }, RECORD_INFO_KEYS);
}
