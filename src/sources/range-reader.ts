// Reads an offset-paged upstream list by absolute index, fetching each missing stretch once for
// as long as the reader lives (one source: one field call, or one feed page), in upstream-sized
// chunks, and remembering what it learnt about the length. Before each read it drops the
// earliest-read items beyond MAX_CACHED_ITEMS (never the ones that read asks for): a page needs
// about two upstream pages of them, and a scan that reads its whole budget must not hold every
// item it passed until the request ends.

export const UPSTREAM_PAGE_LIMIT = 100;

/** Items one reader keeps; older reads are dropped (and read again if asked for again). */
export const MAX_CACHED_ITEMS = 5 * UPSTREAM_PAGE_LIMIT;

export interface OffsetPage<T> {
  items: T[];
  /** true: more items follow these; false: these are the last; undefined: the upstream did not say. */
  more?: boolean;
}

export type FetchOffsetPage<T> = (offset: number, limit: number) => Promise<OffsetPage<T>>;

export class RangeReader<T> {
  private readonly cache = new Map<number, T>();
  /** Items [0, minLength) are known to exist. */
  private minLength = 0;
  /** No item exists at or past maxLength. */
  private maxLength = Number.POSITIVE_INFINITY;
  /** Upstream calls made, for tests and metrics. */
  calls = 0;

  constructor(private readonly fetchPage: FetchOffsetPage<T>) {}

  /** Items [0, existing) are known to exist. */
  get existing(): number {
    return this.minLength;
  }

  get knownLength(): number | undefined {
    return this.minLength === this.maxLength ? this.minLength : undefined;
  }

  at(index: number): T | undefined {
    return this.cache.get(index);
  }

  /** Makes sure every existing item in [start, end) is cached. */
  async ensure(start: number, end: number): Promise<void> {
    this.forget(start, end);
    let i = Math.max(0, start);
    while (i < Math.min(end, this.maxLength)) {
      if (this.cache.has(i)) {
        i++;
        continue;
      }
      let stop = i;
      while (stop < end && stop < this.maxLength && !this.cache.has(stop) && stop - i < UPSTREAM_PAGE_LIMIT) stop++;
      await this.load(i, stop - i);
      if (!this.cache.has(i)) return; // the list ended before i
      i = stop;
    }
  }

  /** The existing items of [start, end), in order. */
  async slice(start: number, end: number): Promise<T[]> {
    await this.ensure(start, end);
    const out: T[] = [];
    for (let i = Math.max(0, start); i < end; i++) {
      const item = this.cache.get(i);
      if (item === undefined) break;
      out.push(item);
    }
    return out;
  }

  /** min(length, cap), reading only as far as needed. */
  async lengthUpTo(cap: number): Promise<number> {
    while (this.minLength < cap && this.knownLength === undefined) {
      // A page that said "more follow" proved one item past itself without reading it: read that
      // one too, or the page that needs it costs another call.
      const from = this.minLength > 0 && !this.cache.has(this.minLength - 1) ? this.minLength - 1 : this.minLength;
      await this.load(from, Math.min(UPSTREAM_PAGE_LIMIT, cap - from));
    }
    return Math.min(cap, this.knownLength ?? this.minLength);
  }

  /** The exact length: gallops then bisects with upstream-sized probes, O(log n) calls. */
  async length(): Promise<number> {
    while (this.knownLength === undefined) {
      const probe = Number.isFinite(this.maxLength)
        ? Math.floor((this.minLength + this.maxLength) / 2)
        : Math.max(this.minLength, 2 * this.minLength - UPSTREAM_PAGE_LIMIT);
      await this.load(probe, UPSTREAM_PAGE_LIMIT);
    }
    return this.knownLength;
  }

  /** Index of the item with this id within [from, from + span), or undefined. */
  async find(from: number, span: number, matches: (item: T) => boolean): Promise<number | undefined> {
    for (let base = Math.max(0, from); base < from + span && base < this.maxLength; base += UPSTREAM_PAGE_LIMIT) {
      await this.ensure(base, base + UPSTREAM_PAGE_LIMIT);
      for (let i = base; i < base + UPSTREAM_PAGE_LIMIT; i++) {
        const item = this.cache.get(i);
        if (item === undefined) break;
        if (matches(item)) return i;
      }
    }
    return undefined;
  }

  /** Drops the earliest-read items outside [start, end) until at most MAX_CACHED_ITEMS are kept. */
  private forget(start: number, end: number): void {
    if (this.cache.size <= MAX_CACHED_ITEMS) return;
    for (const index of this.cache.keys()) {
      if (this.cache.size <= MAX_CACHED_ITEMS) return;
      if (index < start || index >= end) this.cache.delete(index);
    }
  }

  private async load(offset: number, limit: number): Promise<void> {
    this.calls++;
    const { items, more } = await this.fetchPage(offset, Math.min(limit, UPSTREAM_PAGE_LIMIT));
    items.slice(0, limit).forEach((item, k) => this.cache.set(offset + k, item));
    const n = Math.min(items.length, limit);
    if (n > 0) this.minLength = Math.max(this.minLength, offset + n);
    if (n < limit || more === false) this.maxLength = Math.min(this.maxLength, n > 0 ? offset + n : offset);
    else if (more === true) this.minLength = Math.max(this.minLength, offset + n + 1);
    if (this.maxLength < this.minLength) this.maxLength = this.minLength; // the list grew under us
  }
}
