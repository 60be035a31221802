// One record set's history: `GET /recordsetchange/history?zoneId&fqdn&recordType`, offset-paged
// newest first. It filters on name and type only, so it mixes in changes of other zones with the
// same name (e.g. a deleted zone): offsets of the filtered list are not the upstream's, so the
// history is read whole (a record's history is rarely more than one upstream page) and paged here.
import type { VinylDnsClient } from '../providers/vinyldns/client.js';
import type { WireRecordSetChange } from '../providers/vinyldns/wire.js';
import { offsetSource, type OffsetPosition } from './offset-list.js';
import { UPSTREAM_PAGE_LIMIT, type FetchOffsetPage } from './range-reader.js';
import type { WindowedSource } from './source.js';

export interface RecordSetHistoryTarget {
  zoneId: string;
  /** Absolute. */
  fqdn: string;
  type: string;
}

export function recordSetHistoryPages(client: VinylDnsClient, { zoneId, fqdn, type }: RecordSetHistoryTarget): FetchOffsetPage<WireRecordSetChange> {
  let all: Promise<WireRecordSetChange[]> | undefined;
  const readAll = async () => {
    const out: WireRecordSetChange[] = [];
    for (let startFrom = 0; ; startFrom += UPSTREAM_PAGE_LIMIT) {
      const res = await client.listRecordSetHistory({ zoneId, fqdn, recordType: type, startFrom, maxItems: UPSTREAM_PAGE_LIMIT });
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

export const recordSetHistorySource = (client: VinylDnsClient, target: RecordSetHistoryTarget): WindowedSource<WireRecordSetChange, OffsetPosition> =>
  offsetSource(recordSetHistoryPages(client, target));
