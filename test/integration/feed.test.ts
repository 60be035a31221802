// The merged feed: for random interleavings of both providers' histories it equals the merged,
// sorted full list (filters applied) for every page size; a failing provider leaves the other's
// changes whole and is named in unavailableProviders; deep pages cost what the first costs; and
// changes landing mid-walk neither repeat nor drop anything.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CursorCodec } from '../../src/pagination/cursor.js';
import { startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const FEED = `query($domain: String!, $first: Int, $after: String, $providers: [Provider!], $since: DateTime, $until: DateTime, $actor: String) {
  changes(domain: $domain, first: $first, after: $after, providers: $providers, since: $since, until: $until, actor: $actor) {
    unavailableProviders
    edges { cursor node { __typename provider occurredAt actor ... on ZoneChange { changeId } ... on RecordSetChange { changeId } ... on DomainChange { message } } }
    pageInfo { hasNextPage endCursor }
  } }`;

const keyOf = (n: any) => (n.__typename === 'DomainChange' ? `dc:${n.message}` : `${n.__typename === 'ZoneChange' ? 'zc' : 'rc'}:${n.changeId}`);
const iso = (t: number) => new Date(t * 1000).toISOString().replace('.000Z', 'Z');

async function walkFeed(vars: Record<string, unknown>, size: number, between?: () => void) {
  const keys: string[] = [];
  const unavailable = new Set<string>();
  let after: string | undefined;
  for (let guard = 0; guard < 5000; guard++) {
    const res = await stack.gql(FEED, { ...vars, first: size, after });
    if (!res.data?.changes) throw new Error(JSON.stringify(res.errors));
    const page = res.data.changes;
    page.unavailableProviders.forEach((p: string) => unavailable.add(p));
    keys.push(...page.edges.map((e: any) => keyOf(e.node)));
    if (!page.pageInfo.hasNextPage) return { keys, unavailable: [...unavailable], errors: res.errors };
    after = page.pageInfo.endCursor;
    between?.();
  }
  throw new Error('feed did not end');
}

interface Event {
  source: 'zc' | 'rc' | 'dc';
  gap: number;
  actor: string;
}

const RANK = { zc: 0, rc: 1, dc: 2 } as const;
let domainSeq = 0;

/** Writes the events into a fresh zone and mail domain; returns the expected newest-first list. */
function seedHistory(events: Event[]) {
  const domain = `feed-${++domainSeq}.example`;
  const vinyl = stack.sandbox.vinyldns.store;
  const zone = vinyl.addZone(`${domain}.`, { createdMs: 1_600_000_000_000 });
  stack.sandbox.opensrs.store.addDomain(domain);
  let t = 1_700_000_000;
  let ms = 0;
  const written: Array<{ key: string; time: number; source: Event['source']; seq: number; actor: string }> = [];
  events.forEach((e, seq) => {
    t += e.gap;
    ms = Math.max(ms + 1, t * 1000);
    let key: string;
    if (e.source === 'zc') key = `zc:${vinyl.appendZoneChange(zone.id, { createdMs: ms, userId: e.actor }).id}`;
    else if (e.source === 'rc') key = `rc:${vinyl.appendRecordSetChange(zone.id, { createdMs: ms, userId: e.actor }).id}`;
    else {
      stack.sandbox.opensrs.store.appendChange(domain, { time: t, user: e.actor, msg: `changed quota [${seq}]` });
      key = `dc:changed quota [${seq}]`;
    }
    written.push({ key, time: Math.floor(ms / 1000), source: e.source, seq, actor: e.actor });
  });
  const expected = [...written].sort((a, b) => b.time - a.time || RANK[a.source] - RANK[b.source] || b.seq - a.seq);
  return { domain, expected, first: 1_700_000_000, last: t };
}

const eventArb = fc.record({
  source: fc.constantFrom('zc' as const, 'rc' as const, 'dc' as const),
  gap: fc.integer({ min: 0, max: 2 }),
  actor: fc.constantFrom('alice', 'bob', 'OpenSRS'),
});

describe('Query.changes', () => {
  it('equals the merged, sorted full list for random interleavings, page sizes and filters', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(eventArb, { maxLength: 40 }),
        fc.integer({ min: 1, max: 12 }),
        fc.record({
          providers: fc.option(fc.subarray(['VINYLDNS', 'OPENSRS'] as const, { minLength: 1 }), { nil: undefined }),
          since: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
          until: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
          actor: fc.option(fc.constantFrom('alice', 'BOB'), { nil: undefined }),
        }),
        async (events, size, f) => {
          const { domain, expected, first } = seedHistory(events);
          const since = f.since === undefined ? undefined : first + f.since;
          const until = f.until === undefined ? undefined : first + f.until;
          const want = expected
            .filter((x) => !f.providers || f.providers.includes(x.source === 'dc' ? 'OPENSRS' : 'VINYLDNS'))
            .filter((x) => since === undefined || x.time >= since)
            .filter((x) => until === undefined || x.time <= until)
            .filter((x) => !f.actor || x.actor.toLowerCase() === f.actor.toLowerCase())
            .map((x) => x.key);
          const { keys, unavailable } = await walkFeed(
            {
              domain,
              providers: f.providers,
              since: since === undefined ? undefined : iso(since),
              until: until === undefined ? undefined : iso(until),
              actor: f.actor,
            },
            size,
          );
          expect(keys).toEqual(want);
          expect(unavailable).toEqual([]);
        },
      ),
      { numRuns: 40 },
    );
  }, 180_000);

  it('keeps every change of the other provider, and names the failing one, when a provider fails', async () => {
    const events: Event[] = Array.from({ length: 30 }, (_, k) => ({ source: (['zc', 'rc', 'dc'] as const)[k % 3], gap: k % 2, actor: 'alice' }));
    const { domain, expected } = seedHistory(events);
    try {
      stack.sandbox.opensrs.failNext({ httpStatus: 500 }, 10_000);
      const a = await walkFeed({ domain }, 4);
      expect(a.keys).toEqual(expected.filter((x) => x.source !== 'dc').map((x) => x.key));
      expect(a.unavailable).toEqual(['OPENSRS']);
      expect(a.errors?.[0].extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', provider: 'OPENSRS' });
      expect(a.errors?.[0].path).toEqual(['changes']);
    } finally {
      stack.sandbox.opensrs.clearFaults();
    }
    try {
      stack.sandbox.vinyldns.failNext({ httpStatus: 503 }, 10_000);
      const b = await walkFeed({ domain }, 5);
      expect(b.keys).toEqual(expected.filter((x) => x.source === 'dc').map((x) => x.key));
      expect(b.unavailable).toEqual(['VINYLDNS']);
    } finally {
      stack.sandbox.vinyldns.clearFaults();
    }
  });

  it('picks a failed provider up again from where the cursor kept it', async () => {
    const { domain, expected } = seedHistory(
      Array.from({ length: 12 }, (_, k) => ({ source: k % 2 ? ('dc' as const) : ('rc' as const), gap: 1, actor: 'bob' })),
    );
    stack.sandbox.opensrs.failNext({ httpStatus: 500 }, 3); // the first try and both retries
    const first = await stack.gql(FEED, { domain, first: 3 });
    expect(first.data.changes.unavailableProviders).toEqual(['OPENSRS']);
    const seen = first.data.changes.edges.map((e: any) => keyOf(e.node));
    // Ask the same page again: now complete, in order.
    const retry = await stack.gql(FEED, { domain, first: 3 });
    expect(retry.data.changes.edges.map((e: any) => keyOf(e.node))).toEqual(expected.slice(0, 3).map((x) => x.key));
    // Or continue: nothing of OpenSRS is lost, only delivered later.
    const rest = await walkFeed({ domain }, 100);
    const cont = await stack.gql(FEED, { domain, first: 100, after: first.data.changes.pageInfo.endCursor });
    const all = [...seen, ...cont.data.changes.edges.map((e: any) => keyOf(e.node))];
    expect(new Set(all)).toEqual(new Set(rest.keys));
    expect(all).toHaveLength(rest.keys.length);
  });

  it('costs about the same upstream calls for page 50 as for page 1', async () => {
    const vars = { domain: 'big.example.org', first: 10 };
    const calls = () => stack.sandbox.vinyldns.log.length + stack.sandbox.opensrs.log.length;
    stack.sandbox.vinyldns.clearLog();
    stack.sandbox.opensrs.clearLog();
    let res = await stack.gql(FEED, vars);
    const page1 = calls();
    for (let page = 2; page < 50; page++) res = await stack.gql(FEED, { ...vars, after: res.data.changes.pageInfo.endCursor });
    stack.sandbox.vinyldns.clearLog();
    stack.sandbox.opensrs.clearLog();
    res = await stack.gql(FEED, { ...vars, after: res.data.changes.pageInfo.endCursor });
    const page50 = calls();
    expect(res.data.changes.edges).toHaveLength(10);
    expect(page50).toBeLessThanOrEqual(page1 + 1);
    expect(page50).toBeLessThanOrEqual(6);
  });

  it('neither repeats nor drops a change while changes land between pages', async () => {
    const { domain, expected } = seedHistory(
      Array.from({ length: 45 }, (_, k) => ({ source: (['rc', 'zc', 'dc'] as const)[k % 3], gap: k % 3 === 0 ? 0 : 1, actor: 'alice' })),
    );
    const zone = stack.sandbox.vinyldns.store.zones().find((z) => z.name === `${domain}.`)!;
    expect((await walkFeed({ domain }, 100)).keys).toEqual(expected.map((x) => x.key));
    for (const size of [1, 7, 100]) {
      // The walk must see exactly the feed as it was when it started (proven exact above).
      const before = (await walkFeed({ domain }, 100)).keys;
      let n = 0;
      const { keys } = await walkFeed({ domain }, size, () => {
        stack.sandbox.vinyldns.store.appendRecordSetChange(zone.id);
        stack.sandbox.vinyldns.store.appendZoneChange(zone.id);
        stack.sandbox.opensrs.store.appendChange(domain, { msg: `landed ${size}-${++n}` });
      });
      expect(keys).toEqual(before);
      if (size < 100) expect(n).toBeGreaterThan(0);
    }
  }, 60_000);

  it('gives Zone.timeline and Domain.timeline the same feed', async () => {
    const q = `{ zone(name: "example.com") { timeline(first: 15) { edges { node { __typename occurredAt } } } } domain(name: "example.com") { timeline(first: 15) { edges { node { __typename occurredAt } } } } changes(domain: "example.com", first: 15) { edges { node { __typename occurredAt } } } }`;
    const res = await stack.gql(q);
    expect(res.errors).toBeUndefined();
    expect(res.data.zone.timeline).toEqual(res.data.changes);
    expect(res.data.domain.timeline).toEqual(res.data.changes);
  });

  it('refuses a cursor minted for other filters', async () => {
    const a = await stack.gql(FEED, { domain: 'example.com', first: 2 });
    const res = await stack.gql(FEED, { domain: 'example.com', first: 2, actor: 'alice', after: a.data.changes.pageInfo.endCursor });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('fails the field with STALE_CURSOR when a source cannot resume, instead of calling it unavailable', async () => {
    // A cursor whose record set change is gone (as after thousands of changes landed): minted here
    // with the test stack's secret, exactly as the gateway binds feed cursors.
    const codec = new CursorCodec('test-cursor-secret');
    const scope = { field: 'Change.timeline', binding: { domain: 'example.com', providers: null, actor: null } };
    const cursor = codec.encode(scope, { rc: { o: 3, i: 'no-such-change', t: 1 } });
    const res = await stack.gql(FEED, { domain: 'example.com', first: 5, after: cursor });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'STALE_CURSOR' });
    expect(res.data).toBeNull();
  });
});
