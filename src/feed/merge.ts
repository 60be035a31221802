// The merged feed: newest first by time; at equal times VinylDNS zone changes, then record set
// changes, then OpenSRS changes; within a source, the source's own order. Every edge's cursor
// holds each source's position at that edge, so the next page resumes each source exactly.
import { GatewayError, type ProviderName } from '../errors.js';
import { actorOf, vinylDnsUserIdOf } from '../parents/summary.js';
import { UPSTREAM_PAGE_LIMIT } from '../sources/range-reader.js';
import type { FeedPosition, SourceKey, SourcePositions } from './position.js';
import { SourceStream, type FeedItem, type Lane, type ReadRefusal } from './stream.js';
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
  /**
   * Where a next page starts when this one has no edge to carry a cursor: before the first change
   * it did not return, or where the scan stopped when the request's upstream budget ran out.
   */
  resume?: FeedPosition;
  /** Sources that failed, with why; their positions stay where they were. */
  failures: Array<{ provider: ProviderName; error: unknown }>;
}

export type AnyLane = { [K in SourceKey]: Lane<K> }[SourceKey];
type AnyStream = { [K in SourceKey]: SourceStream<K> }[SourceKey];

function streamOf<K extends SourceKey>(lane: Lane<K>, start: FeedPosition, chunk: number, filters: FeedFilters, refusal?: ReadRefusal): SourceStream<K> {
  const exhausted = start.x?.includes(lane.key) ?? false;
  const head = start.h && positionIn(start.h, lane.key);
  return new SourceStream(lane, RANK[lane.key], positionIn(start, lane.key), head, exhausted, chunk, filters.since, filters.until, refusal);
}

/** The switch lets each lane keep its own position type. */
function anyStream(lane: AnyLane, start: FeedPosition, chunk: number, filters: FeedFilters, refusal?: ReadRefusal): AnyStream {
  switch (lane.key) {
    case 'zc':
      return streamOf(lane, start, chunk, filters, refusal);
    case 'rc':
      return streamOf(lane, start, chunk, filters, refusal);
    case 'dc':
      return streamOf(lane, start, chunk, filters, refusal);
  }
}

/** `refusal`: why the request may make no more upstream calls, once it may not; the page then ends early. */
export async function readFeed(lanes: AnyLane[], filters: FeedFilters, start: FeedPosition, first: number, refusal?: ReadRefusal): Promise<FeedPage> {
  // A filter may skip many changes: read it in full upstream pages, never an item per call.
  const chunk = filters.actor ? UPSTREAM_PAGE_LIMIT : Math.min(UPSTREAM_PAGE_LIMIT, first + 1);
  const streams = lanes.map((lane) => anyStream(lane, start, chunk, filters, refusal));
  const actor = filters.actor?.toLowerCase();
  const passes = (item: FeedItem<unknown>) =>
    (filters.until === undefined || item.time <= filters.until) &&
    (actor === undefined ||
      actorOf(item.model).toLowerCase() === actor ||
      (filters.actorUserId !== undefined && vinylDnsUserIdOf(item.model) === filters.actorUserId));

  await Promise.all(streams.map((s) => s.peek())); // the first reads of every source run in parallel
  const edges: FeedEdge[] = [];
  let hasNextPage = false;
  let taken = 0;
  for (;;) {
    let best: AnyStream | undefined;
    let bestItem: FeedItem<unknown> | undefined;
    for (const stream of streams) {
      const head = await stream.peek();
      if (head && (!bestItem || head.time > bestItem.time || (head.time === bestItem.time && stream.rank < best!.rank))) {
        best = stream;
        bestItem = head;
      }
    }
    // A paused source may hold the newest change still unread: nothing can be merged past it.
    if (streams.some((s) => s.paused)) {
      // A page that could not take a single change would send the client back to where it was.
      if (taken === 0)
        throw (
          refusal?.() ??
          new GatewayError(
            'UPSTREAM_BUDGET_EXCEEDED',
            'The operation used up its upstream calls before the feed could read a change; ask for it in an operation of its own',
          )
        );
      hasNextPage = true;
      break;
    }
    if (!best || !bestItem) break;
    if (passes(bestItem)) {
      // The page is full and a passing change follows it: that proves the next page.
      if (edges.length === first) {
        hasNextPage = true;
        break;
      }
      best.take();
      edges.push({ model: bestItem.model, position: snapshot(streams, start) });
    } else best.take();
    taken++;
  }
  const failures = streams.filter((s) => s.failure !== undefined).map((s) => ({ provider: s.provider, error: s.failure }));
  return { edges, hasNextPage, failures, resume: hasNextPage && edges.length === 0 ? snapshot(streams, start) : undefined };
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
  // A failed source stays after the last change of it this page showed (where the cursor had it
  // when none), so a later page picks it up without showing any change twice.
  const at = s.position;
  if (at !== undefined) position[s.key] = at;
  else {
    const head = s.failure === undefined ? s.nextHead : start.h?.[s.key];
    if (head !== undefined) heads[s.key] = head;
  }
}
