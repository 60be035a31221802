// A change source: one upstream list of changes, read newest first from a typed position. Each
// upstream list has one source module that owns its paging quirks, how it finds its place again
// after changes landed, and the position type its cursors hold. Two kinds of consumer read them:
// a Relay connection over one source (src/connections/) and the merged feed over several
// (src/feed/).

/** One change with where it sits in its list. */
export interface SourceItem<T, P> {
  node: T;
  /** Epoch seconds (the upstream's precision may be finer; the merge orders by this). */
  time: number;
  /** The item's own position: read `{ after }` it to continue, `{ at }` it to start with it. */
  position: P;
}

/** Where a newest-first read starts. */
export type ReadStart<P> =
  /** Right after this item (what a cursor holds). */
  | { after: P }
  /**
   * With this item (a head: the change that was next when a feed cursor was made). Starting
   * there keeps changes that landed since out of a walk that began before them.
   */
  | { at: P }
  /** From the newest item, or from the newest at or before `until` (epoch seconds). */
  | { until?: number };

export interface SourceChunk<T, P> {
  items: SourceItem<T, P>[];
  /** Nothing follows these items. */
  done: boolean;
}

export interface ChangeSource<T, P> {
  /** Checks a position decoded from a cursor before it is used. */
  isPosition(p: unknown): p is P;
  /** Up to `n` items from `start` on, newest first. */
  read(start: ReadStart<P>, n: number): Promise<SourceChunk<T, P>>;
}

/** A Relay page request in a source's own positions. */
export interface PageRequest<P> {
  first?: number;
  last?: number;
  after?: P;
  before?: P;
}

export interface SourcePage<T, P> {
  items: SourceItem<T, P>[];
  hasPreviousPage: boolean;
  hasNextPage: boolean;
}

/**
 * A source whose upstream addresses items by offset or position, so it can also page backwards
 * (`last`/`before`), which key-paged VinylDNS lists cannot.
 */
export interface WindowedSource<T, P> extends ChangeSource<T, P> {
  page(request: PageRequest<P>): Promise<SourcePage<T, P>>;
}

/** A source with no items (a list that does not exist for this parent). */
export const emptySource = <T, P>(isPosition: (p: unknown) => p is P): ChangeSource<T, P> => ({
  isPosition,
  read: () => Promise.resolve({ items: [], done: true }),
});

/**
 * A source whose parent (e.g. the zone of a domain name) is looked up only when it is first
 * read; empty when there is no such parent.
 */
export function deferredSource<T, P>(
  isPosition: (p: unknown) => p is P,
  parentId: () => Promise<string | null>,
  make: (id: string) => ChangeSource<T, P>,
): ChangeSource<T, P> {
  let source: ChangeSource<T, P> | undefined;
  return {
    isPosition,
    async read(start, n) {
      const id = await parentId();
      if (id === null) return { items: [], done: true };
      source ??= make(id);
      return source.read(start, n);
    },
  };
}

/**
 * What lies between two positions of a list (live subscriptions): the items newer than `than`
 * and no newer than `upTo`.
 */
export interface NewerRead<P> {
  /** Items newer than this one; null: every item from the oldest on. */
  than: P | null;
  /** Items no newer than this one (inclusive); absent: up to the newest. */
  upTo?: P;
  /** More than this many items throws TooFarBehindError (a list is read newest first, so all of them are held). */
  limit: number;
}

/** A source that can read what landed since a position, which is how a poll finds new changes. */
export interface NewerSource<T, P> extends ChangeSource<T, P> {
  /** The items of `read`, oldest first. */
  readNewer(read: NewerRead<P>): Promise<SourceItem<T, P>[]>;
}
