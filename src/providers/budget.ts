// The upstream budget: how many calls one GraphQL operation (and one batched request, all its
// operations together) may still send to VinylDNS and OpenSRS. HttpUpstream.send takes one unit
// before a call leaves, so no code path gets around it; a read served from memory (a coalesced
// in-flight read, the zone cache, a loader) sends nothing and takes nothing. Retries inside one
// send (src/providers/http.ts) are part of that one call.
//
// Lower layers ask `remaining()` before starting a read they could do without (a filter scanning
// on), and stop with what they have when it is 0; a read that is needed anyway just runs, and
// fails with UPSTREAM_BUDGET_EXCEEDED when nothing is left.
//
// The budget also bounds an operation in time and in width. Once its caller has gone or its time
// (OPERATION_TIMEOUT_MS) has run out it sends nothing more (`remaining()` is 0, so a scan ends
// with a cursor where it stopped), and it has at most MAX_UPSTREAM_CALLS_IN_FLIGHT calls out at
// once: the providers' shared queues then hold a few calls of each operation in turn, so one
// operation that reads its whole budget cannot make everybody else's calls wait behind it.
import { GatewayError, type ProviderName } from '../errors.js';
import { Semaphore } from './resilience/semaphore.js';

export type BudgetScope = 'operation' | 'batch';

export class UpstreamBudgetExceededError extends GatewayError {
  constructor(
    readonly limit: number,
    scope: BudgetScope,
    provider?: ProviderName,
  ) {
    super(
      'UPSTREAM_BUDGET_EXCEEDED',
      `This ${scope === 'batch' ? 'batched request' : 'operation'} reached its limit of ${limit} upstream calls (MAX_UPSTREAM_CALLS${scope === 'batch' ? '_PER_BATCH' : ''}); ask for smaller pages or fewer nested lists, or continue from a cursor`,
      provider,
      { limit },
    );
  }
}

/** The operation ran out of time: it sends no more calls, and what it read so far stands. */
export class OperationTimeoutError extends GatewayError {
  constructor(readonly timeoutMs: number) {
    super(
      'OPERATION_TIMEOUT',
      `This request reached its time limit of ${timeoutMs} ms (OPERATION_TIMEOUT_MS) before this field was read; ask for smaller pages or fewer nested lists, or continue from a cursor`,
      undefined,
      { timeoutMs },
    );
  }
}

/** The caller closed the connection: nobody waits for the answer, so nothing more is read for it. */
export class RequestAbandonedError extends GatewayError {
  constructor() {
    super('REQUEST_ABANDONED', 'The client closed the request before it was answered');
  }
}

const BUDGET_CODES: ReadonlySet<string> = new Set(['UPSTREAM_BUDGET_EXCEEDED', 'OPERATION_TIMEOUT', 'REQUEST_ABANDONED']);

/**
 * Whether `error` is a budget's refusal (calls spent, time up, client gone): it says something
 * about the request that was refused, nothing about the upstream or the read.
 */
export const isBudgetRefusal = (error: unknown): error is GatewayError => error instanceof GatewayError && BUDGET_CODES.has(error.code);

/** What HttpUpstream.send draws on. */
export interface CallBudget {
  /** Calls that may still be sent (0 when spent or when the operation has ended; Infinity when unmetered). */
  remaining(): number;
  /** Throws the error `take` would throw, without taking anything. */
  ensure(provider: ProviderName): void;
  /** Counts one call about to be sent; throws when none is left or the operation has ended. */
  take(provider: ProviderName): void;
  /**
   * Waits for one of the operation's in-flight slots (after `take`); resolves with its release.
   * Rejects when the operation ended while the call waited.
   */
  acquire(provider: ProviderName): Promise<() => void>;
  /** Why the operation may send nothing more (its client gone, its time up); undefined while it may. */
  ended(): GatewayError | undefined;
  /** Milliseconds until the operation's time limit (Infinity without one): a call's deadline is never later. */
  msLeft(): number;
}

/** Whether a request may still send calls, and for how long. */
export interface RequestEnd {
  /** Undefined while it may send calls, else why not. */
  reason(): GatewayError | undefined;
  /** Milliseconds until its time limit (Infinity without one). */
  msLeft(): number;
}

const OPEN: RequestEnd = { reason: () => undefined, msLeft: () => Infinity };

/**
 * The end of one HTTP request: its client closing the connection (`signal`), or `timeoutMs` after
 * `now()`. Checked when a call is about to leave, so it needs no timer.
 */
export function requestEnd(timeoutMs: number, signal: AbortSignal | undefined, now: () => number = Date.now): RequestEnd {
  const deadline = now() + timeoutMs;
  return {
    reason: () => (signal?.aborted ? new RequestAbandonedError() : now() >= deadline ? new OperationTimeoutError(timeoutMs) : undefined),
    msLeft: () => Math.max(0, deadline - now()),
  };
}

export class UpstreamBudget implements CallBudget {
  private spent = 0;
  private readonly slots: Semaphore;
  private timed = true;

  constructor(
    readonly limit: number,
    private readonly scope: BudgetScope = 'operation',
    /** The batch this operation belongs to: a call takes one unit from both. */
    private readonly parent?: UpstreamBudget,
    /** When the request stops sending (the batch's end serves all its operations). */
    private readonly end: RequestEnd = OPEN,
    inFlight = Infinity,
  ) {
    this.slots = new Semaphore(inFlight);
  }

  /** Calls taken so far by this operation. */
  get used(): number {
    return this.spent;
  }

  /** Why this operation may send nothing more, whatever its count; undefined while it may. */
  ended(): GatewayError | undefined {
    const ended = this.end.reason() ?? this.parent?.ended();
    return ended instanceof OperationTimeoutError && !this.timed ? undefined : ended;
  }

  /** Milliseconds until the operation's time limit (Infinity without one): no call it sends may outlast it. */
  msLeft(): number {
    if (!this.timed) return Infinity;
    return Math.min(this.end.msLeft(), this.parent ? this.parent.msLeft() : Infinity);
  }

  /**
   * Lifts the time limit (not the count, nor the caller leaving) for this operation: a
   * subscription lives as long as its client, and its events still resolve their fields.
   */
  untimed(): void {
    this.timed = false;
  }

  remaining(): number {
    return this.ended() ? 0 : Math.max(0, this.callsLeft());
  }

  ensure(provider: ProviderName): void {
    const refusal = this.refusal(provider);
    if (refusal) throw refusal;
  }

  /** Why no call may be sent now (spent, time up, caller gone); undefined while one may. */
  refusal(provider?: ProviderName): GatewayError | undefined {
    return this.ended() ?? this.spentRefusal(provider);
  }

  private callsLeft(): number {
    return Math.min(this.limit - this.spent, this.parent ? this.parent.callsLeft() : Infinity);
  }

  private spentRefusal(provider?: ProviderName): GatewayError | undefined {
    if (this.spent >= this.limit) return new UpstreamBudgetExceededError(this.limit, this.scope, provider);
    return this.parent?.spentRefusal(provider);
  }

  take(provider: ProviderName): void {
    this.ensure(provider);
    this.count();
  }

  private count(): void {
    this.spent++;
    this.parent?.count();
  }

  async acquire(): Promise<() => void> {
    const release = await this.slots.acquire();
    // The wait may have outlasted the operation: its call is not sent then.
    const ended = this.ended();
    if (ended) {
      release();
      throw ended;
    }
    return release;
  }
}

const released = () => undefined;

/** For calls that serve no GraphQL request (readiness probes, live pollers). */
export const UNMETERED: CallBudget = {
  remaining: () => Infinity,
  ensure: () => undefined,
  take: () => undefined,
  acquire: () => Promise.resolve(released),
  ended: () => undefined,
  msLeft: () => Infinity,
};

export interface BudgetLimits {
  /** MAX_UPSTREAM_CALLS. */
  perOperation: number;
  /** MAX_UPSTREAM_CALLS_PER_BATCH: all operations of one batched request together. */
  perBatch: number;
  /** MAX_UPSTREAM_CALLS_IN_FLIGHT: calls one operation may have out at once. Default 8. */
  inFlight?: number;
  /** OPERATION_TIMEOUT_MS: how long after it arrived a request may still send calls. Default 15 s. */
  timeoutMs?: number;
}

export const DEFAULT_BUDGET: BudgetLimits = { perOperation: 50, perBatch: 50, inFlight: 8, timeoutMs: 15_000 };

/** The batch budget of each HTTP request, created by its first operation. */
const batches = new WeakMap<object, UpstreamBudget>();

/**
 * A fresh budget for one operation of `request` (every operation of a batch shares the request's
 * batch budget, and its end: the client leaving, or the time limit counted from the first operation).
 */
export function operationBudget(limits: BudgetLimits, request?: { signal?: AbortSignal }, now: () => number = Date.now): UpstreamBudget {
  const inFlight = limits.inFlight ?? DEFAULT_BUDGET.inFlight;
  if (!request) return new UpstreamBudget(limits.perOperation, 'operation', undefined, OPEN, inFlight);
  let batch = batches.get(request);
  if (!batch) {
    const end = requestEnd(limits.timeoutMs ?? DEFAULT_BUDGET.timeoutMs!, request.signal, now);
    batches.set(request, (batch = new UpstreamBudget(limits.perBatch, 'batch', undefined, end)));
  }
  return new UpstreamBudget(limits.perOperation, 'operation', batch, OPEN, inFlight);
}
