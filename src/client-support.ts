// What the GraphQL client tools people already run need from the gateway, beyond the schema:
// - introspection without Federation's machinery (GraphiQL's docs, client tools);
// - `@defer` and `@stream` (yoga's plugin), so a slow part of a page can come after the rest;
// - compressed answers, and a GraphiQL page a browser can cache;
// - OpenTelemetry traces, when an OTLP endpoint is configured;
// - trusted documents only, when a manifest is configured.
// server.ts places `first` before its own plugins and `last` after them.
import { useDeferStream } from '@graphql-yoga/plugin-defer-stream';
import type { GraphiQLOptions, Plugin } from 'graphql-yoga';
import { useCompression } from './http/compression.js';
import { graphiqlCache } from './http/graphiql-cache.js';
import { createTracing, type TracingConfig } from './observability/tracing.js';
import type { UpstreamTracer } from './providers/upstream-events.js';
import { usePublicIntrospection } from './schema/use-public-introspection.js';
import type { TrustedDocuments } from './trusted-documents/manifest.js';
import { useTrustedDocuments } from './trusted-documents/use-trusted-documents.js';

export interface ClientSupportConfig {
  /** Absent: no tracing, at no cost. */
  tracing?: TracingConfig;
  /** Absent: every operation runs. */
  trustedDocuments?: TrustedDocuments;
}

export interface ClientSupport {
  /** For HttpUpstreamOptions.tracer. */
  tracer?: UpstreamTracer;
  /** First of the yoga plugins (the operation span wraps the others). */
  first: Plugin[];
  /** Last of the yoga plugins (compression must see the final response). */
  last: Plugin[];
  /** For yoga's `renderGraphiQL`: the offline GraphiQL, rendered once. */
  renderGraphiQL: (options: GraphiQLOptions) => Promise<string>;
  close(): Promise<void>;
}

export function createClientSupport(config: ClientSupportConfig): ClientSupport {
  const tracing = config.tracing ? createTracing(config.tracing) : undefined;
  // The inlined GraphiQL page holds about 40 MB once loaded: load it on the first page view, not
  // in every gateway process that only serves the API.
  const graphiql = graphiqlCache(async (options: GraphiQLOptions) => (await import('@graphql-yoga/render-graphiql')).renderGraphiQL(options));
  return {
    tracer: tracing?.upstream,
    first: tracing ? [tracing.plugin] : [],
    last: [
      ...(config.trustedDocuments ? [useTrustedDocuments(config.trustedDocuments)] : []),
      usePublicIntrospection(),
      useDeferStream(),
      graphiql.plugin,
      useCompression(),
    ],
    renderGraphiQL: graphiql.render,
    close: async () => tracing?.shutdown(),
  };
}
