// The offset-paged VinylDNS lists of changes: a zone's record set changes, its failed ones, one
// record set's history, and the global list of failed zone changes. Each adapts its endpoint's paging to a FetchOffsetPage, then
// shares the anchored Relay logic of src/pagination/offset-connection.ts.
import type { PageArgs } from '../pagination/args.js';
import type { Connection } from '../pagination/connection.js';
import type { CursorCodec, CursorScope } from '../pagination/cursor.js';
import { UPSTREAM_PAGE_LIMIT, type FetchOffsetPage } from '../pagination/range-reader.js';
import type { VinylDnsClient } from '../providers/vinyldns/client.js';
import type { WireRecordSetChange, WireZoneChange } from '../providers/vinyldns/wire.js';
import { recordSetChangeModel, zoneChangeModel, type RecordSetChangeModel, type ZoneChangeModel } from '../schema/models.js';
import { offsetListConnection } from './offset-list.js';

export const recordSetChangeConnection = (
  codec: CursorCodec,
  scope: CursorScope,
  fetchPage: FetchOffsetPage<WireRecordSetChange>,
  args: PageArgs,
): Promise<Connection<RecordSetChangeModel>> => offsetListConnection(codec, scope, fetchPage, args, recordSetChangeModel);

/** `GET /zones/{id}/recordsetchanges`: `nextId` is present exactly when more items follow. */
export const zoneRecordSetChanges =
  (client: VinylDnsClient, zoneId: string): FetchOffsetPage<WireRecordSetChange> =>
  async (offset, limit) => {
    const res = await client.listRecordSetChanges(zoneId, { startFrom: offset, maxItems: limit });
    return { items: res.recordSetChanges, more: res.nextId !== undefined };
  };

/**
 * The failure lists' `nextId` cannot say whether more items follow (always present, one too far
 * for record sets), so it is ignored and one extra item is asked for instead.
 */
const askingOneMore =
  <T>(read: (startFrom: number, maxItems: number) => Promise<T[]>): FetchOffsetPage<T> =>
  async (offset, limit) => {
    const maxItems = Math.min(UPSTREAM_PAGE_LIMIT, limit + 1);
    const items = await read(offset, maxItems);
    const more = items.length > limit ? true : items.length < maxItems ? false : undefined;
    return { items: items.slice(0, limit), more };
  };

/** `GET /metrics/health/zones/{id}/recordsetchangesfailure`. */
export const zoneFailedRecordSetChanges = (client: VinylDnsClient, zoneId: string): FetchOffsetPage<WireRecordSetChange> =>
  askingOneMore(async (startFrom, maxItems) => (await client.listFailedRecordSetChanges(zoneId, { startFrom, maxItems })).failedRecordSetChanges);

/** `GET /metrics/health/zonechangesfailure`: every zone's failed zone changes. */
export const failedZoneChanges = (client: VinylDnsClient): FetchOffsetPage<WireZoneChange> =>
  askingOneMore(async (startFrom, maxItems) => (await client.listFailedZoneChanges({ startFrom, maxItems })).failedZoneChanges);

export const zoneChangeListConnection = (codec: CursorCodec, scope: CursorScope, fetchPage: FetchOffsetPage<WireZoneChange>, args: PageArgs): Promise<Connection<ZoneChangeModel>> =>
  offsetListConnection(codec, scope, fetchPage, args, zoneChangeModel);

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

/** One record set's history as a connection, for `Query.recordSetChangeHistory` and `RecordSet.history`. */
export function recordSetHistoryConnection(
  client: VinylDnsClient,
  codec: CursorCodec,
  field: string,
  target: { zoneId: string; fqdn: string; type: string },
  args: PageArgs,
): Promise<Connection<RecordSetChangeModel>> {
  const { zoneId, fqdn, type } = target;
  const scope = { field, binding: { zoneId, fqdn: fqdn.toLowerCase(), type } };
  return recordSetChangeConnection(codec, scope, recordSetHistory(client, zoneId, fqdn, type), args);
}
