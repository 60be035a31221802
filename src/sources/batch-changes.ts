// DNS change requests (batch changes): `GET /zones/batchrecordchanges`, offset-paged newest first
// with `nextId` present exactly when more follow (docs/upstreams/vinyldns.md §3.18). New requests
// land on top and shift the offsets, so the offset-list core re-anchors each cursor by id and time.
import type { BatchChangeQuery } from '../providers/vinyldns/audit-client.js';
import type { VinylDnsClient } from '../providers/vinyldns/client.js';
import type { WireBatchChangeSummary } from '../providers/vinyldns/wire-batch.js';
import { offsetSource, type OffsetPosition } from './offset-list.js';
import type { FetchOffsetPage } from './range-reader.js';
import type { WindowedSource } from './source.js';

/** A summary with the `created` the offset core identifies items by. */
export type BatchChangeItem = WireBatchChangeSummary & { created: string };

export type BatchChangeFilters = Omit<BatchChangeQuery, 'startFrom' | 'maxItems'>;

export const batchChangePages =
  (client: VinylDnsClient, filters: BatchChangeFilters): FetchOffsetPage<BatchChangeItem> =>
  async (offset, limit) => {
    const res = await client.listBatchChanges({ ...filters, startFrom: offset, maxItems: limit });
    return { items: res.batchChanges.map((b) => ({ ...b, created: b.createdTimestamp })), more: res.nextId !== undefined };
  };

export const batchChangeSource = (client: VinylDnsClient, filters: BatchChangeFilters): WindowedSource<BatchChangeItem, OffsetPosition> =>
  offsetSource(batchChangePages(client, filters));
