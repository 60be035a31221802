// The merged feed's k-way merge over three sources read from in-memory upstream lists: VinylDNS
// zone changes and record set changes, and the OpenSRS log. Newest first by second; at equal
// seconds zone changes, then record set changes, then OpenSRS; each edge's cursor holds every
// source's own position, so the next page resumes each source exactly, and a source that fails
// is reported and stays where the cursor had it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UpstreamError } from '../../src/errors.js';
import { OperationTimeoutError } from '../../src/providers/budget.js';
import { readFeed, type AnyLane, type FeedPage } from '../../src/feed/merge.js';
import type { FeedPosition } from '../../src/feed/position.js';
import { failingLane, lane, type Lane } from '../../src/feed/stream.js';
import type { FeedFilters } from '../../src/feed/types.js';
import { domainChangeModel, recordSetChangeModel, zoneChangeModel, type ChangeModel } from '../../src/parents/models.js';
import { DomainLog, domainChangeSource } from '../../src/sources/domain-changes.js';
import { recordSetChangeSource } from '../../src/sources/record-set-changes.js';
import { zoneChangeSource } from '../../src/sources/zone-changes.js';
import { entry, MemoryDomainLog, MemoryList, row, type Row } from '../helpers/memory-upstreams.js';
import type { OpenSrsChange } from '../../src/providers/opensrs/client.js';

/** The three upstreams of one domain; each page builds its lanes afresh, as each request does. */
function upstreams(lists: { zc?: Row[]; rc?: Row[]; dc?: OpenSrsChange[] }) {
  const zones = new MemoryList(lists.zc ?? []);
  const records = new MemoryList(lists.rc ?? []);
  const log = new MemoryDomainLog(lists.dc ?? []);
  const zcLane = () => lane('zc', 'VINYLDNS', zoneChangeSource(zones.zoneChanges(), 'zone-1'), zoneChangeModel);
  const rcLane = () => lane('rc', 'VINYLDNS', recordSetChangeSource(records.recordSetChanges(), 'zone-1'), recordSetChangeModel);
  const dcLane = () =>
    lane('dc', 'OPENSRS', domainChangeSource(new DomainLog(log.client(), 'example.com')), (e, p) => domainChangeModel('example.com', p.p, e));
  const lanes = (): AnyLane[] => [zcLane(), rcLane(), dcLane()];
  /** Upstream calls per source since the last look. */
  const calls = () => ({ zc: zones.takeCalls().length, rc: records.takeCalls().length, dc: log.takeCalls().length });
  return { zones, records, log, lanes, zcLane, rcLane, dcLane, calls };
}

/** A change's name in these tests: its id, or for OpenSRS its message. */
const nameOf = (m: ChangeModel) => (m.__typename === 'DomainChange' ? m.entry.msg : m.change.id);

const summary = (page: FeedPage) => ({ names: page.edges.map((e) => nameOf(e.model)), hasNextPage: page.hasNextPage, failures: page.failures });
const cursorOf = (page: FeedPage): FeedPosition => page.edges[page.edges.length - 1].position;

const NO_FILTERS: FeedFilters = {};

describe('the merge', () => {
  // Second 9: one change in each source; second 8: a record set change; second 7: zone and OpenSRS.
  const lists = () => ({
    zc: [row('z9', 9_100), row('z7', 7_500)],
    rc: [row('r9', 9_900), row('r8', 8_000)],
    dc: [entry(7, 'd7'), entry(9, 'd9')],
  });

  it('orders by second, then zone changes, record set changes, OpenSRS; one read of each source', async () => {
    const u = upstreams(lists());
    expect(summary(await readFeed(u.lanes(), NO_FILTERS, {}, 10))).toEqual({
      names: ['z9', 'r9', 'd9', 'r8', 'z7', 'd7'],
      hasNextPage: false,
      failures: [],
    });
    // OpenSRS needs its total before it can read the newest changes: two calls.
    expect(u.calls()).toEqual({ zc: 1, rc: 1, dc: 2 });
  });

  it('puts every source’s position in each cursor, and the next page resumes each one exactly', async () => {
    const u = upstreams(lists());
    const first = await readFeed(u.lanes(), NO_FILTERS, {}, 2);
    expect(summary(first)).toEqual({ names: ['z9', 'r9'], hasNextPage: true, failures: [] });
    // Nothing was taken from OpenSRS yet: the cursor holds its next change as a head.
    expect(cursorOf(first)).toEqual({
      zc: { s: 9, k: 1, i: 'z9' },
      rc: { o: 0, i: 'r9', t: 9, y: 'r8' },
      h: { dc: { p: 1, t: 9 } },
    });
    u.calls();
    const second = await readFeed(u.lanes(), NO_FILTERS, cursorOf(first), 3);
    expect(summary(second)).toEqual({ names: ['d9', 'r8', 'z7'], hasNextPage: true, failures: [] });
    expect(cursorOf(second)).toEqual({
      zc: { s: 7, k: 1, i: 'z7' },
      rc: { o: 1, i: 'r8', t: 8, y: null },
      dc: { p: 1, t: 9 },
      x: ['zc', 'rc'],
    });
    expect(u.calls()).toEqual({ zc: 1, rc: 1, dc: 1 });
  });

  it('does not read a source again once a cursor says it is exhausted', async () => {
    const u = upstreams(lists());
    const first = await readFeed(u.lanes(), NO_FILTERS, {}, 4);
    u.calls();
    const rest = await readFeed(u.lanes(), NO_FILTERS, cursorOf(first), 10);
    expect(summary(rest)).toEqual({ names: ['z7', 'd7'], hasNextPage: false, failures: [] });
    expect(u.calls()).toEqual({ zc: 1, rc: 0, dc: 1 });
  });

  it('keeps changes that landed after the first page out of the walk, in every source', async () => {
    const u = upstreams(lists());
    const first = await readFeed(u.lanes(), NO_FILTERS, {}, 1);
    u.zones.land(row('z-new', 20_000));
    u.records.land(row('r-new', 20_000));
    u.log.append(entry(20, 'd-new'));
    const rest = await readFeed(u.lanes(), NO_FILTERS, cursorOf(first), 10);
    expect(summary(rest).names).toEqual(['r9', 'd9', 'r8', 'z7', 'd7']);
  });
});

describe('filters', () => {
  const lists = () => ({
    zc: [row('z9', 9_100), row('z5', 5_000), row('z3', 3_000)],
    rc: [row('r8', 8_000), row('r4', 4_000)],
    dc: [entry(2, 'd2', 'bob'), entry(6, 'd6', 'ALICE')],
  });

  it('starts each source at `until` and stops each at `since`, without reading past it', async () => {
    const u = upstreams(lists());
    const page = await readFeed(u.lanes(), { since: 4, until: 8 }, {}, 10);
    expect(summary(page)).toEqual({ names: ['r8', 'd6', 'z5', 'r4'], hasNextPage: false, failures: [] });
  });

  it('keeps one actor’s changes, whatever the case', async () => {
    const u = upstreams(lists());
    expect(summary(await readFeed(u.lanes(), { actor: 'alice' }, {}, 10)).names).toEqual(['d6']);
    expect(summary(await readFeed(u.lanes(), { actor: 'USER-1' }, {}, 10)).names).toEqual(['z9', 'r8', 'z5', 'r4', 'z3']);
  });
});

describe('a request that may read no more (budget spent, time up)', () => {
  // 350 record set changes by user-1, and one OpenSRS change by alice older than all of them.
  const lists = () => ({
    rc: Array.from({ length: 350 }, (_, i) => row(`r${i}`, 900_000 - i * 1000)),
    dc: [entry(10, 'd-alice', 'alice')],
  });
  const timeUp = new OperationTimeoutError(15_000);

  it('ends a filtered scan with what it has and a cursor, and the next pages go on to the match', async () => {
    const u = upstreams(lists());
    // The first page may make 3 VinylDNS calls: the filter scans 300 changes and stops there.
    const refusal = () => (u.records.calls.length >= 3 ? timeUp : undefined);
    const first = await readFeed([u.rcLane(), u.dcLane()], { actor: 'alice' }, {}, 5, refusal);
    expect(summary(first)).toEqual({ names: [], hasNextPage: true, failures: [] });
    expect(u.calls().rc).toBe(3);
    // Resumed from where it stopped: the last 50 changes cost one call, then alice's change.
    const second = await readFeed([u.rcLane(), u.dcLane()], { actor: 'alice' }, first.resume!, 5);
    expect(summary(second)).toEqual({ names: ['d-alice'], hasNextPage: false, failures: [] });
    expect(u.calls().rc).toBe(1);
  });

  it('fails the page with that reason when it could not read a single change', async () => {
    const u = upstreams(lists());
    await expect(readFeed([u.rcLane(), u.dcLane()], {}, {}, 5, () => timeUp)).rejects.toBe(timeUp);
    expect(u.calls()).toEqual({ zc: 0, rc: 0, dc: 0 });
  });
});

describe('a source that fails', () => {
  const down = new UpstreamError('UPSTREAM_UNAVAILABLE', 'OpenSRS did not answer', 'OPENSRS', 503);

  it('is reported, and the page carries the others', async () => {
    const u = upstreams({ zc: [row('z9', 9_000)], rc: [row('r8', 8_000)] });
    const page = await readFeed([u.zcLane(), u.rcLane(), failingLane('dc', 'OPENSRS', down)], NO_FILTERS, {}, 10);
    expect(summary(page)).toEqual({ names: ['z9', 'r8'], hasNextPage: false, failures: [{ provider: 'OPENSRS', error: down }] });
  });

  it('stays where the cursor had it, so a later page picks it up', async () => {
    const u = upstreams({ zc: [row('z9', 9_000), row('z1', 1_000)], dc: [entry(5, 'd5'), entry(8, 'd8')] });
    const start: FeedPosition = { dc: { p: 1, t: 8 }, h: { zc: { s: 9, k: 1, i: 'z9' } } };
    const failed = await readFeed([u.zcLane(), u.rcLane(), failingLane('dc', 'OPENSRS', down)], NO_FILTERS, start, 1);
    expect(summary(failed).names).toEqual(['z9']);
    expect(cursorOf(failed).dc).toEqual({ p: 1, t: 8 });
    const recovered = await readFeed(u.lanes(), NO_FILTERS, cursorOf(failed), 10);
    expect(summary(recovered).names).toEqual(['d5', 'z1']);
  });

  // A source that failed after some of its changes were already on the page was put back where
  // the page started, so the next page showed those changes again. It takes a filter that skips
  // changes (the actor here) for a source to need a second read within one page.
  it('shows no change twice when a source fails after some of its changes made the page', async () => {
    // A filter reads in upstream pages of 100: more than a page of bob's changes between user-1's.
    const bobs = Array.from({ length: 100 }, (_, k) => entry(7 + k, `b${7 + k}`, 'bob'));
    const u = upstreams({ zc: [row('z5', 5_000)], dc: [entry(6, 'd6', 'user-1'), ...bobs, entry(107, 'd107', 'user-1')] });
    const dc = u.dcLane();
    let reads = 0;
    const secondReadFails: Lane<'dc'> = { ...dc, read: (start, n) => (++reads === 2 ? Promise.reject(down) : dc.read(start, n)) };
    const failed = await readFeed([u.zcLane(), u.rcLane(), secondReadFails], { actor: 'user-1' }, {}, 2);
    expect(summary(failed)).toEqual({ names: ['d107', 'z5'], hasNextPage: false, failures: [{ provider: 'OPENSRS', error: down }] });
    const next = await readFeed(u.lanes(), { actor: 'user-1' }, cursorOf(failed), 10);
    expect(summary(next).names).toEqual(['d6']);
  });

  it('fails the page when a source cannot resume from the cursor (STALE_CURSOR), instead of calling it down', async () => {
    const u = upstreams({ rc: [row('r8', 8_000)] });
    const stale: FeedPosition = { rc: { o: 0, i: 'gone', t: 9, y: 'gone-too' } };
    await expect(readFeed(u.lanes(), NO_FILTERS, stale, 10)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { reason: 'STALE_CURSOR' } });
  });
});

describe('feed walks (property)', () => {
  const source = fc.constantFrom('zc' as const, 'rc' as const, 'dc' as const);
  // Changes in time order, oldest first, 0 to 2 seconds apart.
  const histories = fc.array(fc.record({ source, gap: fc.integer({ min: 0, max: 2 }) }), { maxLength: 120 });

  it('yields every change exactly once, in merge order, page by page, while changes land', async () => {
    await fc.assert(
      fc.asyncProperty(
        histories,
        fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 20 }),
        fc.array(source, { maxLength: 20 }),
        async (events, sizes, landing) => {
          const lists = { zc: [] as Row[], rc: [] as Row[], dc: [] as OpenSrsChange[] };
          let t = 100;
          const written = events.map((e, n) => {
            t += e.gap;
            const name = `${e.source}${n}`;
            if (e.source === 'dc') lists.dc.push(entry(t, name));
            else lists[e.source].unshift(row(name, t * 1000 + (n % 1000)));
            return { name, t, rank: ['zc', 'rc', 'dc'].indexOf(e.source), n };
          });
          // Newest second first; at a tie by source; within a source, newest first.
          const expected = [...written].sort((a, b) => b.t - a.t || a.rank - b.rank || b.n - a.n).map((w) => w.name);

          const u = upstreams(lists);
          const names: string[] = [];
          let start: FeedPosition = {};
          for (let pageNo = 0; pageNo < 500; pageNo++) {
            const page = await readFeed(u.lanes(), NO_FILTERS, start, sizes[Math.min(pageNo, sizes.length - 1)]);
            names.push(...page.edges.map((e) => nameOf(e.model)));
            if (!page.hasNextPage) break;
            start = cursorOf(page);
            const lands = landing[pageNo];
            if (lands === 'dc') u.log.append(entry(10_000 + pageNo, `late${pageNo}`));
            else if (lands) u[lands === 'zc' ? 'zones' : 'records'].land(row(`late${pageNo}`, 10_000_000 + pageNo));
          }
          expect(names).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });
});
