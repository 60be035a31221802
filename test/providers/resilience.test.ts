// The resilience pieces under HttpUpstream: the circuit breaker's states, the concurrency cap,
// and both working against a real loopback server.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpUpstream } from '../../src/providers/http.js';
import { CircuitBreaker } from '../../src/providers/resilience/breaker.js';
import { Semaphore } from '../../src/providers/resilience/semaphore.js';
import { GatewayError } from '../../src/errors.js';
import { UNMETERED } from '../../src/providers/budget.js';

describe('CircuitBreaker', () => {
  it('opens after the threshold, fails fast, lets one probe through when the cool-down ends', () => {
    let now = 0;
    const b = new CircuitBreaker({ failureThreshold: 3, resetAfterMs: 1000 }, () => now);
    b.failure();
    b.failure();
    expect(b.state).toBe('closed');
    b.success(); // a success in between resets the count
    b.failure();
    b.failure();
    b.failure();
    expect(b.state).toBe('open');
    expect(b.allow()).toBe(false);
    now = 1000;
    expect(b.state).toBe('half-open');
    expect(b.allow()).toBe(true);
    expect(b.allow()).toBe(false); // one probe at a time
    b.failure();
    expect(b.state).toBe('open');
    now = 2000;
    expect(b.allow()).toBe(true);
    b.success();
    expect(b.state).toBe('closed');
    expect(b.allow()).toBe(true);
  });
});

/** Lets every callback already due run (promise jobs and I/O), without waiting on a timer. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('Semaphore', () => {
  it('never lets more than the limit run at once', async () => {
    const s = new Semaphore(2);
    let running = 0;
    let peak = 0;
    const finish: Array<() => void> = [];
    const tasks = Array.from({ length: 8 }, async () => {
      const release = await s.acquire();
      running++;
      peak = Math.max(peak, running);
      await new Promise<void>((resolve) => finish.push(resolve));
      running--;
      release();
    });
    for (let done = 0; done < 8; done++) {
      await settle();
      const expected = Math.min(2, 8 - done); // two at a time until fewer than two remain
      expect({ running, inUse: s.inUse }).toEqual({ running: expected, inUse: expected });
      finish.shift()!();
    }
    await Promise.all(tasks);
    expect({ peak, inUse: s.inUse }).toEqual({ peak: 2, inUse: 0 });
  });

  it('serves waiters in the order they came', async () => {
    const s = new Semaphore(1);
    const release = await s.acquire();
    const served: number[] = [];
    const waiters = [1, 2, 3, 4, 5].map((n) => s.acquire().then((next) => (served.push(n), next())));
    release();
    await Promise.all(waiters);
    expect(served).toEqual([1, 2, 3, 4, 5]);
  });

  it('gives up waiting when its deadline aborts, and hands the slot to the next waiter', async () => {
    const s = new Semaphore(1);
    const release = await s.acquire();
    const deadline = new AbortController();
    const late = s.acquire(deadline.signal);
    const next = s.acquire();
    deadline.abort(new Error('deadline'));
    await expect(late).rejects.toThrow('deadline');
    release();
    (await next)();
    expect(s.inUse).toBe(0);
  });
});

describe('HttpUpstream against a loopback server', () => {
  let server: Server;
  let url: string;
  let inFlight = 0;
  let peak = 0;
  let requests = 0;
  let failNext = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      requests++;
      if (failNext > 0) {
        failNext--;
        res.writeHead(502).end('bad gateway');
        return;
      }
      inFlight++;
      peak = Math.max(peak, inFlight);
      setTimeout(() => {
        inFlight--;
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      }, 20);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => (server.close(() => r()), server.closeAllConnections())));

  it('caps requests in flight per upstream', async () => {
    const up = new HttpUpstream('VINYLDNS', url, { timeoutMs: 2000, maxConcurrent: 3 });
    peak = 0;
    await Promise.all(Array.from({ length: 12 }, () => up.send({ method: 'GET', path: '/x', headers: {} }, UNMETERED)));
    expect(peak).toBe(3);
    await up.close();
  });

  it('retries a 5xx read with backoff, but never a POST that is not marked idempotent', async () => {
    const up = new HttpUpstream('VINYLDNS', url, { timeoutMs: 2000, retries: 2, retryBaseDelayMs: 1 });
    failNext = 2;
    requests = 0;
    expect((await up.send({ method: 'GET', path: '/x', headers: {} }, UNMETERED)).status).toBe(200);
    expect(requests).toBe(3);
    failNext = 1;
    requests = 0;
    expect((await up.send({ method: 'POST', path: '/x', headers: {}, body: '{}' }, UNMETERED)).status).toBe(502);
    expect(requests).toBe(1);
    failNext = 0;
    await up.close();
  });

  it('stops calling a failing upstream until the breaker half-opens, then recovers', async () => {
    let now = 0;
    const up = new HttpUpstream('OPENSRS', url, { timeoutMs: 2000, retries: 0, breaker: { failureThreshold: 2, resetAfterMs: 150, now: () => now } });
    failNext = 2;
    await up.send({ method: 'GET', path: '/x', headers: {} }, UNMETERED);
    await up.send({ method: 'GET', path: '/x', headers: {} }, UNMETERED);
    expect(up.breakerState).toBe('open');
    requests = 0;
    const fast = await up.send({ method: 'GET', path: '/x', headers: {} }, UNMETERED).catch((e: unknown) => e);
    expect(fast).toBeInstanceOf(GatewayError);
    expect((fast as GatewayError).code).toBe('UPSTREAM_UNAVAILABLE');
    expect(requests).toBe(0); // failed fast, nothing sent
    now = 149;
    expect(await up.send({ method: 'GET', path: '/x', headers: {} }, UNMETERED).catch((e: unknown) => e)).toBeInstanceOf(GatewayError);
    expect(requests).toBe(0); // still cooling down
    now = 150;
    expect((await up.send({ method: 'GET', path: '/x', headers: {} }, UNMETERED)).status).toBe(200);
    expect(requests).toBe(1); // the probe
    expect(up.breakerState).toBe('closed');
    await up.close();
  });
});
