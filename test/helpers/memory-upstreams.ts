// In-memory upstream lists behind the client methods the change sources call, for testing the
// sources without HTTP (the integration tests cover the wire). Each list pages the way its real
// endpoint does, quirks included, using the sandbox's own paging maths (src/sandbox/vinyldns/
// paging.ts): zone changes keyed by an inclusive millisecond, offset lists, failure lists with an
// unreliable `nextId`. Every call is recorded, so tests can pin how many reads a page costs.
import type { DomainChangesPage, OpenSrsChange, OpenSrsClient } from '../../src/providers/opensrs/client.js';
import type { VinylDnsClient } from '../../src/providers/vinyldns/client.js';
import type { WireRecordSetChange, WireZoneChange } from '../../src/providers/vinyldns/wire.js';
import { pageByOffset, pageFailures, pageZoneChangesQuirky } from '../../src/sandbox/vinyldns/paging.js';
import { formatTimestamp } from '../../src/sandbox/vinyldns/time.js';
import type { ChangeSource, ReadStart } from '../../src/sources/source.js';

/** One upstream change: its id, when it was made (epoch ms), and its zone. */
export interface Row {
  id: string;
  ms: number;
  zoneId?: string;
}

/** `row('a', 7_500)`: change `a` made 7.5 s after the epoch (on the wire: second 7). */
export const row = (id: string, ms: number, zoneId = 'zone-1'): Row => ({ id, ms, zoneId });

/** The upstream's clock for "now" (startFrom absent); every row in the tests is older. */
export const NOW_MS = 1_000_000_000;

/** One upstream call: where it started and how many items it asked for. */
export interface Call {
  startFrom?: string | number;
  maxItems: number;
}

type VinylDnsReads = Pick<
  VinylDnsClient,
  'listZoneChanges' | 'listRecordSetChanges' | 'listRecordSetHistory' | 'listFailedRecordSetChanges' | 'listFailedZoneChanges'
>;

/** The one cast: a source takes the whole client; the fake implements only the reads it calls. */
const asClient = (reads: Partial<VinylDnsReads>): VinylDnsClient => reads as VinylDnsClient;

const zone = (id: string) => ({
  id,
  name: `${id}.example.`,
  email: 'ops@example.com',
  status: 'Active',
  created: formatTimestamp(0),
  shared: false,
  acl: { rules: [] },
  adminGroupId: 'g',
});

export const zoneChange = (r: Row): WireZoneChange => ({
  id: r.id,
  created: formatTimestamp(r.ms),
  zone: zone(r.zoneId ?? 'zone-1'),
  userId: 'user-1',
  changeType: 'Update',
  status: 'Synced',
});

export const recordSetChange = (r: Row): WireRecordSetChange => ({
  id: r.id,
  created: formatTimestamp(r.ms),
  zone: zone(r.zoneId ?? 'zone-1'),
  recordSet: { type: 'A', zoneId: r.zoneId ?? 'zone-1', name: 'www', ttl: 300, status: 'Active', created: formatTimestamp(r.ms), records: [], id: 'rs-1' },
  userId: 'user-1',
  changeType: 'Update',
  status: 'Complete',
});

/**
 * A VinylDNS list, newest first. Tests change `rows` between reads (`land` puts new changes at the
 * top, as VinylDNS does) and read `calls` to see what each read cost.
 */
export class MemoryList {
  calls: Call[] = [];

  constructor(public rows: Row[]) {}

  /** New changes arrive at the top of a newest-first list. */
  land(...rows: Row[]): void {
    this.rows.unshift(...rows);
  }

  /** The calls made since the last `takeCalls()`. */
  takeCalls(): Call[] {
    const calls = this.calls;
    this.calls = [];
    return calls;
  }

  /** `GET /zones/{id}/changes`: `startFrom` is an inclusive epoch-ms bound, `nextId` the ms of the next row. */
  zoneChanges(): VinylDnsClient {
    return asClient({
      listZoneChanges: async (zoneId, { startFrom, maxItems }) => {
        this.calls.push({ startFrom, maxItems });
        const page = pageZoneChangesQuirky(this.timed(), startFrom, maxItems, NOW_MS);
        return { zoneId, zoneChanges: page.items.map((t) => zoneChange(t.row)), nextId: page.nextId, startFrom, maxItems };
      },
    });
  }

  /** `GET /zones/{id}/recordsetchanges`: offsets; `nextId` present exactly when more follow. */
  recordSetChanges(): VinylDnsClient {
    return asClient({
      listRecordSetChanges: async (zoneId, { startFrom, maxItems }) => {
        this.calls.push({ startFrom, maxItems });
        const page = pageByOffset(this.rows, startFrom, maxItems);
        return { zoneId, recordSetChanges: page.items.map(recordSetChange), nextId: page.nextId, startFrom, maxItems };
      },
    });
  }

  /** `GET /recordsetchange/history`: offsets over a name's changes in every zone, this one or not. */
  recordSetHistory(): VinylDnsClient {
    return asClient({
      listRecordSetHistory: async ({ zoneId, startFrom, maxItems }) => {
        this.calls.push({ startFrom, maxItems });
        const page = pageByOffset(this.rows, startFrom, maxItems);
        return { zoneId, recordSetChanges: page.items.map(recordSetChange), nextId: page.nextId, startFrom, maxItems };
      },
    });
  }

  /** A zone's failed record set changes: `nextId` always present, and one too far. */
  failedRecordSetChanges(): VinylDnsClient {
    return asClient({
      listFailedRecordSetChanges: async (_zoneId, { startFrom, maxItems }) => {
        this.calls.push({ startFrom, maxItems });
        const page = pageFailures(this.rows, startFrom, maxItems, true);
        return { failedRecordSetChanges: page.items.map(recordSetChange), nextId: page.nextId, startFrom, maxItems };
      },
    });
  }

  /** Every zone's failed zone changes: `nextId` always present (0 on a short page). */
  failedZoneChanges(): VinylDnsClient {
    return asClient({
      listFailedZoneChanges: async ({ startFrom, maxItems }) => {
        this.calls.push({ startFrom, maxItems });
        const page = pageFailures(this.rows, startFrom, maxItems, false);
        return { failedZoneChanges: page.items.map(zoneChange), nextId: page.nextId, startFrom, maxItems };
      },
    });
  }

  private timed() {
    return this.rows.map((r) => ({ createdMs: r.ms, row: r }));
  }
}

/** One OpenSRS domain's log, oldest first; `append` adds the newest change, as OpenSRS does. */
export class MemoryDomainLog {
  calls: Array<{ first: number; limit: number }> = [];

  constructor(
    public changes: OpenSrsChange[],
    readonly domain = 'example.com',
  ) {}

  append(...changes: OpenSrsChange[]): void {
    this.changes.push(...changes);
  }

  takeCalls(): Array<{ first: number; limit: number }> {
    const calls = this.calls;
    this.calls = [];
    return calls;
  }

  /** `get_domain_changes`: a range from the oldest, with `total_count`; null for an unknown domain. */
  client(): OpenSrsClient {
    const reads: Pick<OpenSrsClient, 'getDomainChanges'> = {
      getDomainChanges: async (domain, range): Promise<DomainChangesPage | null> => {
        this.calls.push({ ...range });
        if (domain !== this.domain) return null;
        const total = this.changes.length;
        return { totalCount: total, changes: this.changes.slice(Math.min(range.first, total), range.first + range.limit) };
      },
    };
    return reads as OpenSrsClient;
  }
}

/** `entry(7, 'alice')`: an OpenSRS change at epoch second 7. */
export const entry = (time: number, msg = `change at ${time}`, user = 'admin'): OpenSrsChange => ({ time, application: 'mail', user, msg });

/**
 * Reads a source to its end in chunks of the given sizes (the last size repeats), each read
 * following `{ after }` the last item of the one before; `between` runs before every read but the
 * first (to land changes). Returns every item read, in order, and how many reads it took.
 */
export async function walk<T, P>(
  source: ChangeSource<T, P>,
  sizes: number[],
  between: (readNo: number) => void = () => {},
  start: ReadStart<P> = {},
): Promise<{ nodes: T[]; positions: P[]; reads: number }> {
  const nodes: T[] = [];
  const positions: P[] = [];
  let next = start;
  for (let readNo = 0; readNo < 10_000; readNo++) {
    if (readNo > 0) between(readNo);
    const { items, done } = await source.read(next, sizes[Math.min(readNo, sizes.length - 1)]);
    nodes.push(...items.map((i) => i.node));
    positions.push(...items.map((i) => i.position));
    if (done) return { nodes, positions, reads: readNo + 1 };
    if (items.length === 0) throw new Error('a read that is not done returned nothing');
    next = { after: items[items.length - 1].position };
  }
  throw new Error('the walk did not end');
}
