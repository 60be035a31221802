// The response cache: a repeated query is answered without upstream calls for the same caller,
// never across callers; with REDIS_URL, a second gateway process answers from what the first
// one cached. The Redis test starts its own redis-server on loopback, and is skipped (visibly)
// on a machine without one.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDIS_SERVER, requireForEach } from '../helpers/requires.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { freePort, sandboxEnv, startRedis } from '../helpers/ports.js';

const QUERY = `{ zone(name: "example.com") { recordSetChanges(first: 5) { nodes { changeId } } } }`;

async function post(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: QUERY }),
  });
  return (await res.json()) as { data?: any; errors?: unknown; extensions?: { responseCache?: { hit: boolean; didCache?: boolean; ttl?: number } } };
}

describe('in memory', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ config: (c) => ({ ...c, cache: { zoneTtlMs: 0, responseCache: { ttlMs: 60_000, exposeMetadata: true } } }) });
  });
  afterAll(() => stack.close());

  it('answers a repeated query from the cache, for the same caller only', async () => {
    const alice = { authorization: 'Bearer alice' };
    const first = await post(stack.url, alice);
    expect(first.extensions?.responseCache?.hit).toBe(false);
    stack.sandbox.vinyldns.clearLog();
    const again = await post(stack.url, alice);
    expect(again.extensions?.responseCache?.hit).toBe(true);
    expect(again.data).toEqual(first.data);
    expect(stack.sandbox.vinyldns.log).toHaveLength(0);
    const bob = await post(stack.url, { authorization: 'Bearer bob' });
    expect(bob.extensions?.responseCache?.hit).toBe(false);
    expect(stack.sandbox.vinyldns.log.length).toBeGreaterThan(0);
  });

  // The expiry itself is the in-memory store's (lru-cache, on its own clock: the plugin takes no
  // clock to inject), so this pins what the gateway decides without waiting 60 s: the TTL it
  // hands the store is the configured one.
  it('caches an answer for the configured TTL', async () => {
    const first = await post(stack.url, { authorization: 'Bearer dave' });
    expect(first.extensions?.responseCache).toEqual({ hit: false, didCache: true, ttl: 60_000 });
  });

  it('never caches an answer with errors', async () => {
    stack.sandbox.vinyldns.failNext({ httpStatus: 403 }, 1, '/zones/');
    const failed = await post(stack.url, { authorization: 'Bearer carol' });
    expect(failed.errors).toBeDefined();
    const after = await post(stack.url, { authorization: 'Bearer carol' });
    expect(after.errors).toBeUndefined();
    expect(after.extensions?.responseCache?.hit).toBe(false);
  });
});

describe('answers that must not be cached', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ config: (c) => ({ ...c, cache: { zoneTtlMs: 0, responseCache: { ttlMs: 60_000, exposeMetadata: true } } }) });
  });
  afterAll(() => stack.close());

  it('does not cache a feed page that lacks a provider: asked again, the provider is back', async () => {
    const feed = `{ changes(domain: "example.com", first: 3) { unavailableProviders nodes { provider } } }`;
    const ask = async () => {
      const res = await fetch(`${stack.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: feed }),
      });
      return (await res.json()) as any;
    };
    stack.sandbox.opensrs.failNext({ httpStatus: 500 }, 3);
    const down = await ask();
    expect(down.data.changes.unavailableProviders).toEqual(['OPENSRS']);
    expect(down.extensions?.responseCache?.didCache).toBeFalsy();
    const back = await ask();
    expect(back.data.changes.unavailableProviders).toEqual([]);
    expect(back.errors).toBeUndefined();
  });
});

describe('a Redis that cannot be reached', () => {
  it('leaves answers uncached instead of failing them', async () => {
    const port = await freePort(); // nothing listens there
    const stack = await startStack({
      config: (c) => ({ ...c, cache: { zoneTtlMs: 0, responseCache: { ttlMs: 60_000, redisUrl: `redis://127.0.0.1:${port}` } } }),
    });
    try {
      const res = await post(stack.url);
      expect(res.errors).toBeUndefined();
      expect(res.data.zone.recordSetChanges.nodes).toHaveLength(5);
    } finally {
      await stack.close();
    }
  });
});

const REDIS = REDIS_SERVER;

describe('shared in Redis between gateway processes', () => {
  requireForEach(REDIS);
  let stack: Stack;
  let redis: ChildProcess;
  let second: ChildProcess;
  let secondUrl: string;
  let redisUrl: string;

  beforeAll(async () => {
    if (!REDIS.available) return;
    const started = await startRedis();
    redis = started.process;
    redisUrl = started.url;
    stack = await startStack({ config: (c) => ({ ...c, cache: { zoneTtlMs: 0, responseCache: { ttlMs: 60_000, redisUrl, exposeMetadata: true } } }) });
    second = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: {
        ...process.env,
        PORT: '0',
        LOG_LEVEL: 'warn',
        ...sandboxEnv(stack.sandbox),
        CURSOR_SECRET: 'test-cursor-secret',
        REDIS_URL: redisUrl,
        RESPONSE_CACHE_TTL_MS: '60000',
        RESPONSE_CACHE_METADATA: 'true',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    secondUrl = await new Promise<string>((resolve, reject) => {
      let out = '';
      second.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /listening on (http:\/\/\S+)/.exec(out);
        if (m) resolve(m[1]);
      });
      second.once('exit', (code) => reject(new Error(`second gateway exited with ${code}: ${out}`)));
    });
  }, 60_000);

  afterAll(async () => {
    second?.kill('SIGTERM');
    await stack?.close();
    redis?.kill('SIGTERM');
  });

  it('serves on the second process what the first one fetched, and nothing across callers', async () => {
    const dave = { authorization: 'Bearer dave' };
    const first = await post(stack.url, dave);
    expect(first.extensions?.responseCache?.hit).toBe(false);
    stack.sandbox.vinyldns.clearLog();
    const fromSecond = await post(secondUrl, dave);
    expect(fromSecond.extensions?.responseCache?.hit).toBe(true);
    expect(fromSecond.data).toEqual(first.data);
    expect(stack.sandbox.vinyldns.log).toHaveLength(0);
    const erin = await post(secondUrl, { authorization: 'Bearer erin' });
    expect(erin.extensions?.responseCache?.hit).toBe(false);
    expect(stack.sandbox.vinyldns.log.length).toBeGreaterThan(0);
  });
});
