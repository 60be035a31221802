// The access model of §2.5 (AccessValidations): who may see a zone, its changes and its records.
// The routes that the real server leaves unchecked (zone by name, failure lists) simply do not call it.
import type { WireAclRule, WireZone } from '../../providers/vinyldns/wire.js';
import { isOneOf } from '../../model/guards.js';
import type { SandboxUser } from './types.js';

export type AccessLevel = 'NoAccess' | 'Read' | 'Write' | 'Delete';
const ACCESS_LEVELS: readonly AccessLevel[] = ['NoAccess', 'Read', 'Write', 'Delete'];

/** Record types a shared zone lets anyone manage when the record has no owner group (server default). */
const SHARED_APPROVED_TYPES = new Set(['A', 'AAAA', 'CNAME', 'PTR', 'TXT']);
const LEVEL_RANK: Record<string, number> = { NoAccess: 0, Read: 1, Write: 2, Delete: 3 };

export const isMember = (user: SandboxUser, groupId: string | undefined): boolean => groupId !== undefined && user.groupIds.includes(groupId);
/** Super or support user (AuthPrincipal.isSystemAdmin). */
export const isSystemAdmin = (user: SandboxUser): boolean => user.superUser || user.supportUser;

/** A rule with neither userId nor groupId applies to everyone. */
export function ruleAppliesToUser(user: SandboxUser, rule: WireAclRule): boolean {
  if (rule.userId === undefined && rule.groupId === undefined) return true;
  return rule.userId === user.id || isMember(user, rule.groupId);
}

export function canSeeZone(user: SandboxUser, zone: WireZone): boolean {
  return isSystemAdmin(user) || zone.shared || isMember(user, zone.adminGroupId) || zone.acl.rules.some((r) => ruleAppliesToUser(user, r));
}

/** Zone change list only: ACL rules do not grant it. */
export function canSeeZoneChange(user: SandboxUser, zone: WireZone): boolean {
  return isSystemAdmin(user) || zone.shared || isMember(user, zone.adminGroupId);
}

export function zoneAccessLevel(user: SandboxUser, zone: WireZone): AccessLevel {
  if (user.superUser || isMember(user, zone.adminGroupId)) return 'Delete';
  return canSeeZone(user, zone) ? 'Read' : 'NoAccess';
}

/**
 * Whether list zones (without ignoreAccess) returns the zone: the zone_access links (admin group, ACL rules
 * naming the user, one of the user's first 29 groups, or everyone). Shared zones without a link are not listed.
 */
export function linkedToZone(user: SandboxUser, zone: WireZone): boolean {
  if (isSystemAdmin(user)) return true;
  const groups = user.groupIds.slice(0, 29);
  const linked = (gid: string | undefined) => gid !== undefined && groups.includes(gid);
  return (
    linked(zone.adminGroupId) || zone.acl.rules.some((r) => (r.userId === undefined && r.groupId === undefined) || r.userId === user.id || linked(r.groupId))
  );
}

function maskMatches(mask: string, name: string): boolean {
  try {
    return new RegExp(`^(?:${mask})$`).test(name);
  } catch {
    return false;
  }
}

/** Most specific applicable rule wins: user rules, then group rules, then everyone; masks and types first. */
export function aclAccessLevel(user: SandboxUser, name: string, type: string, zone: WireZone): AccessLevel {
  const rules = zone.acl.rules.filter(
    (r) =>
      ruleAppliesToUser(user, r) &&
      (r.recordTypes.length === 0 || r.recordTypes.includes(type)) &&
      (r.recordMask === undefined || maskMatches(r.recordMask, name)),
  );
  if (rules.length === 0) return 'NoAccess';
  const specificity = (r: WireAclRule) => (r.userId ? 0 : r.groupId ? 4 : 8) + (r.recordMask ? 0 : 2) + (r.recordTypes.length > 0 ? 0 : 1);
  rules.sort((a, b) => specificity(a) - specificity(b) || (LEVEL_RANK[b.accessLevel] ?? 0) - (LEVEL_RANK[a.accessLevel] ?? 0));
  const level = rules[0].accessLevel;
  // A level the server does not know grants nothing.
  return isOneOf(ACCESS_LEVELS, level) ? level : 'NoAccess';
}

/** Access to one record set (get record set / get change): canViewRecordSet needs anything but NoAccess. */
export function recordAccessLevel(user: SandboxUser, name: string, type: string, zone: WireZone, ownerGroupId?: string): AccessLevel {
  if (isMember(user, zone.adminGroupId)) return 'Delete';
  if (zone.shared && (isMember(user, ownerGroupId) || (ownerGroupId === undefined && SHARED_APPROVED_TYPES.has(type)))) return 'Delete';
  const acl = aclAccessLevel(user, name, type, zone);
  return isSystemAdmin(user) && acl === 'NoAccess' ? 'Read' : acl;
}

/** The accessLevel of each item of the record set listing (getListAccessLevels). */
export function recordListAccessLevel(user: SandboxUser, name: string, type: string, zone: WireZone, ownerGroupId?: string): AccessLevel {
  if (user.superUser || isMember(user, zone.adminGroupId)) return 'Delete';
  const acl = aclAccessLevel(user, name, type, zone);
  if (acl === 'NoAccess' && isSystemAdmin(user)) return 'Read';
  if (zone.shared && (ownerGroupId === undefined || isMember(user, ownerGroupId))) return 'Delete';
  return acl;
}
