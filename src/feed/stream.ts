// One source of the merged feed, read lazily newest first in chunks, one change at a time.
import { BadUserInputError, type ProviderName } from '../errors.js';
import type { ChangeSource, ReadStart } from '../sources/source.js';
import type { SourceKey, SourcePositions } from './position.js';
import type { ChangeModel } from '../parents/models.js';
import { isBudgetRefusal } from '../providers/budget.js';

/** Why the request may read nothing more upstream (its budget, its time, its caller gone); undefined while it may. */
export type ReadRefusal = () => Error | undefined;

export interface FeedItem<P> {
  /** Epoch seconds. */
  time: number;
  model: ChangeModel;
  /** The source's own position of this item. */
  position: P;
}

/** A source of the feed: its key in the cursor, its provider, and how its items become models. */
export interface Lane<K extends SourceKey> {
  key: K;
  provider: ProviderName;
  read(start: ReadStart<SourcePositions[K]>, n: number): Promise<{ items: FeedItem<SourcePositions[K]>[]; done: boolean }>;
}

export function lane<K extends SourceKey, T>(
  key: K,
  provider: ProviderName,
  source: ChangeSource<T, SourcePositions[K]>,
  toModel: (node: T, position: SourcePositions[K]) => ChangeModel,
): Lane<K> {
  return {
    key,
    provider,
    async read(start, n) {
      const { items, done } = await source.read(start, n);
      return { items: items.map((it) => ({ time: it.time, model: toModel(it.node, it.position), position: it.position })), done };
    },
  };
}

/** A lane that cannot be read (its provider is not configured): it fails on first read. */
export function failingLane<K extends SourceKey>(key: K, provider: ProviderName, error: Error): Lane<K> {
  return {
    key,
    provider,
    read: () => Promise.reject(error),
  };
}

export class SourceStream<K extends SourceKey> {
  private buffer: FeedItem<SourcePositions[K]>[] = [];
  private readAfter: SourcePositions[K] | undefined;
  private done: boolean;
  /** Where the consumer is: the position of the last item taken (what the cursor keeps). */
  position: SourcePositions[K] | undefined;
  failure: unknown;
  /** The request may read no more (budget, time) before this source could read on: not an outage. */
  paused = false;

  constructor(
    private readonly lane: Lane<K>,
    /** Breaks ties between sources at the same second: lower first. */
    readonly rank: number,
    start: SourcePositions[K] | undefined,
    /**
     * For a source no change was taken from yet: the change that was next when the cursor was
     * made. Reading starts there, so changes that landed since are not mixed into the walk.
     */
    private readonly head: SourcePositions[K] | undefined,
    exhausted: boolean,
    private readonly chunk: number,
    /** Items older than this (epoch seconds) end the source. */
    private readonly since?: number,
    /** Without a position or head: start at the newest change at or before this (epoch seconds). */
    private readonly until?: number,
    private readonly refusal: ReadRefusal = () => undefined,
  ) {
    this.position = start;
    this.readAfter = start;
    this.done = exhausted;
  }

  get key(): K {
    return this.lane.key;
  }

  get provider(): ProviderName {
    return this.lane.provider;
  }

  /** True when nothing follows the consumer's position (so later pages need not ask again). */
  get exhausted(): boolean {
    return this.done && this.buffer.length === 0 && this.failure === undefined;
  }

  /** The next item, reading a chunk when the buffer is empty; undefined at the end or on failure. */
  async peek(): Promise<FeedItem<SourcePositions[K]> | undefined> {
    if (this.failure !== undefined || this.paused) return undefined;
    if (this.buffer.length === 0 && !this.done) {
      if (this.refusal() !== undefined) {
        this.paused = true;
        return undefined;
      }
      try {
        const { items, done } = await this.lane.read(this.readStart(), this.chunk);
        this.buffer = items;
        this.done = done || items.length === 0;
        if (items.length > 0) this.readAfter = items[items.length - 1].position;
      } catch (error) {
        // A cursor the source cannot resume from is the caller's problem, not an outage: it fails
        // the field (STALE_CURSOR), as the source's own connection would.
        if (error instanceof BadUserInputError) throw error;
        // The request's own limits pause a source; they are no outage of it.
        if (isBudgetRefusal(error)) {
          this.paused = true;
          return undefined;
        }
        this.failure = error;
        this.buffer = [];
        return undefined;
      }
    }
    const head = this.buffer[0];
    if (head && this.since !== undefined && head.time < this.since) {
      // Everything after is older still: this source is finished for the feed.
      this.buffer = [];
      this.done = true;
      return undefined;
    }
    return head;
  }

  take(): FeedItem<SourcePositions[K]> {
    const item = this.buffer.shift()!;
    this.position = item.position;
    return item;
  }

  /** The change a later page must start from when none was taken from this source yet. */
  get nextHead(): SourcePositions[K] | undefined {
    if (this.position !== undefined || this.failure !== undefined) return undefined;
    return this.buffer[0]?.position ?? this.head;
  }

  private readStart(): ReadStart<SourcePositions[K]> {
    if (this.readAfter !== undefined) return { after: this.readAfter };
    if (this.head !== undefined) return { at: this.head };
    return { until: this.until };
  }
}
