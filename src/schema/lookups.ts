// Single-object reads shared by Query, Node and the federation entity resolvers.
import type { GraphQLContext } from '../context.js';
import { BadUserInputError, GatewayError } from '../errors.js';
import { decodeId } from '../model/ids.js';
import { absoluteName, SAFE_FILTER } from '../model/names.js';
import type { WireRecordSetChange, WireZone, WireZoneChange } from '../providers/vinyldns/wire.js';
import {
  domainChangeModel,
  domainModel,
  recordSetChangeModel,
  recordSetModel,
  recordSetSnapshotModel,
  zoneChangeModel,
  zoneModel,
  zoneSnapshotModel,
  type DomainModel,
  type NodeModel,
  type RecordSetModel,
  type UserModel,
  type ZoneModel,
  userModel,
  batchChangeModel,
  groupChangeModel,
  groupModel,
  deletedZoneModel,
  type DeletedZoneModel,
  type MailOwnerModel,
} from '../parents/models.js';
import { normaliseMailbox, normaliseMailDomain } from '../providers/opensrs/client.js';
import { zoneChangeKey } from '../sources/zone-changes.js';

/** The zone as it is now, through the per-request loader. */
export async function zoneById(ctx: GraphQLContext, zoneId: string): Promise<ZoneModel | null> {
  const zone = await ctx.zones.load(zoneId);
  return zone ? zoneModel(zone) : null;
}

/** For non-null `zone` fields: the zone now, or an error saying it is gone. */
export async function currentZone(ctx: GraphQLContext, zoneId: string): Promise<ZoneModel> {
  const zone = await zoneById(ctx, zoneId);
  if (!zone) throw new GatewayError('NOT_FOUND', `Zone ${zoneId} no longer exists in VinylDNS`, 'VINYLDNS');
  return zone;
}

/**
 * By name. VinylDNS answers zone-by-name without checking access, so the zone is then read by id
 * with the caller's identity: a caller sees it only if it may read it.
 */
export async function zoneByName(ctx: GraphQLContext, name: string): Promise<ZoneModel | null> {
  const absolute = absoluteName(name.trim());
  if (!SAFE_FILTER.test(absolute) || absolute.includes('*')) {
    throw new BadUserInputError(`"${name}" is not a valid zone name`, { argument: 'name' });
  }
  const found: WireZone | null = await ctx.vinyldns().getZoneByName(absolute);
  return found ? zoneById(ctx, found.id) : null;
}

export async function findZoneChange(ctx: GraphQLContext, zoneId: string, changeId: string, time: number): Promise<WireZoneChange | null> {
  // A page of 100 from the change's second covers all but bulk bursts.
  const res = await notFoundAsNull(ctx.vinyldns().listZoneChanges(zoneId, { startFrom: zoneChangeKey(time), maxItems: 100 }));
  return res?.zoneChanges.find((c) => c.id === changeId) ?? null;
}

export async function findRecordSetChange(ctx: GraphQLContext, zoneId: string, recordSetId: string, changeId: string): Promise<WireRecordSetChange | null> {
  const change = await ctx.vinyldns().getRecordSetChange(zoneId, recordSetId, changeId);
  // VinylDNS looks the change up by id alone: make sure it is this zone's.
  return change && change.zone.id === zoneId ? change : null;
}

export async function recordSetById(ctx: GraphQLContext, zoneId: string, recordSetId: string): Promise<RecordSetModel | null> {
  const rs = await ctx.vinyldns().getRecordSet(zoneId, recordSetId);
  return rs && rs.zoneId === zoneId ? recordSetModel(rs) : null;
}

/** A 404 for the parent zone of a list read also means "no such object" (lookups: see the client's getOrNull). */
async function notFoundAsNull<T>(p: Promise<T | null>): Promise<T | null> {
  try {
    return await p;
  } catch (error) {
    if (error instanceof GatewayError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

/**
 * An OpenSRS mail domain, or null when OpenSRS does not know it. Validates the name first.
 * `plan`: given the normalised name, the change positions the caller is about to page through,
 * read as the existence check.
 */
export async function domainByName(
  ctx: GraphQLContext,
  name: string,
  plan?: (normalised: string) => [number, number] | undefined,
): Promise<DomainModel | null> {
  const normalised = normaliseMailDomain(name.trim().replace(/\.$/, ''));
  return (await ctx.domainLog(normalised).exists(plan?.(normalised))) ? domainModel(normalised) : null;
}

/** A VinylDNS user by id or user name, through the request's loader; null when it cannot be read. */
export async function userByIdOrName(ctx: GraphQLContext, idOrName: string): Promise<UserModel | null> {
  const user = await ctx.users.load(idOrName);
  return user ? userModel(user) : null;
}

/**
 * What `Change.actor` shows for a VinylDNS user id: the user name where the id resolves, else the
 * id itself (`system`, a deleted user, an unreadable one).
 */
export async function actorName(ctx: GraphQLContext, userId: string): Promise<string> {
  return (await ctx.users.load(userId))?.userName ?? userId;
}

/** For `node(id:)`: VinylDNS has no read of a deleted zone by id; the list filtered on its name finds it. */
async function deletedZoneById(ctx: GraphQLContext, zoneId: string, name: string): Promise<DeletedZoneModel | null> {
  if (!SAFE_FILTER.test(name)) return null;
  const res = await ctx.vinyldns().listDeletedZones({ nameFilter: name, maxItems: 100, ignoreAccess: true });
  const info = res.zonesDeletedInfo.find((i) => i.zoneChange.zone.id === zoneId);
  return info ? deletedZoneModel(info) : null;
}

/** A mailbox, or null when OpenSRS does not know it (the log's first read says). */
export async function mailUserByAddress(ctx: GraphQLContext, address: string): Promise<MailOwnerModel<'MailUser'> | null> {
  const name = normaliseMailbox(address.trim());
  return (await ctx.mailLog('user', name).exists()) ? { __typename: 'MailUser', name } : null;
}

/** A company, or null when OpenSRS does not know it. The name is sent as given (trimmed). */
export async function companyByName(ctx: GraphQLContext, name: string): Promise<MailOwnerModel<'Company'> | null> {
  const key = name.trim();
  return (await ctx.mailLog('company', key).exists()) ? { __typename: 'Company', name: key } : null;
}

/** For `node(id:)`: one entry of a mailbox's or company's log by its position. */
async function mailLogEntry(ctx: GraphQLContext, kind: 'user' | 'company', name: string, position: number) {
  const log = ctx.mailLog(kind, name);
  await log.reader.ensure(position, position + 1);
  return log.reader.at(position) ?? null;
}

/** Resolves any global id of this gateway to its model, or null when it no longer exists. */
export async function nodeById(ctx: GraphQLContext, id: string): Promise<NodeModel | null> {
  const ref = decodeId(id);
  switch (ref.type) {
    case 'Zone':
      return zoneById(ctx, ref.zoneId);
    case 'ZoneSnapshot': {
      const change = await findZoneChange(ctx, ref.zoneId, ref.changeId, ref.time);
      return change ? zoneSnapshotModel(change) : null;
    }
    case 'ZoneChange': {
      const change = await findZoneChange(ctx, ref.zoneId, ref.changeId, ref.time);
      return change ? zoneChangeModel(change) : null;
    }
    case 'RecordSet':
      return recordSetById(ctx, ref.zoneId, ref.recordSetId);
    case 'RecordSetSnapshot': {
      const change = await findRecordSetChange(ctx, ref.zoneId, ref.recordSetId, ref.changeId);
      return change ? recordSetSnapshotModel(change, ref.which) : null;
    }
    case 'RecordSetChange': {
      const change = await findRecordSetChange(ctx, ref.zoneId, ref.recordSetId, ref.changeId);
      return change ? recordSetChangeModel(change) : null;
    }
    case 'Domain':
      return domainByName(ctx, ref.name);
    case 'DomainChange': {
      const page = await ctx.opensrs().getDomainChanges(ref.domain, { first: ref.position, limit: 1 });
      const entry = page?.changes[0];
      return entry ? domainChangeModel(ref.domain, ref.position, entry) : null;
    }
    case 'User':
      return userByIdOrName(ctx, ref.userId);
    case 'Group': {
      const group = await ctx.vinyldns().getGroup(ref.groupId);
      return group ? groupModel(group) : null;
    }
    case 'GroupChange': {
      const change = await ctx.vinyldns().getGroupChange(ref.changeId);
      return change ? groupChangeModel(change) : null;
    }
    case 'MailUser':
      return mailUserByAddress(ctx, ref.name);
    case 'Company':
      return companyByName(ctx, ref.name);
    case 'MailUserChange': {
      const entry = await mailLogEntry(ctx, 'user', ref.name, ref.position);
      return entry ? { __typename: 'MailUserChange', name: ref.name, position: ref.position, entry } : null;
    }
    case 'CompanyChange': {
      const entry = await mailLogEntry(ctx, 'company', ref.name, ref.position);
      return entry ? { __typename: 'CompanyChange', name: ref.name, position: ref.position, entry } : null;
    }
    case 'DeletedZone':
      return deletedZoneById(ctx, ref.zoneId, ref.name);
    case 'BatchChange': {
      const batch = await ctx.batchChanges.load(ref.batchChangeId);
      return batch ? batchChangeModel(batch) : null;
    }
    default:
      return null;
  }
}
