// Federation entity references (`_entities`): resolved through the same per-request loaders as
// every other zone read, so N representations of K zones cost K upstream GETs.
import type { GraphQLContext } from '../../context.js';
import { decodeId } from '../../model/ids.js';
import { domainByName, nodeById, zoneById, zoneByName } from '../lookups.js';
import type { RecordSetModel, ZoneModel } from '../models.js';

type ZoneRef = { id?: string | null; zoneId?: string | null; name?: string | null };

async function resolveZone(ref: ZoneRef, ctx: GraphQLContext): Promise<ZoneModel | null> {
  if (ref.zoneId) return zoneById(ctx, ref.zoneId);
  if (ref.id) {
    const id = decodeId(ref.id);
    return id.type === 'Zone' ? zoneById(ctx, id.zoneId) : ((await nodeById(ctx, ref.id)) as ZoneModel | null);
  }
  if (ref.name) return zoneByName(ctx, ref.name);
  return null;
}

export const entityResolvers = {
  Zone: { __resolveReference: (ref: ZoneRef, ctx: GraphQLContext) => resolveZone(ref, ctx) },
  RecordSet: {
    __resolveReference: async (ref: { id: string }, ctx: GraphQLContext) => (await nodeById(ctx, ref.id)) as RecordSetModel | null,
  },
  Domain: { __resolveReference: (ref: { name: string }, ctx: GraphQLContext) => domainByName(ctx, ref.name) },
} as const;
