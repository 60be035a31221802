// A zone's record set changes, read from an in-memory list that pages as VinylDNS does: by
// offset, newest first, with `nextId` present exactly when more follow. Every change that lands
// shifts every offset; the source finds its place again (test/sources/offset-list.test.ts tests
// how), so a walk across requests sees each change once.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOffsetPosition, type OffsetPosition } from '../../src/sources/offset-list.js';
import { recordSetChangeSource } from '../../src/sources/record-set-changes.js';
import type { ChangeSource } from '../../src/sources/source.js';
import type { WireRecordSetChange } from '../../src/providers/vinyldns/wire.js';
import { MemoryList, row, walk } from '../helpers/memory-upstreams.js';

/** `n` changes one second apart, `c0` the newest. */
const changes = (n: number) => Array.from({ length: n }, (_, k) => row(`c${k}`, (1_000 - k) * 1000));

/** Each read a new request, as connection pages and feed pages are: a source of its own. */
const perRequest = (list: MemoryList): ChangeSource<WireRecordSetChange, OffsetPosition> => ({
  isPosition: isOffsetPosition,
  read: (start, n) => recordSetChangeSource(list.recordSetChanges(), 'zone-1').read(start, n),
});

const ids = (chunk: { items: Array<{ node: { id: string } }> }) => chunk.items.map((i) => i.node.id);

describe('record set changes', () => {
  it('reads a chunk and the change after it in one call, and knows the end from the missing nextId', async () => {
    const list = new MemoryList(changes(4));
    const source = perRequest(list);
    const first = await source.read({}, 2);
    expect({ ids: ids(first), positions: first.items.map((i) => i.position), done: first.done }).toEqual({
      ids: ['c0', 'c1'],
      positions: [
        { o: 0, i: 'c0', t: 1000, y: 'c1' },
        { o: 1, i: 'c1', t: 999, y: 'c2' },
      ],
      done: false,
    });
    const last = await source.read({ after: first.items[1].position }, 2);
    expect({ ids: ids(last), positions: last.items.map((i) => i.position), done: last.done }).toEqual({
      ids: ['c2', 'c3'],
      positions: [
        { o: 2, i: 'c2', t: 998, y: 'c3' },
        { o: 3, i: 'c3', t: 997, y: null },
      ],
      done: true,
    });
    expect(list.takeCalls()).toEqual([
      { startFrom: 0, maxItems: 3 },
      { startFrom: 2, maxItems: 3 },
    ]);
  });

  it('continues after its cursor when changes landed in between, with one more call to find it', async () => {
    const list = new MemoryList(changes(6));
    const source = perRequest(list);
    const first = await source.read({}, 2);
    list.land(row('new1', 2_000_000), row('new0', 2_000_000));
    list.takeCalls();
    const next = await source.read({ after: first.items[1].position }, 2);
    expect(ids(next)).toEqual(['c2', 'c3']);
    expect(list.takeCalls()).toEqual([
      { startFrom: 2, maxItems: 3 },
      { startFrom: 5, maxItems: 97 },
    ]);
  });

  it('after more than a page landed, looks for its 100-edge cursor further down without checking its old place', async () => {
    const list = new MemoryList(changes(600));
    const source = perRequest(list);
    const first = await source.read({}, 100);
    // A 100-edge page does not read the change after it, so its last cursor cannot name it.
    expect(first.items[99].position).toEqual({ o: 99, i: 'c99', t: 901 });
    list.land(...Array.from({ length: 150 }, (_, k) => row(`new${k}`, 2_000_000 - k)));
    list.takeCalls();
    const next = await source.read({ after: first.items[99].position }, 100);
    expect(ids(next)).toEqual(Array.from({ length: 100 }, (_, k) => `c${100 + k}`));
    // The anchor is found in the second window; the page's rest is the third call, and no call
    // looks at the anchor's old index (99), where a change that landed now is.
    expect(list.takeCalls()).toEqual([
      { startFrom: 100, maxItems: 100 },
      { startFrom: 200, maxItems: 100 },
      { startFrom: 300, maxItems: 51 },
    ]);
  });

  it('pages backwards, finding the end of the list from nextId', async () => {
    const list = new MemoryList(changes(130));
    const page = await recordSetChangeSource(list.recordSetChanges(), 'zone-1').page({ last: 2 });
    expect({ ids: page.items.map((i) => i.node.id), hasPreviousPage: page.hasPreviousPage, hasNextPage: page.hasNextPage }).toEqual({
      ids: ['c128', 'c129'],
      hasPreviousPage: true,
      hasNextPage: false,
    });
    expect(list.takeCalls()).toEqual([
      { startFrom: 0, maxItems: 100 },
      { startFrom: 102, maxItems: 100 },
    ]);
  });

  it('yields every change exactly once, in order, across requests while changes land (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: 250 }),
        fc.array(fc.integer({ min: 1, max: 101 }), { minLength: 1, maxLength: 20 }),
        fc.array(fc.nat({ max: 20 }), { maxLength: 20 }),
        async (length, sizes, landing) => {
          const list = new MemoryList(changes(length));
          let landed = 0;
          const land = (readNo: number) => {
            for (let j = 0; j < (landing[readNo - 1] ?? 0); j++) list.land(row(`new${landed++}`, 2_000_000 + landed * 1000));
          };
          const { nodes } = await walk(perRequest(list), sizes, land);
          expect(nodes.map((n) => n.id)).toEqual(changes(length).map((r) => r.id));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('starting at a head, leaves out the changes that landed since (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 250 }), fc.nat(), fc.integer({ min: 1, max: 120 }), async (length, pick, landing) => {
        const list = new MemoryList(changes(length));
        const { positions } = await walk(perRequest(list), [101]);
        const h = pick % length;
        for (let j = 0; j < landing; j++) list.land(row(`new${j}`, 2_000_000 + j * 1000));
        const { nodes } = await walk(perRequest(list), [101], undefined, { at: positions[h] });
        expect(nodes.map((n) => n.id)).toEqual(
          changes(length)
            .slice(h)
            .map((r) => r.id),
        );
      }),
      { numRuns: 150 },
    );
  });
});
