// The upstream budget: how many calls one GraphQL operation (and one batched request, all its
// operations together) may still send to VinylDNS and OpenSRS. HttpUpstream.send takes one unit
// before a call leaves, so no code path gets around it; a read served from memory (a coalesced
// in-flight read, the zone cache, a loader) sends nothing and takes nothing. Retries inside one
// send (src/providers/http.ts) are part of that one call.
//
// Lower layers ask `remaining()` before starting a read they could do without (a filter scanning
// on), and stop with what they have when it is 0; a read that is needed anyway just runs, and
// fails with UPSTREAM_BUDGET_EXCEEDED when nothing is left.
import { GatewayError, type ProviderName } from '../errors.js';

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

/** What HttpUpstream.send draws on. */
export interface CallBudget {
  /** Calls that may still be sent (0 when spent; Infinity when unmetered). */
  remaining(): number;
  /** Throws the UpstreamBudgetExceededError `take` would throw, without taking anything. */
  ensure(provider: ProviderName): void;
  /** Counts one call about to be sent; throws UpstreamBudgetExceededError when none is left. */
  take(provider: ProviderName): void;
}

export class UpstreamBudget implements CallBudget {
  private spent = 0;

  constructor(
    readonly limit: number,
    private readonly scope: BudgetScope = 'operation',
    /** The batch this operation belongs to: a call takes one unit from both. */
    private readonly parent?: UpstreamBudget,
  ) {}

  /** Calls taken so far by this operation. */
  get used(): number {
    return this.spent;
  }

  remaining(): number {
    return Math.max(0, Math.min(this.limit - this.spent, this.parent ? this.parent.remaining() : Infinity));
  }

  ensure(provider: ProviderName): void {
    if (this.spent >= this.limit) throw new UpstreamBudgetExceededError(this.limit, this.scope, provider);
    this.parent?.ensure(provider);
  }

  take(provider: ProviderName): void {
    this.ensure(provider);
    this.parent?.take(provider);
    this.spent++;
  }
}

/** For calls that serve no GraphQL request (readiness probes). */
export const UNMETERED: CallBudget = { remaining: () => Infinity, ensure: () => undefined, take: () => undefined };

export interface BudgetLimits {
  /** MAX_UPSTREAM_CALLS. */
  perOperation: number;
  /** MAX_UPSTREAM_CALLS_PER_BATCH: all operations of one batched request together. */
  perBatch: number;
}

export const DEFAULT_BUDGET: BudgetLimits = { perOperation: 50, perBatch: 50 };

/** The batch budget of each HTTP request, created by its first operation. */
const batches = new WeakMap<object, UpstreamBudget>();

/** A fresh budget for one operation of `request` (every operation of a batch shares the request's batch budget). */
export function operationBudget(limits: BudgetLimits, request?: object): UpstreamBudget {
  if (!request) return new UpstreamBudget(limits.perOperation);
  let batch = batches.get(request);
  if (!batch) batches.set(request, (batch = new UpstreamBudget(limits.perBatch, 'batch')));
  return new UpstreamBudget(limits.perOperation, 'operation', batch);
}
