// Production refuses unsafe settings (issue 11: the Docker image, NODE_ENV=production, started with
// the public default CURSOR_SECRET, so anyone could mint cursors). And the browser and server
// settings are read, checked and documented by their defaults.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { DEFAULT_SERVER_LIMITS } from '../../src/safety/config.js';

const fails = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.message;
    throw e;
  }
  throw new Error('expected a ConfigError');
};

const PROD = { NODE_ENV: 'production', CURSOR_SECRET: 'a-secret-of-our-own-0123' };

describe('NODE_ENV=production', () => {
  it('refuses to start without a cursor secret of its own, in one line', () => {
    expect(fails({ NODE_ENV: 'production' })).toMatch(/^Invalid configuration: CURSOR_SECRET must be set to a secret of your own when NODE_ENV=production/);
    expect(fails({ NODE_ENV: 'production', CURSOR_SECRET: 'changegraph-cursor-v1' })).toMatch(/CURSOR_SECRET must be set to a secret of your own/);
    expect(fails({ NODE_ENV: 'production', CURSOR_SECRET: 'short' })).toMatch(/CURSOR_SECRET must be at least 16 characters/);
    expect(fails({ NODE_ENV: 'production', CURSOR_SECRET: 'short' })).not.toContain('short"');
    expect(fails({ NODE_ENV: 'production' })).not.toContain('\n');
  });

  it('turns introspection and GraphiQL off unless enabled', () => {
    const config = loadConfig(PROD);
    expect(config.limits?.introspection).toBe(false);
    expect(config.web?.graphiql).toBe(false);
    const enabled = loadConfig({ ...PROD, GRAPHQL_INTROSPECTION: 'true', GRAPHIQL: 'true' });
    expect(enabled.limits?.introspection).toBe(true);
    expect(enabled.web?.graphiql).toBe(true);
  });

  it('leaves development as it was: the public cursor secret works, introspection and GraphiQL are on', () => {
    const config = loadConfig({});
    expect(config.limits?.introspection).toBe(true);
    expect(config.web?.graphiql).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development' }).cursorSecret).toBe('changegraph-cursor-v1');
  });

  it('does not start: `npm start` with NODE_ENV=production and no secret exits 1 with one line', async () => {
    const env: Record<string, string | undefined> = { ...process.env, NODE_ENV: 'production', PORT: '0', CURSOR_SECRET: '' };
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(out).not.toMatch(/listening/);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(/^Invalid configuration: CURSOR_SECRET /);
  }, 30_000);
});

describe('browser and server settings', () => {
  it('have documented defaults', () => {
    const web = loadConfig({}).web!;
    expect(web).toEqual({ corsOrigins: [], allowedHosts: [], graphiql: true, server: DEFAULT_SERVER_LIMITS });
    expect(DEFAULT_SERVER_LIMITS).toEqual({ headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000, maxConnections: 1_000 });
    // With a token, a non-loopback HOST may leave the names open: every request needs the token.
    expect(loadConfig({ HOST: '0.0.0.0', GATEWAY_API_TOKENS: 'abcdefghijklmnop' }).web?.allowedHosts).toBe('*');
  });

  it('reads CORS origins and host names, and refuses what is not one', () => {
    const web = loadConfig({ CORS_ORIGINS: 'https://app.example.com, http://localhost:5173', ALLOWED_HOSTS: 'changegraph.example.com,Gateway.Internal.' }).web!;
    expect(web.corsOrigins).toEqual(['https://app.example.com', 'http://localhost:5173']);
    expect(web.allowedHosts).toEqual(['changegraph.example.com', 'gateway.internal']);
    expect(loadConfig({ CORS_ORIGINS: '*' }).web?.corsOrigins).toEqual(['*']);
    expect(fails({ CORS_ORIGINS: 'https://app.example.com/' })).toMatch(/CORS_ORIGINS holds "https:\/\/app.example.com\/", which is not an origin/);
    expect(fails({ CORS_ORIGINS: 'app.example.com' })).toMatch(/CORS_ORIGINS/);
    expect(fails({ CORS_ORIGINS: '*, https://app.example.com' })).toMatch(/either \* or a list/);
    expect(fails({ ALLOWED_HOSTS: 'changegraph.example.com:443' })).toMatch(/ALLOWED_HOSTS .* not a host name/);
    expect(fails({ HOST: '0.0.0.0', GATEWAY_ALLOW_ANONYMOUS: 'true' })).toMatch(/^Invalid configuration: ALLOWED_HOSTS is required when HOST is not loopback/);
    expect(loadConfig({ HOST: '0.0.0.0', GATEWAY_ALLOW_ANONYMOUS: 'true', ALLOWED_HOSTS: '*' }).web?.allowedHosts).toBe('*');
  });

  it('reads the server limits and refuses a header deadline past the request deadline', () => {
    const env = { HTTP_HEADERS_TIMEOUT_MS: '2000', HTTP_REQUEST_TIMEOUT_MS: '9000', HTTP_KEEP_ALIVE_TIMEOUT_MS: '1000', HTTP_MAX_CONNECTIONS: '64' };
    expect(loadConfig(env).web?.server).toEqual({ headersTimeoutMs: 2000, requestTimeoutMs: 9000, keepAliveTimeoutMs: 1000, maxConnections: 64 });
    expect(fails({ HTTP_HEADERS_TIMEOUT_MS: '40000' })).toMatch(/HTTP_HEADERS_TIMEOUT_MS must not exceed HTTP_REQUEST_TIMEOUT_MS/);
    expect(fails({ HTTP_MAX_CONNECTIONS: '0' })).toMatch(/HTTP_MAX_CONNECTIONS/);
  });

  it('reads the response cache bounds', () => {
    const cache = loadConfig({ RESPONSE_CACHE_MAX_BYTES: '1000000', RESPONSE_CACHE_MAX_ENTRY_BYTES: '5000' }).cache!.responseCache;
    expect(cache).toMatchObject({ maxBytes: 1_000_000, maxEntryBytes: 5000 });
    expect(loadConfig({}).cache!.responseCache).toMatchObject({ maxBytes: 64 * 1024 * 1024, maxEntryBytes: 1024 * 1024 });
  });

  it('reads the OpenSRS credential modes', () => {
    const up = { VINYLDNS_URL: 'http://v', OPENSRS_URL: 'http://o' };
    const forward = loadConfig({ ...up, VINYLDNS_CREDENTIALS: 'forward', OPENSRS_CREDENTIALS: 'forward' });
    expect(forward.opensrs).toMatchObject({ url: 'http://o', credentials: 'forward' });
    expect(forward.opensrs?.user).toBeUndefined();
    expect(fails({ ...up, VINYLDNS_CREDENTIALS: 'forward', OPENSRS_CREDENTIALS: 'forward', OPENSRS_USER: 'x' })).toMatch(
      /OPENSRS_USER is not used with OPENSRS_CREDENTIALS=forward/,
    );
    expect(fails({ ...up, VINYLDNS_CREDENTIALS: 'forward', OPENSRS_CREDENTIALS: 'sometimes' })).toMatch(
      /OPENSRS_CREDENTIALS must be "configured" or "forward"/,
    );
    // The gateway's own account: only zone readers by default when VinylDNS keys are forwarded.
    const account = { OPENSRS_USER: 'admin@x.adm', OPENSRS_PASSWORD: 'pw' };
    expect(loadConfig({ ...up, ...account, VINYLDNS_CREDENTIALS: 'forward' }).opensrs?.access).toBe('zone-readers');
    expect(loadConfig({ ...up, ...account, VINYLDNS_CREDENTIALS: 'forward', OPENSRS_ACCESS: 'all' }).opensrs?.access).toBe('all');
    expect(loadConfig({ ...up, ...account, VINYLDNS_ACCESS_KEY: 'ak', VINYLDNS_SECRET_KEY: 'sk' }).opensrs?.access).toBe('all');
    expect(fails({ OPENSRS_URL: 'http://o', ...account, OPENSRS_ACCESS: 'zone-readers' })).toMatch(/OPENSRS_ACCESS zone-readers needs VinylDNS/);
  });
});
