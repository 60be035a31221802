// A zone's record sets, read from an in-memory zone that pages as VinylDNS does (the sandbox's
// paging maths, quirks on): sorted by fqdn, but resumed by relative name, so VinylDNS's own key
// after `a-b` would skip `a` (`a-b.z.` sorts before `a.z.`, `a` before `a-b`), and after `www`
// would repeat `www-1`. readRecordSets restarts from a prefix nothing skippable sorts below and
// finds its anchor by id.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readRecordSets, type RecordSetPosition } from '../../src/connections/record-sets.js';
import type { VinylDnsClient } from '../../src/providers/vinyldns/client.js';
import { RECORD_TYPE_CODES, type WireRecordSet } from '../../src/providers/vinyldns/wire.js';
import { pageRecordRows } from '../../src/sandbox/vinyldns/paging.js';
import { compareText } from '../../src/sandbox/vinyldns/collation.js';
import type { RecordRow } from '../../src/sandbox/vinyldns/types.js';

const ZONE = 'z.';

/** A zone holding one A record set per name, with every listRecordSets call recorded. */
function zoneOf(names: string[]) {
  const rows: RecordRow[] = names
    .map((name) => ({
      rs: { id: `id-${name}`, name, type: 'A', zoneId: 'zone-1', ttl: 300, status: 'Active', created: '2024-01-01T00:00:00Z', records: [] } as WireRecordSet,
      fqdn: `${name}.${ZONE}`,
      code: RECORD_TYPE_CODES.A,
    }))
    .sort((a, b) => compareText(a.fqdn, b.fqdn) || a.code - b.code);
  const calls: Array<{ startFrom?: string; maxItems: number; recordNameFilter?: string }> = [];
  const reads: Pick<VinylDnsClient, 'listRecordSets'> = {
    listRecordSets: async (_zoneId, { startFrom, maxItems, recordNameFilter }) => {
      calls.push(recordNameFilter === undefined ? { startFrom, maxItems } : { startFrom, maxItems, recordNameFilter });
      // Without `*` the upstream's name filter is an exact (case-insensitive) match.
      const filtered = recordNameFilter === undefined ? rows : rows.filter((r) => compareText(r.rs.name, recordNameFilter) === 0);
      const page = pageRecordRows(filtered, { startFrom, maxItems, nameSort: 'ASC', typeSort: 'NONE', quirks: true, zoneName: ZONE });
      return { recordSets: page.items.map((r) => ({ ...r.rs, fqdn: r.fqdn })), nextId: page.nextId, startFrom, maxItems, nameSort: 'ASC' };
    },
  };
  const fqdnOrder = rows.map((r) => r.rs.name);
  return { client: reads as VinylDnsClient, calls, fqdnOrder };
}

const after = (name: string): RecordSetPosition => ({ f: `${name}.${ZONE}`, t: RECORD_TYPE_CODES.A, n: name, i: `id-${name}` });
const names = (items: WireRecordSet[]) => items.map((rs) => rs.name);

describe('record sets', () => {
  it('does not skip `a` after `a-b`: it restarts from `a` and drops up to its anchor', async () => {
    const { client, calls, fqdnOrder } = zoneOf(['b', 'a', 'a-b']);
    expect(fqdnOrder).toEqual(['a-b', 'a', 'b']);
    expect(names(await readRecordSets(client, 'zone-1', 1, {}))).toEqual(['a-b']);
    expect(names(await readRecordSets(client, 'zone-1', 1, {}, after('a-b')))).toEqual(['a']);
    expect(names(await readRecordSets(client, 'zone-1', 1, {}, after('a')))).toEqual(['b']);
    expect(calls).toEqual([
      { startFrom: undefined, maxItems: 1 },
      { startFrom: 'a<....>0', maxItems: 100 },
      { startFrom: 'a<....>0', maxItems: 100 },
    ]);
  });

  it('does not repeat `www-1` after `www`', async () => {
    const { client, calls } = zoneOf(['www', 'www-1']);
    expect(names(await readRecordSets(client, 'zone-1', 5, {}, after('www')))).toEqual([]);
    expect(calls).toEqual([{ startFrom: 'www<....>0', maxItems: 100 }]);
  });

  it('does not skip `b` after `b-c` across an upstream page boundary within one read', async () => {
    const before = Array.from({ length: 99 }, (_, k) => `a${String(k).padStart(2, '0')}`);
    const { client, calls, fqdnOrder } = zoneOf([...before, 'b', 'b-c']);
    expect(fqdnOrder.slice(-2)).toEqual(['b-c', 'b']);
    expect(names(await readRecordSets(client, 'zone-1', 101, {}))).toEqual(fqdnOrder);
    expect(calls).toEqual([
      { startFrom: undefined, maxItems: 100 },
      { startFrom: 'b<....>0', maxItems: 100 },
    ]);
  });

  // Known defect, left for a fix in src/connections/record-sets.ts: when a full upstream page of
  // names sharing a prefix ends on `w-099`, the read follows VinylDNS's own key (`w-099<....>1`),
  // which brings back `w-099-a` (after `w-099` by name, before it by fqdn). Already returned, it
  // becomes the new anchor, whose restart key leads back to `w-099`, and so on: the read cycles
  // until its guard fails the page with UPSTREAM_ERROR ("did not advance"), so `x` and everything
  // after it cannot be listed, whatever the page size. Flip to `it` once fixed.
  it.fails('neither repeats nor gives up when it must follow VinylDNS’s own key past a crowded prefix', async () => {
    const crowd = Array.from({ length: 98 }, (_, k) => `w-${String(k).padStart(3, '0')}`);
    const { client, fqdnOrder } = zoneOf([...crowd, 'w-099-a', 'w-099', 'x']);
    expect(fqdnOrder.slice(-3)).toEqual(['w-099-a', 'w-099', 'x']);
    const byTen: string[] = [];
    let position: RecordSetPosition | undefined;
    for (let page = 0; page < 20; page++) {
      const items = await readRecordSets(client, 'zone-1', 11, {}, position);
      byTen.push(...names(items.slice(0, 10)));
      if (items.length <= 10) break;
      position = after(items[9].name);
    }
    expect(byTen).toEqual(fqdnOrder);
    expect(names(await readRecordSets(client, 'zone-1', 101, {}))).toEqual(fqdnOrder);
  });

  it('jumps to an anchor behind more than a page of names sharing its prefix, when no record is named like the prefix', async () => {
    const many = Array.from({ length: 150 }, (_, k) => `mail-${String(k).padStart(3, '0')}`);
    const { client, calls } = zoneOf(many);
    expect(names(await readRecordSets(client, 'zone-1', 2, {}, after('mail-120')))).toEqual(['mail-121', 'mail-122']);
    expect(calls).toEqual([
      { startFrom: 'mail<....>0', maxItems: 100 },
      { startFrom: undefined, maxItems: 1, recordNameFilter: 'mail' },
      { startFrom: 'mail-120<....>0', maxItems: 100 },
    ]);
  });

  // Known defect, left for a fix in src/connections/record-sets.ts: when more than an upstream page
  // of names shares a prefix that is itself a record's name (`h-0` … `h-99` and `h`), the read
  // follows VinylDNS's own key past the page (`h-99<....>1`), which compares relative names and so
  // never reaches `h` (its fqdn `h.z.` sorts after `h-99.z.`, its name before `h-99`). `h` is
  // silently missing from every walk. Flip to `it` once fixed.
  it.fails('lists a record named like the prefix that more than a page of names share', async () => {
    const { client, fqdnOrder } = zoneOf(['h', ...Array.from({ length: 100 }, (_, k) => `h-${k}`)]);
    expect(fqdnOrder.at(-1)).toBe('h');
    const firstPage = await readRecordSets(client, 'zone-1', 101, {});
    expect(names(firstPage)).toEqual(fqdnOrder);
  });

  it('yields every record set exactly once, in fqdn order, read in chunks of any size (property)', async () => {
    const name = fc.stringMatching(/^[ab][ab_.-]{0,3}$/).filter((n) => !n.endsWith('.') && !n.includes('..'));
    // Sometimes more than an upstream page of names behind one prefix (without the prefix itself
    // as a name: that case is the known defect below).
    const crowd = fc.nat({ max: 160 }).map((n) => Array.from({ length: n }, (_, k) => `h-${k}`));
    const zones = fc.tuple(fc.uniqueArray(name, { maxLength: 40 }), fc.oneof(fc.constant([] as string[]), crowd)).map(([a, b]) => [...a, ...b]);
    const chunks = fc.array(fc.oneof(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 95, max: 101 })), { minLength: 1, maxLength: 40 });
    await fc.assert(
      fc.asyncProperty(zones, chunks, async (zoneNames, sizes) => {
        const { client, fqdnOrder } = zoneOf(zoneNames);
        const seen: string[] = [];
        let position: RecordSetPosition | undefined;
        for (let read = 0; read < 1000; read++) {
          const want = sizes[Math.min(read, sizes.length - 1)];
          const items = await readRecordSets(client, 'zone-1', want, {}, position);
          seen.push(...names(items));
          if (items.length < want) break;
          position = after(items[items.length - 1].name);
        }
        expect(seen).toEqual(fqdnOrder);
      }),
      { numRuns: 200 },
    );
  });
});
