// An OpenSRS change log (a mail domain's `get_domain_changes`, a mailbox's `get_user_changes`, a
// company's `get_company_changes`): paged oldest first by `range.first`/`range.limit`, with
// `total_count`. Positions count from the oldest change, which
// new changes never move, so walks in either order stay exact while changes are appended. Pages
// are planned in position space: only "the newest N" needs the total before the page is read.
import { BadUserInputError } from '../errors.js';
import type { ChangesPage, OpenSrsChange, OpenSrsClient } from '../providers/opensrs/client.js';
import { relayWindow } from '../pagination/window.js';
import { TooFarBehindError } from './newer.js';
import { RangeReader, UPSTREAM_PAGE_LIMIT } from './range-reader.js';
import { partitionPoint } from './search.js';
import type { NewerSource, PageRequest, SourceItem, SourcePage, WindowedSource } from './source.js';
import { isRecord } from '../model/guards.js';

export type ChangeOrder = 'NEWEST_FIRST' | 'OLDEST_FIRST';

/** Position from the oldest change, and its time (epoch seconds). */
export interface DomainChangePosition {
  p: number;
  t: number;
}

export const isDomainChangePosition = (q: unknown): q is DomainChangePosition =>
  isRecord(q) && typeof q.p === 'number' && Number.isSafeInteger(q.p) && q.p >= 0 && typeof q.t === 'number';

/** Positions [from, to) of the oldest-first log. */
export type Span = [number, number];

/** Reads one range of a log; null when OpenSRS does not know the log's owner. */
export type ReadLogRange = (range: { first: number; limit: number }) => Promise<ChangesPage | null>;

/**
 * One log for the length of a request: what OpenSRS returned so far, its total, and whether its
 * owner (domain, mailbox, company) exists. The lookup and `changes` share it, so the read that
 * proves the owner exists is also the page.
 */
export class OpenSrsLog {
  readonly reader: RangeReader<OpenSrsChange>;
  total: number | undefined;
  missing = false;

  /** `key`: the owner's normalised name; `field`: the connection field, named in errors. */
  constructor(
    readonly key: string,
    readonly field: string,
    read: ReadLogRange,
  ) {
    this.reader = new RangeReader(async (offset, limit) => {
      const page = await read({ first: offset, limit });
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

/** A mail domain's log (`Domain.changes`, the feed's OpenSRS lane). */
export class DomainLog extends OpenSrsLog {
  constructor(
    client: OpenSrsClient,
    readonly domain: string,
  ) {
    super(domain, 'Domain.changes', (range) => client.getDomainChanges(domain, range));
  }
}

/** A page request in positions, in the order asked for. */
export interface DomainPageRequest extends PageRequest<number> {
  order: ChangeOrder;
}

/** The positions a page can touch, or undefined when that depends on the total not yet known. */
export function planSpan({ order, first, last, after: a, before: b }: DomainPageRequest, total?: number): Span | undefined {
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

const item = (p: number, entry: OpenSrsChange): SourceItem<OpenSrsChange, DomainChangePosition> => ({
  node: entry,
  time: entry.time,
  position: { p, t: entry.time },
});

export interface DomainChangeSource extends WindowedSource<OpenSrsChange, DomainChangePosition>, NewerSource<OpenSrsChange, DomainChangePosition> {
  /** Pages in either order (`page` is newest first); totalCount is the log's length. */
  pageInOrder(request: DomainPageRequest): Promise<SourcePage<OpenSrsChange, DomainChangePosition> & { totalCount: number }>;
}

export function domainChangeSource(log: OpenSrsLog): DomainChangeSource {
  const pageInOrder = async (request: DomainPageRequest) => {
    const span = planSpan(request, log.total) ?? planSpan(request, await log.requireTotal());
    if (span && span[1] > span[0]) await log.reader.ensure(span[0], span[1]);
    const total = await log.requireTotal();
    for (const [name, p] of [
      ['after', request.after],
      ['before', request.before],
    ] as const) {
      if (p !== undefined && p >= total)
        throw new BadUserInputError(`Invalid \`${name}\` cursor for ${log.field}: it is past the end of the list`, { argument: name });
    }
    // The Relay window over the list in the requested order, then back to positions.
    const newest = request.order === 'NEWEST_FIRST';
    const toIndex = (p: number) => (newest ? total - 1 - p : p);
    const w = relayWindow({
      after: request.after === undefined ? undefined : toIndex(request.after),
      before: request.before === undefined ? undefined : toIndex(request.before),
      first: request.first,
      last: request.last,
      length: total,
    });
    const positions: number[] = [];
    for (let i = w.start; i < w.end; i++) positions.push(toIndex(i));
    if (positions.length > 0) await log.reader.ensure(Math.min(...positions), Math.max(...positions) + 1);
    const items = positions.flatMap((p) => {
      const entry = log.reader.at(p);
      return entry ? [item(p, entry)] : [];
    });
    return { items, hasPreviousPage: w.hasPreviousPage, hasNextPage: w.hasNextPage, totalCount: total };
  };

  return {
    isPosition: isDomainChangePosition,
    pageInOrder,
    page: ({ after, before, ...sizes }) => pageInOrder({ ...sizes, order: 'NEWEST_FIRST', after: after?.p, before: before?.p }),
    async read(start, n) {
      let hi: number;
      if ('after' in start) hi = start.after.p;
      else if ('at' in start)
        hi = start.at.p + 1; // positions never move: start at the head
      else {
        const total = await log.requireTotal();
        const until = start.until;
        hi = until === undefined ? total : await partitionPoint(log.reader, (e) => e.time > until, 0, total);
      }
      const lo = Math.max(0, hi - n);
      if (log.missing || hi <= lo) return { items: [], done: true };
      const entries = await log.reader.slice(lo, hi);
      return { items: entries.map((entry, k) => item(lo + k, entry)).reverse(), done: lo === 0 };
    },
    async readNewer({ than, upTo, limit }) {
      // Positions never move, so what is newer is a range. Reading from `than` itself keeps the
      // first call inside the log (an empty range past its end says nothing of its length), and
      // that call learns the length: one call when nothing is new.
      const lo = than === null ? 0 : than.p + 1;
      let hi: number;
      if (upTo !== undefined) hi = upTo.p + 1;
      else {
        await log.reader.ensure(Math.max(0, lo - 1), lo + (UPSTREAM_PAGE_LIMIT >> 1));
        if (log.total === undefined && !log.missing) await log.reader.ensure(0, 1); // `than` was past the end
        hi = log.total ?? 0;
      }
      if (log.missing || hi <= lo) return [];
      if (hi - lo > limit) throw new TooFarBehindError(limit);
      const entries = await log.reader.slice(lo, hi);
      return entries.map((entry, k) => item(lo + k, entry));
    },
  };
}
