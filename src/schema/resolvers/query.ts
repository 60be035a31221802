import { failedZoneChangeConnection, recordSetHistoryConnection } from '../../connections/change-lists.js';
import { zoneConnection } from '../../connections/zones.js';
import { BadUserInputError } from '../../errors.js';
import type { QueryResolvers } from '../../generated/resolvers-types.js';
import { decodeId } from '../../model/ids.js';
import { absoluteName } from '../../model/names.js';
import { zoneModel } from '../../parents/models.js';
import { plannedDomainSpan } from '../plan-domain-read.js';
import { changes } from './feed.js';
import { batchChangeQueries } from './batch-changes.js';
import { groupQueries } from './groups.js';
import { deletedZoneQueries } from './deleted-zones.js';
import { mailLogQueries } from './mail-logs.js';
import { domainByName, nodeById, recordSetById, userByIdOrName, zoneById, zoneByName } from '../lookups.js';
import { canListZoneChanges } from '../zone-access.js';

export const Query: QueryResolvers = {
  node: (_, { id }, ctx) => nodeById(ctx, id),

  ...batchChangeQueries,
  ...groupQueries,
  ...deletedZoneQueries,
  ...mailLogQueries,

  user: (_, { idOrName }, ctx) => {
    const key = idOrName.trim();
    if (key === '' || key.length > 255)
      throw new BadUserInputError(`"${idOrName.slice(0, 80)}" is not a user id or user name (expected 1 to 255 characters)`, { argument: 'idOrName' });
    return userByIdOrName(ctx, key);
  },

  zone: async (_, args, ctx) => {
    const given = (['id', 'zoneId', 'name'] as const).filter((k) => args[k] != null);
    if (given.length !== 1) {
      throw new BadUserInputError(`zone takes exactly one of \`id\`, \`zoneId\` or \`name\`, got ${given.length === 0 ? 'none' : given.join(' and ')}`);
    }
    if (args.name != null) return zoneByName(ctx, args.name);
    if (args.zoneId != null) return zoneById(ctx, args.zoneId);
    const ref = decodeId(args.id!);
    return ref.type === 'Zone' ? zoneById(ctx, ref.zoneId) : null;
  },

  zones: async (_, args, ctx) => {
    const page = await zoneConnection(ctx.vinyldns(), ctx.cursors, args);
    // A list read is current data: later `zone { … }` lookups in this request need no GET.
    for (const zone of page.nodes) ctx.zones.prime(zone.id, zone);
    const edges = page.edges.map((e) => ({ cursor: e.cursor, node: zoneModel(e.node) }));
    return { edges, nodes: edges.map((e) => e.node), pageInfo: page.pageInfo };
  },

  recordSet: (_, { zoneId, recordSetId }, ctx) => recordSetById(ctx, zoneId, recordSetId),

  recordSetChangeHistory: (_, { zoneId, fqdn, type, ...page }, ctx) => {
    const name = absoluteName(fqdn.trim());
    if (name.length > 254 || !/^[A-Za-z0-9._*-]+$/.test(name)) throw new BadUserInputError(`"${fqdn}" is not a valid DNS name`, { argument: 'fqdn' });
    return recordSetHistoryConnection(ctx.vinyldns(), ctx.cursors, 'Query.recordSetChangeHistory', { zoneId, fqdn: name, type }, page);
  },

  // VinylDNS lists every zone's failures to any caller: keep those of zones whose changes the
  // caller may list, as `Zone.changes` would (positions count those only; see
  // src/sources/failed-zone-changes.ts for what deep pages cost).
  failedZoneChanges: (_, args, ctx) => failedZoneChangeConnection(ctx.vinyldns(), ctx.cursors, (change) => canListZoneChanges(ctx, change.zone.id), args),

  changes,

  domain: (_, { name }, ctx, info) => domainByName(ctx, name, (normalised) => plannedDomainSpan(info, ctx.cursors, normalised)),
};
