// A mail domain's OpenSRS change log, read from an in-memory log that pages as OpenSRS does:
// oldest first by `range.first`/`range.limit`, with `total_count`. Positions count from the
// oldest change, which new changes (appended at the end) never move.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainLog, domainChangeSource, isDomainChangePosition, type DomainChangePosition } from '../../src/sources/domain-changes.js';
import type { ChangeSource } from '../../src/sources/source.js';
import type { OpenSrsChange } from '../../src/providers/opensrs/client.js';
import { entry, MemoryDomainLog, walk } from '../helpers/memory-upstreams.js';

/** `n` changes, oldest first, at epoch seconds 100, 101, … */
const log = (n: number) => new MemoryDomainLog(Array.from({ length: n }, (_, p) => entry(100 + p)));

/** A source over a new DomainLog: one request's view of the log. */
const sourceOf = (memory: MemoryDomainLog, domain = 'example.com') => domainChangeSource(new DomainLog(memory.client(), domain));

const perRequest = (memory: MemoryDomainLog): ChangeSource<OpenSrsChange, DomainChangePosition> => ({
  isPosition: isDomainChangePosition,
  read: (start, n) => sourceOf(memory).read(start, n),
});

const summary = (chunk: { items: Array<{ node: OpenSrsChange; position: DomainChangePosition }>; done: boolean }) => ({
  times: chunk.items.map((i) => i.node.time),
  positions: chunk.items.map((i) => i.position),
  done: chunk.done,
});

describe('domain changes', () => {
  it('reads newest first: the total first, then the newest range; later chunks one call each', async () => {
    const memory = log(5);
    expect(summary(await sourceOf(memory).read({}, 2))).toEqual({
      times: [104, 103],
      positions: [
        { p: 4, t: 104 },
        { p: 3, t: 103 },
      ],
      done: false,
    });
    expect(memory.takeCalls()).toEqual([
      { first: 0, limit: 1 },
      { first: 3, limit: 2 },
    ]);

    expect(summary(await sourceOf(memory).read({ after: { p: 3, t: 103 } }, 2))).toEqual({
      times: [102, 101],
      positions: [
        { p: 2, t: 102 },
        { p: 1, t: 101 },
      ],
      done: false,
    });
    expect(summary(await sourceOf(memory).read({ after: { p: 1, t: 101 } }, 2))).toEqual({ times: [100], positions: [{ p: 0, t: 100 }], done: true });
    expect(memory.takeCalls()).toEqual([
      { first: 1, limit: 2 },
      { first: 0, limit: 1 },
    ]);
  });

  it('continues exactly from a cursor while changes are appended, at no extra cost', async () => {
    const memory = log(5);
    memory.append(entry(200), entry(201));
    expect(summary(await sourceOf(memory).read({ after: { p: 3, t: 103 } }, 2)).positions).toEqual([
      { p: 2, t: 102 },
      { p: 1, t: 101 },
    ]);
    expect(memory.takeCalls()).toEqual([{ first: 1, limit: 2 }]);
  });

  it('starts at a head, with the changes appended since left out', async () => {
    const memory = log(5);
    memory.append(entry(200));
    expect(summary(await sourceOf(memory).read({ at: { p: 2, t: 102 } }, 5))).toEqual({
      times: [102, 101, 100],
      positions: [
        { p: 2, t: 102 },
        { p: 1, t: 101 },
        { p: 0, t: 100 },
      ],
      done: true,
    });
    expect(memory.takeCalls()).toEqual([{ first: 0, limit: 3 }]);
  });

  it('starts at the newest change at or before `until`', async () => {
    const memory = log(300);
    expect(summary(await sourceOf(memory).read({ until: 250 }, 2)).positions).toEqual([
      { p: 150, t: 250 },
      { p: 149, t: 249 },
    ]);
    expect(memory.takeCalls()).toEqual([
      { first: 0, limit: 1 },
      { first: 150, limit: 100 },
      { first: 149, limit: 1 },
    ]);
  });

  // partitionPoint probed "where the known items stop" whenever the reader did not know the
  // length, even when the caller passed the log's total as the upper bound, so the search stepped
  // 100 positions per call instead of halving: 99 calls here instead of about 8.
  it('finds `until` in a long log with log-many calls', async () => {
    const memory = log(10_000);
    expect(summary(await sourceOf(memory).read({ until: 9_990 }, 2)).positions).toEqual([
      { p: 9_890, t: 9_990 },
      { p: 9_889, t: 9_989 },
    ]);
    expect(memory.calls.length).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(10_000 / 100)) + 2);
  });

  it('has nothing for a domain OpenSRS does not know', async () => {
    const memory = log(5);
    expect(summary(await sourceOf(memory, 'other.example').read({}, 2))).toEqual({ times: [], positions: [], done: true });
    expect(memory.takeCalls()).toEqual([{ first: 0, limit: 1 }]);
  });
});

describe('domain changes in either order', () => {
  it('pages oldest first and newest first over the same positions, with the total', async () => {
    const memory = log(5);
    const source = sourceOf(memory);
    const oldest = await source.pageInOrder({ order: 'OLDEST_FIRST', first: 2, after: 1 });
    expect({ positions: oldest.items.map((i) => i.position.p), hasNextPage: oldest.hasNextPage, totalCount: oldest.totalCount }).toEqual({
      positions: [2, 3],
      hasNextPage: true,
      totalCount: 5,
    });
    const newest = await source.pageInOrder({ order: 'NEWEST_FIRST', last: 2, before: 1 });
    // Newest first the log is 4, 3, 2, 1, 0: the last two before position 1 are 3 and 2.
    expect({ positions: newest.items.map((i) => i.position.p), hasPreviousPage: newest.hasPreviousPage }).toEqual({ positions: [3, 2], hasPreviousPage: true });
    // The first page's own read brought the total with it; the second needed the same range.
    expect(memory.takeCalls()).toEqual([{ first: 2, limit: 2 }]);
  });

  it('refuses a cursor past the end of the log', async () => {
    const page = sourceOf(log(5)).pageInOrder({ order: 'OLDEST_FIRST', first: 2, after: 5 });
    await expect(page).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { argument: 'after' } });
  });
});

describe('domain change walks (property)', () => {
  it('yields every change exactly once, newest first, across requests while changes are appended', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: 300 }),
        fc.array(fc.integer({ min: 1, max: 101 }), { minLength: 1, maxLength: 20 }),
        fc.array(fc.nat({ max: 20 }), { maxLength: 20 }),
        async (length, sizes, appending) => {
          const memory = log(length);
          const expected = memory.changes.map((c) => c.time).reverse();
          const append = (readNo: number) => {
            for (let j = 0; j < (appending[readNo - 1] ?? 0); j++) memory.append(entry(10_000 + memory.changes.length));
          };
          const { nodes } = await walk(perRequest(memory), sizes, append);
          expect(nodes.map((n) => n.time)).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('starting at a head, leaves out the changes appended since', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 300 }), fc.nat(), fc.integer({ min: 1, max: 50 }), async (length, pick, appended) => {
        const memory = log(length);
        const expected = memory.changes.map((c) => c.time).reverse();
        const { positions } = await walk(perRequest(memory), [100]);
        const h = pick % length;
        for (let j = 0; j < appended; j++) memory.append(entry(10_000 + j));
        const { nodes } = await walk(perRequest(memory), [100], undefined, { at: positions[h] });
        expect(nodes.map((n) => n.time)).toEqual(expected.slice(h));
      }),
      { numRuns: 200 },
    );
  });
});
