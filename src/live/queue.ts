// The event stream a subscription returns: a queue its producers push into and graphql-js pulls
// from. Returning (the client went away) or overflowing ends it and tells its owner once.
export class EventQueue<T> implements AsyncIterableIterator<T> {
  private readonly items: T[] = [];
  private waiting: ((result: IteratorResult<T>) => void) | undefined;
  private ended = false;
  private closed = false;

  constructor(
    private readonly onClose: () => void,
    /** Events held for a client that does not read them; more ends the stream. */
    private readonly maxQueued = 10_000,
    /** The last event of a stream ended that way (it says why). */
    private readonly overflowed?: () => T,
  ) {}

  get isEnded(): boolean {
    return this.ended;
  }

  /** False when the stream has ended (the event is dropped). */
  push(item: T): boolean {
    if (this.ended) return false;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve({ value: item, done: false });
      return true;
    }
    if (this.items.length >= this.maxQueued) {
      // A consumer this far behind cannot catch up: end it; it resumes with its last cursor.
      if (this.overflowed) this.items.push(this.overflowed());
      this.end();
      return false;
    }
    this.items.push(item);
    return true;
  }

  /** Ends after the events already queued. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    if (this.waiting && this.items.length === 0) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve({ value: undefined, done: true });
    }
    this.close();
  }

  next(): Promise<IteratorResult<T>> {
    const item = this.items.shift();
    if (item !== undefined) return Promise.resolve({ value: item, done: false });
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<T>> {
    this.items.length = 0;
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    this.onClose();
  }
}
