// Reads the gateway's configuration from environment variables. The variable names are a public
// contract (README "Configuration"). Invalid settings stop start-up with one line that names the
// variable and never echoes a secret.
import { authConfig, credentialsMode, type AuthConfig, type CredentialsMode } from './auth/config.js';
import { limitsConfig, type LimitsConfig } from './limits/config.js';
import { cacheConfig, type CacheConfig } from './cache/config.js';

/** Deadlines of one upstream call: the whole call (retries included), and each phase. */
export interface UpstreamTimeouts {
  timeoutMs: number;
  connectTimeoutMs?: number;
  headersTimeoutMs?: number;
  bodyTimeoutMs?: number;
}

export interface VinylDnsConfig extends UpstreamTimeouts {
  url: string;
  /** The gateway's own keys; absent when requests are signed with the caller's (forward). */
  accessKey?: string;
  secretKey?: string;
  /** Default configured. */
  credentials?: CredentialsMode;
}

/** How calls to every upstream are retried, capped and cut off when an upstream keeps failing. */
export interface ResilienceConfig {
  retries: number;
  retryBaseDelayMs: number;
  maxConcurrent: number;
  breaker: { failureThreshold: number; resetAfterMs: number };
}

export interface OpenSrsConfig extends UpstreamTimeouts {
  url: string;
  user: string;
  /** Exactly one of password and token is set. */
  password?: string;
  token?: string;
}

export interface GatewayConfig {
  port: number;
  host: string;
  vinyldns?: VinylDnsConfig;
  opensrs?: OpenSrsConfig;
  /** True when neither upstream is configured: `npm start` then runs the embedded sandbox. */
  sandbox: boolean;
  /** Key for the cursors' integrity check; cursors only validate on gateways sharing it. */
  cursorSecret: string;
  /** Defaults apply when absent. */
  resilience?: ResilienceConfig;
  logLevel?: LogLevel;
  /** Absent: no gateway authentication (tests, embedding). */
  auth?: AuthConfig;
  /** Absent: the defaults of src/limits/config.ts. */
  limits?: LimitsConfig;
  /** Absent: the defaults of src/cache/config.ts. */
  cache?: CacheConfig;
  /** Execute operations with graphql-jit (src/schema/use-jit.ts); absent: on. GRAPHQL_JIT. */
  jit?: boolean;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const LOG_LEVELS: LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];

export class ConfigError extends Error {
  constructor(readonly variable: string, problem: string) {
    super(`Invalid configuration: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/** What the settings of src/auth and src/limits are read through. */
export interface EnvReader {
  value(name: string): string | undefined;
  url(name: string): string | undefined;
  integer(name: string, fallback: number, min: number, max: number): number;
  flag(name: string, fallback: boolean): boolean;
  fail(name: string, problem: string): never;
}

function reader(env: Env): EnvReader {
  const fail = (name: string, problem: string): never => {
    throw new ConfigError(name, problem);
  };
  const flag = (name: string, fallback: boolean) => {
    const raw = value(env, name)?.toLowerCase();
    return raw === undefined ? fallback : raw === 'true' || (raw !== 'false' && fail(name, `must be true or false, got "${raw.slice(0, 20)}"`));
  };
  return { value: (n) => value(env, n), url: (n) => parseUrl(env, n), integer: (n, f, lo, hi) => parseInteger(env, n, f, lo, hi), flag, fail };
}

const DEFAULT_TIMEOUT_MS = 10_000;
/** Public default: cursors are tamper-evident, not secret. Set CURSOR_SECRET to make them unforgeable. */
const DEFAULT_CURSOR_SECRET = 'changegraph-cursor-v1';

function value(env: Env, name: string): string | undefined {
  const v = env[name];
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

function parseUrl(env: Env, name: string): string | undefined {
  const raw = value(env, name);
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, 'is not a valid URL (expected e.g. https://vinyldns.example.com)');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(name, `must be an http or https URL, got the scheme "${url.protocol}"`);
  }
  if (url.username || url.password) {
    throw new ConfigError(name, 'must not contain credentials; use the dedicated variables');
  }
  if (url.search || url.hash) throw new ConfigError(name, 'must not have a query string or fragment');
  return url.origin + url.pathname.replace(/\/+$/, '');
}

function parseInteger(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = value(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(name, `must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return Number(raw);
}

function requirePair(env: Env, a: string, b: string): void {
  if ((value(env, a) === undefined) !== (value(env, b) === undefined)) {
    const [set, missing] = value(env, a) === undefined ? [b, a] : [a, b];
    throw new ConfigError(missing, `is required when ${set} is set`);
  }
}

function vinylDnsConfig(env: Env): VinylDnsConfig | undefined {
  requirePair(env, 'VINYLDNS_ACCESS_KEY', 'VINYLDNS_SECRET_KEY');
  const url = parseUrl(env, 'VINYLDNS_URL');
  const timeouts = parseTimeouts(env, 'VINYLDNS');
  const credentials = credentialsMode(reader(env), url !== undefined);
  if (url === undefined) {
    if (value(env, 'VINYLDNS_ACCESS_KEY')) throw new ConfigError('VINYLDNS_URL', 'is required when VINYLDNS_ACCESS_KEY is set');
    return undefined;
  }
  if (credentials === 'forward') return { url, credentials, ...timeouts };
  const accessKey = value(env, 'VINYLDNS_ACCESS_KEY');
  const secretKey = value(env, 'VINYLDNS_SECRET_KEY');
  if (!accessKey || !secretKey) throw new ConfigError('VINYLDNS_ACCESS_KEY', 'and VINYLDNS_SECRET_KEY are required when VINYLDNS_URL is set');
  if (accessKey.includes('/')) throw new ConfigError('VINYLDNS_ACCESS_KEY', 'must not contain "/"');
  return { url, accessKey, secretKey, ...timeouts };
}

function openSrsConfig(env: Env): OpenSrsConfig | undefined {
  const url = parseUrl(env, 'OPENSRS_URL');
  const timeouts = parseTimeouts(env, 'OPENSRS');
  const user = value(env, 'OPENSRS_USER');
  const password = value(env, 'OPENSRS_PASSWORD');
  const token = value(env, 'OPENSRS_TOKEN');
  if (password !== undefined && token !== undefined) {
    throw new ConfigError('OPENSRS_TOKEN', 'and OPENSRS_PASSWORD are both set; set only one of them');
  }
  if (url === undefined) {
    if (user || password || token) throw new ConfigError('OPENSRS_URL', 'is required when OpenSRS credentials are set');
    return undefined;
  }
  if (!user) throw new ConfigError('OPENSRS_USER', 'is required when OPENSRS_URL is set');
  if (password === undefined && token === undefined) {
    throw new ConfigError('OPENSRS_PASSWORD', '(or OPENSRS_TOKEN) is required when OPENSRS_URL is set');
  }
  return { url, user, password, token, ...timeouts };
}

function parseTimeouts(env: Env, prefix: 'VINYLDNS' | 'OPENSRS'): UpstreamTimeouts {
  const phase = (name: string) => {
    const v = parseInteger(env, `${prefix}_${name}_TIMEOUT_MS`, -1, 100, 120_000);
    return v === -1 ? undefined : v;
  };
  return {
    timeoutMs: parseInteger(env, `${prefix}_TIMEOUT_MS`, DEFAULT_TIMEOUT_MS, 100, 120_000),
    connectTimeoutMs: phase('CONNECT'),
    headersTimeoutMs: phase('HEADERS'),
    bodyTimeoutMs: phase('BODY'),
  };
}

function parseResilience(env: Env): ResilienceConfig {
  return {
    retries: parseInteger(env, 'UPSTREAM_RETRIES', 2, 0, 5),
    retryBaseDelayMs: parseInteger(env, 'UPSTREAM_RETRY_DELAY_MS', 100, 1, 10_000),
    maxConcurrent: parseInteger(env, 'UPSTREAM_MAX_CONCURRENCY', 32, 1, 1000),
    breaker: {
      failureThreshold: parseInteger(env, 'BREAKER_FAILURE_THRESHOLD', 5, 1, 1000),
      resetAfterMs: parseInteger(env, 'BREAKER_RESET_MS', 10_000, 100, 600_000),
    },
  };
}

function parseLogLevel(env: Env): LogLevel {
  const raw = value(env, 'LOG_LEVEL') ?? 'info';
  if (!(LOG_LEVELS as string[]).includes(raw)) throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}, got "${raw}"`);
  return raw as LogLevel;
}

export function loadConfig(env: Env = process.env): GatewayConfig {
  const port = parseInteger(env, 'PORT', 4000, 0, 65535);
  const host = value(env, 'HOST') ?? '127.0.0.1';
  const vinyldns = vinylDnsConfig(env);
  const opensrs = openSrsConfig(env);
  return {
    port,
    host,
    vinyldns,
    opensrs,
    sandbox: vinyldns === undefined && opensrs === undefined,
    cursorSecret: value(env, 'CURSOR_SECRET') ?? DEFAULT_CURSOR_SECRET,
    logLevel: parseLogLevel(env),
    resilience: parseResilience(env),
    auth: authConfig(reader(env), host),
    limits: limitsConfig(reader(env)),
    cache: cacheConfig(reader(env)),
    jit: reader(env).flag('GRAPHQL_JIT', true),
  };
}
