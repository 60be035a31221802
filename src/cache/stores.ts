// Where cached answers live: bounded in memory (total bytes and bytes per entry, least recently
// used first out), or in Redis with every key expiring. The gateway has no mutations, so nothing
// is ever invalidated by entity: entries only expire, and no entity index is kept (the one of
// @envelop/response-cache-redis keeps sets that never expire).
import type { Cache } from '@graphql-yoga/plugin-response-cache';
import type { ExecutionResult } from 'graphql';
import type { Redis } from 'ioredis';

export interface StoreBounds {
  /** Answers larger than this (as JSON) are not cached. */
  maxEntryBytes: number;
  /** All answers in memory together; the least recently used go first. */
  maxBytes: number;
}

/** The size of an answer as it is stored (JSON), or undefined when it is over `max` bytes. */
function serialise(data: unknown, max: number): { json: string; bytes: number } | undefined {
  const json = JSON.stringify(data);
  // A JSON string has at least one byte per character: most oversized answers stop here.
  if (json.length > max) return undefined;
  const bytes = Buffer.byteLength(json);
  return bytes > max ? undefined : { json, bytes };
}

/** Whether an answer is at most `max` bytes as JSON. */
export const fits = (data: unknown, max: number): boolean => serialise(data, max) !== undefined;

export function memoryStore(bounds: StoreBounds, now: () => number = Date.now): Cache & { readonly bytes: number; readonly size: number } {
  const entries = new Map<string, { data: ExecutionResult; bytes: number; expires: number }>();
  let total = 0;
  const drop = (id: string) => {
    const entry = entries.get(id);
    if (!entry) return;
    entries.delete(id);
    total -= entry.bytes;
  };
  return {
    get bytes() {
      return total;
    },
    get size() {
      return entries.size;
    },
    set(id, data, _entities, ttl) {
      drop(id);
      const stored = serialise(data, Math.min(bounds.maxEntryBytes, bounds.maxBytes));
      if (!stored) return;
      while (total + stored.bytes > bounds.maxBytes && entries.size > 0) drop(entries.keys().next().value!);
      // Stored as parsed from its JSON, so a later change to the live result cannot reach the cache.
      // (The JSON of an answer is an answer again: what the Redis store hands back too.)
      entries.set(id, { data: JSON.parse(stored.json), bytes: stored.bytes, expires: ttl === Infinity ? Infinity : now() + ttl });
      total += stored.bytes;
    },
    get(id) {
      const entry = entries.get(id);
      if (!entry) return undefined;
      if (entry.expires <= now()) {
        drop(id);
        return undefined;
      }
      // Most recently used last: the eviction order.
      entries.delete(id);
      entries.set(id, entry);
      return entry.data;
    },
    invalidate() {
      // Nothing to find by entity (no mutations); entries expire by their TTL.
    },
  };
}

/** Keys are namespaced so the cache can share a Redis with other data. */
export const REDIS_PREFIX = 'changegraph:response:';

export function redisStore(redis: Redis, bounds: Pick<StoreBounds, 'maxEntryBytes'>): Cache {
  return {
    async set(id, data, _entities, ttl) {
      const stored = serialise(data, bounds.maxEntryBytes);
      if (!stored) return;
      // Every key expires: an answer without a finite TTL is not kept in Redis at all.
      if (!Number.isFinite(ttl) || ttl <= 0) return;
      await redis.set(REDIS_PREFIX + id, stored.json, 'PX', Math.ceil(ttl));
    },
    async get(id) {
      const json = await redis.get(REDIS_PREFIX + id);
      return json ? JSON.parse(json) : undefined;
    },
    invalidate() {
      // Nothing to find by entity (no mutations); keys expire by their TTL.
    },
  };
}
