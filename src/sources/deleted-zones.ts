// Abandoned zones: `GET /zones/deleted/changes`, newest deletion first, `startFrom` = a zone id at
// which the page starts (inclusive) and `nextId` = the next page's first zone (docs/upstreams/
// vinyldns.md §3.20). A position is the edge's zone id: the next read starts at it and drops it.
// Deletions land on top, so positions stay valid; a cursor's zone whose name is created again
// leaves the list, and the walk ends there (the upstream's own behaviour).
import type { VinylDnsClient } from '../providers/vinyldns/client.js';
import type { WireDeletedZoneInfo } from '../providers/vinyldns/wire.js';
import { epochSeconds } from '../model/time.js';
import { UPSTREAM_PAGE_LIMIT } from './range-reader.js';
import type { ChangeSource, SourceItem } from './source.js';
import { isRecord } from '../model/guards.js';

export interface DeletedZonePosition {
  z: string;
}

export const isDeletedZonePosition = (p: unknown): p is DeletedZonePosition => isRecord(p) && typeof p.z === 'string' && p.z.length > 0;

export interface DeletedZoneFilters {
  nameFilter?: string;
  ignoreAccess?: boolean;
}

export function deletedZoneSource(client: VinylDnsClient, filters: DeletedZoneFilters): ChangeSource<WireDeletedZoneInfo, DeletedZonePosition> {
  return {
    isPosition: isDeletedZonePosition,
    async read(start, n) {
      const anchor = 'after' in start ? start.after.z : undefined;
      let startFrom = anchor;
      const found: WireDeletedZoneInfo[] = [];
      let done = false;
      // The anchor itself comes back first: one extra item, read in full upstream pages.
      while (found.length < n) {
        const wanted = Math.min(UPSTREAM_PAGE_LIMIT, n - found.length + (startFrom === anchor && anchor !== undefined ? 1 : 0));
        const res = await client.listDeletedZones({ ...filters, startFrom, maxItems: wanted });
        const items = startFrom === anchor && anchor !== undefined ? res.zonesDeletedInfo.filter((i) => i.zoneChange.zone.id !== anchor) : res.zonesDeletedInfo;
        found.push(...items);
        if (res.nextId === undefined || res.zonesDeletedInfo.length === 0) {
          done = true;
          break;
        }
        startFrom = res.nextId;
      }
      const items: SourceItem<WireDeletedZoneInfo, DeletedZonePosition>[] = found.slice(0, n).map((info) => ({
        node: info,
        time: epochSeconds(info.zoneChange.created),
        position: { z: info.zoneChange.zone.id },
      }));
      return { items, done: done && found.length <= n };
    },
  };
}
