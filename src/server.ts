// Builds the gateway (yoga + schema + upstream pools) and serves it over node:http. Tests start it
// on port 0; src/main.ts starts it from the environment.
import { createServer, type Server } from 'node:http';
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
import { openSrsProbe, READINESS_PATH, vinylDnsProbe } from './observability/readiness.js';
import { withRequestId } from './request-id.js';
import { DEFAULT_CACHE } from './cache/config.js';
import { responseCache } from './cache/response-cache.js';
import { SharedReads } from './providers/vinyldns/shared-reads.js';
import { OpenSrsSharedReads } from './providers/opensrs/shared-reads.js';
import { isVerifiedRequest } from './auth/gateway-auth.js';
import { isAuthEnabled, isLoopback } from './auth/config.js';
import { defaultWebConfig } from './safety/config.js';
import { hostName, isHostAllowed, refuseForeignHost } from './safety/allowed-hosts.js';
import { corsOption, useVaryOrigin } from './safety/cors.js';
import { useCsrfPrevention } from './safety/csrf.js';
import { applyServerLimits, serverOptions } from './safety/server-limits.js';
import { createClientSupport } from './client-support.js';
import { DEFAULT_EXPORT } from './export/config.js';
import { pacedDeps } from './export/pacing.js';
import { EXPORT_PATH, useExport } from './export/use-export.js';
import { feedUpstreams } from './schema/resolvers/feed.js';
import { attachWebSocket, DEFAULT_LIVE, LiveChanges } from './live/index.js';

export interface Gateway {
  yoga: YogaServerInstance<Record<string, unknown>, GraphQLContext>;
  server: Server;
  /** Live subscriptions (for tests and metrics). */
  live: LiveChanges;
  /** Closes the HTTP server and the upstream pools. */
  close(): Promise<void>;
}

export function createGateway(config: GatewayConfig): Gateway {
  const upstreams: HttpUpstream[] = [];
  const cache = config.cache ?? DEFAULT_CACHE;
  const limits = config.limits ?? DEFAULT_LIMITS;
  const web = config.web ?? defaultWebConfig(isLoopback(config.host));
  // With gateway auth, the cache answers only once the caller's credentials are verified.
  const responses = responseCache(cache.responseCache, isAuthEnabled(config.auth) ? isVerifiedRequest : undefined);
  const deps: ContextDeps = {
    cursors: new CursorCodec(config.cursorSecret),
    budget: {
      perOperation: limits.maxUpstreamCalls,
      perBatch: limits.maxUpstreamCallsPerBatch,
      inFlight: limits.maxUpstreamCallsInFlight,
      timeoutMs: limits.operationTimeoutMs,
    },
  };
  const logger = createLogger(config.logLevel ?? 'info');
  const observability = createObservability(logger);
  const client = createClientSupport(config);
  const hooks = { onResponse: observability.onResponse, tracer: client.tracer };
  if (config.vinyldns) {
    const upstream = new HttpUpstream('VINYLDNS', config.vinyldns.url, { ...upstreamOptions(config.vinyldns, config.resilience), ...hooks });
    upstreams.push(upstream);
    observability.watch(upstream, vinylDnsProbe(upstream));
    const { accessKey, secretKey } = config.vinyldns;
    const credentials = accessKey !== undefined && secretKey !== undefined ? { accessKey, secretKey } : undefined;
    const shared = new SharedReads({ zoneTtlMs: cache.zoneTtlMs, coalesce: cache.coalesce });
    deps.vinyldns = { upstream, credentials, forward: config.vinyldns.credentials === 'forward', shared };
  }
  if (config.opensrs) {
    const upstream = new HttpUpstream('OPENSRS', config.opensrs.url, { ...upstreamOptions(config.opensrs, config.resilience), ...hooks });
    upstreams.push(upstream);
    const { user, password, token } = config.opensrs;
    // As loadConfig decides it: forwarding VinylDNS keys must not hand every caller the OpenSRS account.
    const access = config.opensrs.access ?? (config.vinyldns?.credentials === 'forward' ? 'zone-readers' : 'all');
    const credentials = user !== undefined ? { user, password, token } : undefined;
    observability.watch(upstream, openSrsProbe(upstream, credentials));
    const shared = cache.coalesce === false ? undefined : new OpenSrsSharedReads();
    deps.opensrs = { upstream, credentials, forward: config.opensrs.credentials === 'forward', access, shared };
  }
  const liveSettings = config.live ?? DEFAULT_LIVE;
  const live = new LiveChanges({ config: liveSettings, cursors: deps.cursors, secret: config.cursorSecret, registry: observability.metrics.registry });
  deps.live = live;
  const { first, endpoints } = observability.plugins();

  const yoga = createYoga<Record<string, unknown>, GraphQLContext>({
    schema: buildSchema(),
    context: ({ request }) => createContext(deps, request),
    graphqlEndpoint: '/graphql',
    maskedErrors: { maskError },
    cors: corsOption(web.corsOrigins),
    plugins: [
      ...client.first,
      ...first,
      ...(web.corsOrigins.length > 0 ? [useVaryOrigin()] : []),
      useCsrfPrevention(),
      ...useGatewayAuth(config.auth, '/graphql', ['/health', READINESS_PATH], [EXPORT_PATH]),
      ...endpoints,
      // GET /export/changes: the feed read through a context of its own per page, as GraphQL would
      // build it for this request, with every upstream call paced by the export limits.
      useExport({
        config: config.export ?? DEFAULT_EXPORT,
        upstreams: (request, pace) => feedUpstreams(createContext(pacedDeps(deps, pace), request)),
        registry: observability.metrics.registry,
        logger,
      }),
      ...useLimits(limits),
      // Sets the execute function: it must come before the response cache, which wraps it.
      ...(config.jit !== false ? [useJit()] : []),
      // Before the response cache: its "never cache an answer with errors" must see the feed's
      // partial errors, which this plugin adds.
      useResultErrors(),
      ...(responses.plugin ? [responses.plugin] : []),
      ...client.last,
    ],
    batching: limits.maxBatch > 1 ? { limit: limits.maxBatch } : false,
    renderGraphiQL: client.renderGraphiQL,
    graphiql: web.graphiql ? GRAPHIQL_OPTIONS : false,
    landingPage: false,
    logging: logger,
  });

  const server = createServer(serverOptions(web.server), (req, res) => {
    if (refuseForeignHost(req, res, web.allowedHosts)) return;
    withRequestId(req, () => void yoga(req, res));
  });
  applyServerLimits(server, web.server);
  const websocket = attachWebSocket(server, yoga, {
    path: '/graphql',
    maxSubscriptionsPerConnection: liveSettings.maxSubscriptionsPerConnection,
    heartbeatMs: liveSettings.heartbeatMs,
    // An upgrade bypasses the request handler above: the same Host check applies to it, and a
    // browser's WebSocket from another origin (which no CORS rule covers) is refused.
    refuse: (req) => {
      if (!isHostAllowed(req.headers.host, web.allowedHosts)) return 421;
      // Operations over WebSocket skip yoga's request hooks, where trusted documents are enforced.
      if (config.trustedDocuments) return 403;
      const origin = req.headers.origin;
      if (origin !== undefined && hostName(new URL(origin).host) !== hostName(req.headers.host) && !web.corsOrigins.includes(origin)) return 403;
      return undefined;
    },
  });
  return {
    yoga,
    server,
    live,
    async close() {
      await Promise.all([live.close(), websocket.close()]);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await Promise.all([...upstreams.map((u) => u.close()), responses.close(), client.close()]);
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
  const address = gateway.server.address();
  if (address === null || typeof address === 'string') throw new Error('the gateway is not listening on a TCP port');
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${shownHost}:${address.port}`;
}
