// The merged feed: newest first by time; at equal times VinylDNS zone changes, then record set
// changes, then OpenSRS changes; within a source, the source's own order. Every edge's cursor
// holds each source's position at that edge, so the next page resumes each source exactly.
import type { ProviderName } from '../errors.js';
import { recordSetChangeActor } from '../model/summary.js';
import { UPSTREAM_PAGE_LIMIT } from '../pagination/range-reader.js';
import type { FeedPosition, SourceKey, SourceSpec } from './sources.js';
import { SourceStream, type FeedItem } from './stream.js';
import type { ChangeModel, FeedFilters } from './types.js';

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

export function actorOf(model: ChangeModel): string {
  if (model.__typename === 'ZoneChange') return model.change.userId;
  if (model.__typename === 'RecordSetChange') return recordSetChangeActor(model.change);
  return model.entry.user;
}

export async function readFeed(specs: SourceSpec[], filters: FeedFilters, start: FeedPosition, first: number): Promise<FeedPage> {
  const chunk = Math.min(UPSTREAM_PAGE_LIMIT, first + 1);
  const exhausted = new Set(start.x ?? []);
  const streams = specs.map((spec) => {
    const stream = new SourceStream(spec.key, spec.provider, RANK[spec.key], spec.read, start[spec.key], exhausted.has(spec.key), chunk, filters.since);
    stream.head = start.h?.[spec.key];
    return stream;
  });
  const actor = filters.actor?.toLowerCase();
  const passes = (item: FeedItem) =>
    (filters.until === undefined || item.time <= filters.until) && (actor === undefined || actorOf(item.model).toLowerCase() === actor);

  await Promise.all(streams.map((s) => s.peek())); // the first reads of every source run in parallel
  const edges: FeedEdge[] = [];
  while (edges.length <= first) {
    let best: SourceStream | undefined;
    let bestItem: FeedItem | undefined;
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

function snapshot(streams: SourceStream[], start: FeedPosition): FeedPosition {
  const position: FeedPosition = {};
  const done: SourceKey[] = [];
  const heads: FeedPosition['h'] = {};
  for (const s of streams) {
    const key = s.key as SourceKey;
    // A failed source stays where the cursor had it, so a later page picks it up.
    const at = s.failure === undefined ? s.position : start[key];
    if (at !== undefined) (position as Record<string, unknown>)[key] = at;
    else {
      const head = s.failure === undefined ? s.nextHead : start.h?.[key];
      if (head !== undefined) (heads as Record<string, unknown>)[key] = head;
    }
    if (s.exhausted) done.push(key);
  }
  if (done.length > 0) position.x = done;
  if (Object.keys(heads).length > 0) position.h = heads;
  return position;
}
