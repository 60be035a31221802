// A zone's changes, read from an in-memory list that pages as VinylDNS does: `startFrom` is an
// inclusive epoch-millisecond bound and `nextId` the millisecond of the next row, so rows sharing
// that millisecond come back on the next page, and more than a page of them make `nextId` stand
// still. The wire shows whole seconds only, so positions are (second, rank in the second, id).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { zoneChangeSource, type ZoneChangePosition } from '../../src/sources/zone-changes.js';
import { MemoryList, row, walk, type Row } from '../helpers/memory-upstreams.js';

const sourceOver = (rows: Row[]) => {
  const list = new MemoryList(rows);
  return { list, source: zoneChangeSource(list.zoneChanges(), 'zone-1') };
};

const ids = (chunk: { items: Array<{ node: { id: string } }> }) => chunk.items.map((i) => i.node.id);
const positions = (chunk: { items: Array<{ position: ZoneChangePosition }> }) => chunk.items.map((i) => i.position);

describe('zone changes, one per second', () => {
  it('reads newest first, one upstream call per chunk, and says when nothing follows', async () => {
    const { list, source } = sourceOver([row('e', 9_000), row('d', 8_000), row('c', 7_000), row('b', 6_000), row('a', 5_000)]);

    const first = await source.read({}, 2);
    expect({ ids: ids(first), positions: positions(first), done: first.done }).toEqual({
      ids: ['e', 'd'],
      positions: [
        { s: 9, k: 1, i: 'e' },
        { s: 8, k: 1, i: 'd' },
      ],
      done: false,
    });
    expect(list.takeCalls()).toEqual([{ startFrom: undefined, maxItems: 2 }]);

    // From the anchor's second (its last millisecond), one more than asked: the anchor itself.
    const second = await source.read({ after: { s: 8, k: 1, i: 'd' } }, 2);
    expect({ ids: ids(second), done: second.done }).toEqual({ ids: ['c', 'b'], done: false });
    expect(list.takeCalls()).toEqual([{ startFrom: '8999', maxItems: 3 }]);

    const last = await source.read({ after: { s: 6, k: 1, i: 'b' } }, 2);
    expect({ ids: ids(last), done: last.done }).toEqual({ ids: ['a'], done: true });
    expect(list.takeCalls()).toEqual([{ startFrom: '6999', maxItems: 3 }]);
  });

  it('starts at the newest change at or before `until`', async () => {
    const { list, source } = sourceOver([row('c', 7_000), row('b', 6_000), row('a', 5_000)]);
    const chunk = await source.read({ until: 6 }, 5);
    expect({ ids: ids(chunk), done: chunk.done }).toEqual({ ids: ['b', 'a'], done: true });
    expect(list.takeCalls()).toEqual([{ startFrom: '6999', maxItems: 5 }]);
  });
});

describe('zone changes sharing a second or a millisecond', () => {
  // Second 7 holds four changes, two of them (c, b) in the same millisecond.
  const second7 = () => [row('d', 7_900), row('c', 7_500), row('b', 7_500), row('a', 7_100), row('z', 6_000)];

  it('ranks changes within their second and re-reads the second from its start to continue', async () => {
    const { list, source } = sourceOver(second7());
    const first = await source.read({}, 2);
    expect(positions(first)).toEqual([
      { s: 7, k: 1, i: 'd' },
      { s: 7, k: 2, i: 'c' },
    ]);

    const second = await source.read({ after: { s: 7, k: 2, i: 'c' } }, 2);
    expect({ positions: positions(second), done: second.done }).toEqual({
      positions: [
        { s: 7, k: 3, i: 'b' },
        { s: 7, k: 4, i: 'a' },
      ],
      done: false,
    });
    const third = await source.read({ after: { s: 7, k: 4, i: 'a' } }, 2);
    expect({ positions: positions(third), done: third.done }).toEqual({ positions: [{ s: 6, k: 1, i: 'z' }], done: true });
    // Each continuation asks for the rank of its anchor plus the chunk: still one call.
    expect(list.takeCalls()).toEqual([
      { startFrom: undefined, maxItems: 2 },
      { startFrom: '7999', maxItems: 4 },
      { startFrom: '7999', maxItems: 6 },
    ]);
  });

  it('continues by rank when the anchor change is no longer listed', async () => {
    const { source } = sourceOver(second7());
    const chunk = await source.read({ after: { s: 7, k: 2, i: 'vanished' } }, 3);
    expect(ids(chunk)).toEqual(['b', 'a', 'z']);
  });

  it('drops the changes VinylDNS repeats across a page boundary that splits a millisecond', async () => {
    // 120 changes, one per second, except that #99 and #100 share a millisecond: the first page
    // ends on #99, and the next one, starting at that millisecond, repeats it.
    const rows = Array.from({ length: 120 }, (_, n) => row(`c${n}`, (500 - n) * 1000));
    rows[100] = row('c100', rows[99].ms);
    const { list, source } = sourceOver(rows);
    const chunk = await source.read({}, 110);
    expect(ids(chunk)).toEqual(rows.slice(0, 110).map((r) => r.id));
    expect(list.takeCalls()).toEqual([
      { startFrom: undefined, maxItems: 100 },
      { startFrom: String(rows[99].ms), maxItems: 11 },
    ]);
  });

  it('asks for a whole upstream page when a millisecond outlasts the page it asked for', async () => {
    // #95 to #115 share a millisecond. The second page, asked for 11 changes from it, is all
    // that millisecond, and `nextId` points at it again.
    const rows = Array.from({ length: 120 }, (_, n) => row(`c${n}`, (500 - (n >= 95 && n <= 115 ? 95 : n)) * 1000));
    const shared = String(rows[95].ms);
    const { list, source } = sourceOver(rows);
    const chunk = await source.read({}, 110);
    expect(ids(chunk)).toEqual(rows.slice(0, 110).map((r) => r.id));
    expect(list.takeCalls()).toEqual([
      { startFrom: undefined, maxItems: 100 },
      { startFrom: shared, maxItems: 11 },
      { startFrom: shared, maxItems: 100 },
    ]);
  });

  it('moves past a millisecond holding more than a page of changes, which VinylDNS cannot list whole', async () => {
    // 150 changes in one millisecond: from it VinylDNS returns the same first 100 whatever
    // `startFrom` is, and `nextId` stands still. The read ends instead of looping; the other 50
    // cannot be reached.
    const crowd = Array.from({ length: 150 }, (_, n) => row(`m${n}`, 8_500));
    const { list, source } = sourceOver([row('x', 9_000), ...crowd, row('y', 7_000)]);
    const chunk = await source.read({}, 200);
    expect(ids(chunk)).toEqual(['x', ...crowd.slice(0, 100).map((r) => r.id), 'y']);
    expect(chunk.done).toBe(true);
    expect(list.takeCalls()).toEqual([
      { startFrom: undefined, maxItems: 100 },
      { startFrom: '8500', maxItems: 100 },
      { startFrom: '8499', maxItems: 100 },
    ]);
  });
});

describe('zone changes landing between reads', () => {
  it('stay out of a walk that started before them', async () => {
    const { list, source } = sourceOver([row('c', 7_000), row('b', 6_000), row('a', 5_000)]);
    const first = await source.read({}, 1);
    list.land(row('new2', 9_500), row('new1', 9_500));
    const next = await source.read({ after: positions(first)[0] }, 1);
    expect(ids(next)).toEqual(['b']);
    expect(list.takeCalls()).toEqual([
      { startFrom: undefined, maxItems: 1 },
      { startFrom: '7999', maxItems: 2 },
    ]);
  });

  it('in the anchor’s own second are skipped at the cost of one more call', async () => {
    const { list, source } = sourceOver([row('c', 7_000), row('b', 6_000), row('a', 5_000)]);
    await source.read({}, 1);
    list.land(row('new', 7_900));
    list.takeCalls();
    const next = await source.read({ after: { s: 7, k: 1, i: 'c' } }, 1);
    expect(positions(next)).toEqual([{ s: 6, k: 1, i: 'b' }]);
    expect(list.takeCalls()).toEqual([
      { startFrom: '7999', maxItems: 2 },
      { startFrom: '6000', maxItems: 2 },
    ]);
  });

  it('stay out of a read that starts at a head (the change that was next before they landed)', async () => {
    const { list, source } = sourceOver([row('b', 6_900), row('a', 5_000)]);
    const [head] = positions(await source.read({}, 1));
    list.land(row('new-top', 9_000), row('new-same-second', 6_950));
    list.takeCalls();
    const chunk = await source.read({ at: head }, 5);
    expect({ ids: ids(chunk), done: chunk.done }).toEqual({ ids: ['b', 'a'], done: true });
    expect(list.takeCalls()).toEqual([{ startFrom: '6999', maxItems: 6 }]);
  });
});

describe('zone change walks (property)', () => {
  // Newest first, with many ties: 4 steps of 250 ms per second, and repeated milliseconds; long
  // enough, with chunks large enough, to fill upstream pages of 100 and split a millisecond.
  const lists = fc
    .oneof(fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 60 }), fc.array(fc.integer({ min: 0, max: 150 }), { maxLength: 260 }))
    .map((steps) => [...steps].sort((a, b) => b - a).map((step, n) => row(`c${n}`, 10_000 + step * 250)));
  const sizes = fc.array(fc.oneof(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 90, max: 120 })), { minLength: 1, maxLength: 20 });
  /** Changes landing on top: the same millisecond as the newest, or later. */
  const landings = fc.array(fc.array(fc.integer({ min: 0, max: 800 }), { maxLength: 3 }), { maxLength: 20 });

  it('yields every change exactly once, in order, whatever the chunk sizes and whatever lands meanwhile', async () => {
    await fc.assert(
      fc.asyncProperty(lists, sizes, landings, async (rows, chunkSizes, landing) => {
        const expected = rows.map((r) => r.id);
        const { list, source } = sourceOver([...rows]);
        let landed = 0;
        const between = (readNo: number) => {
          for (const gap of landing[readNo - 1] ?? []) list.land(row(`new${landed++}`, (list.rows[0]?.ms ?? 10_000) + gap));
        };
        const { nodes, reads } = await walk(source, chunkSizes, between);
        expect(nodes.map((n) => n.id)).toEqual(expected);
        expect(list.calls.length).toBeLessThanOrEqual(3 * reads);
      }),
      { numRuns: 300 },
    );
  });

  it('starting at a head, yields the changes from it on and none that landed since', async () => {
    await fc.assert(
      fc.asyncProperty(
        lists.filter((r) => r.length > 0),
        fc.nat(),
        fc.array(fc.integer({ min: 0, max: 800 }), { minLength: 1, maxLength: 5 }),
        async (rows, pick, gaps) => {
          const { list, source } = sourceOver([...rows]);
          const all = await source.read({}, rows.length);
          const h = pick % rows.length;
          gaps.forEach((gap, n) => list.land(row(`new${n}`, list.rows[0].ms + gap)));
          const chunk = await source.read({ at: all.items[h].position }, rows.length);
          expect(ids(chunk)).toEqual(rows.slice(h).map((r) => r.id));
        },
      ),
      { numRuns: 300 },
    );
  });
});
