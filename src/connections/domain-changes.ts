// A mail domain's change log. OpenSRS pages it oldest first by `range.first`/`range.limit` and
// reports `total_count`. Our cursors hold the position counted from the oldest change, which new
// changes never move, so walks in either order stay exact while changes are appended. Pages
// are planned in position space: only "the newest N" needs the total before the page is read.
import { BadUserInputError, GatewayError } from '../errors.js';
import { bidirectionalArgs, type PageArgs } from '../pagination/args.js';
import { connection, type Connection } from '../pagination/connection.js';
import type { CursorCodec, CursorScope } from '../pagination/cursor.js';
import { RangeReader } from '../pagination/range-reader.js';
import { relayWindow } from '../pagination/window.js';
import type { OpenSrsClient } from '../providers/opensrs/client.js';
import { domainChangeModel, type DomainChangeEntry, type DomainChangeModel } from '../schema/models.js';

export type ChangeOrder = 'NEWEST_FIRST' | 'OLDEST_FIRST';

/** Position from the oldest change, and its time (epoch seconds) as a check. */
interface DomainChangePosition {
  p: number;
  t: number;
}

const isPosition = (x: unknown): x is DomainChangePosition => {
  const q = x as DomainChangePosition;
  return typeof q === 'object' && q !== null && Number.isSafeInteger(q.p) && q.p >= 0 && typeof q.t === 'number';
};

export interface DomainChangeConnection extends Connection<DomainChangeModel> {
  totalCount: number;
}

/** The oldest-first log as a RangeReader, remembering the total OpenSRS reports with each page. */
export function domainLog(client: OpenSrsClient, domain: string, knownTotal?: number) {
  let total = knownTotal;
  const reader = new RangeReader<DomainChangeEntry>(async (offset, limit) => {
    const page = await client.getDomainChanges(domain, { first: offset, limit });
    if (!page) throw new GatewayError('NOT_FOUND', `OpenSRS has no domain ${domain}`, 'OPENSRS');
    total = page.totalCount;
    return { items: page.changes, more: offset + page.changes.length < page.totalCount };
  });
  return {
    reader,
    get total() {
      return total;
    },
    /** The total, asking OpenSRS for one change if no page has told it yet. */
    async requireTotal(): Promise<number> {
      if (total === undefined) await reader.ensure(0, 1);
      return total ?? 0;
    },
  };
}

export async function domainChangeConnection(
  client: OpenSrsClient,
  codec: CursorCodec,
  domain: string,
  args: PageArgs & { order?: ChangeOrder | null },
  knownTotal?: number,
): Promise<DomainChangeConnection> {
  const order: ChangeOrder = args.order ?? 'NEWEST_FIRST';
  const scope: CursorScope = { field: 'Domain.changes', binding: { domain, order } };
  const { first, last, after, before } = bidirectionalArgs(args);
  const a = after === undefined ? undefined : codec.decode(scope, after, 'after', isPosition).p;
  const b = before === undefined ? undefined : codec.decode(scope, before, 'before', isPosition).p;
  const log = domainLog(client, domain, knownTotal);
  const newest = order === 'NEWEST_FIRST';

  // Read the positions the page can touch, planned without the total where possible.
  const plan = (total?: number) => (newest ? newestFirstSpan : oldestFirstSpan)(a, b, first, last, total);
  let span = plan(log.total);
  if (span === undefined) span = plan(await log.requireTotal());
  if (span && span[1] > span[0]) await log.reader.ensure(span[0], span[1]);
  const total = await log.requireTotal();

  for (const [name, p] of [['after', a], ['before', b]] as const) {
    if (p !== undefined && p >= total) throw new BadUserInputError(`Invalid \`${name}\` cursor for Domain.changes: it is past the end of the list`, { argument: name });
  }
  // The Relay window over the list in the requested order, then back to positions.
  const toIndex = (p: number) => (newest ? total - 1 - p : p);
  const w = relayWindow({ after: a === undefined ? undefined : toIndex(a), before: b === undefined ? undefined : toIndex(b), first, last, length: total });
  const positions: number[] = [];
  for (let i = w.start; i < w.end; i++) positions.push(toIndex(i));
  if (positions.length > 0) await log.reader.ensure(Math.min(...positions), Math.max(...positions) + 1);

  const edges = positions.flatMap((p) => {
    const entry = log.reader.at(p);
    return entry ? [{ cursor: codec.encode(scope, { p, t: entry.time }), node: domainChangeModel(domain, p, entry) }] : [];
  });
  return { ...connection(edges, w.hasPreviousPage, w.hasNextPage), totalCount: total };
}

type Span = [number, number] | undefined;

/** Newest first: `after` is newer than what follows (lower positions); `before` the reverse. */
function newestFirstSpan(a?: number, b?: number, first?: number, last?: number, total?: number): Span {
  const lo = b === undefined ? 0 : b + 1;
  const hi = a ?? total;
  if (first !== undefined) return hi === undefined ? undefined : [Math.max(lo, hi - first), hi];
  return [lo, Math.min(hi ?? Number.MAX_SAFE_INTEGER, lo + (last ?? 0))];
}

/** Oldest first: positions are list indexes. */
function oldestFirstSpan(a?: number, b?: number, first?: number, last?: number, total?: number): Span {
  const lo = a === undefined ? 0 : a + 1;
  const hi = b ?? total;
  if (first !== undefined) return [lo, Math.min(hi ?? Number.MAX_SAFE_INTEGER, lo + first)];
  return hi === undefined ? undefined : [Math.max(lo, hi - (last ?? 0)), hi];
}
