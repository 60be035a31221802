// Local overload is not an upstream failure (issue 11: 10,000 unknown zone ids filled the VinylDNS
// queue, the overflow counted as VinylDNS failures, the breaker opened, and every other caller got
// UPSTREAM_UNAVAILABLE while VinylDNS was healthy). A full queue now answers GATEWAY_OVERLOADED to
// the calls it refuses, and neither that nor a spent budget says anything about the upstream.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayError } from '../../src/errors.js';
import { operationBudget, UNMETERED, UpstreamBudget } from '../../src/providers/budget.js';
import { HttpUpstream } from '../../src/providers/http.js';
import { CircuitBreaker } from '../../src/providers/resilience/breaker.js';
import { QueueFullError, Semaphore } from '../../src/providers/resilience/semaphore.js';
import { startStack, type Stack } from '../helpers/stack.js';

describe('Semaphore queue bound', () => {
  it('refuses a caller at once when the queue is full, and serves the queued one later', async () => {
    const s = new Semaphore(1, 1);
    const release = await s.acquire();
    const queued = s.acquire();
    await expect(s.acquire()).rejects.toBeInstanceOf(QueueFullError);
    expect(s.queued).toBe(1);
    release();
    (await queued)();
    expect(s.inUse).toBe(0);
  });
});

describe('CircuitBreaker.abandon', () => {
  it('frees the half-open probe slot without a verdict', () => {
    let now = 0;
    const b = new CircuitBreaker({ failureThreshold: 1, resetAfterMs: 100 }, () => now);
    b.failure();
    now = 100;
    expect(b.allow()).toBe(true); // the probe
    expect(b.allow()).toBe(false);
    b.abandon(); // the probe never reached the upstream
    expect(b.state).toBe('half-open');
    expect(b.allow()).toBe(true);
  });
});

describe('HttpUpstream with a full queue', () => {
  let server: Server;
  let url: string;
  let received = 0;
  const held: ServerResponse[] = [];
  beforeAll(async () => {
    // Holds every request until the test lets it go: no timer decides anything.
    server = createServer((_req, res) => {
      received++;
      held.push(res);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => (server.close(() => r()), server.closeAllConnections())));

  const answerAll = () => held.splice(0).forEach((res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
  const arrived = async (n: number) => {
    while (received < n) await new Promise((r) => setImmediate(r));
  };

  it('refuses the overflow with GATEWAY_OVERLOADED, never sends it, and keeps the breaker closed', async () => {
    const up = new HttpUpstream('VINYLDNS', url, { timeoutMs: 5000, maxConcurrent: 1, maxQueued: 1, breaker: { failureThreshold: 2, resetAfterMs: 60_000 } });
    received = 0;
    const calls = Array.from({ length: 6 }, () =>
      up.send({ method: 'GET', path: '/zones/unknown', headers: {} }, UNMETERED).then(
        (r) => r.status,
        (e: unknown) => e,
      ),
    );
    await arrived(1);
    answerAll();
    await arrived(2);
    answerAll();
    const outcomes = await Promise.all(calls);
    expect(outcomes.filter((o) => o === 200)).toHaveLength(2);
    const refused = outcomes.filter((o) => o !== 200) as GatewayError[];
    expect(refused).toHaveLength(4);
    for (const e of refused) {
      expect(e).toBeInstanceOf(GatewayError);
      expect(e).toMatchObject({ code: 'GATEWAY_OVERLOADED', provider: 'VINYLDNS' });
      expect(e.message).toMatch(/gateway is overloaded/);
    }
    expect(received).toBe(2);
    expect(up.breakerState).toBe('closed');
    await up.close();
  });

  it('refuses a call over the budget before sending it, without a word to the breaker', async () => {
    const up = new HttpUpstream('OPENSRS', url, { timeoutMs: 5000, breaker: { failureThreshold: 1, resetAfterMs: 60_000 } });
    const budget = new UpstreamBudget(0);
    received = 0;
    const error = await up.send({ method: 'POST', path: '/api/get_domain_changes', headers: {}, body: '{}' }, budget).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'UPSTREAM_BUDGET_EXCEEDED', provider: 'OPENSRS' });
    expect(received).toBe(0);
    expect(up.breakerState).toBe('closed');
    await up.close();
  });
});

describe('a call out when its operation runs out of time', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer(() => undefined); // never answers
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => (server.close(() => r()), server.closeAllConnections())));

  it('is cut off at the time limit, not at the upstream timeout, with OPERATION_TIMEOUT and no word to the breaker', async () => {
    const up = new HttpUpstream('VINYLDNS', url, { timeoutMs: 60_000, retries: 2, breaker: { failureThreshold: 1, resetAfterMs: 60_000 } });
    // The real clock: the call's deadline is a timer, and the limit is what the test is about.
    const budget = operationBudget({ perOperation: 50, perBatch: 50, timeoutMs: 200 }, {});
    const started = performance.now();
    const error = await up.send({ method: 'GET', path: '/zones/slow', headers: {} }, budget).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'OPERATION_TIMEOUT' });
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(up.breakerState).toBe('closed');
    await up.close();
  });
});

describe('through the gateway', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({
      config: (c) => ({
        ...c,
        resilience: { retries: 0, retryBaseDelayMs: 5, maxConcurrent: 1, maxQueued: 1, breaker: { failureThreshold: 2, resetAfterMs: 60_000 } },
      }),
    });
  });
  afterAll(() => stack.close());

  it('many unknown _entities zones: the overflow is GATEWAY_OVERLOADED, VinylDNS is not cut off, the next caller is served', async () => {
    const representations = Array.from({ length: 12 }, (_, i) => ({ __typename: 'Zone', zoneId: `00000000-0000-0000-0000-${String(i).padStart(12, '0')}` }));
    const res = await stack.gql('query($r: [_Any!]!) { _entities(representations: $r) { ... on Zone { name } } }', { r: representations });
    const codes = (res.errors ?? []).map((e) => e.extensions?.code);
    expect(codes.length).toBeGreaterThan(2); // more than the breaker's threshold
    expect(new Set(codes)).toEqual(new Set(['GATEWAY_OVERLOADED']));
    const next = await stack.gql('{ zone(name: "example.com") { name } }');
    expect(next.errors).toBeUndefined();
    expect(next.data.zone.name).toBe('example.com.');
  });
});
