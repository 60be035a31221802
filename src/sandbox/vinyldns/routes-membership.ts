// Membership endpoints (docs/upstreams/vinyldns.md §3.13–§3.17): a user by id or name, a group, its
// members (the only place names and email appear) and its activity, and one group change.
import type { ListGroupChangesResponse, ListGroupMembersResponse } from '../../providers/vinyldns/wire-membership.js';
import { isMember, isSystemAdmin } from './access.js';
import type { Handler } from './context.js';
import { checkMaxItemsWithin, internalError, json, message } from './http.js';
import { pageByOffset } from './paging.js';
import { compareText } from './collation.js';
import { groupChangeInfo, groupInfo, memberInfo, userResponse } from './views-membership.js';

/** membership-routing-default-max-items and -max-items-limit (reference.conf). */
const DEFAULT_MAX_ITEMS = 100;
const MAX_ITEMS_LIMIT = 1000;

/** No access check: any signed-in user reads any user, by id or by user name. */
export const getUser: Handler = (ctx) => {
  ctx.user();
  const [idOrName] = ctx.args;
  const user = ctx.store.membership.userByIdOrName(idOrName);
  if (!user) return message(404, `User ${idOrName} was not found`);
  return json(200, userResponse(user));
};

/** canSeeGroup is always true on the real server (canViewGroupDetails = true). */
export const getGroup: Handler = (ctx) => {
  ctx.user();
  const [groupId] = ctx.args;
  const group = ctx.store.membership.groupById(groupId);
  if (!group) return message(404, `Group with ID ${groupId} was not found`);
  return json(200, groupInfo(group));
};

/** Members ordered by id, `id > startFrom`; nextId = the last id of a full page. Unknown user ids are skipped. */
export const listGroupMembers: Handler = (ctx) => {
  const startFrom = ctx.params.string('startFrom');
  const maxItems = ctx.params.int('maxItems') ?? DEFAULT_MAX_ITEMS;
  checkMaxItemsWithin(maxItems, MAX_ITEMS_LIMIT, (n) => `maxItems was ${n}, maxItems must be between 0 exclusive and ${MAX_ITEMS_LIMIT} inclusive`);
  ctx.user();
  const [groupId] = ctx.args;
  const { membership } = ctx.store;
  const group = membership.groupById(groupId);
  if (!group) return message(404, `Group with ID ${groupId} was not found`);
  const users = group.memberIds.flatMap((id) => membership.userById(id) ?? []).sort((a, b) => compareText(a.id, b.id));
  const rows = startFrom === undefined ? users : users.filter((u) => compareText(u.id, startFrom) > 0);
  const page = rows.slice(0, maxItems);
  const nextId = rows.length > maxItems ? page[page.length - 1].id : undefined;
  return json(200, { members: page.map((u) => memberInfo(u, group)), startFrom, nextId, maxItems } satisfies ListGroupMembersResponse);
};

/**
 * Offset paging, newest first: LIMIT maxItems + 1 OFFSET startFrom, nextId = startFrom + maxItems. Only
 * members and system admins may read it; the group itself is not looked up (an unknown id is an empty
 * list for an admin, 403 for everyone else).
 */
export const listGroupActivity: Handler = (ctx) => {
  const startFrom = ctx.params.int('startFrom');
  const maxItems = ctx.params.int('maxItems') ?? DEFAULT_MAX_ITEMS;
  checkMaxItemsWithin(maxItems, MAX_ITEMS_LIMIT, (n) => `maxItems was ${n}, maxItems must be between 0 and ${MAX_ITEMS_LIMIT}`);
  const user = ctx.user();
  const [groupId] = ctx.args;
  if (!isMember(user, groupId) && !isSystemAdmin(user)) return message(403, 'Not authorized');
  if (startFrom !== undefined && startFrom < 0) return internalError(); // a negative OFFSET is an SQL error
  const { membership } = ctx.store;
  const page = pageByOffset(membership.groupChanges(groupId), startFrom, maxItems);
  return json(200, {
    changes: page.items.map((c) => groupChangeInfo(membership, c)),
    startFrom,
    nextId: page.nextId,
    maxItems,
  } satisfies ListGroupChangesResponse);
};

/** A missing change is a 400 ("Invalid Group Change ID"), not a 404. */
export const getGroupChange: Handler = (ctx) => {
  const user = ctx.user();
  const [changeId] = ctx.args;
  const { membership } = ctx.store;
  const change = membership.groupChange(changeId);
  if (!change) return message(400, 'Invalid Group Change ID');
  if (!isMember(user, change.newGroup.id) && !isSystemAdmin(user)) return message(403, 'Not authorized');
  return json(200, groupChangeInfo(membership, change));
};
