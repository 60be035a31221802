// Builds the gateway (yoga + schema + upstream pools) and serves it over node:http. Tests start it
// on port 0; src/main.ts starts it from the environment.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { GatewayConfig, ResilienceConfig, UpstreamTimeouts } from './config.js';
import { createContext, type ContextDeps, type GraphQLContext } from './context.js';
import { CursorCodec } from './pagination/cursor.js';
import { HttpUpstream, type HttpUpstreamOptions } from './providers/http.js';
import { GRAPHIQL_OPTIONS } from './schema/graphiql.js';
import { buildSchema } from './schema/index.js';
import { maskError } from './schema/mask-error.js';
import { useResultErrors } from './schema/partial-errors.js';
import { useJit } from './schema/use-jit.js';
import { createLogger } from './logger.js';
import { useGatewayAuth } from './auth/gateway-auth.js';
import { DEFAULT_LIMITS } from './limits/config.js';
import { useLimits } from './limits/index.js';
import { createObservability } from './observability/index.js';
import { openSrsProbe, vinylDnsProbe } from './observability/readiness.js';
import { withRequestId } from './observability/request-id.js';
import { DEFAULT_CACHE } from './cache/config.js';
import { responseCache } from './cache/response-cache.js';
import { SharedReads } from './providers/vinyldns/shared-reads.js';

export interface Gateway {
  yoga: YogaServerInstance<Record<string, unknown>, GraphQLContext>;
  server: Server;
  /** Closes the HTTP server and the upstream pools. */
  close(): Promise<void>;
}

export function createGateway(config: GatewayConfig): Gateway {
  const upstreams: HttpUpstream[] = [];
  const cache = config.cache ?? DEFAULT_CACHE;
  const responses = responseCache(cache.responseCache);
  const deps: ContextDeps = { cursors: new CursorCodec(config.cursorSecret) };
  const logger = createLogger(config.logLevel ?? 'info');
  const observability = createObservability(logger);
  const onResponse = observability.onResponse;
  if (config.vinyldns) {
    const upstream = new HttpUpstream('VINYLDNS', config.vinyldns.url, { ...upstreamOptions(config.vinyldns, config.resilience), onResponse });
    upstreams.push(upstream);
    observability.watch(upstream, vinylDnsProbe(upstream));
    const { accessKey, secretKey } = config.vinyldns;
    const credentials = accessKey !== undefined && secretKey !== undefined ? { accessKey, secretKey } : undefined;
    const shared = new SharedReads({ zoneTtlMs: cache.zoneTtlMs, coalesce: cache.coalesce });
    deps.vinyldns = { upstream, credentials, forward: config.vinyldns.credentials === 'forward', shared };
  }
  if (config.opensrs) {
    const upstream = new HttpUpstream('OPENSRS', config.opensrs.url, { ...upstreamOptions(config.opensrs, config.resilience), onResponse });
    upstreams.push(upstream);
    const { user, password, token } = config.opensrs;
    observability.watch(upstream, openSrsProbe(upstream, { user, password, token }));
    deps.opensrs = { upstream, credentials: { user, password, token } };
  }
  const limits = config.limits ?? DEFAULT_LIMITS;
  const { first, endpoints } = observability.plugins();

  const yoga = createYoga<Record<string, unknown>, GraphQLContext>({
    schema: buildSchema(),
    context: ({ request }) => createContext(deps, request),
    graphqlEndpoint: '/graphql',
    maskedErrors: { maskError },
    plugins: [
      ...first,
      ...useGatewayAuth(config.auth, '/graphql'),
      ...endpoints,
      ...useLimits(limits),
      // Sets the execute function: it must come before the response cache, which wraps it.
      ...(config.jit !== false ? [useJit()] : []),
      // Before the response cache: its "never cache an answer with errors" must see the feed's
      // partial errors, which this plugin adds.
      useResultErrors(),
      ...(responses.plugin ? [responses.plugin] : []),
    ],
    batching: limits.maxBatch > 1 ? { limit: limits.maxBatch } : false,
    // The inlined GraphiQL page holds about 40 MB once loaded: load it on the first page view, not
    // in every gateway process that only serves the API.
    renderGraphiQL: async (options) => (await import('@graphql-yoga/render-graphiql')).renderGraphiQL(options),
    graphiql: GRAPHIQL_OPTIONS,
    landingPage: false,
    logging: logger,
  });

  const server = createServer((req, res) => withRequestId(req, () => yoga(req, res)));
  return {
    yoga,
    server,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await Promise.all([...upstreams.map((u) => u.close()), responses.close()]);
    },
  };
}

function upstreamOptions(timeouts: UpstreamTimeouts, resilience?: ResilienceConfig): HttpUpstreamOptions {
  const { timeoutMs, connectTimeoutMs, headersTimeoutMs, bodyTimeoutMs } = timeouts;
  return { timeoutMs, connectTimeoutMs, headersTimeoutMs, bodyTimeoutMs, ...resilience };
}

/** Starts listening; resolves with the base URL (e.g. `http://127.0.0.1:4000`). */
export async function listen(gateway: Gateway, port: number, host: string): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    gateway.server.once('error', reject);
    gateway.server.listen(port, host, () => resolve());
  });
  const address = gateway.server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${shownHost}:${address.port}`;
}
