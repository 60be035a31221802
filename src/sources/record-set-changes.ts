// A zone's record set changes: `GET /zones/{id}/recordsetchanges`, offset-paged newest first
// (`startFrom` = offset, `maxItems` ≤ 100); `nextId` is present exactly when more items follow.
import type { VinylDnsClient } from '../providers/vinyldns/client.js';
import type { WireRecordSetChange } from '../providers/vinyldns/wire.js';
import { offsetSource, type OffsetPosition } from './offset-list.js';
import type { FetchOffsetPage } from './range-reader.js';
import type { NewerSource, WindowedSource } from './source.js';

export const recordSetChangePages =
  (client: VinylDnsClient, zoneId: string): FetchOffsetPage<WireRecordSetChange> =>
  async (offset, limit) => {
    const res = await client.listRecordSetChanges(zoneId, { startFrom: offset, maxItems: limit });
    return { items: res.recordSetChanges, more: res.nextId !== undefined };
  };

export const recordSetChangeSource = (
  client: VinylDnsClient,
  zoneId: string,
): WindowedSource<WireRecordSetChange, OffsetPosition> & NewerSource<WireRecordSetChange, OffsetPosition> => offsetSource(recordSetChangePages(client, zoneId));
