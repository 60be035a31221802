// VinylDNS groups: who they are, their members (the only place names and email are served) and
// their change history (docs/upstreams/vinyldns.md §3.14–§3.17).
import { groupChangeConnection } from '../../connections/group-changes.js';
import type { GraphQLContext } from '../../context.js';
import { BadUserInputError, GatewayError } from '../../errors.js';
import type { GroupChangeResolvers, GroupMemberResolvers, GroupResolvers, QueryResolvers } from '../../generated/resolvers-types.js';
import { encodeId } from '../../model/ids.js';
import { epochSeconds, isoSeconds } from '../../model/time.js';
import { groupModel, userModel, type GroupModel } from '../../parents/models.js';
import type { WireGroupMember } from '../../providers/vinyldns/wire-membership.js';
import { actorName, userByIdOrName } from '../lookups.js';

/** Members are paged by id, 100 at a time; a group of more than this many is cut short. */
const MEMBER_PAGES = 10;

export async function groupById(ctx: GraphQLContext, groupId: string): Promise<GroupModel | null> {
  const group = await ctx.vinyldns().getGroup(groupId);
  return group ? groupModel(group) : null;
}

async function members(ctx: GraphQLContext, groupId: string): Promise<WireGroupMember[] | null> {
  const out: WireGroupMember[] = [];
  let startFrom: string | undefined;
  try {
    for (let page = 0; page < MEMBER_PAGES; page++) {
      const res = await ctx.vinyldns().listGroupMembers(groupId, { startFrom, maxItems: 100 });
      if (!res) return null;
      out.push(...res.members);
      if (res.nextId === undefined || res.members.length === 0) break;
      startFrom = res.nextId;
    }
  } catch (error) {
    if (error instanceof GatewayError && error.code === 'FORBIDDEN') return null;
    throw error;
  }
  return out;
}

export const Group: GroupResolvers = {
  id: ({ group }) => encodeId({ type: 'Group', groupId: group.id }),
  groupId: ({ group }) => group.id,
  name: ({ group }) => group.name,
  email: ({ group }) => group.email,
  description: ({ group }) => group.description ?? null,
  status: ({ group }) => group.status,
  created: ({ group }) => group.created,
  members: ({ group }, _, ctx) => members(ctx, group.id),
  activity: ({ group }, args, ctx) => groupChangeConnection(ctx.vinyldns(), ctx.cursors, group.id, args),
};

export const GroupMember: GroupMemberResolvers = {
  // The member list says everything GET /users would, but the groups: the loader fills them in.
  user: async (member, _, ctx) => (await userByIdOrName(ctx, member.id)) ?? userModel({ id: member.id, userName: member.userName, groupId: [] }),
  userId: (member) => member.id,
  userName: (member) => member.userName ?? null,
  firstName: (member) => member.firstName ?? null,
  lastName: (member) => member.lastName ?? null,
  email: (member) => member.email ?? null,
  isAdmin: (member) => member.isAdmin,
};

export const GroupChange: GroupChangeResolvers = {
  id: ({ change }) => encodeId({ type: 'GroupChange', changeId: change.id }),
  provider: () => 'VINYLDNS',
  occurredAt: ({ change }) => isoSeconds(epochSeconds(change.created)),
  actor: ({ change }, _, ctx) => (change.userName && change.userName !== 'unknown user' ? change.userName : actorName(ctx, change.userId)),
  summary: ({ change }) => change.groupChangeMessage || `${change.changeType} group ${change.newGroup.name}`,
  changeId: ({ change }) => change.id,
  changeType: ({ change }) => change.changeType,
  user: ({ change }, _, ctx) => userByIdOrName(ctx, change.userId),
  groupName: ({ change }) => change.newGroup.name,
  previousGroupName: ({ change }) => change.oldGroup?.name ?? null,
  group: ({ change }, _, ctx) => groupById(ctx, change.newGroup.id),
};

export const groupQueries: Pick<QueryResolvers, 'group'> = {
  group: (_, { groupId }, ctx) => {
    const id = groupId.trim();
    if (id === '' || id.length > 255) throw new BadUserInputError(`"${groupId.slice(0, 80)}" is not a group id`, { argument: 'groupId' });
    return groupById(ctx, id);
  },
};
