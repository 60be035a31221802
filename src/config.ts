// Reads the gateway's configuration from environment variables (through src/env.ts). The variable names are a public
// contract (README "Configuration"). Invalid settings stop start-up with one line that names the
// variable and never echoes a secret.
import {
  authConfig,
  credentialsMode,
  isAuthEnabled,
  isLoopback,
  openSrsAccess,
  openSrsCredentialsMode,
  type AuthConfig,
  type CredentialsMode,
  type OpenSrsAccess,
} from './auth/config.js';
import { checkProductionCursorSecret, webConfig, type WebConfig } from './safety/config.js';
import { limitsConfig, type LimitsConfig } from './limits/config.js';
import { cacheConfig, type CacheConfig } from './cache/config.js';
import { exportConfig, type ExportConfig } from './export/config.js';
import { liveConfig, type LiveConfig } from './live/config.js';
import { ConfigError, parseInteger, parseUrl, reader, value, type Env } from './env.js';
import { isOneOf } from './model/guards.js';
import { tracingConfig } from './observability/tracing-config.js';
import type { TracingConfig } from './observability/tracing.js';
import { trustedDocumentsConfig, type TrustedDocuments } from './trusted-documents/manifest.js';

export { ConfigError } from './env.js';

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
  /** Calls that may wait for a slot, per provider; more are refused with GATEWAY_OVERLOADED. Default 1000. */
  maxQueued?: number;
  breaker: { failureThreshold: number; resetAfterMs: number };
}

export interface OpenSrsConfig extends UpstreamTimeouts {
  url: string;
  /** The gateway's own account; absent with OPENSRS_CREDENTIALS=forward. */
  user?: string;
  /** Exactly one of password and token is set (with user). */
  password?: string;
  token?: string;
  /** Default configured. */
  credentials?: CredentialsMode;
  /** Who may use the gateway's own account (src/auth/opensrs-credentials.ts); default all. */
  access?: OpenSrsAccess;
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
  /** Absent: no CORS, loopback Host names only on a loopback host, GraphiQL on (src/safety/config.ts). */
  web?: WebConfig;
  /** Absent: no tracing (OTEL_EXPORTER_OTLP_ENDPOINT unset). */
  tracing?: TracingConfig;
  /** Absent: every operation runs (TRUSTED_DOCUMENTS unset). */
  trustedDocuments?: TrustedDocuments;
  /** Absent: the defaults of src/export/config.ts. */
  export?: ExportConfig;
  /** Absent: the defaults of src/live/config.ts. */
  live?: LiveConfig;
  /** Execute operations with graphql-jit (src/schema/use-jit.ts); absent: on. GRAPHQL_JIT. */
  jit?: boolean;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const LOG_LEVELS: LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];

const DEFAULT_TIMEOUT_MS = 10_000;
/** Public default: cursors are tamper-evident, not secret. Set CURSOR_SECRET to make them unforgeable. */
const DEFAULT_CURSOR_SECRET = 'changegraph-cursor-v1';

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

function openSrsConfig(env: Env, vinyldns: VinylDnsConfig | undefined): OpenSrsConfig | undefined {
  const url = parseUrl(env, 'OPENSRS_URL');
  const timeouts = parseTimeouts(env, 'OPENSRS');
  const credentials = openSrsCredentialsMode(reader(env), url !== undefined);
  if (url !== undefined && credentials === 'forward') return { url, credentials, ...timeouts };
  const access = openSrsAccess(reader(env), vinyldns?.credentials ?? (vinyldns ? 'configured' : undefined));
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
  return { url, user, password, token, access, ...timeouts };
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
    maxQueued: parseInteger(env, 'UPSTREAM_MAX_QUEUE', 1000, 0, 100_000),
    breaker: {
      failureThreshold: parseInteger(env, 'BREAKER_FAILURE_THRESHOLD', 5, 1, 1000),
      resetAfterMs: parseInteger(env, 'BREAKER_RESET_MS', 10_000, 100, 600_000),
    },
  };
}

function parseLogLevel(env: Env): LogLevel {
  const raw = value(env, 'LOG_LEVEL') ?? 'info';
  if (!isOneOf(LOG_LEVELS, raw)) throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}, got "${raw}"`);
  return raw;
}

export function loadConfig(env: Env = process.env): GatewayConfig {
  const port = parseInteger(env, 'PORT', 4000, 0, 65535);
  const host = value(env, 'HOST') ?? '127.0.0.1';
  const vinyldns = vinylDnsConfig(env);
  const opensrs = openSrsConfig(env, vinyldns);
  checkProductionCursorSecret(reader(env), DEFAULT_CURSOR_SECRET);
  const auth = authConfig(reader(env), host);
  return {
    port,
    host,
    vinyldns,
    opensrs,
    sandbox: vinyldns === undefined && opensrs === undefined,
    cursorSecret: value(env, 'CURSOR_SECRET') ?? DEFAULT_CURSOR_SECRET,
    logLevel: parseLogLevel(env),
    resilience: parseResilience(env),
    auth,
    limits: limitsConfig(reader(env)),
    cache: cacheConfig(reader(env)),
    web: webConfig(reader(env), isLoopback(host), !isAuthEnabled(auth)),
    tracing: tracingConfig(reader(env)),
    trustedDocuments: trustedDocumentsConfig(reader(env)),
    export: exportConfig(reader(env)),
    live: liveConfig(reader(env)),
    jit: reader(env).flag('GRAPHQL_JIT', true),
  };
}
