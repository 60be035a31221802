// Every zone's failed zone changes, read from an in-memory list that pages as VinylDNS does (by
// offset, newest first, `nextId` unreliable). VinylDNS lists every zone's failures to anyone, so
// the source keeps the ones the caller may see and counts offsets over those alone.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { failedZoneChangeSource, visibleOnly } from '../../src/sources/failed-zone-changes.js';
import { isOffsetPosition, type OffsetPosition } from '../../src/sources/offset-list.js';
import { RangeReader } from '../../src/sources/range-reader.js';
import type { ChangeSource } from '../../src/sources/source.js';
import type { WireZoneChange } from '../../src/providers/vinyldns/wire.js';
import { MemoryList, row, walk } from '../helpers/memory-upstreams.js';

/** `n` failures one second apart, `f0` the newest; even ones in zone `mine`, odd ones in `theirs`. */
const failures = (n: number) => Array.from({ length: n }, (_, k) => row(`f${k}`, (1_000 - k) * 1000, k % 2 === 0 ? 'mine' : 'theirs'));

const mineOnly = () => {
  const asked: string[] = [];
  const visible = async (change: WireZoneChange) => (asked.push(change.id), change.zone.id === 'mine');
  return { asked, visible };
};

const ids = (chunk: { items: Array<{ node: { id: string } }> }) => chunk.items.map((i) => i.node.id);

describe('failed zone changes', () => {
  it('pages over the failures the caller may see, with full pages and their own offsets', async () => {
    const list = new MemoryList(failures(10));
    const { asked, visible } = mineOnly();
    const source = failedZoneChangeSource(list.failedZoneChanges(), visible);
    const first = await source.read({}, 2);
    expect({ ids: ids(first), positions: first.items.map((i) => i.position), done: first.done }).toEqual({
      ids: ['f0', 'f2'],
      positions: [
        { o: 0, i: 'f0', t: 1000, y: 'f2' },
        { o: 1, i: 'f2', t: 998, y: 'f4' },
      ],
      done: false,
    });
    const rest = await source.read({ after: first.items[1].position }, 5);
    expect({ ids: ids(rest), done: rest.done }).toEqual({ ids: ['f4', 'f6', 'f8'], done: true });
    // One upstream page held them all; each failure was checked once.
    expect(list.takeCalls()).toEqual([{ startFrom: 0, maxItems: 100 }]);
    expect(asked).toEqual(failures(10).map((r) => r.id));
  });

  it('reads the upstream list from its start to reach a later offset, once per request', async () => {
    const list = new MemoryList(failures(450));
    const source = failedZoneChangeSource(list.failedZoneChanges(), mineOnly().visible);
    // The 151st visible failure is the 301st upstream.
    const chunk = await source.read({ after: { o: 149, i: 'f298', t: 702, y: 'f300' } }, 2);
    expect(ids(chunk)).toEqual(['f300', 'f302']);
    expect(list.takeCalls()).toEqual([
      { startFrom: 0, maxItems: 100 },
      { startFrom: 100, maxItems: 100 },
      { startFrom: 200, maxItems: 100 },
      { startFrom: 300, maxItems: 100 },
    ]);
  });

  it('yields every visible failure exactly once, in order, across requests while failures land (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: 300 }),
        fc.array(fc.integer({ min: 1, max: 101 }), { minLength: 1, maxLength: 20 }),
        fc.array(fc.nat({ max: 20 }), { maxLength: 20 }),
        async (length, sizes, landing) => {
          const list = new MemoryList(failures(length));
          const perRequest: ChangeSource<WireZoneChange, OffsetPosition> = {
            isPosition: isOffsetPosition,
            read: (start, n) => failedZoneChangeSource(list.failedZoneChanges(), mineOnly().visible).read(start, n),
          };
          let landed = 0;
          const land = (readNo: number) => {
            for (let j = 0; j < (landing[readNo - 1] ?? 0); j++)
              list.land(row(`new${landed}`, 2_000_000 + landed * 1000, landed++ % 3 === 0 ? 'theirs' : 'mine'));
          };
          const { nodes } = await walk(perRequest, sizes, land);
          expect(nodes.map((n) => n.id)).toEqual(
            failures(length)
              .filter((r) => r.zoneId === 'mine')
              .map((r) => r.id),
          );
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('visibleOnly', () => {
  const upstream = Array.from({ length: 250 }, (_, i) => i);
  const fetchAll = () => {
    const calls: number[] = [];
    const fetch = async (offset: number, limit: number) => {
      calls.push(offset);
      const items = upstream.slice(offset, offset + limit);
      return { items, more: offset + limit < upstream.length ? undefined : false };
    };
    return { calls, fetch };
  };
  const even = async (n: number) => n % 2 === 0;

  it('pages over visible items by their own positions, with full pages', async () => {
    const { fetch } = fetchAll();
    const visible = visibleOnly(fetch, even);
    expect(await visible(0, 3)).toEqual({ items: [0, 2, 4], more: true });
    expect(await visible(3, 3)).toEqual({ items: [6, 8, 10], more: true });
    expect(await visible(120, 10)).toEqual({ items: [240, 242, 244, 246, 248], more: false });
  });

  it('reads on past a page that ends exactly at the upstream page, to say whether more follow', async () => {
    const { calls, fetch } = fetchAll();
    const fifty = await visibleOnly(fetch, even)(0, 50);
    expect({ last: fifty.items[49], n: fifty.items.length, more: fifty.more }).toEqual({ last: 98, n: 50, more: true });
    expect(calls).toEqual([0, 100]);
  });

  it('reads the upstream list once per request, from its start, only as far as needed', async () => {
    const { calls, fetch } = fetchAll();
    const visible = visibleOnly(fetch, even);
    await visible(0, 25);
    expect(calls).toEqual([0]);
    await visible(60, 25); // needs the 86th visible item: upstream index 170
    expect(calls).toEqual([0, 100]);
    await visible(0, 25);
    expect(calls).toEqual([0, 100]);
  });

  it('works under the RangeReader, including the exact length for `last`', async () => {
    const reader = new RangeReader(visibleOnly(fetchAll().fetch, even));
    expect(await reader.length()).toBe(125);
    expect(await reader.slice(120, 130)).toEqual([240, 242, 244, 246, 248]);
  });

  it('yields nothing, and says so, when nothing is visible', async () => {
    const visible = visibleOnly(fetchAll().fetch, async () => false);
    expect(await visible(0, 25)).toEqual({ items: [], more: false });
  });
});
