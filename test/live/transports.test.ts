// Live changes as real clients receive them, over GraphQL over SSE (graphql-sse) and GraphQL over
// WebSocket (graphql-ws), while the sandbox lands changes in a domain's three change lists,
// several in one second: every change after the starting point arrives exactly once, oldest
// first; a client that comes back with its last cursor gets exactly what it missed; any cursor of
// Query.changes is a starting point.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { keyOf, subscribe, until, type Transport } from '../helpers/live-clients.js';
import { afterPolls, expectExactlyOnce, headCursor, liveDomain, started, startLiveStack, stopAll } from '../helpers/live-stack.js';
import type { Stack } from '../helpers/stack.js';

vi.setConfig({ testTimeout: 60_000 });

let stack: Stack;
beforeAll(async () => {
  stack = await startLiveStack();
});
afterAll(() => stack.close());

const transports: Transport[] = ['sse', 'ws'];

describe.each(transports)('over %s', (transport) => {
  it('delivers every change after the cursor exactly once, oldest first, including several in one second', async () => {
    const d = liveDomain(stack);
    const sub = subscribe(transport, stack.url, { domain: d.domain, after: await headCursor(stack, d.domain) });
    const landed: string[] = [];
    for (let second = 1; second <= 6; second++) {
      landed.push(...d.burst(second));
      // Some bursts are waited for, others land while the poll of the previous one runs.
      if (second % 2 === 0) await until(() => sub.edges().length >= landed.length, `${landed.length} events`);
    }
    await until(() => sub.edges().length >= landed.length, `${landed.length} events`);
    await afterPolls(stack, 3);
    expectExactlyOnce(sub.edges(), landed);
    expect(sub.errors()).toEqual([]);

    // An event's cursor pages on with Query.changes: only older changes follow it.
    const last = sub.edges().at(-1)!;
    const older = await stack.gql(`query($d: String!, $a: String) { changes(domain: $d, first: 100, after: $a) { nodes { occurredAt } } }`, {
      d: d.domain,
      a: last.cursor,
    });
    expect(older.errors).toBeUndefined();
    expect(older.data.changes.nodes.length).toBeGreaterThan(0);
    expect(older.data.changes.nodes.every((n: any) => n.occurredAt <= last.node.occurredAt)).toBe(true);
    await stopAll(stack, sub);
  });

  it('gives a client that resubscribes with its last cursor exactly the changes it missed', async () => {
    const d = liveDomain(stack);
    const first = subscribe(transport, stack.url, { domain: d.domain, after: await headCursor(stack, d.domain) });
    const round1 = d.burst(1);
    await until(() => first.edges().length >= round1.length, 'round 1');
    const last = first.edges().at(-1)!.cursor;
    await stopAll(stack, first);

    const missed = [...d.burst(2), ...d.burst(3)];
    const again = subscribe(transport, stack.url, { domain: d.domain, after: last });
    await until(() => again.edges().length >= missed.length, 'the missed changes');
    const round4 = d.burst(4);
    await until(() => again.edges().length >= missed.length + round4.length, 'round 4');
    await afterPolls(stack, 3);
    expectExactlyOnce(first.edges(), round1);
    expectExactlyOnce(again.edges(), [...missed, ...round4]);
    await stopAll(stack, again);
  });

  it('without a cursor, starts at the newest change: only changes that land later arrive', async () => {
    const d = liveDomain(stack);
    d.burst(0);
    const sub = subscribe(transport, stack.url, { domain: d.domain });
    await started(stack);
    const landed = [...d.burst(1), d.land('mail', 2)];
    await until(() => sub.edges().length >= landed.length, 'the new changes');
    await afterPolls(stack, 3);
    expectExactlyOnce(sub.edges(), landed);
    await stopAll(stack, sub);
  });
});

describe('resuming', () => {
  it('from an event whose second already had changes of another list delivered: none of them again', async () => {
    // The zone change and the mail change share a second but come in two polls, zone first (the
    // merged feed puts the mail change first). The mail change's cursor must still say the zone
    // change was delivered.
    const d = liveDomain(stack);
    const sub = subscribe('sse', stack.url, { domain: d.domain, after: await headCursor(stack, d.domain) });
    await started(stack);
    const zone = d.land('zone', 1);
    await until(() => sub.edges().length === 1, 'the zone change');
    const mail = d.land('mail', 1);
    await until(() => sub.edges().length === 2, 'the mail change');
    expect(sub.edges().map((e) => keyOf(e.node))).toEqual([zone, mail]);
    const cursor = sub.edges()[1].cursor;
    await stopAll(stack, sub);

    const later = d.burst(2);
    const again = subscribe('sse', stack.url, { domain: d.domain, after: cursor });
    await until(() => again.edges().length >= later.length, 'the later changes');
    await afterPolls(stack, 3);
    expectExactlyOnce(again.edges(), later);
    await stopAll(stack, again);
  });
});

describe('starting from any cursor of Query.changes', () => {
  it('first delivers exactly the changes newer than the cursor’s, oldest first', async () => {
    const d = liveDomain(stack, 0);
    // A history with ties across lists and within them.
    for (let second = 1; second <= 4; second++) {
      d.burst(second);
      d.land('recordSet', second);
    }
    const feed: Array<{ cursor: string; node: any }> = [];
    let after: string | undefined;
    for (;;) {
      const res = await stack.gql(
        `query($d: String!, $a: String) { changes(domain: $d, first: 4, after: $a) { edges { cursor node { __typename occurredAt ... on ZoneChange { changeId } ... on RecordSetChange { changeId } ... on DomainChange { message } } } pageInfo { hasNextPage endCursor } } }`,
        { d: d.domain, a: after },
      );
      expect(res.errors).toBeUndefined();
      feed.push(...res.data.changes.edges);
      if (!res.data.changes.pageInfo.hasNextPage) break;
      after = res.data.changes.pageInfo.endCursor;
    }
    expect(feed).toHaveLength(28);
    for (const k of [0, 1, 3, 6, 7, 13, 20, 27]) {
      const sub = subscribe('sse', stack.url, { domain: d.domain, after: feed[k].cursor });
      const expected = feed
        .slice(0, k)
        .reverse()
        .map((e) => keyOf(e.node));
      await started(stack);
      await until(() => sub.edges().length >= expected.length, `the catch-up from edge ${k}`);
      await afterPolls(stack, 2);
      expect(
        sub.edges().map((e) => keyOf(e.node)),
        `from edge ${k}`,
      ).toEqual(expected);
      await stopAll(stack, sub);
    }
  });
});

describe('a failing provider', () => {
  it('is reported once, with its code and provider; the others keep coming; its changes follow when it is back', async () => {
    const d = liveDomain(stack);
    const sub = subscribe('sse', stack.url, { domain: d.domain, after: await headCursor(stack, d.domain) });
    await started(stack);
    stack.sandbox.opensrs.failNext({ httpStatus: 503 }, 10_000);
    const round1 = d.burst(1);
    await until(() => sub.edges().length >= 4, 'the VinylDNS changes');
    const round2 = [d.land('zone', 2), d.land('mail', 2)];
    await until(() => sub.edges().length >= 5, 'more VinylDNS changes');
    expect(sub.errors().map((e) => [e.extensions?.code, e.extensions?.provider])).toEqual([['UPSTREAM_UNAVAILABLE', 'OPENSRS']]);

    stack.sandbox.opensrs.clearFaults();
    await until(() => sub.edges().length >= 8, 'the OpenSRS changes');
    await afterPolls(stack, 3);
    expect(sub.errors()).toHaveLength(1);
    // Each change once, each list in order; OpenSRS's came late, after it answered again.
    const keys = sub.edges().map((e) => keyOf(e.node));
    expect([...keys].sort()).toEqual([...round1, ...round2].sort());
    expect(keys.slice(-3)).toEqual([...round1, ...round2].filter((k) => k.startsWith('dc:')));
    await stopAll(stack, sub);
  });
});
