// Pacing of exports: how many may stream at once (per identity and in total), and how fast their
// upstream calls may go (per identity and in total). Interactive GraphQL requests are not paced
// here: whatever capacity the export limits leave is theirs.
import type { ContextDeps } from '../context.js';
import type { HttpUpstream } from '../providers/http.js';
import type { ExportConfig } from './config.js';

export interface Clock {
  now(): number;
  /** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => performance.now(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal!.reason);
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

/**
 * Calls at most `perSecond`, evenly spaced (no burst): each call reserves the next free turn,
 * so waiting callers go in arrival order.
 */
export class RateLimiter {
  private nextTurn = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly perSecond: number,
    private readonly clock: Clock,
  ) {}

  /** Resolves when the caller's turn has come. */
  async take(signal?: AbortSignal): Promise<void> {
    const now = this.clock.now();
    const turn = Math.max(now, this.nextTurn);
    this.nextTurn = turn + 1000 / this.perSecond;
    if (turn > now) await this.clock.sleep(turn - now, signal);
  }
}

export type LimitScope = 'identity' | 'total';

/** One admitted export: its pace and its slot. */
export interface ExportTicket {
  /** Resolves when the export may send its next upstream call. */
  pace(signal?: AbortSignal): Promise<void>;
  /** Frees the slot; idempotent. */
  release(): void;
}

interface IdentityState {
  running: number;
  limiter: RateLimiter;
}

export class ExportPacing {
  private running = 0;
  private readonly total: RateLimiter;
  private readonly identities = new Map<string, IdentityState>();

  constructor(
    private readonly config: ExportConfig,
    private readonly clock: Clock = systemClock,
  ) {
    this.total = new RateLimiter(config.upstreamRps, clock);
  }

  /** Exports streaming now (for the metrics gauge). */
  get active(): number {
    return this.running;
  }

  /** A ticket, or the limit that is reached. `identity`: an opaque key (src/export/identity.ts). */
  admit(identity: string): ExportTicket | { refused: LimitScope; limit: number } {
    const state = this.identities.get(identity);
    if ((state?.running ?? 0) >= this.config.maxConcurrentPerIdentity) return { refused: 'identity', limit: this.config.maxConcurrentPerIdentity };
    if (this.running >= this.config.maxConcurrent) return { refused: 'total', limit: this.config.maxConcurrent };
    // An identity's rate state lives while it has an export running, so the map stays as small as
    // the number of running exports; its concurrency cap keeps restarts from resetting the rate.
    const own = state ?? { running: 0, limiter: new RateLimiter(this.config.upstreamRpsPerIdentity, this.clock) };
    this.identities.set(identity, own);
    own.running++;
    this.running++;
    let released = false;
    return {
      pace: async (signal) => {
        await own.limiter.take(signal);
        await this.total.take(signal);
      },
      release: () => {
        if (released) return;
        released = true;
        this.running--;
        if (--own.running === 0) this.identities.delete(identity);
      },
    };
  }
}

/** The same upstream (pool, breaker, metrics), with every call first waiting for `pace`. */
export function pacedUpstream(upstream: HttpUpstream, pace: () => Promise<void>): HttpUpstream {
  const send: HttpUpstream['send'] = async (...args) => {
    await pace();
    return upstream.send(...args);
  };
  // Everything but `send` is read from the upstream itself, so its pool, breaker and metrics are shared.
  return new Proxy(upstream, { get: (target, key, receiver) => (key === 'send' ? send : Reflect.get(target, key, receiver)) });
}

/**
 * Context dependencies whose upstream calls wait for `pace`. Without the shared in-flight reads:
 * an interactive request that joined an export's call would wait for the export's turn, and an
 * export that joined another's would go at the other's pace.
 */
export function pacedDeps(deps: ContextDeps, pace: () => Promise<void>): ContextDeps {
  return {
    ...deps,
    vinyldns: deps.vinyldns && { ...deps.vinyldns, upstream: pacedUpstream(deps.vinyldns.upstream, pace), shared: undefined },
    opensrs: deps.opensrs && { ...deps.opensrs, upstream: pacedUpstream(deps.opensrs.upstream, pace), shared: undefined },
    // An export is the one caller allowed to read a long history: its pace bounds it, not the
    // per-operation budget or time limit of GraphQL requests (which all its pages would share).
    // Its client leaving still stops it.
    budget: { perOperation: Number.POSITIVE_INFINITY, perBatch: Number.POSITIVE_INFINITY, timeoutMs: Number.POSITIVE_INFINITY },
  };
}
