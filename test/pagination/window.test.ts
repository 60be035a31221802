// relayWindow must agree with graphql-relay's connectionFromArray on every argument combination,
// including the truncated length the gateway uses to avoid reading a list to its end.
import fc from 'fast-check';
import { connectionFromArray, offsetToCursor } from 'graphql-relay';
import { describe, expect, it } from 'vitest';
import { relayWindow } from '../../src/pagination/window.js';

const argsArb = (n: number) =>
  fc.record(
    {
      first: fc.option(fc.integer({ min: 0, max: n + 3 }), { nil: undefined }),
      last: fc.option(fc.integer({ min: 0, max: n + 3 }), { nil: undefined }),
      after: fc.option(fc.integer({ min: 0, max: Math.max(0, n - 1) }), { nil: undefined }),
      before: fc.option(fc.integer({ min: 0, max: Math.max(0, n - 1) }), { nil: undefined }),
    },
    { requiredKeys: [] },
  );

describe('relayWindow', () => {
  it('equals connectionFromArray for every combination of first/after/last/before', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 }).chain((n) => fc.tuple(fc.constant(n), argsArb(n))),
        ([n, a]) => {
          const items = Array.from({ length: n }, (_, i) => i);
          const expected = connectionFromArray(items, {
            first: a.first,
            last: a.last,
            after: a.after === undefined || n === 0 ? undefined : offsetToCursor(a.after),
            before: a.before === undefined || n === 0 ? undefined : offsetToCursor(a.before),
          });
          const w = relayWindow({ ...a, after: n === 0 ? undefined : a.after, before: n === 0 ? undefined : a.before, length: n });
          expect(items.slice(w.start, Math.max(w.start, w.end))).toEqual(expected.edges.map((e) => e.node));
          expect({ hasPreviousPage: w.hasPreviousPage, hasNextPage: w.hasNextPage }).toEqual({
            hasPreviousPage: expected.pageInfo.hasPreviousPage,
            hasNextPage: expected.pageInfo.hasNextPage,
          });
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('gives the same forward page with a length truncated just past the page', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: -1, max: 299 }), (n, first, after) => {
        const a = after < 0 || after >= n ? undefined : after;
        const full = relayWindow({ first, after: a, length: n });
        const truncated = relayWindow({ first, after: a, length: Math.min(n, (a ?? -1) + 1 + first + 1) });
        expect(truncated).toEqual(full);
      }),
    );
  });

  it('pins the edge cases', () => {
    expect(relayWindow({ first: 0, length: 5 })).toEqual({ start: 0, end: 0, hasPreviousPage: false, hasNextPage: true });
    expect(relayWindow({ first: 2, after: 4, length: 5 })).toEqual({ start: 5, end: 5, hasPreviousPage: false, hasNextPage: false });
    expect(relayWindow({ last: 2, length: 5 })).toEqual({ start: 3, end: 5, hasPreviousPage: true, hasNextPage: false });
    expect(relayWindow({ last: 3, before: 2, length: 5 })).toEqual({ start: 0, end: 2, hasPreviousPage: false, hasNextPage: false });
  });
});
