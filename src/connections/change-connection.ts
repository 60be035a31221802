// A Relay connection over one change source: the Relay arguments checked, the cursors decoded to
// the source's own positions (and bound to the field and its arguments), one read, the cursors
// encoded again. Every list of changes goes through one of these two.
import { bidirectionalArgs, forwardArgs, type PageArgs } from '../pagination/args.js';
import { connection, type Connection } from '../pagination/connection.js';
import type { CursorCodec, CursorScope } from '../pagination/cursor.js';
import type { ChangeSource, SourceItem, WindowedSource } from '../sources/source.js';

/** For sources that page forward only (VinylDNS key-paged lists). */
export async function forwardConnection<T, P, M>(
  codec: CursorCodec,
  scope: CursorScope,
  source: ChangeSource<T, P>,
  args: PageArgs,
  toModel: (node: T) => M,
): Promise<Connection<M>> {
  const { first, after } = forwardArgs(scope.field, args);
  const position = after === undefined ? undefined : codec.decode(scope, after, 'after', source.isPosition);
  const { items } = await source.read(position === undefined ? {} : { after: position }, first + 1);
  return connection(edgesOf(codec, scope, items.slice(0, first), toModel), false, items.length > first, after);
}

/** For sources that can page both ways (`first`/`after` and `last`/`before`). */
export async function windowedConnection<T, P, M>(
  codec: CursorCodec,
  scope: CursorScope,
  source: WindowedSource<T, P>,
  args: PageArgs,
  toModel: (node: T) => M,
): Promise<Connection<M>> {
  const { first, last, after, before } = bidirectionalArgs(args);
  const page = await source.page({
    first,
    last,
    after: after === undefined ? undefined : codec.decode(scope, after, 'after', source.isPosition),
    before: before === undefined ? undefined : codec.decode(scope, before, 'before', source.isPosition),
  });
  return connection(edgesOf(codec, scope, page.items, toModel), page.hasPreviousPage, page.hasNextPage, after);
}

/** `toModel` gets the item too, for models that carry their position (OpenSRS changes). */
export const edgesOf = <T, P, M>(codec: CursorCodec, scope: CursorScope, items: SourceItem<T, P>[], toModel: (node: T, item: SourceItem<T, P>) => M) =>
  items.map((it) => ({ cursor: codec.encode(scope, it.position), node: toModel(it.node, it) }));
