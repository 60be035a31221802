// The response cache's bounds (issue 11): an answer over RESPONSE_CACHE_MAX_ENTRY_BYTES is simply
// not cached (50,000 copies of one zone made a 31 MB answer that stayed in memory), all entries
// together stay under RESPONSE_CACHE_MAX_BYTES, Redis keys all expire, and with JWT auth an
// unverified bearer never gets a cached answer nor a 304 for an ETag it guessed or saw.
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryStore, REDIS_PREFIX, redisStore } from '../../src/cache/stores.js';
import { hs256 } from '../auth/jwt-helpers.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { startRedis } from '../helpers/ports.js';

const answer = (bytes: number) => ({ data: { blob: 'x'.repeat(bytes) } });
const MB = 1024 * 1024;

describe('memoryStore', () => {
  it('does not cache a 30 MB answer, and keeps the ones under the entry bound', () => {
    const store = memoryStore({ maxEntryBytes: MB, maxBytes: 64 * MB });
    store.set('huge', answer(30 * MB), [], 60_000);
    expect(store.get('huge')).toBeUndefined();
    expect(store.bytes).toBe(0);
    store.set('small', answer(1000), [], 60_000);
    expect(store.get('small')).toEqual(answer(1000));
  });

  it('evicts the least recently used answers to stay under the total bound', () => {
    const store = memoryStore({ maxEntryBytes: 400, maxBytes: 1000 });
    for (const id of ['a', 'b', 'c']) store.set(id, answer(280), [], 60_000);
    store.get('a'); // a is now the most recently used
    store.set('d', answer(280), [], 60_000);
    expect(store.bytes).toBeLessThanOrEqual(1000);
    expect(store.get('b')).toBeUndefined();
    expect(store.get('a')).toBeDefined();
    expect(store.get('d')).toBeDefined();
  });

  it('forgets an answer once its TTL has passed', () => {
    let now = 0;
    const store = memoryStore({ maxEntryBytes: MB, maxBytes: MB }, () => now);
    store.set('a', answer(10), [], 2_000);
    now = 1_999;
    expect(store.get('a')).toBeDefined();
    now = 2_000;
    expect(store.get('a')).toBeUndefined();
    expect(store.size).toBe(0);
  });
});

describe('through the gateway', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({
      config: (c) => ({ ...c, cache: { zoneTtlMs: 0, responseCache: { ttlMs: 60_000, exposeMetadata: true, maxEntryBytes: 2_000 } } }),
    });
  });
  afterAll(() => stack.close());

  const ask = async (first: number) => {
    const res = await stack.gql(`{ zone(name: "example.com") { recordSetChanges(first: ${first}) { nodes { changeId summary } } } }`);
    return res as any;
  };

  it('caches a small answer, and not one over RESPONSE_CACHE_MAX_ENTRY_BYTES', async () => {
    expect((await ask(1)).extensions.responseCache.didCache).toBe(true);
    expect((await ask(1)).extensions.responseCache.hit).toBe(true);
    const big = await ask(50);
    expect(JSON.stringify(big.data).length).toBeGreaterThan(2_000);
    expect(big.extensions.responseCache.didCache).toBeFalsy();
    expect((await ask(50)).extensions.responseCache.hit).toBe(false);
  });
});

describe('with JWT auth', () => {
  const SECRET = 'jwt-secret-0123456789abcdef0123456789';
  const TOKEN = 'static-token-0123456789abcdef';
  const QUERY = '{ zone(name: "ok") { name } }';
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({
      config: (c) => ({
        ...c,
        auth: { tokens: [TOKEN], jwt: { secret: SECRET }, allowAnonymous: false },
        cache: { zoneTtlMs: 0, responseCache: { ttlMs: 60_000, exposeMetadata: true } },
      }),
    });
  });
  afterAll(() => stack.close());

  const post = (authorization: string, headers: Record<string, string> = {}) =>
    fetch(`${stack.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization, ...headers },
      body: JSON.stringify({ query: QUERY }),
    });

  it('never answers an unverified bearer from the cache, not even with a 304 for a known ETag', async () => {
    const valid = `Bearer ${hs256(SECRET)}`;
    const first = await post(valid);
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    expect(((await (await post(valid)).json()) as any).extensions.responseCache.hit).toBe(true);

    const forged = `Bearer ${hs256('not-the-secret-0123456789abcdef0123')}`;
    const revalidate = await post(forged, { 'if-none-match': etag! });
    expect(revalidate.status).toBe(401);
    expect(((await revalidate.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const plain = await post(forged);
    expect(plain.status).toBe(401);
    expect(((await plain.json()) as any).data).toBeUndefined();
  });

  it('still revalidates for a verified static token', async () => {
    const first = await post(`Bearer ${TOKEN}`);
    const etag = first.headers.get('etag');
    const again = await post(`Bearer ${TOKEN}`, { 'if-none-match': etag! });
    expect(again.status).toBe(304);
  });
});

const REDIS = '/usr/bin/redis-server';
if (!existsSync(REDIS)) console.warn(`SKIPPED: the Redis expiry test needs ${REDIS} (apt-get install redis-server)`);

describe.skipIf(!existsSync(REDIS))('redisStore', () => {
  let server: ChildProcess;
  let redis: Redis;
  beforeAll(async () => {
    const started = await startRedis(REDIS);
    server = started.process;
    redis = new Redis(started.url);
  }, 20_000);
  afterAll(async () => {
    await redis?.quit();
    server?.kill('SIGTERM');
  });

  it('writes one key per answer, every key with an expiry, and nothing over the entry bound', async () => {
    const store = redisStore(redis, { maxEntryBytes: MB });
    await store.set('op-1', answer(100), [{ typename: 'Zone', id: 'z1' }, { typename: 'Query' }], 60_000);
    await store.set('huge', answer(30 * MB), [{ typename: 'Zone', id: 'z2' }], 60_000);
    await store.set('forever', answer(10), [], Infinity);
    const keys = await redis.keys('*');
    expect(keys).toEqual([`${REDIS_PREFIX}op-1`]);
    const ttl = await redis.pttl(keys[0]);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);
    expect(await store.get('op-1')).toEqual(answer(100));
  });
});
