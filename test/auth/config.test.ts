// The new settings are validated like the others: one line naming the variable, no secret echoed;
// an open gateway only on loopback unless GATEWAY_ALLOW_ANONYMOUS=true.
import { describe, expect, it } from 'vitest';
import { isLoopback } from '../../src/auth/config.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { DEFAULT_LIMITS } from '../../src/limits/config.js';

const fails = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.message;
    throw e;
  }
  throw new Error('expected a ConfigError');
};
const VINYL = { VINYLDNS_URL: 'https://vinyldns.example.com' };

describe('gateway authentication settings', () => {
  it('is off by default, and serves on loopback', () => {
    expect(loadConfig({}).auth).toEqual({ tokens: [], jwt: undefined, allowAnonymous: false });
    for (const host of ['127.0.0.1', '127.8.9.10', 'localhost', '::1', '[::1]']) expect(loadConfig({ HOST: host }).host).toBe(host);
  });

  it('refuses a non-loopback HOST without authentication, naming the way out', () => {
    const message = fails({ HOST: '0.0.0.0' });
    expect(message).toMatch(/^Invalid configuration: HOST /);
    expect(message).toContain('GATEWAY_API_TOKENS');
    expect(message).toContain('GATEWAY_ALLOW_ANONYMOUS=true');
    expect(fails({ HOST: '10.1.2.3' })).toMatch(/HOST/);
    // Anonymous on a reachable address also needs the names it answers to (DNS rebinding).
    expect(loadConfig({ HOST: '0.0.0.0', GATEWAY_ALLOW_ANONYMOUS: 'true', ALLOWED_HOSTS: 'changegraph.example.com' }).auth?.allowAnonymous).toBe(true);
    expect(loadConfig({ HOST: '0.0.0.0', GATEWAY_API_TOKENS: 'abcdefghijklmnop' }).auth?.tokens).toEqual(['abcdefghijklmnop']);
    expect(loadConfig({ HOST: '::', GATEWAY_JWT_SECRET: 'x'.repeat(32) }).auth?.jwt?.secret).toBe('x'.repeat(32));
    expect(fails({ GATEWAY_ALLOW_ANONYMOUS: 'yes' })).toMatch(/GATEWAY_ALLOW_ANONYMOUS must be true or false/);
  });

  it('reads comma-separated tokens, and refuses short or malformed ones without echoing them', () => {
    expect(loadConfig({ GATEWAY_API_TOKENS: ' token-one-0123456789 , token-two-0123456789,' }).auth?.tokens).toEqual([
      'token-one-0123456789',
      'token-two-0123456789',
    ]);
    const short = fails({ GATEWAY_API_TOKENS: 'token-one-0123456789,SECRETSHORT' });
    expect(short).toMatch(/GATEWAY_API_TOKENS token 2 is shorter than 16/);
    expect(short).not.toContain('SECRETSHORT');
    const spaced = fails({ GATEWAY_API_TOKENS: 'has a space in it 0123456789' });
    expect(spaced).toMatch(/GATEWAY_API_TOKENS token 1 has characters/);
    expect(spaced).not.toContain('space in it');
    expect(fails({ GATEWAY_API_TOKENS: ' , ' })).toMatch(/GATEWAY_API_TOKENS holds no token/);
  });

  it('checks the JWT settings', () => {
    expect(fails({ GATEWAY_JWT_SECRET: 'too-short-SECRET' })).toMatch(/GATEWAY_JWT_SECRET must be at least 32 characters/);
    expect(fails({ GATEWAY_JWT_SECRET: 'too-short-SECRET' })).not.toContain('too-short-SECRET');
    expect(fails({ GATEWAY_JWT_SECRET: 'x'.repeat(32), GATEWAY_JWKS_URL: 'https://id.example/jwks' })).toMatch(
      /GATEWAY_JWKS_URL and GATEWAY_JWT_SECRET are both set/,
    );
    expect(fails({ GATEWAY_JWKS_URL: 'not a url' })).toMatch(/^Invalid configuration: GATEWAY_JWKS_URL /);
    expect(fails({ GATEWAY_JWT_ISSUER: 'https://id.example' })).toMatch(/GATEWAY_JWT_ISSUER needs/);
    expect(fails({ GATEWAY_JWT_AUDIENCE: 'changegraph' })).toMatch(/GATEWAY_JWT_AUDIENCE needs/);
    const jwks = loadConfig({ GATEWAY_JWKS_URL: 'https://id.example/jwks', GATEWAY_JWT_ISSUER: 'https://id.example', GATEWAY_JWT_AUDIENCE: 'cg' });
    expect(jwks.auth?.jwt).toEqual({ secret: undefined, jwksUrl: 'https://id.example/jwks', issuer: 'https://id.example', audience: 'cg' });
  });

  it('knows loopback hosts', () => {
    expect(['127.0.0.1', '127.255.0.1', 'localhost', 'LOCALHOST', '::1', '[::1]'].every(isLoopback)).toBe(true);
    expect(['0.0.0.0', '::', '10.0.0.1', '128.0.0.1', 'example.com', '127.0.0.1.nip.io'].some(isLoopback)).toBe(false);
  });
});

describe('VINYLDNS_CREDENTIALS', () => {
  it('defaults to the configured keys', () => {
    expect(loadConfig({ ...VINYL, VINYLDNS_ACCESS_KEY: 'ak', VINYLDNS_SECRET_KEY: 'sk' }).vinyldns).toMatchObject({ accessKey: 'ak', secretKey: 'sk' });
    expect(loadConfig({ ...VINYL, VINYLDNS_ACCESS_KEY: 'ak', VINYLDNS_SECRET_KEY: 'sk' }).vinyldns?.credentials ?? 'configured').toBe('configured');
  });

  it('forward needs no keys of the gateway, and refuses them', () => {
    const config = loadConfig({ ...VINYL, VINYLDNS_CREDENTIALS: 'forward' });
    expect(config.vinyldns).toMatchObject({ url: 'https://vinyldns.example.com', credentials: 'forward' });
    expect(config.vinyldns?.accessKey).toBeUndefined();
    const extra = fails({ ...VINYL, VINYLDNS_CREDENTIALS: 'forward', VINYLDNS_ACCESS_KEY: 'ak', VINYLDNS_SECRET_KEY: 'SK-SECRET' });
    expect(extra).toMatch(/VINYLDNS_ACCESS_KEY is not used with VINYLDNS_CREDENTIALS=forward/);
    expect(extra).not.toContain('SK-SECRET');
  });

  it('configured mode still needs the keys; unknown modes and a missing URL are refused', () => {
    expect(fails({ ...VINYL })).toMatch(/VINYLDNS_ACCESS_KEY and VINYLDNS_SECRET_KEY are required/);
    expect(fails({ ...VINYL, VINYLDNS_CREDENTIALS: 'caller' })).toMatch(/VINYLDNS_CREDENTIALS must be "configured" or "forward"/);
    expect(fails({ VINYLDNS_CREDENTIALS: 'forward' })).toMatch(/VINYLDNS_URL is required when VINYLDNS_CREDENTIALS is set/);
  });
});

describe('abuse limit settings', () => {
  it('have documented defaults', () => {
    expect(loadConfig({}).limits).toEqual(DEFAULT_LIMITS);
    expect(DEFAULT_LIMITS).toEqual({
      maxDepth: 10,
      maxCost: 5000,
      maxAliases: 15,
      maxTokens: 1000,
      maxDirectives: 20,
      maxBatch: 5,
      introspection: true,
      maxRepresentations: 100,
      maxUpstreamCalls: 50,
      maxUpstreamCallsPerBatch: 50,
      maxUpstreamCallsInFlight: 8,
      operationTimeoutMs: 15_000,
    });
  });

  it('are read and range-checked', () => {
    const env = {
      GRAPHQL_MAX_DEPTH: '8',
      GRAPHQL_MAX_COST: '20000',
      GRAPHQL_MAX_ALIASES: '5',
      GRAPHQL_MAX_TOKENS: '3000',
      GRAPHQL_MAX_DIRECTIVES: '4',
      GRAPHQL_MAX_BATCH: '1',
      GRAPHQL_INTROSPECTION: 'false',
      GRAPHQL_MAX_REPRESENTATIONS: '20',
      MAX_UPSTREAM_CALLS: '30',
      MAX_UPSTREAM_CALLS_PER_BATCH: '90',
      MAX_UPSTREAM_CALLS_IN_FLIGHT: '4',
      OPERATION_TIMEOUT_MS: '20000',
    };
    expect(loadConfig(env).limits).toEqual({
      maxDepth: 8,
      maxCost: 20000,
      maxAliases: 5,
      maxTokens: 3000,
      maxDirectives: 4,
      maxBatch: 1,
      introspection: false,
      maxRepresentations: 20,
      maxUpstreamCalls: 30,
      maxUpstreamCallsPerBatch: 90,
      maxUpstreamCallsInFlight: 4,
      operationTimeoutMs: 20_000,
    });
    // A batch never gets fewer calls than the operation limit implies unless told so.
    expect(loadConfig({ MAX_UPSTREAM_CALLS: '80' }).limits?.maxUpstreamCallsPerBatch).toBe(80);
    expect(fails({ MAX_UPSTREAM_CALLS: '0' })).toMatch(/MAX_UPSTREAM_CALLS must be a whole number from 1/);
    expect(fails({ MAX_UPSTREAM_CALLS_IN_FLIGHT: '0' })).toMatch(/MAX_UPSTREAM_CALLS_IN_FLIGHT must be a whole number from 1/);
    expect(fails({ OPERATION_TIMEOUT_MS: '5' })).toMatch(/OPERATION_TIMEOUT_MS must be a whole number from 100/);
    expect(fails({ GRAPHQL_MAX_DEPTH: '1' })).toMatch(/GRAPHQL_MAX_DEPTH must be a whole number from 2 to 100/);
    expect(fails({ GRAPHQL_MAX_COST: 'lots' })).toMatch(/GRAPHQL_MAX_COST must be a whole number/);
    expect(fails({ GRAPHQL_MAX_BATCH: '0' })).toMatch(/GRAPHQL_MAX_BATCH/);
    expect(fails({ GRAPHQL_INTROSPECTION: 'off' })).toMatch(/GRAPHQL_INTROSPECTION must be true or false/);
  });
});
