// Caps concurrent upstream requests per provider; callers beyond the cap wait their turn, up to a
// bounded queue. A full queue or a wait that outlasts the call's deadline is this gateway's own
// overload (QueueFullError, WaitAbortedError), never the upstream's failure.

/** The queue of waiters is full: the caller is refused at once. */
export class QueueFullError extends Error {
  constructor(readonly limit: number) {
    super(`the queue of ${limit} waiting calls is full`);
    this.name = 'QueueFullError';
  }
}

/** The caller's deadline passed while it waited for a slot. */
export class WaitAbortedError extends Error {
  constructor() {
    super('the deadline passed while waiting for a free slot');
    this.name = 'WaitAbortedError';
  }
}

export class Semaphore {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly limit: number,
    /** Callers that may wait at once; more are refused with QueueFullError. Default unbounded. */
    private readonly maxQueued = Infinity,
  ) {}

  /** Resolves with a release function once a slot is free; rejects if the queue is full or `signal` aborts first. */
  acquire(signal?: AbortSignal): Promise<() => void> {
    if (this.active < this.limit) {
      this.active++;
      return Promise.resolve(this.releaser());
    }
    if (this.waiting.length >= this.maxQueued) return Promise.reject(new QueueFullError(this.maxQueued));
    if (signal?.aborted) return Promise.reject(new WaitAbortedError());
    return new Promise((resolve, reject) => {
      const grant = () => {
        signal?.removeEventListener('abort', onAbort);
        this.active++;
        resolve(this.releaser());
      };
      const onAbort = () => {
        const index = this.waiting.indexOf(grant);
        if (index !== -1) this.waiting.splice(index, 1);
        reject(new WaitAbortedError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(grant);
    });
  }

  get inUse(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiting.length;
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active--;
      this.waiting.shift()?.();
    };
  }
}
