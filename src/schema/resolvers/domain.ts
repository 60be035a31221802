import type { GraphQLContext } from '../../context.js';
import { domainChangeConnection } from '../../connections/domain-changes.js';
import { BadUserInputError, GatewayError } from '../../errors.js';
import type { DomainChangeResolvers, DomainResolvers } from '../../generated/resolvers-types.js';
import { encodeId } from '../../model/ids.js';
import { isoSeconds } from '../../model/time.js';
import { domainChangeSummary } from '../../parents/summary.js';
import { domainByName, zoneByName } from '../lookups.js';
import { timeline } from './feed.js';
import { exportUrl } from '../../export/url.js';

export const Domain: DomainResolvers = {
  id: ({ name }) => encodeId({ type: 'Domain', name }),
  name: ({ name }) => name,
  changes: ({ name }, args, ctx) => domainChangeConnection(ctx.domainLog(name), ctx.cursors, args),
  timeline: ({ name }, args, ctx, info) => timeline(ctx, info, name, args),
  exportUrl: ({ name }, args, ctx) => exportUrl(ctx, name, args),
  zone: async ({ name }, _, ctx) => {
    if (!ctx.hasVinylDns) return null;
    return zoneByName(ctx, name);
  },
};

export const DomainChange: DomainChangeResolvers = {
  id: ({ domain, position }) => encodeId({ type: 'DomainChange', domain, position }),
  provider: () => 'OPENSRS',
  occurredAt: ({ entry }) => isoSeconds(entry.time),
  actor: ({ entry }) => entry.user,
  summary: ({ entry }) => domainChangeSummary(entry),
  application: ({ entry }) => entry.application,
  message: ({ entry }) => entry.msg,
  user: ({ entry }) => entry.user,
  bySystem: ({ entry }) => entry.user === 'OpenSRS',
  domain: async ({ domain }, _, ctx) => {
    const found = await domainByName(ctx, domain);
    if (!found) throw new GatewayError('NOT_FOUND', `OpenSRS no longer knows the domain ${domain}`, 'OPENSRS');
    return found;
  },
};

/** Zone.domain: the mail domain of the zone's name; null when none or OpenSRS is off. */
export async function zoneDomain(zoneName: string, ctx: GraphQLContext) {
  if (!ctx.hasOpenSrs) return null;
  try {
    return await domainByName(ctx, zoneName);
  } catch (error) {
    // Zones such as reverse zones or single labels are no mail domain names: there is no domain.
    if (error instanceof BadUserInputError) return null;
    throw error;
  }
}
