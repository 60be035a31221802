// Live subscription settings (README "Live changes").
import type { EnvReader } from '../env.js';

export interface LiveConfig {
  /** How often a key's heads are read (LIVE_POLL_INTERVAL_MS, default 5000). */
  pollIntervalMs: number;
  /**
   * The longest wait between polls while a provider fails or nothing changes (backoff); equal to
   * pollIntervalMs: no backoff (LIVE_POLL_MAX_INTERVAL_MS, default 60000).
   */
  maxPollIntervalMs: number;
  /** Per WebSocket connection (LIVE_MAX_SUBSCRIPTIONS_PER_CONNECTION, default 20). */
  maxSubscriptionsPerConnection: number;
  /** Per upstream identity, on one replica (LIVE_MAX_SUBSCRIPTIONS_PER_IDENTITY, default 500). */
  maxSubscriptionsPerIdentity: number;
  /** Distinct (identity, domain, filters) keys on one replica (LIVE_MAX_POLLERS, default 1000). */
  maxPollers: number;
  /** WebSocket ping interval; SSE streams get yoga's comment line every 12 s (LIVE_HEARTBEAT_MS, default 12000). */
  heartbeatMs: number;
  /** Changes one list may hold between a resume cursor and now (LIVE_MAX_CATCH_UP, default 10000). */
  maxCatchUp: number;
  /** With Redis, one replica polls each key and every replica relays (REDIS_URL). */
  redisUrl?: string;
}

export const DEFAULT_LIVE: LiveConfig = {
  pollIntervalMs: 5_000,
  maxPollIntervalMs: 60_000,
  maxSubscriptionsPerConnection: 20,
  maxSubscriptionsPerIdentity: 500,
  maxPollers: 1_000,
  heartbeatMs: 12_000,
  maxCatchUp: 10_000,
};

export function liveConfig(env: EnvReader): LiveConfig {
  const d = DEFAULT_LIVE;
  const pollIntervalMs = env.integer('LIVE_POLL_INTERVAL_MS', d.pollIntervalMs, 20, 600_000);
  const maxPollIntervalMs = env.integer('LIVE_POLL_MAX_INTERVAL_MS', Math.max(d.maxPollIntervalMs, pollIntervalMs), 20, 3_600_000);
  if (maxPollIntervalMs < pollIntervalMs) env.fail('LIVE_POLL_MAX_INTERVAL_MS', `must be at least LIVE_POLL_INTERVAL_MS (${pollIntervalMs})`);
  const redisUrl = env.value('REDIS_URL');
  return {
    pollIntervalMs,
    maxPollIntervalMs,
    maxSubscriptionsPerConnection: env.integer('LIVE_MAX_SUBSCRIPTIONS_PER_CONNECTION', d.maxSubscriptionsPerConnection, 1, 10_000),
    maxSubscriptionsPerIdentity: env.integer('LIVE_MAX_SUBSCRIPTIONS_PER_IDENTITY', d.maxSubscriptionsPerIdentity, 1, 1_000_000),
    maxPollers: env.integer('LIVE_MAX_POLLERS', d.maxPollers, 1, 1_000_000),
    heartbeatMs: env.integer('LIVE_HEARTBEAT_MS', d.heartbeatMs, 1_000, 600_000),
    maxCatchUp: env.integer('LIVE_MAX_CATCH_UP', d.maxCatchUp, 100, 1_000_000),
    // Checked by the cache settings, which read the same variable.
    redisUrl,
  };
}
