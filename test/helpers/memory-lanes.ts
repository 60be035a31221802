// The three lanes of a live key over in-memory lists (offset-paged like record set changes), for
// tests of the pollers' timing with a fake clock: changes land on top, a lane can be made to fail,
// and every upstream-like read is counted.
import { UpstreamError } from '../../src/errors.js';
import type { SourceKey } from '../../src/feed/position.js';
import type { LaneReader, LaneSet, LiveLane } from '../../src/live/lanes.js';
import type { LanePosition, LiveItem, ProviderFailure } from '../../src/live/types.js';
import type { ChangeModel } from '../../src/parents/models.js';
import { offsetSource } from '../../src/sources/offset-list.js';
import type { NewerRead, ReadStart, SourceItem } from '../../src/sources/source.js';
import type { FakeClock } from './fake-clock.js';

export interface MemoryChange {
  id: string;
  created: string;
  userId: string;
}

const PROVIDER = { zc: 'VINYLDNS', rc: 'VINYLDNS', dc: 'OPENSRS' } as const;

export class MemoryLanes implements LaneSet {
  readonly unavailable: ProviderFailure[] = [];
  /** Newest first. */
  readonly lists: Record<SourceKey, MemoryChange[]> = { zc: [], rc: [], dc: [] };
  readonly calls: Record<SourceKey, number> = { zc: 0, rc: 0, dc: 0 };
  readonly failing = new Set<SourceKey>();
  /** While set, reads wait for it (a slow upstream). */
  gate: Promise<void> | undefined;
  /** When each read of a lane was made (clock milliseconds). */
  readonly readsAt: Record<SourceKey, number[]> = { zc: [], rc: [], dc: [] };
  private n = 0;

  constructor(
    private readonly clock: FakeClock,
    readonly keys: SourceKey[] = ['zc', 'rc', 'dc'],
  ) {}

  /** A change on top of `key`'s list, now (or at `time`, epoch seconds); returns its id. */
  land(key: SourceKey, options: { time?: number; user?: string } = {}): string {
    const id = `${key}-${++this.n}`;
    const seconds = options.time ?? Math.floor(this.clock.now() / 1000);
    this.lists[key].unshift({ id, created: new Date(seconds * 1000).toISOString().replace('.000Z', 'Z'), userId: options.user ?? 'alice' });
    return id;
  }

  totalCalls(): number {
    return this.calls.zc + this.calls.rc + this.calls.dc;
  }

  session(): LiveLane[] {
    return this.keys.map((key) => ({ key, provider: PROVIDER[key], open: async () => this.reader(key) }));
  }

  private reader(key: SourceKey): LaneReader {
    const list = this.lists[key];
    const source = offsetSource<MemoryChange>(async (offset, limit) => {
      this.calls[key]++;
      this.readsAt[key].push(this.clock.now());
      await this.gate;
      if (this.failing.has(key))
        throw new UpstreamError('UPSTREAM_UNAVAILABLE', `${PROVIDER[key] === 'OPENSRS' ? 'OpenSRS' : 'VinylDNS'} could not be reached`, PROVIDER[key]);
      return { items: list.slice(offset, offset + limit), more: offset + limit < list.length };
    });
    const items = (found: SourceItem<MemoryChange, LanePosition>[]): LiveItem[] =>
      found.map((it) => ({
        key,
        time: it.time,
        position: it.position,
        model: { __typename: 'RecordSetChange', change: { ...it.node, userName: it.node.userId } } as unknown as ChangeModel,
      }));
    return {
      readNewer: async (read) => items(await source.readNewer(read as NewerRead<never>)),
      read: async (start, n) => items((await source.read(start as ReadStart<never>, n)).items),
    };
  }
}

/** The change id of an event's node (MemoryLanes models). */
export const idOf = (node: unknown): string => (node as { change: { id: string } }).change.id;
