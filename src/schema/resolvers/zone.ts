import { failedRecordSetChangeConnection, recordSetChangeConnection, zoneChangeConnection } from '../../connections/change-lists.js';
import { recordSetConnection } from '../../connections/record-sets.js';
import type { AclRuleResolvers, ZoneResolvers } from '../../generated/resolvers-types.js';
import { encodeId } from '../../model/ids.js';
import { zoneDomain } from './domain.js';
import { timeline } from './feed.js';
import { exportUrl } from '../../export/url.js';
import { ACCESS_LEVELS, RECORD_TYPES, toEnum, ZONE_STATUSES } from '../enums.js';
import { currentZone } from '../lookups.js';

export const Zone: ZoneResolvers = {
  id: ({ zone, snapshot }) =>
    encodeId(snapshot ? { type: 'ZoneSnapshot', zoneId: zone.id, changeId: snapshot.changeId, time: snapshot.time } : { type: 'Zone', zoneId: zone.id }),
  zoneId: ({ zone }) => zone.id,
  name: ({ zone }) => zone.name,
  email: ({ zone }) => zone.email,
  status: ({ zone }) => toEnum(zone.status, ZONE_STATUSES),
  created: ({ zone }) => zone.created,
  updated: ({ zone }) => zone.updated ?? null,
  latestSync: ({ zone }) => zone.latestSync ?? null,
  shared: ({ zone }) => zone.shared,
  isTest: ({ zone }) => zone.isTest ?? null,
  account: ({ zone }) => zone.account ?? null,
  adminGroupId: ({ zone }) => zone.adminGroupId,
  adminGroupName: ({ zone }) => zone.adminGroupName ?? null,
  backendId: ({ zone }) => zone.backendId ?? null,
  recurrenceSchedule: ({ zone }) => zone.recurrenceSchedule ?? null,
  scheduleRequestor: ({ zone }) => zone.scheduleRequestor ?? null,
  accessLevel: ({ zone }) => (zone.accessLevel ? toEnum(zone.accessLevel, ACCESS_LEVELS) : null),
  aclRules: ({ zone }) => zone.acl?.rules ?? [],
  connection: ({ zone }) => zone.connection ?? null,
  transferConnection: ({ zone }) => zone.transferConnection ?? null,

  changes: ({ zone }, args, ctx) => zoneChangeConnection(ctx.vinyldns(), ctx.cursors, zone.id, args),
  recordSetChanges: ({ zone }, args, ctx) => recordSetChangeConnection(ctx.vinyldns(), ctx.cursors, zone.id, args),
  failedRecordSetChanges: async ({ zone }, args, ctx) => {
    // VinylDNS answers this list for any zone and any caller, and this Zone may be a snapshot
    // inside a change: the caller must be able to read the zone now (FORBIDDEN / NOT_FOUND else).
    await currentZone(ctx, zone.id);
    return failedRecordSetChangeConnection(ctx.vinyldns(), ctx.cursors, zone.id, args);
  },
  domain: ({ zone }, _, ctx) => zoneDomain(zone.name, ctx),
  timeline: ({ zone }, args, ctx, info) => timeline(ctx, info, zone.name, args, zone.id),
  exportUrl: ({ zone }, args, ctx) => exportUrl(ctx, zone.name.replace(/\.$/, ''), args),
  recordSets: ({ zone }, args, ctx) => recordSetConnection(ctx.vinyldns(), ctx.cursors, zone.id, args),
};

export const AclRule: AclRuleResolvers = {
  accessLevel: (rule) => toEnum(rule.accessLevel, ACCESS_LEVELS),
  recordTypes: (rule) => rule.recordTypes.map((t) => toEnum(t, RECORD_TYPES)),
};
