// Relay paging over an upstream list paged by offset, newest first (VinylDNS record set changes,
// history, failures). New changes land at the top and shift every offset, so a cursor carries its
// edge's id and time, plus the id of the edge after it when known, and each page re-anchors:
// it checks that the edge is still where the cursor says and, if not, finds where it moved.
// When nothing has changed this costs no extra upstream call.
import { BadUserInputError } from '../errors.js';
import { UPSTREAM_PAGE_LIMIT, type RangeReader } from './range-reader.js';
import { relayWindow } from './window.js';

/** Where an edge was: its index, id, time (epoch seconds) and the next item's id (null: it was last). */
export interface OffsetPosition {
  o: number;
  i: string;
  t: number;
  y?: string | null;
}

export const isOffsetPosition = (p: unknown): p is OffsetPosition => {
  const q = p as OffsetPosition;
  return (
    typeof q === 'object' && q !== null && Number.isSafeInteger(q.o) && q.o >= 0 && typeof q.i === 'string' &&
    typeof q.t === 'number' && (q.y === undefined || q.y === null || typeof q.y === 'string')
  );
};

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
  const edges = nodes.map((node, k) => {
    const index = w.start + k;
    const { id, time } = identify(node);
    const next = reader.at(index + 1);
    const known = reader.knownLength;
    const y = next !== undefined ? identify(next).id : known !== undefined && index + 1 >= known ? null : undefined;
    return { node, position: y === undefined ? { o: index, i: id, t: time } : { o: index, i: id, t: time, y } };
  });
  return { edges, hasPreviousPage: w.hasPreviousPage, hasNextPage: w.hasNextPage };
}

async function anchorAfter<T>(reader: RangeReader<T>, identify: (item: T) => Identity, pos: OffsetPosition, need: number): Promise<number> {
  const next = pos.o + 1;
  await reader.ensure(next, next + Math.min(need, UPSTREAM_PAGE_LIMIT));
  const following = reader.at(next);
  let inPlace: boolean;
  if (pos.y !== undefined) {
    inPlace = following === undefined ? pos.y === null : identify(following).id === pos.y;
  } else if (following !== undefined && identify(following).time < pos.t) {
    // Anything that landed since would be newer than the anchor; an older successor proves no shift.
    inPlace = true;
  } else {
    await reader.ensure(pos.o, pos.o + 1);
    const self = reader.at(pos.o);
    inPlace = self !== undefined && identify(self).id === pos.i;
  }
  return inPlace ? pos.o : relocate(reader, identify, pos);
}

async function anchorBefore<T>(reader: RangeReader<T>, identify: (item: T) => Identity, pos: OffsetPosition, need: number): Promise<number> {
  await reader.ensure(Math.max(0, pos.o - need), pos.o + 1);
  const self = reader.at(pos.o);
  return self !== undefined && identify(self).id === pos.i ? pos.o : relocate(reader, identify, pos);
}

/** Changes only land at the top, so a moved edge is further down: look below its old index. */
async function relocate<T>(reader: RangeReader<T>, identify: (item: T) => Identity, pos: OffsetPosition): Promise<number> {
  const found = await reader.find(pos.o + 1, RELOCATE_SPAN, (item) => identify(item).id === pos.i);
  if (found === undefined) {
    throw new BadUserInputError('The cursor points at a change that is no longer in this list; start again from the first page', {
      reason: 'STALE_CURSOR',
    });
  }
  return found;
}
