// Who may ask (README "Operations"): bearer tokens, JWTs, and whose keys VinylDNS requests are
// signed with. Errors name the variable and never echo a token or secret.
import type { EnvReader } from '../env.js';

export interface JwtConfig {
  /** HS256 shared secret (GATEWAY_JWT_SECRET); exclusive with jwksUrl. */
  secret?: string;
  /** Where the signing keys (RS256/ES256) are published (GATEWAY_JWKS_URL). */
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
}

export interface AuthConfig {
  /** Static bearer tokens (GATEWAY_API_TOKENS). */
  tokens: string[];
  jwt?: JwtConfig;
  /** Serve without authentication on a non-loopback HOST (GATEWAY_ALLOW_ANONYMOUS). */
  allowAnonymous: boolean;
}

/** configured: every request signed with VINYLDNS_ACCESS_KEY; forward: with the caller's own keys. */
export type CredentialsMode = 'configured' | 'forward';

export const MIN_TOKEN_LENGTH = 16;
export const MIN_JWT_SECRET_LENGTH = 32;
/** RFC 6750 token characters. */
const TOKEN_SYNTAX = /^[A-Za-z0-9\-._~+/]+=*$/;

export const isAuthEnabled = (auth: AuthConfig | undefined): boolean => auth !== undefined && (auth.tokens.length > 0 || auth.jwt !== undefined);

export function authConfig(env: EnvReader, host: string): AuthConfig {
  const tokens = parseTokens(env);
  const jwt = parseJwt(env);
  const auth: AuthConfig = { tokens, jwt, allowAnonymous: env.flag('GATEWAY_ALLOW_ANONYMOUS', false) };
  if (!isAuthEnabled(auth) && !auth.allowAnonymous && !isLoopback(host)) {
    env.fail(
      'HOST',
      `is "${host}", which is not a loopback address, and the gateway has no authentication: set GATEWAY_API_TOKENS, GATEWAY_JWT_SECRET or GATEWAY_JWKS_URL (or GATEWAY_ALLOW_ANONYMOUS=true)`,
    );
  }
  return auth;
}

/** VINYLDNS_CREDENTIALS; in forward mode the gateway has no VinylDNS keys of its own. */
export function credentialsMode(env: EnvReader, hasUrl: boolean): CredentialsMode {
  const given = env.value('VINYLDNS_CREDENTIALS');
  const mode = given ?? 'configured';
  if (mode !== 'configured' && mode !== 'forward') return env.fail('VINYLDNS_CREDENTIALS', `must be "configured" or "forward", got "${mode.slice(0, 40)}"`);
  if (given !== undefined && !hasUrl) env.fail('VINYLDNS_URL', 'is required when VINYLDNS_CREDENTIALS is set');
  if (mode === 'forward' && env.value('VINYLDNS_ACCESS_KEY') !== undefined) {
    env.fail('VINYLDNS_ACCESS_KEY', "is not used with VINYLDNS_CREDENTIALS=forward (each request is signed with the caller's keys); unset it");
  }
  return mode;
}

/** OPENSRS_CREDENTIALS: `configured` (the gateway's OPENSRS_USER account) or `forward` (each caller's own, from its headers). */
export function openSrsCredentialsMode(env: EnvReader, hasUrl: boolean): CredentialsMode {
  const given = env.value('OPENSRS_CREDENTIALS');
  const mode = given ?? 'configured';
  if (mode !== 'configured' && mode !== 'forward') return env.fail('OPENSRS_CREDENTIALS', `must be "configured" or "forward", got "${mode.slice(0, 40)}"`);
  if (given !== undefined && !hasUrl) env.fail('OPENSRS_URL', 'is required when OPENSRS_CREDENTIALS is set');
  if (mode === 'forward') {
    for (const name of ['OPENSRS_USER', 'OPENSRS_PASSWORD', 'OPENSRS_TOKEN', 'OPENSRS_ACCESS']) {
      if (env.value(name) !== undefined)
        env.fail(name, "is not used with OPENSRS_CREDENTIALS=forward (each request uses the caller's own OpenSRS credentials); unset it");
    }
  }
  return mode;
}

/** all: every caller the gateway admits uses its OpenSRS account; zone-readers: only for mail domains whose VinylDNS zone the caller can read. */
export type OpenSrsAccess = 'all' | 'zone-readers';

/**
 * OPENSRS_ACCESS, with the gateway's own OpenSRS account. Default `zone-readers` when VinylDNS
 * requests carry the caller's own keys (each caller has an identity to check), `all` otherwise.
 * `vinyldns`: its credentials mode, undefined when VinylDNS is not configured.
 */
export function openSrsAccess(env: EnvReader, vinyldns: CredentialsMode | undefined): OpenSrsAccess {
  const given = env.value('OPENSRS_ACCESS');
  const access = given ?? (vinyldns === 'forward' ? 'zone-readers' : 'all');
  if (access !== 'all' && access !== 'zone-readers') return env.fail('OPENSRS_ACCESS', `must be "all" or "zone-readers", got "${access.slice(0, 40)}"`);
  if (access === 'zone-readers' && vinyldns === undefined)
    env.fail('OPENSRS_ACCESS', 'zone-readers needs VinylDNS (VINYLDNS_URL): access is decided by the VinylDNS zone of the same name');
  return access;
}

function parseTokens(env: EnvReader): string[] {
  const raw = env.value('GATEWAY_API_TOKENS');
  if (raw === undefined) return [];
  const tokens = raw
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
  if (tokens.length === 0) env.fail('GATEWAY_API_TOKENS', 'holds no token (expected comma-separated tokens)');
  tokens.forEach((token, i) => {
    if (token.length < MIN_TOKEN_LENGTH) env.fail('GATEWAY_API_TOKENS', `token ${i + 1} is shorter than ${MIN_TOKEN_LENGTH} characters`);
    if (!TOKEN_SYNTAX.test(token))
      env.fail('GATEWAY_API_TOKENS', `token ${i + 1} has characters a bearer token cannot have (allowed: letters, digits, - . _ ~ + / and trailing =)`);
  });
  return tokens;
}

function parseJwt(env: EnvReader): JwtConfig | undefined {
  const secret = env.value('GATEWAY_JWT_SECRET');
  const jwksUrl = env.url('GATEWAY_JWKS_URL');
  const issuer = env.value('GATEWAY_JWT_ISSUER');
  const audience = env.value('GATEWAY_JWT_AUDIENCE');
  if (secret !== undefined && jwksUrl !== undefined) env.fail('GATEWAY_JWKS_URL', 'and GATEWAY_JWT_SECRET are both set; set only one of them');
  if (secret === undefined && jwksUrl === undefined) {
    if (issuer !== undefined) env.fail('GATEWAY_JWT_ISSUER', 'needs GATEWAY_JWT_SECRET or GATEWAY_JWKS_URL');
    if (audience !== undefined) env.fail('GATEWAY_JWT_AUDIENCE', 'needs GATEWAY_JWT_SECRET or GATEWAY_JWKS_URL');
    return undefined;
  }
  if (secret !== undefined && secret.length < MIN_JWT_SECRET_LENGTH) env.fail('GATEWAY_JWT_SECRET', `must be at least ${MIN_JWT_SECRET_LENGTH} characters`);
  return { secret, jwksUrl, issuer, audience };
}

/** 127.0.0.0/8, ::1 and localhost: reachable from this machine only. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(?:\.\d{1,3}){3}$/.test(h) || h === '::ffff:127.0.0.1';
}
