// Wire views of users, groups and group changes (docs/upstreams/vinyldns.md §3.13–§3.17, §5.12),
// resolved at read time from the current users, as the server does.
import type { WireGroup, WireGroupChange, WireGroupMember, WireUser } from '../../providers/vinyldns/wire-membership.js';
import type { Membership } from './membership.js';
import { formatTimestamp } from './time.js';
import type { GroupState, SandboxGroup, SandboxUser, StoredGroupChange } from './types.js';

/** Java's Instant.toString for a millisecond instant: the fraction only when it is not zero. */
export function instantString(ms: number): string {
  const iso = new Date(ms).toISOString();
  return ms % 1000 === 0 ? `${iso.slice(0, 19)}Z` : iso;
}

/** GroupInfo: members lists every member (admins included), admins the admins, as `{id}` objects. */
export function groupInfo(group: GroupState | SandboxGroup): WireGroup {
  return {
    id: group.id,
    name: group.name,
    email: group.email,
    ...(group.description === undefined ? {} : { description: group.description }),
    created: formatTimestamp(group.createdMs),
    status: 'status' in group ? group.status : 'Active',
    members: group.memberIds.map((id) => ({ id })),
    admins: group.adminIds.map((id) => ({ id })),
  };
}

const diff = (a: string[], b: string[]) => a.filter((x) => !b.includes(x));

/** MembershipService.determineGroupDifference: the message the server puts on each change. */
export function groupChangeMessage(change: StoredGroupChange, nameOf: (id: string) => string): string {
  const { newGroup: n, oldGroup: o } = change;
  if (!o) return change.changeType === 'Create' ? 'Group Created.' : change.changeType === 'Delete' ? 'Group Deleted.' : '';
  const parts: string[] = [];
  const names = (ids: string[]) => ids.map(nameOf).join("','");
  if (o.name !== n.name) parts.push(`Group name changed to '${n.name}'.`);
  if (o.email !== n.email) parts.push(`Group email changed to '${n.email}'.`);
  if (o.description !== n.description) parts.push(`Group description changed to '${n.description ?? ''}'.`);
  const addedAdmins = diff(n.adminIds, o.adminIds);
  if (addedAdmins.length) parts.push(`Group admin/s with user name/s '${names(addedAdmins)}' added.`);
  const removedAdmins = diff(o.adminIds, n.adminIds);
  if (removedAdmins.length) parts.push(`Group admin/s with user name/s '${names(removedAdmins)}' removed.`);
  const added = diff(n.memberIds, o.memberIds);
  if (added.length) parts.push(`Group member/s with user name/s '${names(added)}' added.`);
  const removed = diff(o.memberIds, n.memberIds);
  if (removed.length) parts.push(`Group member/s with user name/s '${names(removed)}' removed.`);
  return parts.join(' ');
}

/** GroupChangeInfo; unresolvable users read "unknown user", in userName and in the message alike. */
export function groupChangeInfo(membership: Membership, change: StoredGroupChange): WireGroupChange {
  const nameOf = (id: string) => membership.userById(id)?.userName ?? 'unknown user';
  return {
    newGroup: groupInfo(change.newGroup),
    changeType: change.changeType,
    userId: change.userId,
    ...(change.oldGroup ? { oldGroup: groupInfo(change.oldGroup) } : {}),
    id: change.id,
    created: instantString(change.createdMs),
    userName: nameOf(change.userId),
    groupChangeMessage: groupChangeMessage(change, nameOf),
  };
}

/** UserResponseInfo: id, user name and the ids of the user's groups; no names, no email. */
export function userResponse(user: SandboxUser): WireUser {
  return { id: user.id, userName: user.userName, groupId: [...user.groupIds] };
}

export function memberInfo(user: SandboxUser, group: SandboxGroup): WireGroupMember {
  return {
    id: user.id,
    userName: user.userName,
    ...(user.firstName === undefined ? {} : { firstName: user.firstName }),
    ...(user.lastName === undefined ? {} : { lastName: user.lastName }),
    ...(user.email === undefined ? {} : { email: user.email }),
    created: formatTimestamp(user.createdMs),
    isAdmin: group.adminIds.includes(user.id),
    lockStatus: user.locked ? 'Locked' : 'Unlocked',
  };
}
