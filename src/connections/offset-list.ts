// Any offset-paged, newest-first upstream list as a Relay connection, with re-anchoring cursors
// (src/pagination/offset-connection.ts). The lists differ only in how one page is fetched.
import { bidirectionalArgs, type PageArgs } from '../pagination/args.js';
import { connection, type Connection } from '../pagination/connection.js';
import type { CursorCodec, CursorScope } from '../pagination/cursor.js';
import { isOffsetPosition, offsetPage } from '../pagination/offset-connection.js';
import { RangeReader, type FetchOffsetPage } from '../pagination/range-reader.js';
import { epochSeconds } from '../model/time.js';

/** Every VinylDNS change has an id and a second-precision `created`. */
interface Identified {
  id: string;
  created: string;
}

const identify = (item: Identified) => ({ id: item.id, time: epochSeconds(item.created) });

export async function offsetListConnection<W extends Identified, M>(
  codec: CursorCodec,
  scope: CursorScope,
  fetchPage: FetchOffsetPage<W>,
  args: PageArgs,
  toModel: (item: W) => M,
): Promise<Connection<M>> {
  const { first, last, after, before } = bidirectionalArgs(args);
  const page = await offsetPage(new RangeReader(fetchPage), identify, {
    first,
    last,
    after: after === undefined ? undefined : codec.decode(scope, after, 'after', isOffsetPosition),
    before: before === undefined ? undefined : codec.decode(scope, before, 'before', isOffsetPosition),
  });
  const edges = page.edges.map((e) => ({ cursor: codec.encode(scope, e.position), node: toModel(e.node) }));
  return connection(edges, page.hasPreviousPage, page.hasNextPage);
}
