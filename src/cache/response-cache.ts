// Whole-response caching (@graphql-yoga/plugin-response-cache), keyed by the caller's identity so
// no cached answer ever crosses from one caller to another. In memory by default; with REDIS_URL
// the cache lives in Redis and every replica shares it (@envelop/response-cache-redis).
import { createHash } from 'node:crypto';
import { createRedisCache } from '@envelop/response-cache-redis';
import { useResponseCache } from '@graphql-yoga/plugin-response-cache';
import type { Plugin } from 'graphql-yoga';
import { Redis } from 'ioredis';

export interface ResponseCacheConfig {
  /** How long an answer is reused; 0 turns the cache off. */
  ttlMs: number;
  redisUrl?: string;
  /** Adds `extensions.responseCache` ({ hit, didCache }) to answers, for tests and debugging. */
  exposeMetadata?: boolean;
}

/** Headers that decide what a caller may see: gateway credentials and forwarded VinylDNS keys. */
const IDENTITY_HEADERS = ['authorization', 'x-vinyldns-access-key', 'x-vinyldns-secret-key'];

/** A stable, secret-free key for the caller's identity. */
export function identityKey(headers: Headers): string {
  const hash = createHash('sha256');
  for (const name of IDENTITY_HEADERS) hash.update(`${name}\n${headers.get(name) ?? ''}\n`);
  return hash.digest('base64url');
}

export function responseCache(config: ResponseCacheConfig): { plugin?: Plugin; close(): Promise<void> } {
  if (config.ttlMs <= 0) return { close: async () => {} };
  const redis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false }) : undefined;
  redis?.on('error', () => {});
  const plugin = useResponseCache({
    session: (request) => identityKey(request.headers),
    ttl: config.ttlMs,
    cache: redis ? forgiving(createRedisCache({ redis })) : undefined,
    includeExtensionMetadata: config.exposeMetadata ?? false,
  });
  return {
    plugin: plugin as Plugin,
    close: async () => {
      await redis?.quit().catch(() => redis.disconnect());
    },
  };
}

type Cache = ReturnType<typeof createRedisCache>;

/** A cache that cannot reach Redis must not fail requests: they are answered uncached. */
function forgiving(cache: Cache): Cache {
  return {
    get: async (id) => {
      try {
        return await cache.get(id);
      } catch {
        return undefined;
      }
    },
    set: async (id, data, entities, ttl) => {
      try {
        await cache.set(id, data, entities, ttl);
      } catch {
        // not cached this time
      }
    },
    invalidate: async (entities) => {
      try {
        await cache.invalidate(entities);
      } catch {
        // entries expire by their TTL
      }
    },
  };
}
