// @defer and @stream: a page's slow part (here the OpenSRS part, held behind a gate proxy until
// the test opens it) comes after the rest, over multipart/mixed, and the merged answer is what
// the same operation without the directives answers. Checked with the response cache on and
// under the abuse limits, and with the deferred provider failing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateProxy, type GateProxy } from '../helpers/gate-proxy.js';
import { merge, postIncremental, rest } from '../helpers/incremental.js';
import { startStack, type Stack } from '../helpers/stack.js';

const ZONE_PAGE = `
  query ZonePage($zone: String!) {
    zone(name: $zone) {
      name
      recordSetChanges(first: 3) { edges { node { id summary } } }
      ... @defer(label: "mail") {
        domain { name changes(first: 5) { totalCount edges { node { id message } } } }
      }
    }
  }`;
const withoutDirectives = (query: string) => query.replace(/@(defer|stream)(\([^)]*\))?/g, '');

let stack: Stack;
let gate: GateProxy;
beforeAll(async () => {
  gate = await startGateProxy();
  stack = await startStack({ config: (c) => ({ ...c, opensrs: { ...c.opensrs!, url: gate.urlFor(c.opensrs!.url) } }) });
});
afterAll(async () => {
  await stack.close();
  await gate.stop();
});

describe('@defer', () => {
  it('sends the zone at once and the mail domain (held at OpenSRS) after it, over multipart/mixed', async () => {
    gate.close();
    const { response, parts } = await postIncremental(stack.url, ZONE_PAGE, { zone: 'example.com' });
    expect(response.headers.get('content-type')).toMatch(/^multipart\/mixed/);
    // Streamed parts are never compressed: a compressor would hold them back.
    expect(response.headers.get('content-encoding')).toBeNull();
    const first = await parts.next();
    expect(first.value).toMatchObject({ hasNext: true, data: { zone: { name: 'example.com.', recordSetChanges: { edges: expect.any(Array) } } } });
    expect(first.value!.data.zone.domain).toBeUndefined();
    // The first part came while OpenSRS had not answered yet.
    expect(gate.held).toBeGreaterThan(0);
    gate.open();
    const later = await rest(parts);
    expect(later.at(-1)!.hasNext).toBe(false);
    expect(later.flatMap((p) => p.incremental ?? [])).toContainEqual(expect.objectContaining({ label: 'mail', path: ['zone'] }));
    const merged = merge([first.value!, ...later]);
    expect(merged.errors).toEqual([]);
    const plain = await stack.gql(withoutDirectives(ZONE_PAGE), { zone: 'example.com' });
    expect(plain.errors).toBeUndefined();
    expect(merged.data).toEqual(plain.data);
    expect(merged.data.zone.domain.changes.edges).toHaveLength(5);
  });

  it("carries the deferred provider's failure in the later part, with its code and provider", async () => {
    const query = `
      query ($zone: String!) {
        zone(name: $zone) {
          name
          ... @defer { timeline(first: 5) { unavailableProviders edges { node { provider } } } }
        }
      }`;
    stack.sandbox.opensrs.failNext({ httpStatus: 503 }, 10);
    try {
      const { parts } = await postIncremental(stack.url, query, { zone: 'example.com' });
      const payloads = await rest(parts);
      expect(payloads.length).toBeGreaterThan(1);
      expect(payloads[0].errors).toBeUndefined();
      const merged = merge(payloads);
      expect(merged.data.zone.timeline.unavailableProviders).toEqual(['OPENSRS']);
      expect(merged.data.zone.timeline.edges.every((e: any) => e.node.provider === 'VINYLDNS')).toBe(true);
      expect(merged.errors).toContainEqual(
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'UPSTREAM_UNAVAILABLE', provider: 'OPENSRS' }) }),
      );
    } finally {
      stack.sandbox.opensrs.clearFaults();
    }
  });
});

describe('@stream', () => {
  it('sends the first edges of a timeline page at once and the rest after, the same edges in the same order', async () => {
    const query = `
      query Feed($domain: String!) {
        changes(domain: $domain, first: 10) {
          edges @stream(initialCount: 2) { cursor node { id provider occurredAt } }
          pageInfo { hasNextPage endCursor }
        }
      }`;
    const { parts } = await postIncremental(stack.url, query, { domain: 'example.com' });
    const payloads = await rest(parts);
    expect(payloads[0].data.changes.edges).toHaveLength(2);
    expect(payloads.length).toBeGreaterThan(1);
    const merged = merge(payloads);
    const plain = await stack.gql(withoutDirectives(query), { domain: 'example.com' });
    expect(merged.errors).toEqual([]);
    expect(merged.data).toEqual(plain.data);
    expect(merged.data.changes.edges).toHaveLength(10);
  });
});

describe('with the response cache and the abuse limits', () => {
  let cached: Stack;
  beforeAll(async () => {
    cached = await startStack({
      config: (c) => ({ ...c, cache: { zoneTtlMs: 0, responseCache: { ttlMs: 60_000 } }, limits: { ...c.limits!, maxCost: 400 } as never }),
    });
  });
  afterAll(() => cached.close());

  it('answers a deferred operation completely the first and the second time (the second from the cache)', async () => {
    const plain = await cached.gql(withoutDirectives(ZONE_PAGE), { zone: 'example.com' });
    for (let i = 0; i < 2; i++) {
      cached.sandbox.vinyldns.clearLog();
      cached.sandbox.opensrs.clearLog();
      const merged = merge(await rest((await postIncremental(cached.url, ZONE_PAGE, { zone: 'example.com' })).parts));
      expect(merged.errors).toEqual([]);
      expect(merged.data).toEqual(plain.data);
      if (i === 1) expect(cached.sandbox.vinyldns.log.length + cached.sandbox.opensrs.log.length).toBe(0);
    }
  });

  it('counts deferred and streamed fields against the cost limit like any other', async () => {
    const query = `{ zone(name: "example.com") { name ... @defer { recordSetChanges(first: 100) { edges @stream { node { id summary recordSet { fqdn } } } } } } }`;
    const res = await cached.gql(query);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'COST_LIMIT_EXCEEDED', limit: 400 });
    expect(res.data).toBeUndefined();
  });
});
