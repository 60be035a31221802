// The gateway's Prometheus metrics, in a registry of its own (one per gateway, so several can run
// in one process). Labels are bounded: operation names are checked and capped in number, error
// codes come from our own set, endpoints are path templates (src/observability/endpoints.ts).
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { ProviderName } from '../errors.js';
import type { UpstreamEvent } from '../providers/upstream-events.js';

export type Outcome = 'success' | 'partial' | 'error' | 'rejected';

/** What the breaker gauge reads: the lead's HttpUpstream exposes `breakerState`. */
export interface BreakerSource {
  provider: ProviderName;
  breakerState: 'closed' | 'half-open' | 'open';
}

const BREAKER_VALUE = { closed: 0, 'half-open': 1, open: 2 } as const;
/** Distinct operation names kept as label values; later ones count as "other". */
const MAX_OPERATION_NAMES = 200;
const OPERATION_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;
const ERROR_CODE = /^[A-Z][A-Z_]{0,49}$/;

export class GatewayMetrics {
  readonly registry = new Registry();
  private readonly operations: Counter<'operation' | 'outcome'>;
  private readonly errors: Counter<'code'>;
  private readonly upstreamCalls: Counter<'provider' | 'endpoint' | 'status'>;
  private readonly upstreamDuration: Histogram<'provider' | 'endpoint' | 'status'>;
  private readonly operationNames = new Set<string>();

  constructor(breakers: () => readonly BreakerSource[], options: { processMetrics?: boolean } = {}) {
    const registers = [this.registry];
    this.operations = new Counter({
      name: 'changegraph_graphql_operations_total',
      help: 'GraphQL operations by operation name and outcome (success, partial: data with errors, error, rejected: not executed)',
      labelNames: ['operation', 'outcome'],
      registers,
    });
    this.errors = new Counter({
      name: 'changegraph_graphql_errors_total',
      help: 'GraphQL errors in responses, by extensions.code',
      labelNames: ['code'],
      registers,
    });
    this.upstreamCalls = new Counter({
      name: 'changegraph_upstream_requests_total',
      help: 'Calls to the upstream APIs (each retry counts), by provider, endpoint template and HTTP status (0: no answer)',
      labelNames: ['provider', 'endpoint', 'status'],
      registers,
    });
    this.upstreamDuration = new Histogram({
      name: 'changegraph_upstream_request_duration_seconds',
      help: 'Latency of upstream calls, by provider, endpoint template and HTTP status (0: no answer)',
      labelNames: ['provider', 'endpoint', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    new Gauge({
      name: 'changegraph_upstream_breaker_state',
      help: 'Circuit breaker of each upstream: 0 closed, 1 half-open (probing), 2 open (failing fast)',
      labelNames: ['provider'],
      registers,
      collect() {
        for (const b of breakers()) this.set({ provider: b.provider }, BREAKER_VALUE[b.breakerState] ?? 0);
      },
    });
    if (options.processMetrics !== false) collectDefaultMetrics({ register: this.registry, prefix: 'changegraph_' });
  }

  observeUpstream(event: UpstreamEvent): void {
    const labels = { provider: event.provider, endpoint: event.endpoint, status: String(event.status) };
    this.upstreamCalls.inc(labels);
    this.upstreamDuration.observe(labels, event.durationMs / 1000);
  }

  observeOperation(name: string | undefined, outcome: Outcome): void {
    this.operations.inc({ operation: this.operationLabel(name), outcome });
  }

  observeError(code: string): void {
    this.errors.inc({ code: ERROR_CODE.test(code) ? code : 'OTHER' });
  }

  private operationLabel(name: string | undefined): string {
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'other';
    if (this.operationNames.has(name)) return name;
    if (this.operationNames.size >= MAX_OPERATION_NAMES) return 'other';
    this.operationNames.add(name);
    return name;
  }
}
