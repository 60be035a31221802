// Whole-response caching (@graphql-yoga/plugin-response-cache), keyed by the caller's identity so
// no cached answer ever crosses from one caller to another, and consulted only for requests whose
// gateway credentials are verified (`verified`). In memory by default, bounded in bytes; with
// REDIS_URL the cache lives in Redis, every key expiring, and every replica shares it.
import { createHash } from 'node:crypto';
import { useResponseCache, type Cache } from '@graphql-yoga/plugin-response-cache';
import type { Plugin } from 'graphql-yoga';
import { Redis } from 'ioredis';
import { fits, memoryStore, redisStore } from './stores.js';

export interface ResponseCacheConfig {
  /** How long an answer is reused; 0 turns the cache off. */
  ttlMs: number;
  redisUrl?: string;
  /** Adds `extensions.responseCache` ({ hit, didCache }) to answers, for tests and debugging. */
  exposeMetadata?: boolean;
  /** All answers kept in memory together, in bytes of JSON. Default 64 MiB. */
  maxBytes?: number;
  /** One answer larger than this is not cached. Default 1 MiB. */
  maxEntryBytes?: number;
}

export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
export const DEFAULT_MAX_ENTRY_BYTES = 1024 * 1024;

/** Headers that decide what a caller may see: gateway credentials and forwarded VinylDNS and OpenSRS credentials. */
const IDENTITY_HEADERS = ['authorization', 'x-vinyldns-access-key', 'x-vinyldns-secret-key', 'x-opensrs-user', 'x-opensrs-password', 'x-opensrs-token'];

/** A stable, secret-free key for the caller's identity. */
export function identityKey(headers: Headers): string {
  const hash = createHash('sha256');
  for (const name of IDENTITY_HEADERS) hash.update(`${name}\n${headers.get(name) ?? ''}\n`);
  return hash.digest('base64url');
}

/**
 * `verified`: whether the request's gateway credentials were checked (src/auth/gateway-auth.ts).
 * Until they are, the cache is neither read nor revalidated: an unverified bearer never gets a
 * cached answer nor a 304, whatever ETag it guesses.
 */
export function responseCache(
  config: ResponseCacheConfig,
  verified: (request: Request, context: unknown) => boolean = () => true,
): { plugin?: Plugin; close(): Promise<void> } {
  if (config.ttlMs <= 0) return { close: async () => {} };
  const redis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false }) : undefined;
  redis?.on('error', () => {});
  const maxEntryBytes = config.maxEntryBytes ?? DEFAULT_MAX_ENTRY_BYTES;
  const cache: Cache = redis ? forgiving(redisStore(redis, { maxEntryBytes })) : memoryStore({ maxEntryBytes, maxBytes: config.maxBytes ?? DEFAULT_MAX_BYTES });
  const plugin = useResponseCache({
    session: (request) => identityKey(request.headers),
    ttl: config.ttlMs,
    cache,
    enabled: verified,
    // The stores refuse oversized answers too; deciding here keeps `didCache` and the ETag honest.
    shouldCacheResult: ({ result }) => !result.errors?.length && fits(result, maxEntryBytes),
    includeExtensionMetadata: config.exposeMetadata ?? false,
  });
  return {
    plugin: plugin as Plugin,
    close: async () => {
      await redis?.quit().catch(() => redis.disconnect());
    },
  };
}

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
