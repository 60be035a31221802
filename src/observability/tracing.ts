// OpenTelemetry tracing: one SERVER span per GraphQL operation and one CLIENT span per upstream
// call (all of its retries), a child of the operation's, with the W3C `traceparent` sent to the
// upstream so its own traces join ours. A caller's `traceparent` makes the operation a child of
// the caller's span. Spans go over OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT is set
// (tracing-config.ts); without it nothing here is created, no plugin, no hook: no cost.
//
// The tracer provider is this gateway's own, not registered globally (two gateways in one process,
// as in tests, keep their spans apart). What is global is the context manager, which makes the
// operation's span the active one through every await of its execution.
//
// The SDK, the propagator and the OTLP exporter are loaded (with `require`: they are CommonJS
// packages, and createGateway is synchronous) only when tracing is on: they add about half a
// second to every start-up otherwise.
import { createRequire } from 'node:module';
import { context, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Span, type TextMapGetter, type TextMapPropagator } from '@opentelemetry/api';
import type { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import { getOperationAST } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { isRecord } from '../model/guards.js';
import type { UpstreamTracer } from '../providers/upstream-events.js';
import { requestIdOf } from '../request-id.js';

export interface TracingConfig {
  /** `service.name` of every span. */
  serviceName: string;
  /** OTLP/HTTP traces URL, or (tests) an exporter that gets each span as it ends. */
  exporter: { otlpUrl: string } | SpanExporter;
}

export interface Tracing {
  /** First among the yoga plugins: the operation span wraps everything else. */
  plugin: Plugin;
  /** For HttpUpstreamOptions.tracer. */
  upstream: UpstreamTracer;
  /** Exports what is buffered, then stops. */
  shutdown(): Promise<void>;
}

const cjsRequire = createRequire(import.meta.url);

/** A CommonJS package loaded synchronously; `M` is its type, `typeof import()` of the same name. */
function load<M>(name: string): M {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- require's answer is the module import() types as M
  return cjsRequire(name) as M;
}
const headerGetter: TextMapGetter<Headers> = {
  get: (headers, key) => headers.get(key) ?? undefined,
  keys: (headers) => [...headers.keys()],
};
let contextManager: AsyncLocalStorageContextManager | undefined;

export function createTracing(config: TracingConfig): Tracing {
  const { AsyncLocalStorageContextManager } = load<typeof import('@opentelemetry/context-async-hooks')>('@opentelemetry/context-async-hooks');
  const { W3CTraceContextPropagator } = load<typeof import('@opentelemetry/core')>('@opentelemetry/core');
  const { resourceFromAttributes } = load<typeof import('@opentelemetry/resources')>('@opentelemetry/resources');
  const { BasicTracerProvider, BatchSpanProcessor, SimpleSpanProcessor } =
    load<typeof import('@opentelemetry/sdk-trace-base')>('@opentelemetry/sdk-trace-base');
  if (!contextManager) {
    contextManager = new AsyncLocalStorageContextManager().enable();
    context.setGlobalContextManager(contextManager);
  }
  const propagator: TextMapPropagator = new W3CTraceContextPropagator();
  const spanProcessor = 'otlpUrl' in config.exporter ? new BatchSpanProcessor(otlpExporter(config.exporter.otlpUrl)) : new SimpleSpanProcessor(config.exporter);
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': config.serviceName }),
    spanProcessors: [spanProcessor],
  });
  const tracer = provider.getTracer('changegraph');

  // Operation spans whose result is a stream (@defer/@stream) end with the stream, not before.
  const streaming = new WeakSet<Span>();
  const plugin: Plugin = {
    instrumentation: {
      async operation({ request }, wrapped) {
        const parent = propagator.extract(ROOT_CONTEXT, request.headers, headerGetter);
        const span = tracer.startSpan('graphql.operation', { kind: SpanKind.SERVER, attributes: { 'changegraph.request_id': requestIdOf(request) } }, parent);
        try {
          await context.with(trace.setSpan(parent, span), wrapped);
        } catch (error) {
          span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : 'error' });
          span.end();
          throw error;
        }
        if (!streaming.has(span)) span.end();
      },
    },
    onExecute({ args }) {
      const span = trace.getSpan(context.active());
      if (!span) return;
      const operation = getOperationAST(args.document, args.operationName);
      const type = operation?.operation ?? 'query';
      const name = operation?.name?.value;
      span.updateName(name ? `${type} ${name}` : type);
      span.setAttribute('graphql.operation.type', type);
      if (name) span.setAttribute('graphql.operation.name', name);
      return {
        onExecuteDone({ result }) {
          if (!isAsyncIterable(result)) return;
          streaming.add(span);
          return {
            onNext: ({ result: part }) => noteErrors(span, part),
            onEnd: () => span.end(),
          };
        },
      };
    },
    // Every operation's final result, including those refused before execution (validation,
    // limits, trusted documents).
    onExecutionResult({ result }) {
      const span = trace.getSpan(context.active());
      if (span && !isAsyncIterable(result)) for (const one of Array.isArray(result) ? result : [result]) noteErrors(span, one);
    },
  };

  const upstream: UpstreamTracer = {
    start(call) {
      const parent = context.active();
      const span = tracer.startSpan(
        `${call.method} ${call.endpoint}`,
        {
          kind: SpanKind.CLIENT,
          attributes: {
            'changegraph.provider': call.provider,
            'http.request.method': call.method,
            'url.template': call.endpoint,
            ...(call.page?.start !== undefined ? { 'changegraph.page.start': call.page.start } : {}),
            ...(call.page?.size !== undefined ? { 'changegraph.page.size': call.page.size } : {}),
          },
        },
        parent,
      );
      const headers: Record<string, string> = {};
      propagator.inject(trace.setSpan(parent, span), headers, { set: (carrier, key, value) => void (carrier[key] = value) });
      return {
        headers,
        end({ status, attempts, error }) {
          if (status > 0) span.setAttribute('http.response.status_code', status);
          if (attempts > 1) span.setAttribute('http.request.resend_count', attempts - 1);
          if (error !== undefined || status >= 400) span.setStatus({ code: SpanStatusCode.ERROR, message: error ?? `HTTP ${status}` });
          span.end();
        },
      };
    },
  };

  return { plugin, upstream, shutdown: () => provider.shutdown() };
}

function otlpExporter(url: string): SpanExporter {
  const { OTLPTraceExporter } = load<typeof import('@opentelemetry/exporter-trace-otlp-http')>('@opentelemetry/exporter-trace-otlp-http');
  return new OTLPTraceExporter({ url });
}

/** Marks the span failed when a result carries errors, with their codes (never their messages). */
function noteErrors(span: Span, result: unknown): void {
  const errorsOf = (part: unknown): unknown[] => (isRecord(part) && Array.isArray(part.errors) ? part.errors : []);
  // A streamed result's later payloads carry their errors in `incremental[]`.
  const incremental = isRecord(result) && Array.isArray(result.incremental) ? result.incremental : [];
  const errors = [...errorsOf(result), ...incremental.flatMap(errorsOf)];
  if (!errors.length) return;
  const codeOf = (e: unknown) => (isRecord(e) && isRecord(e.extensions) ? e.extensions.code : undefined);
  const codes = [...new Set(errors.map((e) => String(codeOf(e) ?? 'UNKNOWN')))];
  span.setAttribute('changegraph.error_codes', codes);
  span.setStatus({ code: SpanStatusCode.ERROR, message: codes.join(', ') });
}
