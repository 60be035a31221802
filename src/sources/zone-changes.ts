// A zone's changes: `GET /zones/{id}/changes`, paged by VinylDNS with an epoch-millisecond key
// (`startFrom` inclusive, `nextId` = the first item of the next page). The wire only shows
// second-precision times, so positions anchor on whole seconds: `zoneChangeKey(second)` re-reads
// the anchor's second from its start, and the anchor's id says where to continue. Every upstream
// page is deduplicated by id, which absorbs the items that VinylDNS repeats across a millisecond
// boundary.
import { epochSeconds } from '../model/time.js';
import type { VinylDnsClient } from '../providers/vinyldns/client.js';
import type { WireZoneChange } from '../providers/vinyldns/wire.js';
import { UPSTREAM_PAGE_LIMIT } from './range-reader.js';
import { walkNewer } from './newer.js';
import type { NewerSource } from './source.js';
import { isRecord } from '../model/guards.js';

/** The `startFrom` key that lists a zone's changes from the newest of second `s` (epoch seconds) on. */
export const zoneChangeKey = (s: number): string => String(s * 1000 + 999);

/** After the `k`-th change of second `s` (counted newest first), whose id is `i`. */
export interface ZoneChangePosition {
  s: number;
  k: number;
  i: string;
}

export const isZoneChangePosition = (q: unknown): q is ZoneChangePosition =>
  isRecord(q) &&
  typeof q.s === 'number' &&
  Number.isSafeInteger(q.s) &&
  q.s >= 0 &&
  typeof q.k === 'number' &&
  Number.isSafeInteger(q.k) &&
  q.k >= 1 &&
  typeof q.i === 'string';

export interface ZoneChangeItem {
  change: WireZoneChange;
  position: ZoneChangePosition;
}

/**
 * Reads `want` changes after `after` (all of them when fewer remain), in upstream order; with
 * `inclusive`, from `after`'s own change on. Without `after`, `until` (epoch seconds) starts the
 * read at that second instead of now.
 */
export async function readZoneChanges(
  client: VinylDnsClient,
  zoneId: string,
  want: number,
  after?: ZoneChangePosition,
  until?: number,
  inclusive = false,
): Promise<ZoneChangeItem[]> {
  const out: ZoneChangeItem[] = [];
  const seen = new Set<string>();
  const perSecond = new Map<number, number>();
  // Items of the anchor's second read before the anchor itself: returned already, unless the
  // anchor has vanished, in which case everything past its recorded rank is new.
  let anchorSecond: ZoneChangeItem[] | undefined = after ? [] : undefined;
  const leaveAnchorSecond = (found: boolean) => {
    if (!found && after && anchorSecond) out.push(...anchorSecond.slice(after.k - (inclusive ? 1 : 0)));
    anchorSecond = undefined;
  };
  const startSecond = after?.s ?? until;
  let key = startSecond === undefined ? undefined : zoneChangeKey(startSecond);
  let maxItems = Math.min(UPSTREAM_PAGE_LIMIT, (after?.k ?? 0) + want);

  while (out.length < want) {
    const res = await client.listZoneChanges(zoneId, { startFrom: key, maxItems });
    for (const change of res.zoneChanges) {
      if (seen.has(change.id)) continue;
      seen.add(change.id);
      const s = epochSeconds(change.created);
      const k = (perSecond.get(s) ?? 0) + 1;
      perSecond.set(s, k);
      const item = { change, position: { s, k, i: change.id } };
      if (anchorSecond && after && s === after.s) {
        if (change.id !== after.i) {
          anchorSecond.push(item);
          continue;
        }
        leaveAnchorSecond(true);
        if (!inclusive) continue;
      }
      if (anchorSecond) leaveAnchorSecond(false);
      out.push(item);
    }
    if (res.nextId === undefined || res.zoneChanges.length === 0) break;
    if (res.nextId === key) {
      // More than maxItems changes share one millisecond: VinylDNS cannot page past them.
      if (maxItems < UPSTREAM_PAGE_LIMIT) maxItems = UPSTREAM_PAGE_LIMIT;
      else key = String(Number(res.nextId) - 1);
      continue;
    }
    key = res.nextId;
    maxItems = Math.min(UPSTREAM_PAGE_LIMIT, want - out.length + 1);
  }
  if (anchorSecond) leaveAnchorSecond(false);
  return out.slice(0, want);
}

/** Forward only: VinylDNS pages zone changes by key. */
export function zoneChangeSource(client: VinylDnsClient, zoneId: string): NewerSource<WireZoneChange, ZoneChangePosition> {
  const source: NewerSource<WireZoneChange, ZoneChangePosition> = {
    isPosition: isZoneChangePosition,
    // A position's rank within its second shifts as changes land in that second; its id does not.
    // An item older than the position's second means the position's change has vanished.
    readNewer: (read) => walkNewer(source, read, (item) => read.than !== null && (item.position.i === read.than.i || item.time < read.than.s)),
    async read(start, n) {
      const items =
        'after' in start
          ? await readZoneChanges(client, zoneId, n, start.after)
          : 'at' in start
            ? await readZoneChanges(client, zoneId, n, start.at, undefined, true)
            : await readZoneChanges(client, zoneId, n, undefined, start.until);
      return {
        items: items.map(({ change, position }) => ({ node: change, time: position.s, position })),
        done: items.length < n,
      };
    },
  };
  return source;
}
