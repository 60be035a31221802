// One source of the merged feed, read lazily newest first in chunks, one change at a time.
import type { ProviderName } from '../errors.js';
import type { ChangeModel } from './types.js';

export interface FeedItem {
  /** Epoch seconds. */
  time: number;
  model: ChangeModel;
  /** The source's own cursor position right after this item. */
  position: unknown;
}

export interface Chunk {
  items: FeedItem[];
  /** No item follows these. */
  done: boolean;
}

/** Reads up to `n` items after `after` (the position of the last item read; undefined: the start). */
export type ReadChunk = (after: unknown, n: number) => Promise<Chunk>;

export class SourceStream {
  private buffer: FeedItem[] = [];
  private readAfter: unknown;
  private done: boolean;
  /** Where the consumer is: the position of the last item taken (what the cursor keeps). */
  position: unknown;
  failure: unknown;
  /**
   * For a source no change was taken from yet: the merge point of the previous page. Whatever
   * this source has ahead of it landed after that page was read, so it is skipped.
   */
  landedAfter?: { t: number; r: number };

  constructor(
    readonly key: string,
    readonly provider: ProviderName,
    /** Breaks ties between sources at the same second: lower first. */
    readonly rank: number,
    private readonly read: ReadChunk,
    start: unknown,
    exhausted: boolean,
    private readonly chunk: number,
    /** Items older than this (epoch seconds) end the source. */
    private readonly since?: number,
  ) {
    this.position = start;
    this.readAfter = start;
    this.done = exhausted;
  }

  /** True when nothing follows the consumer's position (so later pages need not ask again). */
  get exhausted(): boolean {
    return this.done && this.buffer.length === 0 && this.failure === undefined;
  }

  /** The next item, reading a chunk when the buffer is empty; undefined at the end or on failure. */
  async peek(): Promise<FeedItem | undefined> {
    if (this.failure !== undefined) return undefined;
    if (this.buffer.length === 0 && !this.done) {
      try {
        const { items, done } = await this.read(this.readAfter, this.chunk);
        this.buffer = items;
        this.done = done || items.length === 0;
        if (items.length > 0) this.readAfter = items[items.length - 1].position;
      } catch (error) {
        this.failure = error;
        this.buffer = [];
        return undefined;
      }
    }
    while (this.buffer.length > 0 && this.landedAfter && this.isAhead(this.buffer[0], this.landedAfter)) this.buffer.shift();
    if (this.buffer.length === 0 && !this.done && this.landedAfter) return this.peek();
    const head = this.buffer[0];
    if (head && this.since !== undefined && head.time < this.since) {
      // Everything after is older still: this source is finished for the feed.
      this.buffer = [];
      this.done = true;
      return undefined;
    }
    return head;
  }

  take(): FeedItem {
    const item = this.buffer.shift()!;
    this.position = item.position;
    this.landedAfter = undefined;
    return item;
  }

  /** Would this item come before the merge point `w` in the merged order? */
  private isAhead(item: FeedItem, w: { t: number; r: number }): boolean {
    return item.time > w.t || (item.time === w.t && this.rank < w.r);
  }
}
