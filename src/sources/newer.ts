// Reading what landed since a position, for lists that can only be read newest first: walk down
// from the newest item (or from `upTo`) until the position is reached, then hand the walk back
// oldest first. One upstream call when nothing is new: the first chunk already holds the position.
import { GatewayError } from '../errors.js';
import { UPSTREAM_PAGE_LIMIT } from './range-reader.js';
import type { ChangeSource, NewerRead, ReadStart, SourceItem } from './source.js';

/** The first chunk of a walk: small, since a poll usually finds nothing or a few items. */
export const FIRST_CHUNK = 10;

/** More items lie between the two positions than a walk may hold. */
export class TooFarBehindError extends GatewayError {
  constructor(readonly limit: number) {
    super(
      'BAD_USER_INPUT',
      `More than ${limit} changes lie after this position; page through them with Query.changes and subscribe with a newer cursor`,
      undefined,
      {
        reason: 'TOO_FAR_BEHIND',
        limit,
      },
    );
  }
}

/**
 * `reached(item)`: true for the item at `than` and everything older (each source knows how to
 * tell, e.g. by id, or by time when the item has vanished).
 */
export async function walkNewer<T, P>(
  source: ChangeSource<T, P>,
  { upTo, limit }: NewerRead<P>,
  reached: (item: SourceItem<T, P>) => boolean,
): Promise<SourceItem<T, P>[]> {
  const out: SourceItem<T, P>[] = [];
  let start: ReadStart<P> = upTo === undefined ? {} : { at: upTo };
  let chunk = FIRST_CHUNK;
  for (;;) {
    const { items, done } = await source.read(start, chunk);
    for (const item of items) {
      if (reached(item)) return out.reverse();
      if (out.length === limit) throw new TooFarBehindError(limit);
      out.push(item);
    }
    if (done || items.length === 0) return out.reverse();
    start = { after: items[items.length - 1].position };
    chunk = UPSTREAM_PAGE_LIMIT;
  }
}
