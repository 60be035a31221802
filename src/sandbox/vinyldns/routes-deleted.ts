// GET /zones/deleted/changes (docs/upstreams/vinyldns.md §3.20): the Delete changes of zones whose name
// is not in use again, one row per name, newest first, paged by an inclusive zone-id key.
import type { ListDeletedZonesResponse, WireDeletedZoneInfo } from '../../providers/vinyldns/wire.js';
import { linkedToZone, zoneAccessLevel } from './access.js';
import type { Handler } from './context.js';
import { likeRegExp } from './context.js';
import { checkMaxItems, internalError, json, MAX_ITEMS_LIMIT } from './http.js';
import type { StoredZoneChange } from './types.js';

/** `*` makes a LIKE pattern; anything else is a prefix (`LIKE 'filter%'`). No trailing-dot rule here. */
const nameFilterRegExp = (filter: string) => likeRegExp(filter.includes('*') ? filter.replace(/\*/g, '%') : `${filter}%`);

export const listDeletedZones: Handler = (ctx) => {
  const p = ctx.params;
  const nameFilter = p.string('nameFilter');
  const startFrom = p.string('startFrom');
  const maxItems = p.int('maxItems') ?? MAX_ITEMS_LIMIT;
  const ignoreAccess = p.bool('ignoreAccess') ?? false;
  checkMaxItems(maxItems, 'plain');
  const user = ctx.user();
  if (nameFilter?.includes("'")) return internalError(); // concatenated into the SQL

  const inUse = new Set(ctx.store.liveZones().map((z) => z.name.toLowerCase()));
  const re = nameFilter === undefined ? undefined : nameFilterRegExp(nameFilter);
  // zone_access rows outlive the zone, so the caller's links at deletion time still decide.
  const candidates = ctx.store
    .deletionChanges()
    .filter(
      (c) =>
        !inUse.has(c.change.zone.name.toLowerCase()) &&
        (re === undefined || re.test(c.change.zone.name)) &&
        (ignoreAccess || linkedToZone(user, c.change.zone)),
    );
  // GROUP BY zone_name with a non-aggregated column: MySQL keeps one row per name, in practice the first in
  // primary-key (change id) order [I]. The ORDER BY then sorts by that row's time.
  const perName = new Map<string, StoredZoneChange>();
  for (const c of candidates) {
    const key = c.change.zone.name.toLowerCase();
    const kept = perName.get(key);
    if (!kept || c.change.id < kept.change.id) perName.set(key, c);
  }
  const rows = [...perName.values()].sort((a, b) => b.createdMs - a.createdMs || (a.change.id < b.change.id ? -1 : 1));
  const from = startFrom === undefined ? 0 : rows.findIndex((c) => c.change.zone.id === startFrom);
  const window = from < 0 ? [] : rows.slice(from, from + maxItems + 1);
  const page = window.slice(0, maxItems);
  const nextId = window.length > maxItems ? window[maxItems].change.zone.id : undefined;

  const { membership } = ctx.store;
  const items = page.map((c): WireDeletedZoneInfo => ({
    zoneChange: structuredClone(c.change),
    adminGroupName: membership.groupById(c.change.zone.adminGroupId)?.name ?? 'Unknown group name',
    userName: membership.userById(c.change.userId)?.userName ?? 'Unknown user name',
    accessLevel: zoneAccessLevel(user, c.change.zone),
  }));
  return json(200, { zonesDeletedInfo: items, zoneChangeFilter: nameFilter, nextId, startFrom, maxItems, ignoreAccess } satisfies ListDeletedZonesResponse);
};
