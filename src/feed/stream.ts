// One source of the merged feed, read lazily newest first in chunks, one change at a time.
import { BadUserInputError, type ProviderName } from '../errors.js';
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

/**
 * Reads up to `n` items after `after` (the position of the last item read). With no `after`, from
 * `head` on, including it (the position of the change that was next when the cursor was made),
 * or from the newest change when there is no head either.
 */
export type ReadChunk = (after: unknown, n: number, head?: unknown) => Promise<Chunk>;

export class SourceStream {
  private buffer: FeedItem[] = [];
  private readAfter: unknown;
  private done: boolean;
  /** Where the consumer is: the position of the last item taken (what the cursor keeps). */
  position: unknown;
  failure: unknown;
  /**
   * For a source no change was taken from yet: the change that was next when the cursor was
   * made. Reading starts there, so changes that landed since are not mixed into the walk.
   */
  head: unknown;

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
        const { items, done } = await this.read(this.readAfter, this.chunk, this.readAfter === undefined ? this.head : undefined);
        this.buffer = items;
        this.done = done || items.length === 0;
        if (items.length > 0) this.readAfter = items[items.length - 1].position;
      } catch (error) {
        // A cursor the source cannot resume from is the caller's problem, not an outage: it fails
        // the field (STALE_CURSOR), as the source's own connection would.
        if (error instanceof BadUserInputError) throw error;
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

  take(): FeedItem {
    const item = this.buffer.shift()!;
    this.position = item.position;
    return item;
  }

  /** The change a later page must start from when none was taken from this source yet. */
  get nextHead(): unknown {
    if (this.position !== undefined || this.failure !== undefined) return undefined;
    return this.buffer[0]?.position ?? this.head;
  }
}
