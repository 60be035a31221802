// Tracing settings, from the standard OpenTelemetry variables. Tracing is on only when an OTLP
// endpoint is set: OTEL_EXPORTER_OTLP_TRACES_ENDPOINT (the full traces URL) or
// OTEL_EXPORTER_OTLP_ENDPOINT (the collector's base URL; `/v1/traces` is appended, as the
// OpenTelemetry specification says). Headers for the collector (OTEL_EXPORTER_OTLP_HEADERS) are
// read by the exporter itself.
import type { EnvReader } from '../env.js';
import type { TracingConfig } from './tracing.js';

export function tracingConfig(env: EnvReader): TracingConfig | undefined {
  const traces = env.url('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT');
  const base = env.url('OTEL_EXPORTER_OTLP_ENDPOINT');
  if (traces === undefined && base === undefined) return undefined;
  return {
    serviceName: env.value('OTEL_SERVICE_NAME') ?? 'changegraph',
    exporter: { otlpUrl: traces ?? `${base}/v1/traces` },
  };
}
