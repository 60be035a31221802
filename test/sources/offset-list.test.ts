// The offset-list core under record set changes, history and the failure lists: newest-first
// lists addressed by offset, where every change that lands at the top shifts every offset. A
// position keeps its item's index, id and time, and the next item's id; each read checks the item
// is still there and, if not, looks further down for it (re-anchoring). These tests read an
// in-memory list and pin what each read costs in upstream calls.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoSeconds } from '../../src/model/time.js';
import { askingOneMore, isOffsetPosition, offsetSource, RELOCATE_SPAN, type Identified, type OffsetPosition } from '../../src/sources/offset-list.js';
import type { ChangeSource } from '../../src/sources/source.js';
import { walk } from '../helpers/memory-upstreams.js';

/** A newest-first list; `c0` is the newest of the original items, one second apart. */
class OffsetList {
  calls: Array<[offset: number, limit: number]> = [];
  items: Identified[];
  private landed = 0;

  constructor(length: number) {
    this.items = Array.from({ length }, (_, k) => ({ id: `c${k}`, created: isoSeconds(100_000 - k) }));
  }

  /** `n` new changes at the top, newer than everything. */
  land(n: number): void {
    const top = this.items.length > 0 ? Date.parse(this.items[0].created) / 1000 : 100_000;
    for (let j = 0; j < n; j++) this.items.unshift({ id: `new${this.landed++}`, created: isoSeconds(top + 1) });
  }

  source() {
    return offsetSource<Identified>(async (offset, limit) => {
      this.calls.push([offset, limit]);
      return { items: this.items.slice(offset, offset + limit), more: offset + limit < this.items.length };
    });
  }

  takeCalls() {
    const calls = this.calls;
    this.calls = [];
    return calls;
  }
}

const ids = (chunk: { items: Array<{ node: Identified }> }) => chunk.items.map((i) => i.node.id);
const positions = (chunk: { items: Array<{ position: OffsetPosition }> }) => chunk.items.map((i) => i.position);

describe('reading an offset list', () => {
  it('reads one item past the chunk in the same call, so the next read can check its anchor for free', async () => {
    const list = new OffsetList(5);
    const first = await list.source().read({}, 2);
    expect({ ids: ids(first), positions: positions(first), done: first.done }).toEqual({
      ids: ['c0', 'c1'],
      positions: [
        { o: 0, i: 'c0', t: 100_000, y: 'c1' },
        { o: 1, i: 'c1', t: 99_999, y: 'c2' },
      ],
      done: false,
    });
    expect(list.takeCalls()).toEqual([[0, 3]]);

    // A new source (the next request) continues from the cursor's position.
    const next = await list.source().read({ after: { o: 1, i: 'c1', t: 99_999, y: 'c2' } }, 2);
    expect({ ids: ids(next), done: next.done }).toEqual({ ids: ['c2', 'c3'], done: false });
    expect(list.takeCalls()).toEqual([[2, 3]]);

    const last = await list.source().read({ after: { o: 3, i: 'c3', t: 99_997, y: 'c4' } }, 2);
    expect({ ids: ids(last), positions: positions(last), done: last.done }).toEqual({
      ids: ['c4'],
      positions: [{ o: 4, i: 'c4', t: 99_996, y: null }],
      done: true,
    });
    expect(list.takeCalls()).toEqual([[4, 3]]);
  });

  it('finds an anchor that changes landing above it pushed down, at the cost of one more call', async () => {
    const list = new OffsetList(10);
    list.land(3);
    const chunk = await list.source().read({ after: { o: 1, i: 'c1', t: 99_999, y: 'c2' } }, 2);
    expect(positions(chunk)).toEqual([
      { o: 5, i: 'c2', t: 99_998, y: 'c3' },
      { o: 6, i: 'c3', t: 99_997, y: 'c4' },
    ]);
    // The first call shows another item after the anchor; the second reads on to find it.
    expect(list.takeCalls()).toEqual([
      [2, 3],
      [5, 97],
    ]);
  });

  it('trusts an anchor without a known successor when the item after it is older', async () => {
    const list = new OffsetList(10);
    const chunk = await list.source().read({ after: { o: 1, i: 'c1', t: 99_999 } }, 2);
    expect(ids(chunk)).toEqual(['c2', 'c3']);
    expect(list.takeCalls()).toEqual([[2, 3]]);
  });

  it('checks the anchor itself when the item after it is from the same second (it may have landed since)', async () => {
    const list = new OffsetList(10);
    list.land(2); // new1 and new0, both at second 100_001
    const chunk = await list.source().read({ after: { o: 0, i: 'new1', t: 100_001 } }, 2);
    expect(ids(chunk)).toEqual(['new0', 'c0']);
    expect(list.takeCalls()).toEqual([
      [1, 3],
      [0, 1],
    ]);
  });

  it('continues after an anchor that was deleted when the item after it is still in place', async () => {
    const list = new OffsetList(10);
    const chunk = await list.source().read({ after: { o: 1, i: 'deleted', t: 99_999, y: 'c2' } }, 2);
    expect(ids(chunk)).toEqual(['c2', 'c3']);
  });

  it('refuses a cursor whose change is gone, or further down than it looks', async () => {
    const list = new OffsetList(10);
    const gone = list.source().read({ after: { o: 1, i: 'deleted', t: 99_999, y: 'deleted-too' } }, 2);
    await expect(gone).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { reason: 'STALE_CURSOR' } });

    const flooded = new OffsetList(10);
    flooded.land(RELOCATE_SPAN + 1);
    const far = flooded.source().read({ after: { o: 1, i: 'c1', t: 99_999, y: 'c2' } }, 2);
    await expect(far).rejects.toMatchObject({ details: { reason: 'STALE_CURSOR' } });
    // It looked RELOCATE_SPAN items down, 100 per call, and no further.
    expect(flooded.calls).toHaveLength(1 + RELOCATE_SPAN / 100);
  });

  it('starts at a head where it now is, with the changes that landed above it left out', async () => {
    const list = new OffsetList(6);
    const head = { o: 2, i: 'c2', t: 99_998, y: 'c3' };
    list.land(2);
    const chunk = await list.source().read({ at: head }, 3);
    expect({ ids: ids(chunk), first: positions(chunk)[0] }).toEqual({ ids: ['c2', 'c3', 'c4'], first: { o: 4, i: 'c2', t: 99_998, y: 'c3' } });
    // Found in the same call that looked for it: that call also read what follows.
    expect(list.takeCalls()).toEqual([[2, 100]]);
  });

  it('starts at the newest change at or before `until`', async () => {
    const list = new OffsetList(300);
    const chunk = await list.source().read({ until: 100_000 - 250 }, 2);
    expect(ids(chunk)).toEqual(['c250', 'c251']);
    // Galloping: the first 100 are all newer, so it jumps to 200, where the split is.
    expect(list.takeCalls()).toEqual([
      [0, 100],
      [200, 100],
    ]);
  });
});

describe('paging an offset list backwards', () => {
  it('finds the length by galloping and bisecting for `last`', async () => {
    const list = new OffsetList(250);
    const page = await list.source().page({ last: 3 });
    expect({ ids: page.items.map((i) => i.node.id), hasPreviousPage: page.hasPreviousPage, hasNextPage: page.hasNextPage }).toEqual({
      ids: ['c247', 'c248', 'c249'],
      hasPreviousPage: true,
      hasNextPage: false,
    });
    // Doubling past the known items (100, 202, then 306: beyond the end), then halving back.
    expect(list.takeCalls()).toEqual([
      [0, 100],
      [102, 100],
      [306, 100],
      [254, 100],
      [228, 100],
    ]);
  });

  it('pages before an anchor that moved', async () => {
    const list = new OffsetList(10);
    list.land(2);
    const page = await list.source().page({ last: 2, before: { o: 5, i: 'c5', t: 99_995 } });
    expect(page.items.map((i) => i.position)).toEqual([
      { o: 5, i: 'c3', t: 99_997, y: 'c4' },
      { o: 6, i: 'c4', t: 99_996, y: 'c5' },
    ]);
    expect(list.takeCalls()).toEqual([
      [3, 3],
      [6, 100],
    ]);
  });
});

describe('askingOneMore', () => {
  // For lists whose `nextId` says nothing: one more item than the page tells whether more follow.
  const over = (items: number[]) => {
    const asked: Array<[number, number]> = [];
    const fetch = askingOneMore(async (startFrom, maxItems) => (asked.push([startFrom, maxItems]), items.slice(startFrom, startFrom + maxItems)));
    return { asked, fetch };
  };

  it('says more follow when the extra item came back, none when the page came back short', async () => {
    const { asked, fetch } = over([1, 2, 3, 4, 5]);
    expect(await fetch(0, 2)).toEqual({ items: [1, 2], more: true });
    expect(await fetch(3, 2)).toEqual({ items: [4, 5], more: false });
    expect(asked).toEqual([
      [0, 3],
      [3, 3],
    ]);
  });

  it('cannot tell when a full upstream page of 100 is all that was asked for', async () => {
    const { asked, fetch } = over(Array.from({ length: 300 }, (_, i) => i));
    const page = await fetch(0, 100);
    expect({ n: page.items.length, more: page.more }).toEqual({ n: 100, more: undefined });
    expect(asked).toEqual([[0, 100]]);
  });
});

describe('offset list walks (property)', () => {
  const sizes = fc.array(fc.oneof(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 95, max: 120 })), { minLength: 1, maxLength: 30 });
  const landings = fc.array(fc.nat({ max: 30 }), { maxLength: 30 });

  it('yields every item exactly once, in order, whatever the chunk sizes and whatever lands meanwhile', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: 320 }), sizes, landings, async (length, chunkSizes, landing) => {
        const list = new OffsetList(length);
        const expected = list.items.map((i) => i.id);
        // Each read is a new request: a new source, as a connection or feed page makes.
        const perRequest: ChangeSource<Identified, OffsetPosition> = { isPosition: isOffsetPosition, read: (start, n) => list.source().read(start, n) };
        const { nodes } = await walk(perRequest, chunkSizes, (readNo) => list.land(landing[readNo - 1] ?? 0));
        expect(nodes.map((n) => n.id)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('starting at a head, yields the items from it on and none that landed since', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 320 }), fc.nat(), fc.integer({ min: 1, max: 150 }), async (length, pick, landed) => {
        const list = new OffsetList(length);
        const expected = list.items.map((i) => i.id);
        const { positions: all } = await walk(list.source(), [100]);
        const h = pick % length;
        list.land(landed);
        const { nodes } = await walk(list.source(), [100], undefined, { at: all[h] });
        expect(nodes.map((n) => n.id)).toEqual(expected.slice(h));
      }),
      { numRuns: 200 },
    );
  });
});
