// One keep-alive undici Pool per upstream, and what makes calls to it safe: a deadline on every
// call (connect, headers and body each bounded, and all retries within the one deadline), bounded
// retries with jittered backoff for reads that failed with 5xx, a reset or a timeout (never 4xx),
// a circuit breaker, and a cap on concurrent requests with a bounded queue. Every call first takes
// one unit of the request's upstream budget (src/providers/budget.ts). Status-code mapping belongs
// to each provider's client; network failures become UPSTREAM_UNAVAILABLE here. What this gateway
// refuses on its own (budget spent, queue full) never counts as the upstream's failure.
import { Pool } from 'undici';
import { GatewayError, UpstreamError, type ProviderName } from '../errors.js';
import type { CallBudget } from './budget.js';
import { CircuitBreaker, type BreakerOptions, type BreakerState } from './resilience/breaker.js';
import { QueueFullError, Semaphore } from './resilience/semaphore.js';
import { describeNetworkError } from './network-error.js';
import { pause } from './resilience/pause.js';
import { callOf, eventOf, type UpstreamEvent, type UpstreamTracer } from './upstream-events.js';
import { currentRequestId, REQUEST_ID_HEADER } from '../request-id.js';

export interface UpstreamRequest {
  method: 'GET' | 'POST';
  /** Path below the configured base URL, starting with '/', query string included. */
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** Safe to send again after a failure (reads). Default: true for GET. */
  idempotent?: boolean;
}

export interface UpstreamResponse {
  status: number;
  contentType: string;
  body: string;
}

export interface HttpUpstreamOptions {
  /** The whole call's deadline, retries included. */
  timeoutMs: number;
  /** Default min(2 s, timeoutMs). */
  connectTimeoutMs?: number;
  /** Until the response headers arrive. Default timeoutMs. */
  headersTimeoutMs?: number;
  /** Between body chunks. Default timeoutMs. */
  bodyTimeoutMs?: number;
  /** Keep-alive connections in the pool. Default 16. */
  connections?: number;
  /** Requests in flight at once; more wait. Default 32. */
  maxConcurrent?: number;
  /** Requests that may wait for a slot; more are refused with GATEWAY_OVERLOADED. Default 1000. */
  maxQueued?: number;
  /** Extra attempts for failed reads. Default 2. */
  retries?: number;
  /** First backoff; doubles per attempt, jittered ±50%. Default 100 ms. */
  retryBaseDelayMs?: number;
  breaker?: BreakerOptions;
  /** Told about every call that was sent (each retry too), for metrics and readiness. */
  onResponse?: (event: UpstreamEvent) => void;
  /** Traces each call, its retries included (src/observability/tracing.ts). Absent: no cost. */
  tracer?: UpstreamTracer;
}

/** This gateway's queue for an upstream is full (or a call waited past its deadline): local overload. */
export class GatewayOverloadedError extends GatewayError {
  constructor(provider: ProviderName, label: string, reason: string) {
    super('GATEWAY_OVERLOADED', `The gateway is overloaded: too many ${label} calls are waiting (${reason}); try again shortly`, provider);
  }
}

export class HttpUpstream {
  private readonly pool: Pool;
  private readonly breaker: CircuitBreaker;
  private readonly slots: Semaphore;
  /** A path prefix of the base URL (e.g. behind a reverse proxy), prepended to every request. */
  readonly basePath: string;
  readonly host: string;

  constructor(
    readonly provider: ProviderName,
    baseUrl: string,
    private readonly options: HttpUpstreamOptions,
  ) {
    const url = new URL(baseUrl);
    this.basePath = url.pathname.replace(/\/+$/, '');
    this.host = url.host;
    this.pool = new Pool(url.origin, {
      connections: options.connections ?? 16,
      keepAliveTimeout: 10_000,
      connect: { timeout: options.connectTimeoutMs ?? Math.min(2_000, options.timeoutMs) },
    });
    this.breaker = new CircuitBreaker(options.breaker);
    this.slots = new Semaphore(options.maxConcurrent ?? 32, options.maxQueued ?? 1000);
  }

  get label(): string {
    return this.provider === 'VINYLDNS' ? 'VinylDNS' : 'OpenSRS';
  }

  get breakerState(): BreakerState {
    return this.breaker.state;
  }

  /**
   * `budget`: the upstream budget of the GraphQL operation this call serves (UNMETERED for probes).
   * It is taken synchronously, before the first await: a caller that checked `remaining()` just
   * before calling cannot be refused. The call then waits for one of its operation's in-flight
   * slots, and after that for a slot of this upstream.
   */
  async send(request: UpstreamRequest, budget: CallBudget): Promise<UpstreamResponse> {
    budget.take(this.provider);
    const release = await budget.acquire(this.provider);
    try {
      return await this.sendTraced(request, budget);
    } finally {
      release();
    }
  }

  private async sendTraced(request: UpstreamRequest, budget: CallBudget): Promise<UpstreamResponse> {
    // The id of the request being answered, unsigned (VinylDNS signs only Host and X-Amz-Date).
    const requestId = currentRequestId();
    if (requestId !== undefined) request = { ...request, headers: { ...request.headers, [REQUEST_ID_HEADER]: requestId } };
    const tracer = this.options.tracer;
    if (!tracer) return this.sendWithRetries(request, budget);
    const trace = tracer.start(callOf(this.provider, request.method, this.relativePath(request), request.body));
    let attempts = 0;
    try {
      const response = await this.sendWithRetries({ ...request, headers: { ...request.headers, ...trace.headers } }, budget, () => attempts++);
      trace.end({ status: response.status, attempts });
      return response;
    } catch (error) {
      trace.end({ status: 0, attempts, error: error instanceof GatewayError ? error.code : 'ERROR' });
      throw error;
    }
  }

  private async sendWithRetries(request: UpstreamRequest, budget: CallBudget, onAttempt?: () => void): Promise<UpstreamResponse> {
    const probe = this.breaker.state !== 'closed';
    if (!this.breaker.allow()) {
      throw new UpstreamError('UPSTREAM_UNAVAILABLE', `${this.label} is failing; calls to it are paused for a few seconds`, this.provider);
    }
    // No call outlasts its operation's time limit: the answer is due then, whatever is still out.
    const deadline = AbortSignal.timeout(Math.min(this.options.timeoutMs, budget.msLeft()));
    const idempotent = request.idempotent ?? request.method === 'GET';
    const retries = idempotent ? (this.options.retries ?? 2) : 0;
    for (let attempt = 0; ; attempt++) {
      let outcome: UpstreamResponse | UpstreamError;
      const started = performance.now();
      onAttempt?.();
      try {
        outcome = await this.attempt(request, deadline, budget);
      } catch (error) {
        if (error instanceof GatewayError && !(error instanceof UpstreamError)) {
          // Refused here (queue full, the operation ended while it waited): nothing was sent, so
          // no metric, no breaker verdict, no retry.
          if (probe) this.breaker.abandon();
          throw error;
        }
        // Cut off by its operation's time limit: the operation's end, not the upstream's failure.
        const ended = budget.ended();
        if (ended) {
          if (probe) this.breaker.abandon();
          throw ended;
        }
        outcome = error instanceof UpstreamError ? error : this.networkError(error);
      }
      this.observe(request, outcome, started);
      if (!(outcome instanceof UpstreamError) && outcome.status < 500) {
        this.breaker.success();
        return outcome;
      }
      this.breaker.failure();
      const delay = (this.options.retryBaseDelayMs ?? 100) * 2 ** attempt * (0.5 + Math.random());
      if (attempt >= retries || deadline.aborted || this.breaker.state !== 'closed' || !(await pause(delay, deadline))) {
        if (outcome instanceof UpstreamError) throw outcome;
        return outcome;
      }
    }
  }

  private async attempt(request: UpstreamRequest, deadline: AbortSignal, budget: CallBudget): Promise<UpstreamResponse> {
    let release: () => void;
    try {
      release = await this.slots.acquire(deadline);
    } catch (error) {
      const reason = error instanceof QueueFullError ? `the queue of ${error.limit} is full` : 'none got a free slot before its deadline';
      throw new GatewayOverloadedError(this.provider, this.label, reason);
    }
    // The operation may have ended while the call waited its turn: nobody would read the answer.
    const ended = budget.ended();
    if (ended) {
      release();
      throw ended;
    }
    try {
      const res = await this.pool.request({
        method: request.method,
        path: request.path,
        headers: request.headers,
        body: request.body,
        signal: deadline,
        headersTimeout: this.options.headersTimeoutMs ?? this.options.timeoutMs,
        bodyTimeout: this.options.bodyTimeoutMs ?? this.options.timeoutMs,
      });
      const body = await res.body.text();
      return { status: res.statusCode, contentType: String(res.headers['content-type'] ?? ''), body };
    } finally {
      release();
    }
  }

  private networkError(error: unknown): UpstreamError {
    return new UpstreamError('UPSTREAM_UNAVAILABLE', `${this.label} could not be reached (${describeNetworkError(error)})`, this.provider);
  }

  /** The path below the base URL's own path. */
  private relativePath(request: UpstreamRequest): string {
    return request.path.startsWith(`${this.basePath}/`) ? request.path.slice(this.basePath.length) : request.path;
  }

  private observe(request: UpstreamRequest, outcome: UpstreamResponse | UpstreamError, started: number): void {
    if (!this.options.onResponse) return;
    const status = outcome instanceof UpstreamError ? 0 : outcome.status;
    try {
      this.options.onResponse(eventOf(this.provider, request.method, this.relativePath(request), status, performance.now() - started));
    } catch {
      // An observer's failure never fails the call.
    }
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
