// The three sources of a domain's merged feed, each read in chunks from its own upstream list
// with its own drift-free cursor: VinylDNS zone changes and record set changes of the zone
// `<domain>.`, and the OpenSRS change log of `<domain>`.
import type { GraphQLContext } from '../context.js';
import { zoneRecordSetChanges } from '../connections/change-lists.js';
import { isDomainChangePosition, type DomainChangePosition } from '../connections/domain-changes.js';
import { isZoneChangePosition, readZoneChanges, type ZoneChangePosition } from '../connections/zone-changes.js';
import { BadUserInputError } from '../errors.js';
import { epochSeconds } from '../model/time.js';
import { isOffsetPosition, offsetPage, RELOCATE_SPAN, type OffsetPosition } from '../pagination/offset-connection.js';
import { RangeReader } from '../pagination/range-reader.js';
import { normaliseMailDomain } from '../providers/opensrs/client.js';
import type { WireRecordSetChange } from '../providers/vinyldns/wire.js';
import { domainChangeModel, recordSetChangeModel, zoneChangeModel } from '../schema/models.js';
import { partitionPoint } from './search.js';
import type { Chunk, ReadChunk } from './stream.js';
import type { FeedFilters } from './types.js';

/** Each source's position after the last change the client saw; absent: not started. */
export interface FeedPosition {
  zc?: ZoneChangePosition;
  rc?: OffsetPosition;
  dc?: DomainChangePosition;
  /** Sources with nothing left after their position. */
  x?: SourceKey[];
  /**
   * For sources nothing was taken from yet: the position of the change that was next then
   * (inclusive). Starting there keeps changes that landed since out of the walk.
   */
  h?: { zc?: ZoneChangePosition; rc?: OffsetPosition; dc?: DomainChangePosition };
}

export type SourceKey = 'zc' | 'rc' | 'dc';

export const isFeedPosition = (p: unknown): p is FeedPosition => {
  if (typeof p !== 'object' || p === null) return false;
  const q = p as FeedPosition;
  return (
    (q.zc === undefined || isZoneChangePosition(q.zc)) &&
    (q.rc === undefined || isOffsetPosition(q.rc)) &&
    (q.dc === undefined || isDomainChangePosition(q.dc)) &&
    (q.x === undefined || isKeyList(q.x)) &&
    (q.h === undefined ||
      (typeof q.h === 'object' &&
        q.h !== null &&
        (q.h.zc === undefined || isZoneChangePosition(q.h.zc)) &&
        (q.h.rc === undefined || isOffsetPosition(q.h.rc)) &&
        (q.h.dc === undefined || isDomainChangePosition(q.h.dc))))
  );
};

const isKeyList = (x: unknown) => Array.isArray(x) && x.every((k) => k === 'zc' || k === 'rc' || k === 'dc');

export interface SourceSpec {
  key: SourceKey;
  provider: 'VINYLDNS' | 'OPENSRS';
  read: ReadChunk;
}

const emptySource: ReadChunk = async () => ({ items: [], done: true });

/** VinylDNS sources for a zone id (null: no such zone, so both are empty). */
export function vinylDnsSources(ctx: GraphQLContext, zoneIdOf: () => Promise<string | null>, filters: FeedFilters): SourceSpec[] {
  const until = filters.until;
  const zoneChanges: ReadChunk = async (after, n, head) => {
    const id = await zoneIdOf();
    if (!id) return { items: [], done: true };
    const from = (after ?? head) as ZoneChangePosition | undefined;
    const items = await readZoneChanges(ctx.vinyldns(), id, n, from, from ? undefined : until, head !== undefined && after === undefined);
    return {
      items: items.map((it) => ({ time: epochSeconds(it.change.created), model: zoneChangeModel(it.change), position: it.position })),
      done: items.length < n,
    };
  };
  let reader: RangeReader<WireRecordSetChange> | undefined;
  const identify = (c: WireRecordSetChange) => ({ id: c.id, time: epochSeconds(c.created) });
  const recordSetChanges: ReadChunk = async (after, n, head): Promise<Chunk> => {
    const id = await zoneIdOf();
    if (!id) return { items: [], done: true };
    reader ??= new RangeReader(zoneRecordSetChanges(ctx.vinyldns(), id));
    let from = after as OffsetPosition | undefined;
    if (!from && head !== undefined) {
      // Start at the recorded head (changes that landed since sit above it).
      const h = head as OffsetPosition;
      const at = (await reader.find(h.o, RELOCATE_SPAN, (c) => c.id === h.i)) ?? h.o;
      if (at > 0) {
        const [prev] = await reader.slice(at - 1, at);
        if (prev) from = { o: at - 1, ...identifyPosition(identify(prev)), y: h.i };
      }
    } else if (!from && until !== undefined) {
      // Offsets have no time filter upstream: find the first change at or before `until`.
      const index = await partitionPoint(reader, (c) => epochSeconds(c.created) <= until);
      if (index > 0) {
        const [prev] = await reader.slice(index - 1, index);
        from = { o: index - 1, ...identifyPosition(identify(prev)) };
      }
    }
    const page = await offsetPage(reader, identify, { first: n, after: from });
    return {
      items: page.edges.map((e) => ({ time: e.position.t, model: recordSetChangeModel(e.node), position: e.position })),
      done: !page.hasNextPage,
    };
  };
  return [
    { key: 'zc', provider: 'VINYLDNS', read: zoneChanges },
    { key: 'rc', provider: 'VINYLDNS', read: recordSetChanges },
  ];
}

const identifyPosition = ({ id, time }: { id: string; time: number }) => ({ i: id, t: time });

/** The OpenSRS source: the domain's log read backwards by position (newest first). */
export function openSrsSource(ctx: GraphQLContext, domain: string, filters: FeedFilters): SourceSpec {
  let name: string;
  try {
    name = normaliseMailDomain(domain);
  } catch (error) {
    // Not a mail domain name (a reverse zone, a single label): it has no OpenSRS log.
    if (error instanceof BadUserInputError) return { key: 'dc', provider: 'OPENSRS', read: emptySource };
    throw error;
  }
  const until = filters.until;
  const read: ReadChunk = async (after, n, head) => {
    const log = ctx.domainLog(name);
    let hi: number;
    if (after) hi = (after as DomainChangePosition).p;
    else if (head) hi = (head as DomainChangePosition).p + 1; // positions never move: start at the head
    else {
      const total = await log.requireTotal();
      hi = until === undefined ? total : await partitionPoint(log.reader, (e) => e.time > until, 0, total);
    }
    const lo = Math.max(0, hi - n);
    if (log.missing || hi <= lo) return { items: [], done: true };
    const entries = await log.reader.slice(lo, hi);
    const items = entries
      .map((entry, k) => ({ time: entry.time, model: domainChangeModel(name, lo + k, entry), position: { p: lo + k, t: entry.time } }))
      .reverse();
    return { items, done: lo === 0 };
  };
  return { key: 'dc', provider: 'OPENSRS', read };
}
