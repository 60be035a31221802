// From new changes to events: the merge (oldest first) and each event's cursor, a cursor of
// Query.changes for the same domain and filters.
//
// An event's cursor says where the subscriber is in every lane: the event's own lane at the
// event, each other lane at its frontier as a head (`h`, inclusive: its newest change delivered
// so far), or done (`x`) when it has none. Query.changes continues from it to older changes;
// Subscription.changes continues from it to newer ones, without reading anything to decode it.
import { SOURCE_KEYS, type FeedPosition, type SourceKey, type SourcePositions } from '../feed/position.js';
import { isOneOf } from '../model/guards.js';
import { actorOf } from '../parents/summary.js';
import { RANK } from './lanes.js';
import type { LiveEdge, LiveFrontier, LiveItem } from './types.js';

/**
 * Oldest first: by time; at equal times the reverse of the feed's order (OpenSRS, record set
 * changes, zone changes); each lane in its own order. `lanes`: each lane's items, oldest first.
 */
export function oldestFirst(lanes: LiveItem[][]): LiveItem[] {
  const heads = lanes.map(() => 0);
  const out: LiveItem[] = [];
  for (;;) {
    let best = -1;
    lanes.forEach((items, i) => {
      const item = items[heads[i]];
      if (!item) return;
      const current = best === -1 ? undefined : lanes[best][heads[best]];
      if (!current || item.time < current.time || (item.time === current.time && RANK[item.key] > RANK[current.key])) best = i;
    });
    if (best === -1) return out;
    out.push(lanes[best][heads[best]++]);
  }
}

/** The cursor position of an event of lane `key` at `position`, given every lane's frontier. */
export function eventPosition(frontier: LiveFrontier, key: SourceKey, position: SourcePositions[SourceKey]): FeedPosition {
  const out: FeedPosition = { [key]: position };
  const heads: Partial<SourcePositions> = {};
  const done: SourceKey[] = [];
  for (const other of Object.keys(frontier)) {
    if (!isOneOf(SOURCE_KEYS, other) || other === key || frontier[other] === undefined) continue;
    if (frontier[other] === null) done.push(other);
    else copyHead(heads, frontier, other);
  }
  if (Object.keys(heads).length > 0) out.h = heads;
  if (done.length > 0) out.x = done;
  return out;
}

/** heads[k] = frontier[k]: one lane's position, typed with its own key. */
function copyHead<K extends SourceKey>(heads: Partial<SourcePositions>, frontier: LiveFrontier, k: K): void {
  const at = frontier[k];
  if (at) heads[k] = at;
}

/**
 * The events of `items` (oldest first) for subscribers that are at `start`, with the frontier
 * after them. Changes the actor filter leaves out still move the frontier.
 */
export function edgesOf(
  items: LiveItem[],
  start: LiveFrontier,
  actor: string | null,
  encode: (position: FeedPosition) => string,
): { edges: LiveEdge[]; frontier: LiveFrontier } {
  const frontier: LiveFrontier = { ...start };
  const wanted = actor?.toLowerCase();
  const edges: LiveEdge[] = [];
  for (const item of items) {
    (frontier as Record<string, unknown>)[item.key] = item.position;
    if (wanted !== undefined && actorOf(item.model).toLowerCase() !== wanted) continue;
    edges.push({ cursor: encode(eventPosition(frontier, item.key, item.position)), node: item.model });
  }
  return { edges, frontier };
}
