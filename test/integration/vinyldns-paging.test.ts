// The paging guarantee, against the sandbox with VinylDNS's quirks on: walking any connection to
// its end with any page size yields every upstream item exactly once, in upstream order, and
// pages equal graphql-relay's connectionFromArray over the full list (cursors aside).
import fc from 'fast-check';
import { connectionFromArray, offsetToCursor } from 'graphql-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectionQuery, fetchPage, walk, type ConnectionUnderTest } from '../helpers/connections.js';
import { sandboxZone, startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const store = () => stack.sandbox.vinyldns.store;
const zoneNamed = (name: string) => sandboxZone(stack, name);

interface Case {
  c: ConnectionUnderTest;
  expected: () => string[];
}

function cases(): Case[] {
  const big = zoneNamed('big.example.org.');
  const ok = zoneNamed('ok.');
  const example = zoneNamed('example.com.');
  const zoneRoot = (id: string) => `zone(zoneId: "${id}") { %FIELD% }`;
  // The record set with the longest history in example.com., for the history connection.
  const counts = new Map<string, number>();
  for (const ch of store().recordSetChanges(example.id)) {
    const key = `${ch.recordSet.name}|${ch.recordSet.type}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const [busiest] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const [rsName, rsType] = busiest[0].split('|');
  const rs = store()
    .recordSets(example.id)
    .find((r) => r.name === rsName && r.type === rsType)!;
  const fqdn = rs.fqdn!;
  return [
    {
      c: { name: 'zones', query: connectionQuery('%FIELD%', 'zones', 'zoneId', false), path: ['zones'], idField: 'zoneId', bidirectional: false },
      expected: () =>
        store()
          .zones()
          .map((z) => z.id),
    },
    {
      c: {
        name: 'Zone.changes',
        query: connectionQuery(zoneRoot(big.id), 'changes', 'changeId', false),
        path: ['zone', 'changes'],
        idField: 'changeId',
        bidirectional: false,
      },
      expected: () =>
        store()
          .zoneChanges(big.id)
          .map((c) => c.id),
    },
    {
      c: {
        name: 'Zone.recordSetChanges',
        query: connectionQuery(zoneRoot(big.id), 'recordSetChanges', 'changeId', true),
        path: ['zone', 'recordSetChanges'],
        idField: 'changeId',
        bidirectional: true,
      },
      expected: () =>
        store()
          .recordSetChanges(big.id)
          .map((c) => c.id),
    },
    {
      c: {
        name: 'Zone.failedRecordSetChanges',
        query: connectionQuery(zoneRoot(big.id), 'failedRecordSetChanges', 'changeId', true),
        path: ['zone', 'failedRecordSetChanges'],
        idField: 'changeId',
        bidirectional: true,
      },
      expected: () =>
        store()
          .failedRecordSetChanges(big.id)
          .map((c) => c.id),
    },
    {
      c: {
        name: 'Zone.recordSets (ok.)',
        query: connectionQuery(zoneRoot(ok.id), 'recordSets', 'recordSetId', false),
        path: ['zone', 'recordSets'],
        idField: 'recordSetId',
        bidirectional: false,
      },
      expected: () =>
        store()
          .recordSets(ok.id)
          .map((r) => r.id),
    },
    {
      c: {
        name: 'Zone.recordSets (big)',
        query: connectionQuery(zoneRoot(big.id), 'recordSets', 'recordSetId', false),
        path: ['zone', 'recordSets'],
        idField: 'recordSetId',
        bidirectional: false,
      },
      expected: () =>
        store()
          .recordSets(big.id)
          .map((r) => r.id),
    },
    {
      c: {
        name: 'recordSetChangeHistory',
        query: connectionQuery(`%FIELD%`, 'recordSetChangeHistory', 'changeId', true, `, zoneId: "${example.id}", fqdn: "${fqdn}", type: ${rsType}`),
        path: ['recordSetChangeHistory'],
        idField: 'changeId',
        bidirectional: true,
      },
      expected: () =>
        store()
          .history(example.id, fqdn, rsType)
          .filter((c) => c.zone.id === example.id)
          .map((c) => c.id),
    },
    {
      c: {
        name: 'recordSetChangeHistory (ok. apex A, mixed with a deleted zone upstream)',
        query: connectionQuery(`%FIELD%`, 'recordSetChangeHistory', 'changeId', true, `, zoneId: "${ok.id}", fqdn: "ok", type: A`),
        path: ['recordSetChangeHistory'],
        idField: 'changeId',
        bidirectional: true,
      },
      expected: () =>
        store()
          .history(ok.id, 'ok.', 'A')
          .filter((c) => c.zone.id === ok.id)
          .map((c) => c.id),
    },
  ];
}

describe('walking every connection with quirks on', () => {
  it('has non-trivial fixtures (so the walks below prove something)', () => {
    const all = cases();
    expect(all.find((x) => x.c.name === 'Zone.recordSetChanges')!.expected().length).toBeGreaterThan(1000);
    expect(all.find((x) => x.c.name === 'Zone.changes')!.expected().length).toBeGreaterThan(200);
    expect(all.find((x) => x.c.name === 'Zone.failedRecordSetChanges')!.expected().length).toBeGreaterThan(10);
  });

  for (const size of [1, 7, 100]) {
    it(`yields every item exactly once, in order, with page size ${size}`, async () => {
      for (const { c, expected } of cases()) {
        const want = expected();
        // Size 1 over thousands of items is slow and adds nothing over 7: cap it to small lists.
        if (size === 1 && want.length > 400) continue;
        const { ids } = await walk(stack, c, size);
        expect(ids, c.name).toEqual(want);
      }
    }, 120_000);
  }

  it('yields every item exactly once for random page sizes', async () => {
    const all = cases();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: all.length - 1 }), fc.integer({ min: 2, max: 100 }), async (k, size) => {
        const { c, expected } = all[k];
        const { ids } = await walk(stack, c, size);
        expect(ids, `${c.name} size ${size}`).toEqual(expected());
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});

describe('pages equal connectionFromArray over the full list', () => {
  it('for random first/after/last/before on every connection', async () => {
    const all = cases();
    const full = new Map<string, { ids: string[]; cursors: string[] }>();
    for (const { c } of all) {
      const { pages } = await walk(stack, c, 100);
      full.set(c.name, { ids: pages.flatMap((p) => p.ids), cursors: pages.flatMap((p) => p.cursors) });
    }
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: all.length - 1 }),
        fc.record({
          first: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
          last: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
          after: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
          before: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
        }),
        async (k, raw) => {
          const { c } = all[k];
          const { ids, cursors } = full.get(c.name)!;
          if (ids.length === 0) return;
          const at = (x: number) => Math.min(ids.length - 1, Math.floor(x * ids.length));
          const args = c.bidirectional ? raw : { first: raw.first ?? 25, after: raw.after };
          const a = args.after === undefined ? undefined : at(args.after);
          const b = 'before' in args && args.before !== undefined ? at(args.before) : undefined;
          const last = 'last' in args ? args.last : undefined;
          const first = args.first === undefined && last === undefined ? 25 : args.first;
          const page = await fetchPage(stack, c, {
            first,
            last,
            after: a === undefined ? undefined : cursors[a],
            before: b === undefined ? undefined : cursors[b],
          });
          const expected = connectionFromArray(ids, {
            first,
            last,
            after: a === undefined ? undefined : offsetToCursor(a),
            before: b === undefined ? undefined : offsetToCursor(b),
          });
          const label = `${c.name} ${JSON.stringify({ first, last, a, b })}`;
          expect(page.ids, label).toEqual(expected.edges.map((e) => e.node));
          expect(page.pageInfo.hasNextPage, label).toBe(expected.pageInfo.hasNextPage);
          expect(page.pageInfo.hasPreviousPage, label).toBe(expected.pageInfo.hasPreviousPage);
          // Each edge's own cursor continues right after it.
          if (page.cursors.length > 1) {
            const next = await fetchPage(stack, c, { first: 1, after: page.cursors[0] });
            expect(next.ids[0], `${label}: edge cursor`).toBe(page.ids[1]);
          }
        },
      ),
      { numRuns: 60 },
    );
  }, 180_000);
});
