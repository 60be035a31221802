// Who may subscribe and to what: the gateway's token (over SSE, and on the WebSocket upgrade),
// the caller's own VinylDNS keys for the poller's reads, one poller per identity (never sharing
// another identity's changes), the subscription limits, and bad arguments as coded errors.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import { attachWebSocket } from '../../src/live/index.js';
import { sandboxZoneId } from '../../src/sandbox/vinyldns/seed/zones.js';
import { keyOf, subscribe, until, wsClient } from '../helpers/live-clients.js';
import { headCursor, liveDomain, started, startLiveStack, stopAll } from '../helpers/live-stack.js';
import type { Stack } from '../helpers/stack.js';

vi.setConfig({ testTimeout: 60_000 });

const TOKEN = 'live-token-0123456789abcdef';
const keys = (user: string, secret = `${user}-secret-key`) => ({ 'x-vinyldns-access-key': `${user}-access-key`, 'x-vinyldns-secret-key': secret });
const bearer = { authorization: `Bearer ${TOKEN}` };
const ALICE = { ...bearer, ...keys('alice') };
const ADMIN = { ...bearer, ...keys('sandbox') };
const INTERNAL = sandboxZoneId('internal.corp.');

describe('with gateway tokens and forwarded VinylDNS keys', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startLiveStack({}, (c) => ({
      ...c,
      auth: { tokens: [TOKEN], allowAnonymous: false },
      vinyldns: { ...c.vinyldns!, accessKey: undefined, secretKey: undefined, credentials: 'forward' },
    }));
  });
  afterAll(() => stack.close());

  it('refuses a subscription without a token, over SSE (401) and on the WebSocket upgrade (401), before anything is read', async () => {
    const calls = stack.sandbox.vinyldns.log.length + stack.sandbox.opensrs.log.length;
    const sse = await fetch(`${stack.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...keys('alice') },
      body: JSON.stringify({ query: 'subscription { changes(domain: "example.com") { cursor } }' }),
    });
    expect(sse.status).toBe(401);
    expect((await sse.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');

    const status = await new Promise<number>((resolve) => {
      const socket = new WebSocket(`${stack.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws', { headers: keys('alice') });
      socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      socket.on('open', () => resolve(101));
      socket.on('error', () => undefined);
    });
    expect(status).toBe(401);
    const wrong = await new Promise<number>((resolve) => {
      const socket = new WebSocket(`${stack.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws', {
        headers: { authorization: 'Bearer not-the-token-at-all' },
      });
      socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      socket.on('open', () => resolve(101));
      socket.on('error', () => undefined);
    });
    expect(wrong).toBe(401);
    expect(stack.sandbox.vinyldns.log.length + stack.sandbox.opensrs.log.length).toBe(calls);
    expect(stack.gateway.live.stats().channels).toBe(0);
  });

  it('lets the server refuse an upgrade before the pipeline sees it (e.g. a foreign Origin)', async () => {
    const server = createServer();
    const ws = attachWebSocket(server, stack.gateway.yoga, {
      path: '/graphql',
      maxSubscriptionsPerConnection: 5,
      heartbeatMs: 12_000,
      refuse: (req) => (req.headers.origin === 'https://evil.example' ? 403 : undefined),
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    const statusWith = (headers: Record<string, string>) =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(url, 'graphql-transport-ws', { headers });
        socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        socket.on('open', () => {
          socket.terminate();
          resolve(101);
        });
        socket.on('error', () => undefined);
      });
    expect(await statusWith({ ...ALICE, origin: 'https://evil.example' })).toBe(403);
    expect(await statusWith({ ...ALICE, origin: 'https://ok.example' })).toBe(101);
    await ws.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('polls with each caller’s own keys, one poller per identity, and never sends one identity another’s changes', async () => {
    const vars = { domain: 'internal.corp', providers: ['VINYLDNS'] };
    const admin = subscribe('sse', stack.url, vars, ADMIN);
    const alice = subscribe('ws', stack.url, vars, ALICE);
    const alice2 = subscribe('sse', stack.url, vars, ALICE);
    await started(stack, 3);
    // Alice twice: one poller; the admin: another.
    expect(stack.gateway.live.stats().channels).toBe(2);
    const landed = stack.sandbox.vinyldns.store.appendZoneChange(INTERNAL).id;
    await until(() => admin.edges().length === 1, 'the admin’s event');
    expect(keyOf(admin.edges()[0].node)).toBe(`zc:${landed}`);
    // Alice may not read the zone: told once, and given nothing of it.
    await until(() => alice.errors().length > 0 && alice2.errors().length > 0, 'alice’s errors');
    for (const sub of [alice, alice2]) {
      expect(sub.edges()).toEqual([]);
      expect(sub.errors().map((e) => [e.extensions?.code, e.extensions?.provider])).toEqual([['FORBIDDEN', 'VINYLDNS']]);
    }
    const zoneReads = stack.sandbox.vinyldns.log.filter((e) => e.path.startsWith(`/zones/${INTERNAL}/`));
    expect(new Set(zoneReads.map((e) => e.accessKey))).toEqual(new Set(['sandbox-access-key']));
    await stopAll(stack, admin, alice, alice2);
  });

  it('treats a wrong secret as another identity: its own poller, and VinylDNS’s refusal', async () => {
    const vars = { domain: 'example.com', providers: ['VINYLDNS'] };
    const right = subscribe('sse', stack.url, vars, ALICE);
    const wrong = subscribe('sse', stack.url, vars, { ...bearer, ...keys('alice', 'WRONG-SECRET-VALUE') });
    await started(stack, 2);
    expect(stack.gateway.live.stats().channels).toBe(2);
    await until(() => wrong.errors().length > 0, 'the refusal');
    expect(wrong.errors()[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', provider: 'VINYLDNS' });
    expect(JSON.stringify(wrong.results)).not.toContain('WRONG-SECRET-VALUE');
    expect(right.errors()).toEqual([]);
    await stopAll(stack, right, wrong);
  });
});

describe('limits, heartbeats and bad arguments', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startLiveStack({ maxSubscriptionsPerConnection: 2, maxSubscriptionsPerIdentity: 3, maxPollers: 2, heartbeatMs: 200 });
  });
  afterAll(() => stack.close());

  const codes = (sub: { errors(): Array<{ extensions?: Record<string, unknown> }> }) => sub.errors().map((e) => e.extensions?.code);

  it('caps subscriptions per WebSocket connection', async () => {
    const client = wsClient(stack.url);
    const results: string[] = [];
    const sink = (i: number) => ({ next: () => undefined, error: (e: unknown) => results.push(`${i}:${JSON.stringify(e)}`), complete: () => undefined });
    const stops = [0, 1, 2].map((i) => client.subscribe({ query: 'subscription { changes(domain: "example.com") { cursor } }' }, sink(i)));
    await until(() => results.length === 1, 'the refusal');
    expect(results[0]).toMatch(/^2:.*SUBSCRIPTION_LIMIT_EXCEEDED/);
    expect(stack.gateway.live.stats().subscriptions).toBe(2);
    stops.forEach((stop) => stop());
    await client.dispose();
    await until(() => stack.gateway.live.stats().channels === 0, 'the subscriptions to end');
  });

  it('caps distinct pollers and subscriptions per identity', async () => {
    const a = subscribe('sse', stack.url, { domain: 'example.com' });
    const b = subscribe('sse', stack.url, { domain: 'acme.io' });
    await started(stack, 2);
    const c = subscribe('sse', stack.url, { domain: 'ok' });
    await until(() => c.completed, 'the third domain to be refused');
    expect(codes(c)).toEqual(['SUBSCRIPTION_LIMIT_EXCEEDED']);
    const a2 = subscribe('sse', stack.url, { domain: 'example.com' });
    await started(stack, 3);
    const a3 = subscribe('sse', stack.url, { domain: 'example.com' });
    await until(() => a3.completed, 'the fourth subscription to be refused');
    expect(codes(a3)).toEqual(['SUBSCRIPTION_LIMIT_EXCEEDED']);
    await stopAll(stack, a, b, a2);
    // Freed again.
    const d = subscribe('sse', stack.url, { domain: 'ok' });
    await started(stack, 1);
    await stopAll(stack, d);
  });

  it('keeps idle streams alive: comment lines on SSE, pings on WebSocket', async () => {
    const controller = new AbortController();
    const res = await fetch(`${stack.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: 'subscription { changes(domain: "example.com") { cursor } }' }),
      signal: controller.signal,
    });
    const reader = res.body!.getReader();
    let text = '';
    // yoga writes a comment line at once and then every 12 s (300 ms under NODE_ENV=test).
    while ((text.match(/^:$/gm) ?? []).length < 2) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).not.toContain('event: next');
    controller.abort();

    const pinged = await new Promise<boolean>((resolve) => {
      const socket = new WebSocket(`${stack.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
      socket.on('ping', () => {
        socket.terminate();
        resolve(true);
      });
      socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
      socket.on('error', () => resolve(false));
    });
    expect(pinged).toBe(true);
    await until(() => stack.gateway.live.stats().channels === 0, 'the SSE subscription to end');
  });

  it('answers bad arguments with BAD_USER_INPUT: a domain that is none, a cursor that is not one, a cursor of other filters', async () => {
    const d = liveDomain(stack);
    const cursor = await headCursor(stack, d.domain);
    const cases = [
      { domain: 'not a domain' },
      { domain: d.domain, after: 'garbage' },
      { domain: d.domain, after: cursor, actor: 'someone-else' },
      { domain: 'example.com', after: cursor },
    ];
    for (const vars of cases) {
      const sub = subscribe('sse', stack.url, vars);
      await until(() => sub.completed, `the refusal of ${JSON.stringify(vars)}`);
      expect(codes(sub), JSON.stringify(vars)).toEqual(['BAD_USER_INPUT']);
    }
    expect(stack.gateway.live.stats().subscriptions).toBe(0);
  });
});
