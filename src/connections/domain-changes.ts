// A mail domain's change log. OpenSRS pages it oldest first by `range.first`/`range.limit` and
// reports `total_count`. Our cursors hold the position counted from the oldest change, which new
// changes never move, so walks in either order stay exact while changes are appended. Pages
// are planned in position space: only "the newest N" needs the total before the page is read.
import { BadUserInputError } from '../errors.js';
import { bidirectionalArgs, type BidirectionalArgs, type PageArgs } from '../pagination/args.js';
import { connection, type Connection } from '../pagination/connection.js';
import type { CursorCodec, CursorScope } from '../pagination/cursor.js';
import { RangeReader } from '../pagination/range-reader.js';
import { relayWindow } from '../pagination/window.js';
import type { OpenSrsClient } from '../providers/opensrs/client.js';
import { domainChangeModel, type DomainChangeEntry, type DomainChangeModel } from '../schema/models.js';

export type ChangeOrder = 'NEWEST_FIRST' | 'OLDEST_FIRST';

/** Position from the oldest change, and its time (epoch seconds). */
export interface DomainChangePosition {
  p: number;
  t: number;
}

export const isDomainChangePosition = (x: unknown): x is DomainChangePosition => {
  const q = x as DomainChangePosition;
  return typeof q === 'object' && q !== null && Number.isSafeInteger(q.p) && q.p >= 0 && typeof q.t === 'number';
};

export interface DomainChangeConnection extends Connection<DomainChangeModel> {
  totalCount: number;
}

/** Positions [from, to) of the oldest-first log. */
type Span = [number, number];

/**
 * One domain's log for the length of a request: what OpenSRS returned so far, its total, and
 * whether the domain exists. `domain(name:)` and `changes` share it, so the read that proves the
 * domain exists is also the page.
 */
export class DomainLog {
  readonly reader: RangeReader<DomainChangeEntry>;
  total: number | undefined;
  missing = false;

  constructor(
    client: OpenSrsClient,
    readonly domain: string,
  ) {
    this.reader = new RangeReader(async (offset, limit) => {
      const page = await client.getDomainChanges(domain, { first: offset, limit });
      if (!page) {
        this.missing = true;
        return { items: [], more: false };
      }
      this.total = page.totalCount;
      return { items: page.changes, more: offset + page.changes.length < page.totalCount };
    });
  }

  /** Reads `span` (or the oldest change) unless something was read already; false if no such domain. */
  async exists(span?: Span): Promise<boolean> {
    if (this.total === undefined && !this.missing) {
      const [from, to] = span && span[1] > span[0] ? span : [0, 1];
      await this.reader.ensure(from, to);
      if (this.total === undefined && !this.missing) await this.reader.ensure(0, 1); // `from` was past the end
    }
    return !this.missing;
  }

  async requireTotal(): Promise<number> {
    await this.exists();
    return this.total ?? 0;
  }
}

export interface DomainPageArgs {
  args: BidirectionalArgs;
  order: ChangeOrder;
  after?: number;
  before?: number;
}

export function domainPageArgs(codec: CursorCodec, domain: string, raw: PageArgs & { order?: ChangeOrder | null }): DomainPageArgs & { scope: CursorScope } {
  const order: ChangeOrder = raw.order ?? 'NEWEST_FIRST';
  const scope: CursorScope = { field: 'Domain.changes', binding: { domain, order } };
  const args = bidirectionalArgs(raw);
  return {
    scope,
    order,
    args,
    after: args.after === undefined ? undefined : codec.decode(scope, args.after, 'after', isDomainChangePosition).p,
    before: args.before === undefined ? undefined : codec.decode(scope, args.before, 'before', isDomainChangePosition).p,
  };
}

/** The positions a page can touch, or undefined when that depends on the total not yet known. */
export function planSpan({ order, args, after: a, before: b }: DomainPageArgs, total?: number): Span | undefined {
  const { first, last } = args;
  if (order === 'NEWEST_FIRST') {
    const lo = b === undefined ? 0 : b + 1;
    const hi = a ?? total;
    if (first !== undefined) return hi === undefined ? undefined : [Math.max(lo, hi - first), hi];
    return [lo, Math.min(hi ?? Number.MAX_SAFE_INTEGER, lo + (last ?? 0))];
  }
  const lo = a === undefined ? 0 : a + 1;
  const hi = b ?? total;
  if (first !== undefined) return [lo, Math.min(hi ?? Number.MAX_SAFE_INTEGER, lo + first)];
  return hi === undefined ? undefined : [Math.max(lo, hi - (last ?? 0)), hi];
}

export async function domainChangeConnection(log: DomainLog, codec: CursorCodec, raw: PageArgs & { order?: ChangeOrder | null }): Promise<DomainChangeConnection> {
  const page = domainPageArgs(codec, log.domain, raw);
  const span = planSpan(page, log.total) ?? planSpan(page, await log.requireTotal());
  if (span && span[1] > span[0]) await log.reader.ensure(span[0], span[1]);
  const total = await log.requireTotal();

  for (const [name, p] of [['after', page.after], ['before', page.before]] as const) {
    if (p !== undefined && p >= total) throw new BadUserInputError(`Invalid \`${name}\` cursor for Domain.changes: it is past the end of the list`, { argument: name });
  }
  // The Relay window over the list in the requested order, then back to positions.
  const newest = page.order === 'NEWEST_FIRST';
  const toIndex = (p: number) => (newest ? total - 1 - p : p);
  const { first, last } = page.args;
  const w = relayWindow({
    after: page.after === undefined ? undefined : toIndex(page.after),
    before: page.before === undefined ? undefined : toIndex(page.before),
    first,
    last,
    length: total,
  });
  const positions: number[] = [];
  for (let i = w.start; i < w.end; i++) positions.push(toIndex(i));
  if (positions.length > 0) await log.reader.ensure(Math.min(...positions), Math.max(...positions) + 1);

  const edges = positions.flatMap((p) => {
    const entry = log.reader.at(p);
    return entry ? [{ cursor: codec.encode(page.scope, { p, t: entry.time }), node: domainChangeModel(log.domain, p, entry) }] : [];
  });
  return { ...connection(edges, w.hasPreviousPage, w.hasNextPage), totalCount: total };
}
