// The offset-paged VinylDNS lists of record set changes: a zone's changes, its failed changes,
// and one record set's history. Each adapts its endpoint's paging to a FetchOffsetPage, then
// shares the anchored Relay logic of src/pagination/offset-connection.ts.
import { bidirectionalArgs, type PageArgs } from '../pagination/args.js';
import { connection, type Connection } from '../pagination/connection.js';
import type { CursorCodec, CursorScope } from '../pagination/cursor.js';
import { isOffsetPosition, offsetPage, type Identity } from '../pagination/offset-connection.js';
import { RangeReader, UPSTREAM_PAGE_LIMIT, type FetchOffsetPage } from '../pagination/range-reader.js';
import type { VinylDnsClient } from '../providers/vinyldns/client.js';
import type { WireRecordSetChange } from '../providers/vinyldns/wire.js';
import { epochSeconds } from '../model/time.js';
import { recordSetChangeModel, type RecordSetChangeModel } from '../schema/models.js';

const identify = (c: WireRecordSetChange): Identity => ({ id: c.id, time: epochSeconds(c.created) });

export async function recordSetChangeConnection(
  codec: CursorCodec,
  scope: CursorScope,
  fetchPage: FetchOffsetPage<WireRecordSetChange>,
  args: PageArgs,
): Promise<Connection<RecordSetChangeModel>> {
  const { first, last, after, before } = bidirectionalArgs(args);
  const page = await offsetPage(new RangeReader(fetchPage), identify, {
    first,
    last,
    after: after === undefined ? undefined : codec.decode(scope, after, 'after', isOffsetPosition),
    before: before === undefined ? undefined : codec.decode(scope, before, 'before', isOffsetPosition),
  });
  const edges = page.edges.map((e) => ({ cursor: codec.encode(scope, e.position), node: recordSetChangeModel(e.node) }));
  return connection(edges, page.hasPreviousPage, page.hasNextPage);
}

/** `GET /zones/{id}/recordsetchanges`: `nextId` is present exactly when more items follow. */
export const zoneRecordSetChanges =
  (client: VinylDnsClient, zoneId: string): FetchOffsetPage<WireRecordSetChange> =>
  async (offset, limit) => {
    const res = await client.listRecordSetChanges(zoneId, { startFrom: offset, maxItems: limit });
    return { items: res.recordSetChanges, more: res.nextId !== undefined };
  };

/**
 * `GET /metrics/health/zones/{id}/recordsetchangesfailure`: `nextId` is always present and one
 * too far, so it is ignored; one extra item is asked for to learn whether more follow.
 */
export const zoneFailedRecordSetChanges =
  (client: VinylDnsClient, zoneId: string): FetchOffsetPage<WireRecordSetChange> =>
  async (offset, limit) => {
    const maxItems = Math.min(UPSTREAM_PAGE_LIMIT, limit + 1);
    const res = await client.listFailedRecordSetChanges(zoneId, { startFrom: offset, maxItems });
    const items = res.failedRecordSetChanges;
    const more = items.length > limit ? true : items.length < maxItems ? false : undefined;
    return { items: items.slice(0, limit), more };
  };

/**
 * `GET /recordsetchange/history` filters on name and type only, so it mixes in changes of other
 * zones with the same name (e.g. a deleted zone). Offsets of the filtered list are not the
 * upstream's, so the history is read whole (a record's history is rarely more than one upstream
 * page) and paged here.
 */
export function recordSetHistory(client: VinylDnsClient, zoneId: string, fqdn: string, recordType: string): FetchOffsetPage<WireRecordSetChange> {
  let all: Promise<WireRecordSetChange[]> | undefined;
  const readAll = async () => {
    const out: WireRecordSetChange[] = [];
    for (let startFrom = 0; ; startFrom += UPSTREAM_PAGE_LIMIT) {
      const res = await client.listRecordSetHistory({ zoneId, fqdn, recordType, startFrom, maxItems: UPSTREAM_PAGE_LIMIT });
      out.push(...res.recordSetChanges.filter((c) => c.zone.id === zoneId));
      if (res.nextId === undefined || res.recordSetChanges.length === 0) return out;
    }
  };
  return async (offset, limit) => {
    all ??= readAll();
    const items = await all;
    return { items: items.slice(offset, offset + limit), more: offset + limit < items.length };
  };
}
