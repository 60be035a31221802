// A group's change history: `GET /groups/{id}/activity`, offset-paged newest first, `nextId`
// present exactly when more follow (docs/upstreams/vinyldns.md §3.16). Changes landing on top
// shift the offsets: the offset-list core re-anchors cursors by id and time.
import type { VinylDnsClient } from '../providers/vinyldns/client.js';
import type { WireGroupChange } from '../providers/vinyldns/wire-membership.js';
import { offsetSource, type OffsetPosition } from './offset-list.js';
import type { FetchOffsetPage } from './range-reader.js';
import type { WindowedSource } from './source.js';

export const groupChangePages =
  (client: VinylDnsClient, groupId: string): FetchOffsetPage<WireGroupChange> =>
  async (offset, limit) => {
    const res = await client.listGroupActivity(groupId, { startFrom: offset, maxItems: limit });
    return { items: res.changes, more: res.nextId !== undefined };
  };

export const groupChangeSource = (client: VinylDnsClient, groupId: string): WindowedSource<WireGroupChange, OffsetPosition> =>
  offsetSource(groupChangePages(client, groupId));
