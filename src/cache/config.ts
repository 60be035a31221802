// Caching settings (README "Operations" and "Performance").
import type { EnvReader } from '../env.js';
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_ENTRY_BYTES, type ResponseCacheConfig } from './response-cache.js';

export interface CacheConfig {
  /** How long a zone read stays fresh for later requests of the same identity; 0 turns it off. */
  zoneTtlMs: number;
  /** Identical VinylDNS GETs in flight are shared by concurrent requests of the same identity. */
  coalesce?: boolean;
  responseCache: ResponseCacheConfig;
}

export const DEFAULT_CACHE: CacheConfig = { zoneTtlMs: 5_000, responseCache: { ttlMs: 2_000 } };

export function cacheConfig(env: EnvReader): CacheConfig {
  return {
    zoneTtlMs: env.integer('ZONE_CACHE_TTL_MS', DEFAULT_CACHE.zoneTtlMs, 0, 3_600_000),
    coalesce: env.flag('UPSTREAM_COALESCE', true),
    responseCache: {
      ttlMs: env.integer('RESPONSE_CACHE_TTL_MS', DEFAULT_CACHE.responseCache.ttlMs, 0, 3_600_000),
      redisUrl: redisUrl(env),
      exposeMetadata: env.flag('RESPONSE_CACHE_METADATA', false),
      maxBytes: env.integer('RESPONSE_CACHE_MAX_BYTES', DEFAULT_MAX_BYTES, 0, 2 ** 40),
      maxEntryBytes: env.integer('RESPONSE_CACHE_MAX_ENTRY_BYTES', DEFAULT_MAX_ENTRY_BYTES, 0, 2 ** 32),
    },
  };
}

/** A redis:// or rediss:// URL; it may carry a password, so it is never echoed. */
function redisUrl(env: EnvReader): string | undefined {
  const raw = env.value('REDIS_URL');
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return env.fail('REDIS_URL', 'is not a valid URL (expected e.g. redis://127.0.0.1:6379)');
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') return env.fail('REDIS_URL', 'must be a redis:// or rediss:// URL');
  return raw;
}
