// The three merged-timeline fields: the feed reads what this request's context offers, and a
// provider that failed is reported beside the data (the page still holds the other's changes).
import { GraphQLError, responsePathAsArray, type GraphQLResolveInfo } from 'graphql';
import type { GraphQLContext } from '../../context.js';
import { GatewayError, type ProviderName } from '../../errors.js';
import { changeFeed, type FeedArgs, type FeedUpstreams } from '../../feed/index.js';
import type { QueryResolvers } from '../../generated/resolvers-types.js';
import { zoneByName } from '../lookups.js';
import { toGraphQLError } from '../mask-error.js';
import type { Connection } from '../../pagination/connection.js';
import type { ChangeModel } from '../../parents/models.js';

export interface ChangeConnectionModel extends Connection<ChangeModel> {
  unavailableProviders: ProviderName[];
}

/** `zoneId`: when the caller already knows the zone, no lookup of `<domain>.` is needed. */
export async function timeline(ctx: GraphQLContext, info: GraphQLResolveInfo, domain: string, args: FeedArgs, zoneId?: string): Promise<ChangeConnectionModel> {
  const field = `${info.parentType.name}.${info.fieldName}`;
  const key = JSON.stringify([field, domain, zoneId ?? null, args]);
  let page = ctx.feedPages.get(key);
  if (!page) ctx.feedPages.set(key, (page = changeFeed(feedUpstreams(ctx, zoneId), field, domain, args)));
  const { connection, failures, unknownDomain } = await page;
  for (const { provider, error } of failures) ctx.partialErrors.push(partialError(provider, error, info));
  // A misspelt domain would otherwise look like one without history (README "The merged timeline").
  if (unknownDomain && zoneId === undefined && info.parentType.name === 'Query') {
    const notFound = new GatewayError('NOT_FOUND', `Neither VinylDNS nor OpenSRS knows the domain "${domain}"`);
    ctx.partialErrors.push(toGraphQLError(notFound, new GraphQLError(notFound.message, { path: responsePathAsArray(info.path), nodes: info.fieldNodes })));
  }
  return { ...connection, unavailableProviders: failures.map((f) => f.provider) };
}

/**
 * What the feed reads through a request's context: its clients, and the zone looked up by name as
 * the caller (who must be able to read it). The export endpoint reads the feed through this too.
 */
export function feedUpstreams(ctx: GraphQLContext, zoneId?: string): FeedUpstreams {
  return {
    cursors: ctx.cursors,
    vinyldns: ctx.hasVinylDns
      ? {
          client: () => ctx.vinyldns(),
          zoneId: async (name) => zoneId ?? (await zoneByName(ctx, name))?.zone.id ?? null,
          userId: async (actor) => (await ctx.users.load(actor))?.id ?? null,
        }
      : undefined,
    opensrs: ctx.hasOpenSrs ? { log: (name) => ctx.domainLog(name) } : undefined,
    // A filter may have to scan far: it stops with what it has when the operation's budget or time is spent.
    refusal: () => ctx.budget.refusal(),
  };
}

/** The error that explains a missing provider, at the feed's path, beside the data. */
function partialError(provider: ProviderName, error: unknown, info: GraphQLResolveInfo): GraphQLError {
  const gatewayError =
    error instanceof GatewayError
      ? error
      : new GatewayError('UPSTREAM_UNAVAILABLE', `${provider === 'VINYLDNS' ? 'VinylDNS' : 'OpenSRS'} could not be read`, provider);
  const located = new GraphQLError(gatewayError.message, { path: responsePathAsArray(info.path), nodes: info.fieldNodes });
  return toGraphQLError(gatewayError, located);
}

export const changes: QueryResolvers['changes'] = (_, { domain, ...args }, ctx, info) => timeline(ctx, info, domain, args);
