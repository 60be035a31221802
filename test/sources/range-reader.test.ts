// The range reader under a long scan: it keeps at most MAX_CACHED_ITEMS items, dropping the
// earliest read, so an operation that reads its whole upstream budget does not hold every item it
// passed; what a single read asks for is never dropped before it is returned.
import { describe, expect, it } from 'vitest';
import { MAX_CACHED_ITEMS, RangeReader, UPSTREAM_PAGE_LIMIT } from '../../src/sources/range-reader.js';

function list(length: number) {
  const calls: Array<[number, number]> = [];
  const reader = new RangeReader<number>(async (offset, limit) => {
    calls.push([offset, limit]);
    const items = Array.from({ length: Math.max(0, Math.min(limit, length - offset)) }, (_, k) => offset + k);
    return { items, more: offset + limit < length };
  });
  return { reader, calls };
}

describe('RangeReader memory bound', () => {
  it('drops the earliest pages of a forward scan, and reads one again only if asked again', async () => {
    const { reader, calls } = list(2000);
    for (let start = 0; start < 1500; start += UPSTREAM_PAGE_LIMIT) {
      expect(await reader.slice(start, start + UPSTREAM_PAGE_LIMIT)).toHaveLength(UPSTREAM_PAGE_LIMIT);
    }
    expect(calls).toHaveLength(15);
    expect(reader.at(0)).toBeUndefined();
    expect(reader.at(1499)).toBe(1499);
    const kept = Array.from({ length: 1500 }, (_, i) => reader.at(i)).filter((x) => x !== undefined);
    // The bound, plus the read that ran last (dropping happens before a read, never during one).
    expect(kept.length).toBe(MAX_CACHED_ITEMS + UPSTREAM_PAGE_LIMIT);
    // What it learnt about the length stays.
    expect(reader.existing).toBe(1501);
    expect(await reader.slice(0, 3)).toEqual([0, 1, 2]);
    expect(calls).toHaveLength(16);
  });

  it('returns a read wider than the bound whole, in upstream-sized calls', async () => {
    const { reader, calls } = list(2000);
    await reader.slice(1000, 1400);
    const wide = await reader.slice(0, 700);
    expect(wide).toEqual(Array.from({ length: 700 }, (_, i) => i));
    expect(calls).toEqual([[1000, 100], [1100, 100], [1200, 100], [1300, 100], ...Array.from({ length: 7 }, (_, k) => [k * 100, 100])]);
  });
});
