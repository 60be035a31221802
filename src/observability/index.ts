// Wires metrics, readiness and the request log together: every upstream call is reported once
// (HttpUpstream's onResponse) and feeds both the latency metrics and the readiness check.
import { usePrometheus } from '@graphql-yoga/plugin-prometheus';
import type { Plugin } from 'graphql-yoga';
import type { GatewayLogger } from '../logger.js';
import type { HttpUpstream } from '../providers/http.js';
import type { UpstreamEvent } from '../providers/upstream-events.js';
import { GatewayMetrics } from './metrics.js';
import { Readiness, useReadiness, type ReadinessTarget } from './readiness.js';
import { useRequestLog } from './request-log.js';

export const METRICS_PATH = '/metrics';

export interface Observability {
  /** For HttpUpstreamOptions.onResponse. */
  onResponse(event: UpstreamEvent): void;
  /** Registers a configured upstream: its breaker gauge and its readiness probe. */
  watch(upstream: HttpUpstream, probe: ReadinessTarget): void;
  metrics: GatewayMetrics;
  readiness: Readiness;
  /** The request log first (it times the whole request), then /readiness and /metrics. */
  plugins(): { first: Plugin[]; endpoints: Plugin[] };
}

export function createObservability(logger: GatewayLogger, options: { processMetrics?: boolean } = {}): Observability {
  const upstreams: HttpUpstream[] = [];
  const targets: ReadinessTarget[] = [];
  const metrics = new GatewayMetrics(() => upstreams, options);
  const readiness = new Readiness(targets);
  return {
    metrics,
    readiness,
    onResponse(event) {
      metrics.observeUpstream(event);
      readiness.noteResponse(event);
    },
    watch(upstream, probe) {
      upstreams.push(upstream);
      targets.push(probe);
    },
    plugins: () => ({
      first: [useRequestLog(logger, metrics)],
      endpoints: [
        useReadiness(readiness),
        usePrometheus({
          endpoint: METRICS_PATH,
          registry: metrics.registry,
          // Only the HTTP duration of yoga's metrics, without labels a client controls (the
          // operation name, the URL): the gateway's own metrics bound theirs (metrics.ts).
          metrics: {
            graphql_envelop_deprecated_field: false,
            graphql_envelop_request: false,
            graphql_envelop_request_duration: false,
            graphql_envelop_request_time_summary: false,
            graphql_envelop_phase_parse: false,
            graphql_envelop_phase_validate: false,
            graphql_envelop_phase_context: false,
            graphql_envelop_error_result: false,
            graphql_envelop_phase_execute: false,
            graphql_envelop_phase_subscribe: false,
            graphql_envelop_schema_change: false,
            graphql_yoga_http_duration: true,
          },
          labels: { operationName: false, url: false },
        }),
      ],
    }),
  };
}
