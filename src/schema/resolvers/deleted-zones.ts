// Abandoned zones (docs/upstreams/vinyldns.md §3.20): the delete change, who made it, the admin
// group and the zone's last state, kept apart from the zone "now" (which no longer exists).
import { deletedZoneConnection } from '../../connections/deleted-zones.js';
import type { DeletedZoneResolvers, QueryResolvers } from '../../generated/resolvers-types.js';
import { encodeId } from '../../model/ids.js';
import { zoneChangeModel, zoneSnapshotModel } from '../../parents/models.js';
import { ACCESS_LEVELS, toEnum } from '../enums.js';
import { userByIdOrName } from '../lookups.js';
import { groupById } from './groups.js';

export const DeletedZone: DeletedZoneResolvers = {
  id: ({ info }) => encodeId({ type: 'DeletedZone', zoneId: info.zoneChange.zone.id, name: info.zoneChange.zone.name }),
  zoneId: ({ info }) => info.zoneChange.zone.id,
  name: ({ info }) => info.zoneChange.zone.name,
  deletedAt: ({ info }) => info.zoneChange.created,
  deletedBy: ({ info }) => info.userName,
  user: ({ info }, _, ctx) => userByIdOrName(ctx, info.zoneChange.userId),
  deleteChange: ({ info }) => zoneChangeModel(info.zoneChange),
  zoneSnapshot: ({ info }) => zoneSnapshotModel(info.zoneChange),
  adminGroupId: ({ info }) => info.zoneChange.zone.adminGroupId,
  adminGroupName: ({ info }) => info.adminGroupName,
  adminGroup: ({ info }, _, ctx) => groupById(ctx, info.zoneChange.zone.adminGroupId),
  accessLevel: ({ info }) => toEnum(info.accessLevel, ACCESS_LEVELS),
};

export const deletedZoneQueries: Pick<QueryResolvers, 'deletedZones'> = {
  deletedZones: (_, { nameFilter, allUsers, ...page }, ctx) =>
    deletedZoneConnection(
      ctx.vinyldns(),
      ctx.cursors,
      { ...(nameFilter == null ? {} : { nameFilter: nameFilter.trim() }), ...(allUsers ? { ignoreAccess: true } : {}) },
      page,
    ),
};
