// Who may export, as whom, and how fast: /export/changes is guarded like /graphql (static tokens,
// JWTs), reads VinylDNS with the caller's own keys in forward mode (so VinylDNS's access rules
// apply as in Query.changes), and is paced per identity and in total, while interactive queries
// are not held up by it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GatewayConfig } from '../../src/config.js';
import type { ExportConfig } from '../../src/export/config.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { hs256 } from '../auth/jwt-helpers.js';
import { csvRows, exportPath, rawGet, UNPACED, walkChanges } from './helpers.js';

const TOKEN = 'export-token-0123456789abcdef';
const OTHER = 'export-token-fedcba9876543210';
const THIRD = 'export-token-0011223344556677';
const JWT_SECRET = 'jwt-secret-0123456789abcdef0123456789';

const withAuth =
  (exports: ExportConfig) =>
  (c: GatewayConfig): GatewayConfig => ({
    ...c,
    auth: { tokens: [TOKEN, OTHER, THIRD], jwt: { secret: JWT_SECRET }, allowAnonymous: false },
    // Refused JWTs are logged as warnings by the JWT plugin: expected here.
    logLevel: 'error',
    export: exports,
  });
const upstreamCalls = (s: Stack) => s.sandbox.vinyldns.log.length + s.sandbox.opensrs.log.length;
const errorOf = (body: string) => JSON.parse(body).errors[0];

describe('gateway authentication', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ config: withAuth(UNPACED) });
  });
  afterAll(() => stack.close());
  const exportAs = (authorization?: string) =>
    rawGet(`${stack.url}${exportPath({ domain: 'example.com', format: 'csv', providers: 'OPENSRS' })}`, authorization ? { authorization } : {});

  it('refuses a request without a valid bearer with 401 UNAUTHENTICATED, before any upstream call', async () => {
    for (const authorization of [
      undefined,
      'Bearer wrong-token-0123456789',
      `Bearer ${hs256('another-secret-0123456789abcdef0123')}`,
      `Bearer ${hs256(JWT_SECRET, { exp: 1 })}`,
    ]) {
      const before = upstreamCalls(stack);
      const res = await exportAs(authorization);
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
      expect(errorOf(res.body).extensions.code).toBe('UNAUTHENTICATED');
      expect(upstreamCalls(stack)).toBe(before);
    }
  });

  it('exports for a static token and for a valid JWT', async () => {
    for (const authorization of [`Bearer ${TOKEN}`, `Bearer ${hs256(JWT_SECRET)}`]) {
      const res = await exportAs(authorization);
      expect(res.status).toBe(200);
      expect(csvRows(res.body).length).toBeGreaterThan(0);
    }
  });
});

describe('forwarded VinylDNS credentials', () => {
  let stack: Stack;
  const keys = (user: string) => ({ 'x-vinyldns-access-key': `${user}-access-key`, 'x-vinyldns-secret-key': `${user}-secret-key` });
  beforeAll(async () => {
    stack = await startStack({
      config: (c) => ({ ...c, vinyldns: { ...c.vinyldns!, accessKey: undefined, secretKey: undefined, credentials: 'forward' }, export: UNPACED }),
    });
  });
  afterAll(() => stack.close());
  const exportAs = (domain: string, headers: Record<string, string>) => rawGet(`${stack.url}${exportPath({ domain, format: 'csv' })}`, headers);

  it('without the keys: 401 UNAUTHENTICATED for VinylDNS, as Query.changes says', async () => {
    const res = await exportAs('example.com', {});
    expect(res.status).toBe(401);
    expect(errorOf(res.body).extensions).toEqual({ code: 'UNAUTHENTICATED', provider: 'VINYLDNS' });
  });

  it('signs every VinylDNS call with the caller’s keys and exports what Query.changes shows that caller', async () => {
    const from = stack.sandbox.vinyldns.log.length;
    const res = await exportAs('example.com', keys('alice'));
    expect(res.status).toBe(200);
    const calls = stack.sandbox.vinyldns.log.slice(from);
    expect(new Set(calls.map((c) => c.accessKey))).toEqual(new Set(['alice-access-key']));
    expect(csvRows(res.body)).toEqual(await walkChanges(stack, { domain: 'example.com' }, keys('alice')));
  });

  it('a zone the caller may not read is refused as Query.changes refuses it', async () => {
    const graphql = await stack.gql('query { changes(domain: "internal.corp", first: 1) { edges { cursor } } }', {}, keys('alice'));
    const code = graphql.errors?.[0]?.extensions?.code;
    expect(code).toBe('FORBIDDEN');
    const res = await exportAs('internal.corp', keys('alice'));
    expect(res.status).toBe(403);
    expect(errorOf(res.body).extensions).toEqual({ code: 'FORBIDDEN', provider: 'VINYLDNS' });
  });
});

describe('pacing', () => {
  let stack: Stack;
  // At most 2 exports at once per identity and 3 in all; their upstream calls at most 1 per
  // second per identity and 2 per second in all.
  const limits: ExportConfig = { maxConcurrent: 3, maxConcurrentPerIdentity: 2, upstreamRps: 2, upstreamRpsPerIdentity: 1, stallTimeoutMs: 60_000 };
  beforeAll(async () => {
    stack = await startStack({ config: withAuth(limits) });
  });
  afterAll(() => stack.close());

  /** Starts an export (VinylDNS only, so every upstream call carries the request id) and keeps it open. */
  function start(token: string, requestId: string) {
    const controller = new AbortController();
    const response = fetch(`${stack.url}${exportPath({ domain: 'example.com', format: 'csv', providers: 'VINYLDNS' })}`, {
      headers: { authorization: `Bearer ${token}`, 'x-request-id': requestId },
      signal: controller.signal,
    }).catch(() => undefined);
    return { response, stop: () => controller.abort() };
  }
  const callsOf = (requestId: string) => stack.sandbox.vinyldns.log.filter((e) => e.headers['x-request-id'] === requestId).length;

  it('limits concurrent exports per identity and in total (429 with Retry-After), and frees slots when exports end', async () => {
    const a1 = start(TOKEN, 'a1');
    const a2 = start(TOKEN, 'a2');
    const b1 = start(OTHER, 'b1');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const mine = await rawGet(`${stack.url}${exportPath({ domain: 'ok', format: 'csv' })}`, { authorization: `Bearer ${TOKEN}` });
    expect(mine.status).toBe(429);
    expect(mine.headers['retry-after']).toBe('10');
    expect(errorOf(mine.body).extensions).toEqual({ code: 'EXPORT_LIMIT_EXCEEDED', limit: 2, scope: 'identity' });
    const anyone = await rawGet(`${stack.url}${exportPath({ domain: 'ok', format: 'csv' })}`, { authorization: `Bearer ${THIRD}` });
    expect(anyone.status).toBe(429);
    expect(errorOf(anyone.body).extensions).toEqual({ code: 'EXPORT_LIMIT_EXCEEDED', limit: 3, scope: 'total' });
    for (const e of [a1, a2, b1]) e.stop();
    // A client that goes away frees its slot.
    let status = 429;
    for (let i = 0; i < 50 && status === 429; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      status = (await rawGet(`${stack.url}${exportPath({ domain: 'ok', format: 'csv', providers: 'OPENSRS' })}`, { authorization: `Bearer ${THIRD}` })).status;
    }
    expect(status).toBe(200);
  });

  it('paces upstream calls per identity and in total, and never holds up interactive queries', async () => {
    const started = performance.now();
    const exports = [start(TOKEN, 'p-a1'), start(TOKEN, 'p-a2'), start(OTHER, 'p-b1')];
    await new Promise((resolve) => setTimeout(resolve, 200));
    // An interactive query meanwhile: its calls wait for no export.
    const asked = performance.now();
    const interactive = await stack.gql(
      '{ changes(domain: "example.com", first: 50) { edges { cursor } } }',
      {},
      { authorization: `Bearer ${TOKEN}`, 'x-request-id': 'interactive' },
    );
    const interactiveMs = performance.now() - asked;
    expect(interactive.data.changes.edges).toHaveLength(50);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 1500 - (performance.now() - started))));
    const seconds = (performance.now() - started) / 1000;
    const a = callsOf('p-a1') + callsOf('p-a2');
    const b = callsOf('p-b1');
    for (const e of exports) e.stop();
    // Turns are evenly spaced from the first: n calls need (n - 1) / rate seconds.
    expect(a).toBeLessThanOrEqual(Math.floor(seconds * limits.upstreamRpsPerIdentity) + 1);
    expect(a + b).toBeLessThanOrEqual(Math.floor(seconds * limits.upstreamRps) + 1);
    // The other identity got its turns too.
    expect(b).toBeGreaterThanOrEqual(1);
    // Paced like an export, its ~5 calls would have waited seconds behind them. It made its own
    // calls, even those the exports were waiting to make too (a read shared with a waiting export
    // would have waited with it).
    expect(interactiveMs).toBeLessThan(1500);
    expect(stack.sandbox.vinyldns.log.some((e) => e.headers['x-request-id'] === 'interactive' && e.path === '/zones/name/example.com.')).toBe(true);
  });
});
