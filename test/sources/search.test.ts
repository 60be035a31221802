// partitionPoint finds the first item of a false…true split with few upstream reads.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { partitionPoint } from '../../src/sources/search.js';
import { RangeReader } from '../../src/sources/range-reader.js';

const readerOver = (items: number[]) =>
  new RangeReader<number>(async (offset, limit) => ({ items: items.slice(offset, offset + limit), more: offset + limit < items.length }));

describe('partitionPoint', () => {
  it('finds the first index where the predicate holds, for any list and split', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 3000 }), async (length, split) => {
        const at = Math.min(split, length);
        const items = Array.from({ length }, (_, i) => (i < at ? 0 : 1));
        const reader = readerOver(items);
        expect(await partitionPoint(reader, (x) => x === 1)).toBe(at);
        // log-many upstream reads, not linear
        expect(reader.calls).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(length / 100 + 2)) + 6);
      }),
      { numRuns: 200, ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {}) },
    );
  });

  it('reads what is left in one call once it fits one upstream page (a split just before a long list ends)', async () => {
    const items = Array.from({ length: 2576 }, (_, i) => (i < 2575 ? 0 : 1));
    const reader = readerOver(items);
    expect(await partitionPoint(reader, (x) => x === 1)).toBe(2575);
    // Halving the last stretch read by read took 18 calls.
    expect(reader.calls).toBe(12);
  });

  it('honours a known upper bound and a starting index', async () => {
    const items = Array.from({ length: 500 }, (_, i) => (i < 321 ? 0 : 1));
    expect(await partitionPoint(readerOver(items), (x) => x === 1, 0, 500)).toBe(321);
    expect(await partitionPoint(readerOver(items), (x) => x === 1, 400)).toBe(400);
  });
});
