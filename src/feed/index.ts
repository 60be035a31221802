// The merged change feed of one domain across providers (Query.changes, Zone.timeline,
// Domain.timeline): argument checks, sources, merge, cursor, and partial failure.
import { GraphQLError, responsePathAsArray, type GraphQLResolveInfo } from 'graphql';
import type { GraphQLContext } from '../context.js';
import { BadUserInputError, GatewayError, ProviderNotConfiguredError, type ProviderName } from '../errors.js';
import { SAFE_FILTER } from '../model/names.js';
import { forwardArgs } from '../pagination/args.js';
import { connection, type Connection } from '../pagination/connection.js';
import { zoneByName } from '../schema/lookups.js';
import { toGraphQLError } from '../schema/mask-error.js';
import { readFeed } from './merge.js';
import { isFeedPosition, openSrsSource, vinylDnsSources, type SourceSpec } from './sources.js';
import type { ChangeModel, FeedFilters } from './types.js';

export interface FeedArgs {
  first?: number | null;
  after?: string | null;
  providers?: readonly ('VINYLDNS' | 'OPENSRS')[] | null;
  since?: Date | null;
  until?: Date | null;
  actor?: string | null;
}

export interface ChangeConnectionModel extends Connection<ChangeModel> {
  unavailableProviders: ProviderName[];
}

const seconds = (d: Date | null | undefined) => (d ? Math.floor(d.getTime() / 1000) : undefined);

/**
 * `domain` without the trailing dot. `zoneId`, when the caller already knows the zone, saves the
 * lookup of `<domain>.` in VinylDNS.
 */
export async function changeFeed(
  ctx: GraphQLContext,
  info: GraphQLResolveInfo,
  domain: string,
  args: FeedArgs,
  zoneId?: string,
): Promise<ChangeConnectionModel> {
  const name = domain.trim().replace(/\.$/, '').toLowerCase();
  if (!SAFE_FILTER.test(name) || name.includes('*')) throw new BadUserInputError(`"${domain}" is not a valid domain name`, { argument: 'domain' });
  const filters: FeedFilters = {
    providers: args.providers ? [...new Set(args.providers)].sort() : null,
    since: seconds(args.since),
    until: seconds(args.until),
    actor: args.actor ?? null,
  };
  const scope = { field: 'Change.timeline', binding: { domain: name, ...filters } };
  const { first, after } = forwardArgs('the change feed', args);
  const start = after === undefined ? {} : ctx.cursors.decode(scope, after, 'after', isFeedPosition);

  const wants = (p: ProviderName) => !filters.providers || filters.providers.includes(p);
  const specs: SourceSpec[] = [];
  if (wants('VINYLDNS')) {
    if (!ctx.hasVinylDns) specs.push(unavailable('zc', 'VINYLDNS', new ProviderNotConfiguredError('VINYLDNS', 'VINYLDNS_URL')));
    else {
      let lookup: Promise<string | null> | undefined;
      const zoneIdOf = () => (lookup ??= zoneId ? Promise.resolve(zoneId) : lookupZoneId(ctx, name));
      specs.push(...vinylDnsSources(ctx, zoneIdOf, filters));
    }
  }
  if (wants('OPENSRS')) {
    if (!ctx.hasOpenSrs) specs.push(unavailable('dc', 'OPENSRS', new ProviderNotConfiguredError('OPENSRS', 'OPENSRS_URL')));
    else specs.push(openSrsSource(ctx, name, filters));
  }

  const page = await readFeed(specs, filters, start, first);
  const unavailableProviders: ProviderName[] = [];
  for (const { provider, error } of page.failures) {
    if (unavailableProviders.includes(provider)) continue;
    unavailableProviders.push(provider);
    ctx.partialErrors.push(partialError(provider, error, info));
  }
  const edges = page.edges.map((e) => ({ cursor: ctx.cursors.encode(scope, e.position), node: e.model }));
  return { ...connection(edges, false, page.hasNextPage), unavailableProviders };
}

async function lookupZoneId(ctx: GraphQLContext, name: string): Promise<string | null> {
  const zone = await zoneByName(ctx, name);
  return zone?.zone.id ?? null;
}

const unavailable = (key: 'zc' | 'dc', provider: ProviderName, error: Error): SourceSpec => ({
  key,
  provider,
  read: async () => {
    throw error;
  },
});

/** The error that explains a missing provider, at the feed's path, beside the data. */
function partialError(provider: ProviderName, error: unknown, info: GraphQLResolveInfo): GraphQLError {
  const gatewayError =
    error instanceof GatewayError
      ? error
      : new GatewayError('UPSTREAM_UNAVAILABLE', `${provider === 'VINYLDNS' ? 'VinylDNS' : 'OpenSRS'} could not be read`, provider);
  const located = new GraphQLError(gatewayError.message, { path: responsePathAsArray(info.path), nodes: info.fieldNodes });
  return toGraphQLError(gatewayError, located);
}
