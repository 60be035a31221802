// `Domain.changes`: a mail domain's log as a connection in either order, with `totalCount`.
import { bidirectionalArgs, type PageArgs } from '../pagination/args.js';
import { connection, type Connection } from '../pagination/connection.js';
import type { CursorCodec, CursorScope } from '../pagination/cursor.js';
import { domainChangeModel, type DomainChangeModel } from '../parents/models.js';
import type { OpenSrsChange } from '../providers/opensrs/client.js';
import {
  domainChangeSource,
  isDomainChangePosition,
  type ChangeOrder,
  type DomainLog,
  type DomainPageRequest,
  type OpenSrsLog,
} from '../sources/domain-changes.js';
import { edgesOf } from './change-connection.js';

export interface DomainChangeConnection extends Connection<DomainChangeModel> {
  totalCount: number;
}

export type DomainChangeArgs = PageArgs & { order?: ChangeOrder | null };

/** The field's cursor scope and the page request in positions (also used to plan `domain(name:)`'s read). */
export function domainPageRequest(codec: CursorCodec, domain: string, raw: DomainChangeArgs): { scope: CursorScope; request: DomainPageRequest } {
  const order: ChangeOrder = raw.order ?? 'NEWEST_FIRST';
  const scope: CursorScope = { field: 'Domain.changes', binding: { domain, order } };
  const { first, last, after, before } = bidirectionalArgs(raw);
  const position = (cursor: string | undefined, argument: 'after' | 'before') =>
    cursor === undefined ? undefined : codec.decode(scope, cursor, argument, isDomainChangePosition).p;
  return { scope, request: { order, first, last, after: position(after, 'after'), before: position(before, 'before') } };
}

/**
 * Any OpenSRS log as a connection in either order, with `totalCount`: `toModel` makes the edge's
 * node from its oldest-first position.
 */
export async function logChangeConnection<M>(
  log: OpenSrsLog,
  codec: CursorCodec,
  raw: DomainChangeArgs,
  toModel: (position: number, entry: OpenSrsChange) => M,
): Promise<Connection<M> & { totalCount: number }> {
  const order: ChangeOrder = raw.order ?? 'NEWEST_FIRST';
  const scope: CursorScope = { field: log.field, binding: { key: log.key, order } };
  const { first, last, after, before } = bidirectionalArgs(raw);
  const position = (cursor: string | undefined, argument: 'after' | 'before') =>
    cursor === undefined ? undefined : codec.decode(scope, cursor, argument, isDomainChangePosition).p;
  const page = await domainChangeSource(log).pageInOrder({ order, first, last, after: position(after, 'after'), before: position(before, 'before') });
  const edges = edgesOf(codec, scope, page.items, (entry, it) => toModel(it.position.p, entry));
  return { ...connection(edges, page.hasPreviousPage, page.hasNextPage, raw.after ?? undefined), totalCount: page.totalCount };
}

export async function domainChangeConnection(log: DomainLog, codec: CursorCodec, raw: DomainChangeArgs): Promise<DomainChangeConnection> {
  const { scope, request } = domainPageRequest(codec, log.domain, raw);
  const page = await domainChangeSource(log).pageInOrder(request);
  const edges = edgesOf(codec, scope, page.items, (entry, it) => domainChangeModel(log.domain, it.position.p, entry));
  return { ...connection(edges, page.hasPreviousPage, page.hasNextPage, raw.after ?? undefined), totalCount: page.totalCount };
}
