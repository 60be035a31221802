// Two gateway processes sharing a real redis-server: one replica polls a key, both relay. Every
// subscriber on either replica gets every change once; the sandbox sees one poller's calls, not
// two; when the polling replica is killed, the other takes over from the stored position within
// about two intervals and nothing is lost or repeated. The test starts its own redis-server and
// is skipped (visibly) on a machine without one (.ci/run installs it).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { subscribe, until } from '../helpers/live-clients.js';
import { expectExactlyOnce, headCursor, liveDomain, pollsMade, startLiveStack } from '../helpers/live-stack.js';
import type { Stack } from '../helpers/stack.js';
import { sandboxEnv, startRedis } from '../helpers/ports.js';

vi.setConfig({ testTimeout: 90_000 });

const REDIS = '/usr/bin/redis-server';
// Long enough that a test machine busy with other work does not stall a replica past its lock.
const INTERVAL = 200;
if (!existsSync(REDIS)) console.warn(`SKIPPED: the live replicas test needs ${REDIS} (apt-get install redis-server)`);

describe.skipIf(!existsSync(REDIS))('live changes across two replicas sharing Redis', () => {
  let redis: ChildProcess;
  let stack: Stack;
  let second: ChildProcess;
  let secondUrl: string;

  beforeAll(async () => {
    const started = await startRedis(REDIS);
    redis = started.process;
    const redisUrl = started.url;
    stack = await startLiveStack({ redisUrl, pollIntervalMs: INTERVAL, maxPollIntervalMs: INTERVAL });
    second = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: {
        ...process.env,
        PORT: '0',
        LOG_LEVEL: 'warn',
        ...sandboxEnv(stack.sandbox),
        CURSOR_SECRET: 'test-cursor-secret',
        REDIS_URL: redisUrl,
        RESPONSE_CACHE_TTL_MS: '0',
        LIVE_POLL_INTERVAL_MS: String(INTERVAL),
        LIVE_POLL_MAX_INTERVAL_MS: String(INTERVAL),
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
    if (second.exitCode === null && second.signalCode === null) second.kill('SIGTERM');
    await stack?.close();
    redis?.kill('SIGTERM');
  });

  /** A live metric of the second process, from its /metrics. */
  const secondMetric = async (name: string) => {
    const text = await (await fetch(`${secondUrl}/metrics`)).text();
    return Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
  };

  it('relays every change once to both replicas, polls on one, and survives the poller’s death', async () => {
    const d = liveDomain(stack);
    const start = await headCursor(stack, d.domain);

    // The second process gets the first subscriber, so it polls; this one relays.
    const onSecond = subscribe('ws', secondUrl, { domain: d.domain, after: start });
    await until(async () => (await secondMetric('changegraph_live_pollers')) === 1, 'the second process to poll');
    const onFirst = subscribe('sse', stack.url, { domain: d.domain, after: start });
    await until(() => stack.gateway.live.stats().subscriptions === 1 && stack.gateway.live.stats().joining === 0, 'the relay subscription to start');
    expect(stack.gateway.live.stats().polling).toBe(0);

    const ownPolls = await pollsMade(stack);
    const theirPolls = await secondMetric('changegraph_live_polls_total');
    stack.sandbox.vinyldns.clearLog();
    const before: string[] = [];
    for (let second = 1; second <= 3; second++) {
      before.push(...d.burst(second));
      await until(() => onFirst.edges().length >= before.length && onSecond.edges().length >= before.length, `round ${second} on both replicas`);
    }
    // One poller's calls: as many zone-change reads as the second process polled, not twice that.
    const polled = (await secondMetric('changegraph_live_polls_total')) - theirPolls;
    const zoneReads = stack.sandbox.vinyldns.count({ pathPrefix: `/zones/${d.zoneId}/changes` });
    expect(await pollsMade(stack)).toBe(ownPolls);
    expect(zoneReads).toBeGreaterThanOrEqual(polled - 1);
    expect(zoneReads).toBeLessThanOrEqual(polled + 2);
    expectExactlyOnce(onSecond.edges(), before);
    const secondLast = onSecond.edges().at(-1)!.cursor;

    // The polling replica dies; this one takes over from the stored position.
    second.kill('SIGKILL');
    const killedAt = performance.now();
    const after = d.burst(4);
    await until(() => stack.gateway.live.stats().polling === 1, 'the takeover');
    const takeoverMs = performance.now() - killedAt;
    after.push(...d.burst(5));
    await until(() => onFirst.edges().length >= before.length + after.length, 'the changes after the takeover');
    const settled = await pollsMade(stack);
    await until(async () => (await pollsMade(stack)) >= settled + 3, '3 more polls');
    expectExactlyOnce(onFirst.edges(), [...before, ...after]);
    expect(onFirst.errors()).toEqual([]);
    console.log(`takeover after ${Math.round(takeoverMs)} ms (poll interval ${INTERVAL} ms)`);
    // Within two intervals, give or take the scheduling of a loaded test machine.
    expect(takeoverMs).toBeLessThan(2 * INTERVAL + 300);

    // The second replica's client comes back on this one with its last cursor: exactly what it missed.
    const back = subscribe('sse', stack.url, { domain: d.domain, after: secondLast });
    await until(() => back.edges().length >= after.length, 'the missed changes');
    const settled2 = await pollsMade(stack);
    await until(async () => (await pollsMade(stack)) >= settled2 + 3, '3 more polls');
    expectExactlyOnce(back.edges(), after);
    onFirst.stop();
    back.stop();
    onSecond.stop();
    await until(() => stack.gateway.live.stats().channels === 0, 'the subscriptions to end');
  });
});
