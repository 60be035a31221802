// A circuit breaker per upstream: after `failureThreshold` failures in a row, calls fail fast for
// `resetAfterMs`; then one probe call is let through (half-open) and its outcome decides.

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerOptions {
  /** Consecutive failures that open the circuit. Default 5. */
  failureThreshold?: number;
  /** How long an open circuit fails fast before probing. Default 10 s. */
  resetAfterMs?: number;
  /** The clock the cool-down is measured on (ms). Default `Date.now`; tests pass their own. */
  now?: () => number;
}

export class CircuitBreaker {
  private failures = 0;
  private openedAt = 0;
  private probing = false;
  private readonly threshold: number;
  private readonly resetAfterMs: number;

  constructor(
    options: BreakerOptions = {},
    private readonly now: () => number = options.now ?? Date.now,
  ) {
    this.threshold = options.failureThreshold ?? 5;
    this.resetAfterMs = options.resetAfterMs ?? 10_000;
  }

  get state(): BreakerState {
    if (this.failures < this.threshold) return 'closed';
    return this.now() - this.openedAt >= this.resetAfterMs ? 'half-open' : 'open';
  }

  /** May a call go out now? In half-open state only one probe at a time. */
  allow(): boolean {
    const state = this.state;
    if (state === 'closed') return true;
    if (state === 'open' || this.probing) return false;
    this.probing = true;
    return true;
  }

  success(): void {
    this.failures = 0;
    this.probing = false;
  }

  /** The call let through never reached the upstream (refused locally): no verdict, and the probe slot is free again. */
  abandon(): void {
    this.probing = false;
  }

  failure(): void {
    this.probing = false;
    this.failures++;
    if (this.failures >= this.threshold) this.openedAt = this.now();
  }
}
