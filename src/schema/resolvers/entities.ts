// Federation entity references (`_entities`): resolved through the same per-request loaders as
// every other zone read, so N representations of K zones cost K upstream GETs. A gateway batches
// every reference of a query plan step into one `_entities` call, often with the same key many
// times: reads that have no DataLoader of their own (zone by name, record set, snapshots) are
// shared per request here, and each representation fails or resolves on its own.
//
// A representation comes from another subgraph, not from a user: a key this gateway cannot read
// (a malformed id, an id of another type, an invalid name) resolves to null like an unknown one,
// instead of failing with BAD_USER_INPUT. Upstream failures still surface as that entity's error.
import type { GraphQLContext } from '../../context.js';
import { BadUserInputError } from '../../errors.js';
import { decodeId, type GlobalId } from '../../model/ids.js';
import { absoluteName } from '../../model/names.js';
import { domainByName, nodeById, zoneById, zoneByName } from '../lookups.js';
import type { DomainModel, NodeModel, RecordSetModel, ZoneModel } from '../../parents/models.js';

type ZoneRef = { id?: string | null; zoneId?: string | null; name?: string | null };
type RecordSetRef = { id?: string | null };
type DomainRef = { name?: string | null };

/** Per request (keyed by the request's context object): reads already started, by key. */
const started = new WeakMap<object, Map<string, Promise<NodeModel | null>>>();

function shared(ctx: GraphQLContext, key: string, read: () => Promise<NodeModel | null>): Promise<NodeModel | null> {
  let reads = started.get(ctx);
  if (!reads) started.set(ctx, (reads = new Map()));
  let p = reads.get(key);
  if (!p) reads.set(key, (p = read()));
  return p;
}

// What a shared read found, when it is the kind of entity asked for.
const asZone = (node: NodeModel | null): ZoneModel | null => (node?.__typename === 'Zone' ? node : null);
const asRecordSet = (node: NodeModel | null): RecordSetModel | null => (node?.__typename === 'RecordSet' ? node : null);

/** Malformed keys resolve to null; every other error (upstream failures) is the entity's error. */
async function nullIfInvalid<T>(read: () => Promise<T | null>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof BadUserInputError) return null;
    throw error;
  }
}

function decodeOrNull(id: unknown): GlobalId | null {
  if (typeof id !== 'string') return null;
  try {
    return decodeId(id);
  } catch {
    return null;
  }
}

const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

export function resolveZoneReference(ref: ZoneRef, ctx: GraphQLContext): Promise<ZoneModel | null> {
  if (nonEmpty(ref.zoneId)) return zoneById(ctx, ref.zoneId);
  if (nonEmpty(ref.id)) {
    const id = decodeOrNull(ref.id);
    if (id?.type === 'Zone') return zoneById(ctx, id.zoneId);
    // A zone as recorded inside a zone change has a `Zone.id` of its own.
    if (id?.type === 'ZoneSnapshot') return shared(ctx, `node:${ref.id}`, () => nodeById(ctx, ref.id!)).then(asZone);
    return Promise.resolve(null);
  }
  if (nonEmpty(ref.name)) {
    const name = ref.name;
    return nullIfInvalid(() => shared(ctx, `zone-name:${absoluteName(name.trim())}`, () => zoneByName(ctx, name)).then(asZone));
  }
  return Promise.resolve(null);
}

export function resolveRecordSetReference(ref: RecordSetRef, ctx: GraphQLContext): Promise<RecordSetModel | null> {
  const id = decodeOrNull(ref.id);
  if (id?.type !== 'RecordSet' && id?.type !== 'RecordSetSnapshot') return Promise.resolve(null);
  return shared(ctx, `node:${ref.id}`, () => nodeById(ctx, ref.id!)).then(asRecordSet);
}

export function resolveDomainReference(ref: DomainRef, ctx: GraphQLContext): Promise<DomainModel | null> {
  // The request's domain log (ctx.domainLog) already shares the existence check per domain.
  return nonEmpty(ref.name) ? nullIfInvalid(() => domainByName(ctx, ref.name!)) : Promise.resolve(null);
}

export const entityResolvers = {
  Zone: { __resolveReference: resolveZoneReference },
  RecordSet: { __resolveReference: resolveRecordSetReference },
  Domain: { __resolveReference: resolveDomainReference },
} as const;
