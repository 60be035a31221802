// How hard exports may lean on the upstreams (README "Exporting a history"). An export is the one
// caller that reads a whole history, so its upstream calls are paced on their own, per identity
// and in total, and interactive GraphQL requests keep the rest of each upstream's capacity.
import type { EnvReader } from '../env.js';

export interface ExportConfig {
  /** Exports streaming at once, all callers together (EXPORT_MAX_CONCURRENT). */
  maxConcurrent: number;
  /** Exports one identity may stream at once (EXPORT_MAX_CONCURRENT_PER_IDENTITY). */
  maxConcurrentPerIdentity: number;
  /** Upstream calls per second, all exports together (EXPORT_UPSTREAM_RPS). */
  upstreamRps: number;
  /** Upstream calls per second, all exports of one identity together (EXPORT_UPSTREAM_RPS_PER_IDENTITY). */
  upstreamRpsPerIdentity: number;
  /** A client that reads nothing for this long loses its export (EXPORT_STALL_TIMEOUT_MS). */
  stallTimeoutMs: number;
}

export const DEFAULT_EXPORT: ExportConfig = {
  maxConcurrent: 4,
  maxConcurrentPerIdentity: 2,
  upstreamRps: 20,
  upstreamRpsPerIdentity: 10,
  stallTimeoutMs: 60_000,
};

export function exportConfig(env: EnvReader): ExportConfig {
  const d = DEFAULT_EXPORT;
  const maxConcurrent = env.integer('EXPORT_MAX_CONCURRENT', d.maxConcurrent, 1, 1000);
  const upstreamRps = env.integer('EXPORT_UPSTREAM_RPS', d.upstreamRps, 1, 100_000);
  return {
    maxConcurrent,
    // A per-identity share above the total means nothing more; the defaults keep one caller to half.
    maxConcurrentPerIdentity: env.integer('EXPORT_MAX_CONCURRENT_PER_IDENTITY', Math.min(d.maxConcurrentPerIdentity, maxConcurrent), 1, 1000),
    upstreamRps,
    upstreamRpsPerIdentity: env.integer('EXPORT_UPSTREAM_RPS_PER_IDENTITY', Math.max(1, Math.min(d.upstreamRpsPerIdentity, upstreamRps)), 1, 100_000),
    stallTimeoutMs: env.integer('EXPORT_STALL_TIMEOUT_MS', d.stallTimeoutMs, 1000, 3_600_000),
  };
}
