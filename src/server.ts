// Builds the gateway (yoga + schema + upstream pools) and serves it over node:http. Tests start it
// on port 0; src/main.ts starts it from the environment.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { GatewayConfig, ResilienceConfig, UpstreamTimeouts } from './config.js';
import { createContext, type ContextDeps, type GraphQLContext } from './context.js';
import { CursorCodec } from './pagination/cursor.js';
import { HttpUpstream, type HttpUpstreamOptions } from './providers/http.js';
import { GRAPHIQL_OPTIONS } from './schema/graphiql.js';
import { buildSchema } from './schema/index.js';
import { maskError } from './schema/mask-error.js';
import { useResultErrors } from './schema/partial-errors.js';
import { createLogger } from './logger.js';

export interface Gateway {
  yoga: YogaServerInstance<Record<string, unknown>, GraphQLContext>;
  server: Server;
  /** Closes the HTTP server and the upstream pools. */
  close(): Promise<void>;
}

export function createGateway(config: GatewayConfig): Gateway {
  const upstreams: HttpUpstream[] = [];
  const deps: ContextDeps = { cursors: new CursorCodec(config.cursorSecret) };
  if (config.vinyldns) {
    const upstream = new HttpUpstream('VINYLDNS', config.vinyldns.url, upstreamOptions(config.vinyldns, config.resilience));
    upstreams.push(upstream);
    deps.vinyldns = { upstream, credentials: { accessKey: config.vinyldns.accessKey, secretKey: config.vinyldns.secretKey } };
  }
  if (config.opensrs) {
    const upstream = new HttpUpstream('OPENSRS', config.opensrs.url, upstreamOptions(config.opensrs, config.resilience));
    upstreams.push(upstream);
    const { user, password, token } = config.opensrs;
    deps.opensrs = { upstream, credentials: { user, password, token } };
  }

  const yoga = createYoga<Record<string, unknown>, GraphQLContext>({
    schema: buildSchema(),
    context: () => createContext(deps),
    graphqlEndpoint: '/graphql',
    maskedErrors: { maskError },
    plugins: [useResultErrors()],
    renderGraphiQL,
    graphiql: GRAPHIQL_OPTIONS,
    landingPage: false,
    logging: createLogger(config.logLevel ?? 'info'),
  });

  const server = createServer(yoga);
  return {
    yoga,
    server,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await Promise.all(upstreams.map((u) => u.close()));
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
