// Node's HTTP server defaults let one slow client hold a connection for minutes (60 s for the
// headers, 300 s for the request) and accept connections without bound.
import type { Server, ServerOptions } from 'node:http';
import type { ServerLimits } from './config.js';

/** For createServer: how often Node checks the header and request deadlines (default 30 s, far past ours). */
export function serverOptions(limits: ServerLimits): ServerOptions {
  return { connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(limits.headersTimeoutMs / 2))) };
}

export function applyServerLimits(server: Server, limits: ServerLimits): void {
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.maxConnections = limits.maxConnections;
}
