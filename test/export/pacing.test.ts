// The export limits on a fake clock: calls evenly spaced at the configured rate, per identity and
// in total, in arrival order; concurrent exports capped per identity and in total, freed on release.
import { describe, expect, it } from 'vitest';
import { ExportPacing, RateLimiter, type Clock } from '../../src/export/pacing.js';
import { DEFAULT_EXPORT, exportConfig } from '../../src/export/config.js';
import { reader } from '../../src/env.js';

/** A clock that moves only when a sleeper is due: `sleep` resolves in time order. */
function fakeClock(): Clock & { log: number[] } {
  let now = 0;
  const sleepers: Array<{ at: number; wake: () => void }> = [];
  const log: number[] = [];
  const advance = () => {
    sleepers.sort((a, b) => a.at - b.at);
    const next = sleepers.shift();
    if (!next) return;
    now = next.at;
    next.wake();
  };
  return {
    log,
    now: () => now,
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        sleepers.push({ at: now + ms, wake: resolve });
        // Let every waiter that is runnable now register before time moves.
        setImmediate(advance);
      }),
  };
}

/** Runs `take` for each caller, recording when each call was let through. */
async function turns(clock: Clock, callers: Array<() => Promise<void>>): Promise<number[]> {
  const at: number[] = [];
  await Promise.all(callers.map((take, i) => take().then(() => (at[i] = clock.now()))));
  return at;
}

describe('RateLimiter', () => {
  it('lets calls through evenly spaced at the rate, in arrival order', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(4, clock);
    expect(
      await turns(
        clock,
        [0, 1, 2, 3, 4].map(() => () => limiter.take()),
      ),
    ).toEqual([0, 250, 500, 750, 1000]);
  });

  it('does not save up turns while idle (no burst after a pause)', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(2, clock);
    await limiter.take();
    await clock.sleep(10_000);
    expect(
      await turns(
        clock,
        [0, 1, 2].map(() => () => limiter.take()),
      ),
    ).toEqual([10_000, 10_500, 11_000]);
  });

  it('stops waiting when the export is aborted', async () => {
    const limiter = new RateLimiter(1, {
      now: () => 0,
      sleep: (_ms, signal) => new Promise((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason))),
    });
    await limiter.take();
    const controller = new AbortController();
    const waiting = limiter.take(controller.signal);
    controller.abort(new Error('gone'));
    await expect(waiting).rejects.toThrow('gone');
  });
});

describe('ExportPacing', () => {
  const config = { ...DEFAULT_EXPORT, maxConcurrent: 3, maxConcurrentPerIdentity: 2, upstreamRps: 4, upstreamRpsPerIdentity: 2 };

  it('caps exports per identity and in total, and frees the slot on release (once)', () => {
    const pacing = new ExportPacing(config, fakeClock());
    const a1 = pacing.admit('a');
    const a2 = pacing.admit('a');
    expect(pacing.admit('a')).toEqual({ refused: 'identity', limit: 2 });
    const b1 = pacing.admit('b');
    expect(pacing.admit('c')).toEqual({ refused: 'total', limit: 3 });
    expect(pacing.active).toBe(3);
    if ('refused' in a1 || 'refused' in a2 || 'refused' in b1) throw new Error('refused');
    a1.release();
    a1.release();
    expect(pacing.active).toBe(2);
    expect('refused' in pacing.admit('c')).toBe(false);
    expect(pacing.admit('a')).toEqual({ refused: 'total', limit: 3 });
  });

  it('spaces one identity’s calls at its own rate, and all calls at the total rate', async () => {
    const clock = fakeClock();
    const pacing = new ExportPacing(config, clock);
    const a = pacing.admit('a');
    const b = pacing.admit('b');
    if ('refused' in a || 'refused' in b) throw new Error('refused');
    // Identity a alone: 2 per second. With b too: 4 per second in all, 2 each.
    const at = await turns(clock, [() => a.pace(), () => a.pace(), () => a.pace(), () => b.pace(), () => b.pace(), () => b.pace()]);
    expect(at.slice(0, 3)).toEqual([0, 500, 1000]);
    expect(at.slice(3)).toEqual([250, 750, 1250]);
  });
});

describe('exportConfig', () => {
  it('has documented defaults, per-identity shares capped by the totals, and names a bad variable', () => {
    expect(exportConfig(reader({}))).toEqual({
      maxConcurrent: 4,
      maxConcurrentPerIdentity: 2,
      upstreamRps: 20,
      upstreamRpsPerIdentity: 10,
      stallTimeoutMs: 60_000,
    });
    expect(exportConfig(reader({ EXPORT_MAX_CONCURRENT: '1', EXPORT_UPSTREAM_RPS: '4' }))).toMatchObject({
      maxConcurrentPerIdentity: 1,
      upstreamRpsPerIdentity: 4,
    });
    expect(exportConfig(reader({ EXPORT_UPSTREAM_RPS_PER_IDENTITY: '50' })).upstreamRpsPerIdentity).toBe(50);
    expect(() => exportConfig(reader({ EXPORT_UPSTREAM_RPS: 'fast' }))).toThrow(
      'Invalid configuration: EXPORT_UPSTREAM_RPS must be a whole number from 1 to 100000, got "fast"',
    );
    expect(() => exportConfig(reader({ EXPORT_MAX_CONCURRENT: '0' }))).toThrow(/EXPORT_MAX_CONCURRENT must be/);
  });
});
