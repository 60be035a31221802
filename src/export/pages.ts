// The export's walk: Query.changes' own pages of 100, from cursor to cursor, read only when the
// consumer asks for the next one, so a slow client slows the upstream reads and at most one page
// is held in memory. Every change's cursor is the one Query.changes gives it (same domain, same
// filters, pages of 100), so `after=<any exported cursor>` resumes exactly there.
//
// A page on which a provider failed is never written: the feed would still fill it with the other
// provider's changes, and writing those would put the failed provider's changes of the same span
// out of order (or drop them, for a client that resumes after them). The walk stops before it,
// and the last cursor written is where to resume.
import { GatewayError, type ProviderName } from '../errors.js';
import type { FeedArgs, FeedResult } from '../feed/index.js';
import type { ExportEdge } from './formats.js';

/** The export's page size: Query.changes' largest, so cursors match a walk with `first: 100`. */
export const EXPORT_PAGE_SIZE = 100;

/** Reads one page of the feed (the endpoint binds the upstreams, the domain and the filters). */
export type ReadPage = (args: Pick<FeedArgs, 'first' | 'after'>) => Promise<FeedResult>;

/** The walk stopped: `error` says why, `after` where to resume (null: from the start). */
export class ExportInterrupted extends Error {
  constructor(
    readonly error: GatewayError,
    readonly after: string | null,
  ) {
    super(error.message);
    this.name = 'ExportInterrupted';
  }
}

const label = (provider: ProviderName) => (provider === 'VINYLDNS' ? 'VinylDNS' : 'OpenSRS');

/** A provider's failure as the client may see it: our own errors as they are, anything else masked. */
export function clientError(provider: ProviderName | undefined, error: unknown): GatewayError {
  if (error instanceof GatewayError) return error;
  return new GatewayError('UPSTREAM_UNAVAILABLE', provider ? `${label(provider)} could not be read` : 'The export could not be read', provider);
}

/** Pages of edges, newest first; throws ExportInterrupted when a page cannot be read whole. */
export async function* feedPages(read: ReadPage, after: string | null): AsyncGenerator<ExportEdge[], void, undefined> {
  let cursor = after;
  for (;;) {
    let result: FeedResult;
    try {
      result = await read({ first: EXPORT_PAGE_SIZE, after: cursor });
    } catch (error) {
      throw new ExportInterrupted(clientError(undefined, error), cursor);
    }
    const failure = result.failures[0];
    if (failure) throw new ExportInterrupted(clientError(failure.provider, failure.error), cursor);
    const { edges, pageInfo } = result.connection;
    if (edges.length > 0) yield edges;
    if (!pageInfo.hasNextPage || pageInfo.endCursor === null) return;
    cursor = pageInfo.endCursor;
  }
}
