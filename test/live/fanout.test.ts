// 200 subscribers of one domain with one identity share one poller: the upstreams see one poll
// per interval (one call per change list when nothing is new), however many are listening, and
// every subscriber gets every change.
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { Client } from 'graphql-ws';
import { LIVE_CHANGES, until, wsClient } from '../helpers/live-clients.js';
import { expectExactlyOnce, liveDomain, pollsMade, started, startLiveStack } from '../helpers/live-stack.js';
import type { Stack } from '../helpers/stack.js';

vi.setConfig({ testTimeout: 60_000 });

const INTERVAL = 100;
let stack: Stack;
beforeAll(async () => {
  stack = await startLiveStack({ pollIntervalMs: INTERVAL, maxPollIntervalMs: INTERVAL, maxSubscriptionsPerConnection: 20 });
});
afterAll(() => stack.close());

it('200 subscribers of one domain and identity cause one poll per interval upstream', async () => {
  const d = liveDomain(stack);
  const clients: Client[] = Array.from({ length: 10 }, () => wsClient(stack.url));
  const received: Array<Array<{ node: any }>> = [];
  const stops = clients.flatMap((client) =>
    Array.from({ length: 20 }, () => {
      const edges: Array<{ node: any }> = [];
      received.push(edges);
      return client.subscribe(
        { query: LIVE_CHANGES, variables: { domain: d.domain } },
        { next: (r: any) => r.data && edges.push(r.data.changes), error: () => undefined, complete: () => undefined },
      );
    }),
  );
  await started(stack, 200);
  expect(stack.gateway.live.stats()).toMatchObject({ channels: 1, polling: 1 });

  stack.sandbox.vinyldns.clearLog();
  stack.sandbox.opensrs.clearLog();
  const before = await pollsMade(stack);
  const t0 = performance.now();
  await until(async () => (await pollsMade(stack)) >= before + 10, '10 polls');
  const polls = (await pollsMade(stack)) - before;
  const elapsed = performance.now() - t0;
  // One poll per interval, not one per subscriber …
  expect(polls).toBeLessThanOrEqual(Math.ceil(elapsed / INTERVAL) + 1);
  // … and each poll one call per list (a poll may be under way when counting stops).
  const zoneChanges = stack.sandbox.vinyldns.count({ pathPrefix: `/zones/${d.zoneId}/changes` });
  const recordSetChanges = stack.sandbox.vinyldns.count({ pathPrefix: `/zones/${d.zoneId}/recordsetchanges` });
  const mail = stack.sandbox.opensrs.count({ domain: d.domain });
  for (const [list, calls] of Object.entries({ zoneChanges, recordSetChanges, mail })) {
    expect(calls, list).toBeGreaterThanOrEqual(polls);
    expect(calls, list).toBeLessThanOrEqual(polls + 1);
  }
  expect(stack.sandbox.vinyldns.log.length).toBe(zoneChanges + recordSetChanges);

  const landed = d.burst(1);
  await until(() => received.every((edges) => edges.length >= landed.length), 'every subscriber to get the burst');
  for (const edges of received) expectExactlyOnce(edges, landed);

  stops.forEach((stop) => stop());
  await Promise.all(clients.map((c) => c.dispose()));
  await until(() => stack.gateway.live.stats().channels === 0, 'the poller to stop with the last subscriber');
});
