// The merged feed: newest first by time; at equal times VinylDNS zone changes, then record set
// changes, then OpenSRS changes; within a source, the source's own order. Every edge's cursor
// holds each source's position at that edge, so the next page resumes each source exactly.
import type { ProviderName } from '../errors.js';
import { actorOf } from '../parents/summary.js';
import { UPSTREAM_PAGE_LIMIT } from '../sources/range-reader.js';
import type { FeedPosition, SourceKey, SourcePositions } from './position.js';
import { SourceStream, type FeedItem, type Lane } from './stream.js';
import type { ChangeModel } from '../parents/models.js';
import type { FeedFilters } from './types.js';

const RANK: Record<SourceKey, number> = { zc: 0, rc: 1, dc: 2 };

export interface FeedEdge {
  model: ChangeModel;
  position: FeedPosition;
}

export interface FeedPage {
  edges: FeedEdge[];
  hasNextPage: boolean;
  /** Sources that failed, with why; their positions stay where they were. */
  failures: Array<{ provider: ProviderName; error: unknown }>;
}

export type AnyLane = { [K in SourceKey]: Lane<K> }[SourceKey];
type AnyStream = { [K in SourceKey]: SourceStream<K> }[SourceKey];

function streamOf<K extends SourceKey>(lane: Lane<K>, start: FeedPosition, chunk: number, filters: FeedFilters): SourceStream<K> {
  const exhausted = start.x?.includes(lane.key) ?? false;
  return new SourceStream(lane, RANK[lane.key], positionIn(start, lane.key), start.h && positionIn(start.h, lane.key), exhausted, chunk, filters.since, filters.until);
}

/** The switch lets each lane keep its own position type. */
function anyStream(lane: AnyLane, start: FeedPosition, chunk: number, filters: FeedFilters): AnyStream {
  switch (lane.key) {
    case 'zc':
      return streamOf(lane, start, chunk, filters);
    case 'rc':
      return streamOf(lane, start, chunk, filters);
    case 'dc':
      return streamOf(lane, start, chunk, filters);
  }
}

export async function readFeed(lanes: AnyLane[], filters: FeedFilters, start: FeedPosition, first: number): Promise<FeedPage> {
  const chunk = Math.min(UPSTREAM_PAGE_LIMIT, first + 1);
  const streams = lanes.map((lane) => anyStream(lane, start, chunk, filters));
  const actor = filters.actor?.toLowerCase();
  const passes = (item: FeedItem<unknown>) =>
    (filters.until === undefined || item.time <= filters.until) && (actor === undefined || actorOf(item.model).toLowerCase() === actor);

  await Promise.all(streams.map((s) => s.peek())); // the first reads of every source run in parallel
  const edges: FeedEdge[] = [];
  while (edges.length <= first) {
    let best: AnyStream | undefined;
    let bestItem: FeedItem<unknown> | undefined;
    for (const stream of streams) {
      const head = await stream.peek();
      if (head && (!bestItem || head.time > bestItem.time || (head.time === bestItem.time && stream.rank < best!.rank))) {
        best = stream;
        bestItem = head;
      }
    }
    if (!best) break;
    const item = best.take();
    if (passes(item)) edges.push({ model: item.model, position: snapshot(streams, start) });
  }
  const failures = streams.filter((s) => s.failure !== undefined).map((s) => ({ provider: s.provider, error: s.failure }));
  return { edges: edges.slice(0, first), hasNextPage: edges.length > first, failures };
}

const positionIn = <K extends SourceKey>(positions: Partial<SourcePositions>, key: K): SourcePositions[K] | undefined => positions[key];

function snapshot(streams: AnyStream[], start: FeedPosition): FeedPosition {
  const position: FeedPosition = {};
  const heads: Partial<SourcePositions> = {};
  const done: SourceKey[] = [];
  for (const s of streams) record(position, heads, s, start);
  for (const s of streams) if (s.exhausted) done.push(s.key);
  if (done.length > 0) position.x = done;
  if (Object.keys(heads).length > 0) position.h = heads;
  return position;
}

function record<K extends SourceKey>(position: FeedPosition, heads: Partial<SourcePositions>, s: SourceStream<K>, start: FeedPosition): void {
  // A failed source stays where the cursor had it, so a later page picks it up.
  const at = s.failure === undefined ? s.position : start[s.key];
  if (at !== undefined) position[s.key] = at;
  else {
    const head = s.failure === undefined ? s.nextHead : start.h?.[s.key];
    if (head !== undefined) heads[s.key] = head;
  }
}
