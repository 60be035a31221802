// A zone's failed record set changes, read from an in-memory list that pages as VinylDNS does:
// by offset, newest first, with a `nextId` that is always present and one too far
// (startFrom + maxItems + 1), so following it would skip a change. The source ignores it and
// asks for one item more than it needs instead.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { failedRecordSetChangeSource } from '../../src/sources/failed-record-set-changes.js';
import { isOffsetPosition, type OffsetPosition } from '../../src/sources/offset-list.js';
import type { ChangeSource } from '../../src/sources/source.js';
import type { WireRecordSetChange } from '../../src/providers/vinyldns/wire.js';
import { MemoryList, row, walk } from '../helpers/memory-upstreams.js';

const failures = (n: number) => Array.from({ length: n }, (_, k) => row(`f${k}`, (1_000 - k) * 1000));

const perRequest = (list: MemoryList): ChangeSource<WireRecordSetChange, OffsetPosition> => ({
  isPosition: isOffsetPosition,
  read: (start, n) => failedRecordSetChangeSource(list.failedRecordSetChanges(), 'zone-1').read(start, n),
});

const ids = (chunk: { items: Array<{ node: { id: string } }> }) => chunk.items.map((i) => i.node.id);

describe('failed record set changes', () => {
  it('reads past the item nextId would skip, asking one more than needed to know whether more follow', async () => {
    const list = new MemoryList(failures(3));
    const source = perRequest(list);
    const first = await source.read({}, 2);
    expect({ ids: ids(first), done: first.done }).toEqual({ ids: ['f0', 'f1'], done: false });
    // The upstream answered nextId 5 (0 + 4 + 1): past the end of a 3-item list.
    const rest = await source.read({ after: first.items[1].position }, 2);
    expect({ ids: ids(rest), done: rest.done }).toEqual({ ids: ['f2'], done: true });
    expect(list.takeCalls()).toEqual([
      { startFrom: 0, maxItems: 4 },
      { startFrom: 2, maxItems: 4 },
    ]);
  });

  it('spends a second call on a 100-item chunk: a full upstream page cannot say whether more follow', async () => {
    const list = new MemoryList(failures(150));
    const chunk = await perRequest(list).read({}, 100);
    expect({ first: ids(chunk)[0], last: ids(chunk)[99], n: chunk.items.length, done: chunk.done }).toEqual({ first: 'f0', last: 'f99', n: 100, done: false });
    expect(list.takeCalls()).toEqual([
      { startFrom: 0, maxItems: 100 },
      { startFrom: 100, maxItems: 2 },
    ]);
  });

  it('yields every failure exactly once, in order, across requests while failures land (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: 250 }),
        fc.array(fc.integer({ min: 1, max: 101 }), { minLength: 1, maxLength: 20 }),
        fc.array(fc.nat({ max: 20 }), { maxLength: 20 }),
        async (length, sizes, landing) => {
          const list = new MemoryList(failures(length));
          let landed = 0;
          const land = (readNo: number) => {
            for (let j = 0; j < (landing[readNo - 1] ?? 0); j++) list.land(row(`new${landed++}`, 2_000_000 + landed * 1000));
          };
          const { nodes } = await walk(perRequest(list), sizes, land);
          expect(nodes.map((n) => n.id)).toEqual(failures(length).map((r) => r.id));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('starting at a head, leaves out the failures that landed since (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 250 }), fc.nat(), fc.integer({ min: 1, max: 120 }), async (length, pick, landing) => {
        const list = new MemoryList(failures(length));
        const { positions } = await walk(perRequest(list), [101]);
        const h = pick % length;
        for (let j = 0; j < landing; j++) list.land(row(`new${j}`, 2_000_000 + j * 1000));
        const { nodes } = await walk(perRequest(list), [101], undefined, { at: positions[h] });
        expect(nodes.map((n) => n.id)).toEqual(
          failures(length)
            .slice(h)
            .map((r) => r.id),
        );
      }),
      { numRuns: 150 },
    );
  });
});
