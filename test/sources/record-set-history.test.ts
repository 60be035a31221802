// One record set's history, read from an in-memory list that pages as VinylDNS does: by offset,
// newest first, filtered on name and type only, so changes of another zone with the same name
// (say, a deleted zone of that name) are mixed in. The source reads the history whole, keeps this
// zone's changes, and pages over those.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOffsetPosition, type OffsetPosition } from '../../src/sources/offset-list.js';
import { recordSetHistorySource } from '../../src/sources/record-set-history.js';
import type { ChangeSource } from '../../src/sources/source.js';
import type { WireRecordSetChange } from '../../src/providers/vinyldns/wire.js';
import { MemoryList, row, walk } from '../helpers/memory-upstreams.js';

const TARGET = { zoneId: 'zone-1', fqdn: 'www.zone-1.example.', type: 'A' };

/** `n` changes of www one second apart, `h0` the newest; every third one is of the old zone. */
const history = (n: number) => Array.from({ length: n }, (_, k) => row(`h${k}`, (1_000 - k) * 1000, k % 3 === 2 ? 'old-zone' : 'zone-1'));
const ofZone1 = (n: number) =>
  history(n)
    .filter((r) => r.zoneId === 'zone-1')
    .map((r) => r.id);

const perRequest = (list: MemoryList): ChangeSource<WireRecordSetChange, OffsetPosition> => ({
  isPosition: isOffsetPosition,
  read: (start, n) => recordSetHistorySource(list.recordSetHistory(), TARGET).read(start, n),
});

const ids = (chunk: { items: Array<{ node: { id: string } }> }) => chunk.items.map((i) => i.node.id);

describe('record set history', () => {
  it('leaves out the other zone’s changes and counts positions over this zone’s alone', async () => {
    const list = new MemoryList(history(7));
    const source = recordSetHistorySource(list.recordSetHistory(), TARGET);
    const first = await source.read({}, 3);
    expect({ ids: ids(first), positions: first.items.map((i) => i.position), done: first.done }).toEqual({
      ids: ['h0', 'h1', 'h3'],
      positions: [
        { o: 0, i: 'h0', t: 1000, y: 'h1' },
        { o: 1, i: 'h1', t: 999, y: 'h3' },
        { o: 2, i: 'h3', t: 997, y: 'h4' },
      ],
      done: false,
    });
    const rest = await source.read({ after: first.items[2].position }, 3);
    expect({ ids: ids(rest), done: rest.done }).toEqual({ ids: ['h4', 'h6'], done: true });
    expect(list.takeCalls()).toEqual([{ startFrom: 0, maxItems: 100 }]);
  });

  it('reads the whole history once per request, whatever the chunk', async () => {
    const list = new MemoryList(history(250));
    const chunk = await recordSetHistorySource(list.recordSetHistory(), TARGET).read({}, 1);
    expect({ ids: ids(chunk), done: chunk.done }).toEqual({ ids: ['h0'], done: false });
    expect(list.takeCalls()).toEqual([
      { startFrom: 0, maxItems: 100 },
      { startFrom: 100, maxItems: 100 },
      { startFrom: 200, maxItems: 100 },
    ]);
  });

  it('yields every change of this zone exactly once, in order, across requests while changes land (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: 250 }),
        fc.array(fc.integer({ min: 1, max: 101 }), { minLength: 1, maxLength: 20 }),
        fc.array(fc.nat({ max: 10 }), { maxLength: 20 }),
        async (length, sizes, landing) => {
          const list = new MemoryList(history(length));
          let landed = 0;
          const land = (readNo: number) => {
            for (let j = 0; j < (landing[readNo - 1] ?? 0); j++)
              list.land(row(`new${landed}`, 2_000_000 + landed * 1000, landed++ % 2 === 0 ? 'zone-1' : 'old-zone'));
          };
          const { nodes } = await walk(perRequest(list), sizes, land);
          expect(nodes.map((n) => n.id)).toEqual(ofZone1(length));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('starting at a head, leaves out the changes that landed since (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 3, max: 250 }), fc.nat(), fc.integer({ min: 1, max: 120 }), async (length, pick, landing) => {
        const list = new MemoryList(history(length));
        const { positions } = await walk(perRequest(list), [101]);
        const h = pick % positions.length;
        for (let j = 0; j < landing; j++) list.land(row(`new${j}`, 2_000_000 + j * 1000));
        const { nodes } = await walk(perRequest(list), [101], undefined, { at: positions[h] });
        expect(nodes.map((n) => n.id)).toEqual(ofZone1(length).slice(h));
      }),
      { numRuns: 100 },
    );
  });
});
