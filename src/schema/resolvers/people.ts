// VinylDNS users: who made a change, through the request's users loader (one GET per person).
import type { UserResolvers } from '../../generated/resolvers-types.js';
import { encodeId } from '../../model/ids.js';

export const User: UserResolvers = {
  id: ({ user }) => encodeId({ type: 'User', userId: user.id }),
  userId: ({ user }) => user.id,
  userName: ({ user }) => user.userName ?? null,
  groupIds: ({ user }) => user.groupId ?? [],
};
