// Subscribing with `after`: where the cursor leaves each lane, and the changes between there and
// the poller's frontier (the catch-up), read with the subscriber's own identity.
import { GatewayError } from '../errors.js';
import type { FeedPosition, SourceKey } from '../feed/position.js';
import { edgesOf, oldestFirst } from './edges.js';
import { failureOf, RANK, type LaneSet, type LiveLane } from './lanes.js';
import type { LanePosition, LiveEdge, LiveFrontier, LiveItem } from './types.js';

const timeOf = (p: LanePosition): number => ('s' in p ? p.s : p.t);

/** The same change: lanes name their changes by id (VinylDNS) or by stable position (OpenSRS). */
export const sameChange = (a: LanePosition, b: LanePosition): boolean => ('i' in a && 'i' in b ? a.i === b.i : 'p' in a && 'p' in b && a.p === b.p);

/** True when `a` of lane `ka` comes before `b` of lane `kb` oldest first (after it in the feed). */
const isOlder = (ka: SourceKey, a: LanePosition, kb: SourceKey, b: LanePosition) => timeOf(a) < timeOf(b) || (timeOf(a) === timeOf(b) && RANK[ka] > RANK[kb]);

/**
 * The frontier a cursor of Query.changes (or of an earlier event) stands for: per lane, the
 * newest change that is not newer than the cursor's change. The cursor's change is the oldest of
 * the positions it holds (the others are where their lanes were, newer, when it was made).
 */
export async function frontierOfCursor(position: FeedPosition, lanes: LaneSet): Promise<LiveFrontier> {
  const session = lanes.session();
  const at = (key: SourceKey) => position[key] as LanePosition | undefined;
  let own: SourceKey | undefined;
  for (const { key } of session) {
    const p = at(key);
    if (p !== undefined && (own === undefined || isOlder(key, p, own, at(own)!))) own = key;
  }
  const exhausted = new Set(position.x ?? []);
  const frontier: LiveFrontier = {};
  await Promise.all(
    session.map(async (lane) => {
      const { key } = lane;
      const p = at(key);
      let mark: LanePosition | null;
      if (key === own) mark = p!;
      else if (p !== undefined) {
        // The lane was at a newer change: the cursor's place in it is the change after that one.
        mark = exhausted.has(key) ? null : ((await readOne(lane, { after: p })) ?? null);
      } else if (position.h?.[key] !== undefined) mark = position.h[key] as LanePosition;
      else if (exhausted.has(key)) mark = null;
      else {
        // Nothing recorded (the lane failed when the cursor was made): place it by time.
        const ownTime = own === undefined ? undefined : timeOf(at(own)!);
        const until = ownTime === undefined ? undefined : RANK[key] > RANK[own!] ? ownTime : ownTime - 1;
        mark = (await readOne(lane, { until })) ?? null;
      }
      (frontier as Record<string, unknown>)[key] = mark;
    }),
  );
  return frontier;
}

async function readOne(lane: LiveLane, start: { after: LanePosition } | { until?: number }): Promise<LanePosition | undefined> {
  try {
    const [item] = await (await lane.open()).read(start, 1);
    return item?.position;
  } catch (error) {
    throw asLaneError(lane.provider, error);
  }
}

const asLaneError = (provider: 'VINYLDNS' | 'OPENSRS', error: unknown) => {
  if (error instanceof GatewayError) return error;
  const failure = failureOf(provider, error);
  return new GatewayError(failure.code, failure.message, provider);
};

/** The changes newer than `from` and no newer than `to`, as events, oldest first. */
export async function catchUp(
  lanes: LaneSet,
  from: LiveFrontier,
  to: LiveFrontier,
  limit: number,
  actor: string | null,
  encode: (p: FeedPosition) => string,
): Promise<LiveEdge[]> {
  const read = await Promise.all(
    lanes.session().map(async (lane): Promise<LiveItem[]> => {
      const than = from[lane.key] as LanePosition | null | undefined;
      const upTo = to[lane.key] as LanePosition | null | undefined;
      // A lane the poller has no change of (or does not know yet) has nothing to catch up.
      if (upTo === undefined || upTo === null || than === undefined || (than !== null && sameChange(than, upTo))) return [];
      try {
        return await (await lane.open()).readNewer({ than, upTo, limit });
      } catch (error) {
        throw asLaneError(lane.provider, error);
      }
    }),
  );
  return edgesOf(oldestFirst(read), from, actor, encode).edges;
}
