// The sources over VinylDNS lists paged by offset, newest first (record set changes, history,
// failures). New changes land at the top and shift every offset, so a position carries its
// item's id and time, plus the id of the item after it when known, and each read re-anchors: it
// checks that the item is still where the position says and, if not, finds where it moved.
// When nothing has changed this costs no extra upstream call.
import { BadUserInputError } from '../errors.js';
import { epochSeconds } from '../model/time.js';
import { relayWindow } from '../pagination/window.js';
import { RangeReader, UPSTREAM_PAGE_LIMIT, type FetchOffsetPage } from './range-reader.js';
import { partitionPoint } from './search.js';
import { walkNewer } from './newer.js';
import type { NewerSource, ReadStart, SourceChunk, SourceItem, WindowedSource } from './source.js';
import { isRecord } from '../model/guards.js';

/** Where an edge was: its index, id, time (epoch seconds) and the next item's id (null: it was last). */
export interface OffsetPosition {
  o: number;
  i: string;
  t: number;
  y?: string | null;
}

export const isOffsetPosition = (q: unknown): q is OffsetPosition =>
  isRecord(q) &&
  typeof q.o === 'number' &&
  Number.isSafeInteger(q.o) &&
  q.o >= 0 &&
  typeof q.i === 'string' &&
  typeof q.t === 'number' &&
  (q.y === undefined || q.y === null || typeof q.y === 'string');

export interface Identity {
  id: string;
  /** Epoch seconds. */
  time: number;
}

export interface OffsetPageRequest {
  first?: number;
  last?: number;
  after?: OffsetPosition;
  before?: OffsetPosition;
}

export interface OffsetEdge<T> {
  node: T;
  position: OffsetPosition;
}

export interface OffsetPageResult<T> {
  edges: OffsetEdge<T>[];
  hasPreviousPage: boolean;
  hasNextPage: boolean;
}

/** How far past its old index a cursor's edge is looked for when changes have landed. */
export const RELOCATE_SPAN = 20 * UPSTREAM_PAGE_LIMIT;

export async function offsetPage<T>(reader: RangeReader<T>, identify: (item: T) => Identity, req: OffsetPageRequest): Promise<OffsetPageResult<T>> {
  const { first, last } = req;
  const after = req.after ? await anchorAfter(reader, identify, req.after, (first ?? 0) + 1) : undefined;
  const before = req.before ? await anchorBefore(reader, identify, req.before, last ?? 0) : undefined;

  let length: number;
  if (before !== undefined) length = before + 1;
  else if (last !== undefined) length = await reader.length();
  else length = await reader.lengthUpTo((after ?? -1) + 1 + (first ?? 0) + 1);

  const w = relayWindow({ after, before, first, last, length });
  // Read one item past the page when it fits in the same upstream call: its id lets the next
  // page verify its anchor for free.
  const readEnd = w.end + (w.end - w.start < UPSTREAM_PAGE_LIMIT ? 1 : 0);
  await reader.ensure(w.start, readEnd);
  const nodes = await reader.slice(w.start, w.end);
  // Each node is identified once (identify parses its date): as itself, and as the successor of
  // the edge before it.
  const identities = nodes.map(identify);
  const known = reader.knownLength;
  const edges = nodes.map((node, k) => {
    const index = w.start + k;
    const { id, time } = identities[k];
    const next = k + 1 < nodes.length ? identities[k + 1] : identifyAt(reader, identify, index + 1);
    const y = next !== undefined ? next.id : known !== undefined && index + 1 >= known ? null : undefined;
    return { node, position: y === undefined ? { o: index, i: id, t: time } : { o: index, i: id, t: time, y } };
  });
  return { edges, hasPreviousPage: w.hasPreviousPage, hasNextPage: w.hasNextPage };
}

function identifyAt<T>(reader: RangeReader<T>, identify: (item: T) => Identity, index: number): Identity | undefined {
  const item = reader.at(index);
  return item === undefined ? undefined : identify(item);
}

async function anchorAfter<T>(reader: RangeReader<T>, identify: (item: T) => Identity, pos: OffsetPosition, need: number): Promise<number> {
  const next = pos.o + 1;
  await reader.ensure(next, next + Math.min(need, UPSTREAM_PAGE_LIMIT));
  const following = identifyAt(reader, identify, next);
  let inPlace: boolean;
  if (pos.y !== undefined) {
    inPlace = following === undefined ? pos.y === null : following.id === pos.y;
  } else if (following !== undefined && following.time < pos.t) {
    // Anything that landed since would be newer than the anchor; an older successor proves no shift.
    inPlace = true;
  } else {
    // Changes that landed since push the anchor down, into the items just read: finding it there
    // costs no call, so a page after drift costs at most one more call than without it.
    const moved = cachedIndex(reader, identify, pos.i, next, next + Math.min(need, UPSTREAM_PAGE_LIMIT));
    if (moved !== undefined) return moved;
    // A successor newer than the anchor can only have landed since (the list is newest first): the
    // anchor has moved further down than was read, so looking at its old place would be a call lost.
    if (following !== undefined && following.time > pos.t) return relocate(reader, identify, pos);
    await reader.ensure(pos.o, pos.o + 1);
    const self = reader.at(pos.o);
    inPlace = self !== undefined && identify(self).id === pos.i;
  }
  return inPlace ? pos.o : relocate(reader, identify, pos);
}

/** Index of the item with this id among the cached items of [from, to), without reading. */
function cachedIndex<T>(reader: RangeReader<T>, identify: (item: T) => Identity, id: string, from: number, to: number): number | undefined {
  for (let i = from; i < to; i++) {
    const item = reader.at(i);
    if (item === undefined) return undefined;
    if (identify(item).id === id) return i;
  }
  return undefined;
}

async function anchorBefore<T>(reader: RangeReader<T>, identify: (item: T) => Identity, pos: OffsetPosition, need: number): Promise<number> {
  await reader.ensure(Math.max(0, pos.o - need), pos.o + 1);
  const self = reader.at(pos.o);
  return self !== undefined && identify(self).id === pos.i ? pos.o : relocate(reader, identify, pos);
}

/** Changes only land at the top, so a moved edge is further down: look at and below its old index. */
async function relocate<T>(reader: RangeReader<T>, identify: (item: T) => Identity, pos: OffsetPosition, from = pos.o + 1): Promise<number> {
  const found = await reader.find(from, RELOCATE_SPAN, (item) => identify(item).id === pos.i);
  if (found === undefined) {
    throw new BadUserInputError('The cursor points at a change that is no longer in this list; start again from the first page', {
      reason: 'STALE_CURSOR',
    });
  }
  return found;
}

/** Every VinylDNS change has an id and a second-precision `created`. */
export interface Identified {
  id: string;
  created: string;
}

const identifyChange = (item: Identified): Identity => ({ id: item.id, time: epochSeconds(item.created) });

const sourceItem = <T extends Identified>(edge: OffsetEdge<T>): SourceItem<T, OffsetPosition> => ({
  node: edge.node,
  time: edge.position.t,
  position: edge.position,
});

/**
 * A newest-first offset list as a source. Its range reader lives as long as the source (one
 * field call, or one feed page), so re-anchoring and the page itself share upstream calls.
 */
export function offsetSource<T extends Identified>(fetchPage: FetchOffsetPage<T>): WindowedSource<T, OffsetPosition> & NewerSource<T, OffsetPosition> {
  const reader = new RangeReader(fetchPage);
  const source: WindowedSource<T, OffsetPosition> & NewerSource<T, OffsetPosition> = {
    isPosition: isOffsetPosition,
    // Offsets shift as changes land on top; ids do not. An item older than the position's time
    // means the position's change has vanished.
    readNewer: (read) => walkNewer(source, read, (item) => read.than !== null && (item.position.i === read.than.i || item.time < read.than.t)),
    async page(request) {
      const page = await offsetPage(reader, identifyChange, request);
      return { items: page.edges.map(sourceItem), hasPreviousPage: page.hasPreviousPage, hasNextPage: page.hasNextPage };
    },
    async read(start, n) {
      const after = await readAfter(reader, start);
      const page = await offsetPage(reader, identifyChange, { first: n, after });
      return { items: page.edges.map(sourceItem), done: !page.hasNextPage } satisfies SourceChunk<T, OffsetPosition>;
    },
  };
  return source;
}

/** The position to read after, for any start: the item before a head, or before `until`. */
async function readAfter<T extends Identified>(reader: RangeReader<T>, start: ReadStart<OffsetPosition>): Promise<OffsetPosition | undefined> {
  if ('after' in start) return start.after;
  let index: number;
  let successor: string | undefined;
  if ('at' in start) {
    // The head may have moved down since (changes landed above it): find it, from its old index.
    index = await relocate(reader, identifyChange, start.at, start.at.o);
    successor = start.at.i;
  } else if (start.until !== undefined) {
    // Offsets have no time filter upstream: find the first change at or before `until`.
    const until = start.until;
    index = await partitionPoint(reader, (c) => epochSeconds(c.created) <= until);
  } else return undefined;
  if (index === 0) return undefined;
  const [previous] = await reader.slice(index - 1, index);
  if (!previous) return undefined;
  const { id, time } = identifyChange(previous);
  return successor === undefined ? { o: index - 1, i: id, t: time } : { o: index - 1, i: id, t: time, y: successor };
}

/**
 * For lists whose `nextId` cannot say whether more items follow (the failure lists: always
 * present, and one too far for record sets): ignore it and ask for one extra item instead.
 */
export const askingOneMore =
  <T>(read: (startFrom: number, maxItems: number) => Promise<T[]>): FetchOffsetPage<T> =>
  async (offset, limit) => {
    const maxItems = Math.min(UPSTREAM_PAGE_LIMIT, limit + 1);
    const items = await read(offset, maxItems);
    const more = items.length > limit ? true : items.length < maxItems ? false : undefined;
    return { items: items.slice(0, limit), more };
  };
