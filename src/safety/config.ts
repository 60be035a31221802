// Browser and HTTP-server safety settings (README "Operations", "Browsers, hosts and production"):
// CORS, the Host allow-list, GraphiQL, the server's timeouts and connection cap, and what
// NODE_ENV=production refuses. Invalid values stop start-up with one line naming the variable.
import type { EnvReader } from '../env.js';

export interface ServerLimits {
  /** Until a request's headers are in (slow-header clients). */
  headersTimeoutMs: number;
  /** Until the whole request (headers and body) is in. */
  requestTimeoutMs: number;
  /** How long an idle keep-alive connection is kept. */
  keepAliveTimeoutMs: number;
  /** Open connections at once; more are closed as they arrive. */
  maxConnections: number;
}

export interface WebConfig {
  /** CORS_ORIGINS: origins granted CORS (with credentials); ['*']: any origin, never with credentials; []: no CORS. */
  corsOrigins: string[];
  /** ALLOWED_HOSTS: names the Host header may carry (loopback names always may); '*': any. */
  allowedHosts: string[] | '*';
  /** GRAPHIQL: serve the GraphiQL page on GET /graphql. */
  graphiql: boolean;
  server: ServerLimits;
}

export const DEFAULT_SERVER_LIMITS: ServerLimits = { headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000, maxConnections: 1_000 };

/** What a gateway built without a WebConfig (tests, embedding) gets: loopback hosts only when listening on loopback. */
export function defaultWebConfig(loopback: boolean): WebConfig {
  return { corsOrigins: [], allowedHosts: loopback ? [] : '*', graphiql: true, server: DEFAULT_SERVER_LIMITS };
}

export const isProduction = (env: EnvReader): boolean => env.value('NODE_ENV') === 'production';

/**
 * `loopback`: HOST is a loopback address. `anonymous`: the gateway serves without authentication.
 * A gateway any page can reach by name (DNS rebinding) and that asks no token needs its names listed.
 */
export function webConfig(env: EnvReader, loopback: boolean, anonymous: boolean): WebConfig {
  const allowedHosts = parseHosts(env);
  if (allowedHosts === undefined && !loopback && anonymous) {
    env.fail(
      'ALLOWED_HOSTS',
      'is required when HOST is not loopback and the gateway has no authentication (list the host names clients use, e.g. changegraph.example.com; * accepts any)',
    );
  }
  const server: ServerLimits = {
    headersTimeoutMs: env.integer('HTTP_HEADERS_TIMEOUT_MS', DEFAULT_SERVER_LIMITS.headersTimeoutMs, 100, 600_000),
    requestTimeoutMs: env.integer('HTTP_REQUEST_TIMEOUT_MS', DEFAULT_SERVER_LIMITS.requestTimeoutMs, 100, 3_600_000),
    keepAliveTimeoutMs: env.integer('HTTP_KEEP_ALIVE_TIMEOUT_MS', DEFAULT_SERVER_LIMITS.keepAliveTimeoutMs, 100, 600_000),
    maxConnections: env.integer('HTTP_MAX_CONNECTIONS', DEFAULT_SERVER_LIMITS.maxConnections, 1, 1_000_000),
  };
  if (server.headersTimeoutMs > server.requestTimeoutMs)
    env.fail('HTTP_HEADERS_TIMEOUT_MS', `must not exceed HTTP_REQUEST_TIMEOUT_MS (${server.requestTimeoutMs})`);
  return {
    corsOrigins: parseOrigins(env),
    // Without an explicit setting: the loopback names on a loopback HOST; any name otherwise,
    // where every request needs a token a rebinding page does not have.
    allowedHosts: allowedHosts ?? (loopback ? [] : '*'),
    graphiql: env.flag('GRAPHIQL', !isProduction(env)),
    server,
  };
}

function parseOrigins(env: EnvReader): string[] {
  const raw = env.value('CORS_ORIGINS');
  if (raw === undefined) return [];
  const items = raw
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '');
  if (items.includes('*')) {
    if (items.length > 1) env.fail('CORS_ORIGINS', 'is either * or a list of origins, not both');
    return ['*'];
  }
  return items.map((item) => {
    let url: URL | undefined;
    try {
      url = new URL(item);
    } catch {
      url = undefined;
    }
    // An origin is exactly scheme://host[:port]: no path, no trailing slash, no credentials.
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== item) {
      return env.fail(
        'CORS_ORIGINS',
        `holds "${item.slice(0, 80)}", which is not an origin (expected e.g. https://app.example.com, with no path or trailing slash)`,
      );
    }
    return item;
  });
}

function parseHosts(env: EnvReader): string[] | '*' | undefined {
  const raw = env.value('ALLOWED_HOSTS');
  if (raw === undefined) return undefined;
  const items = raw
    .split(',')
    .map((h) => h.trim().toLowerCase().replace(/\.$/, ''))
    .filter((h) => h !== '');
  if (items.includes('*')) return '*';
  if (items.length === 0) env.fail('ALLOWED_HOSTS', 'holds no host name');
  for (const item of items) {
    if (!/^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\]|[0-9a-f:.]+)$/.test(item)) {
      env.fail('ALLOWED_HOSTS', `holds "${item.slice(0, 80)}", which is not a host name (names only, without port or scheme, e.g. changegraph.example.com)`);
    }
  }
  return items.map((h) => h.replace(/^\[|\]$/g, ''));
}

/** The public default cursor secret (src/config.ts), refused in production. */
export function checkProductionCursorSecret(env: EnvReader, publicDefault: string): void {
  if (!isProduction(env)) return;
  const secret = env.value('CURSOR_SECRET');
  if (secret === undefined || secret === publicDefault) {
    env.fail('CURSOR_SECRET', 'must be set to a secret of your own when NODE_ENV=production (with the public default anyone can forge cursors)');
  }
  if (secret.length < 16) env.fail('CURSOR_SECRET', 'must be at least 16 characters when NODE_ENV=production');
}
