// Zone changes, paged by VinylDNS with an epoch-millisecond key (`startFrom` inclusive, `nextId`
// = the first item of the next page). The wire only shows second-precision times, so our cursors
// anchor on whole seconds: `startFrom = second*1000+999` re-reads the anchor's second from its
// start, and the anchor's id says where to continue. Every upstream page is deduplicated by id,
// which absorbs the items that VinylDNS repeats across a millisecond boundary.
import { forwardArgs, type PageArgs } from '../pagination/args.js';
import { connection, type Connection } from '../pagination/connection.js';
import type { CursorCodec, CursorScope } from '../pagination/cursor.js';
import { UPSTREAM_PAGE_LIMIT } from '../pagination/range-reader.js';
import type { VinylDnsClient } from '../providers/vinyldns/client.js';
import type { WireZoneChange } from '../providers/vinyldns/wire.js';
import { epochSeconds } from '../model/time.js';
import { zoneChangeModel, type ZoneChangeModel } from '../schema/models.js';

/** After the `k`-th change of second `s` (counted newest first), whose id is `i`. */
export interface ZoneChangePosition {
  s: number;
  k: number;
  i: string;
}

export const isZoneChangePosition = (p: unknown): p is ZoneChangePosition => {
  const q = p as ZoneChangePosition;
  return typeof q === 'object' && q !== null && Number.isSafeInteger(q.s) && q.s >= 0 && Number.isSafeInteger(q.k) && q.k >= 1 && typeof q.i === 'string';
};

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
  let key = startSecond === undefined ? undefined : String(startSecond * 1000 + 999);
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

export async function zoneChangeConnection(
  client: VinylDnsClient,
  codec: CursorCodec,
  zoneId: string,
  args: PageArgs,
): Promise<Connection<ZoneChangeModel>> {
  const scope: CursorScope = { field: 'Zone.changes', binding: { zoneId } };
  const { first, after } = forwardArgs('Zone.changes', args);
  const position = after === undefined ? undefined : codec.decode(scope, after, 'after', isZoneChangePosition);
  const items = await readZoneChanges(client, zoneId, first + 1, position);
  const edges = items.slice(0, first).map((it) => ({ cursor: codec.encode(scope, it.position), node: zoneChangeModel(it.change) }));
  return connection(edges, false, items.length > first);
}
