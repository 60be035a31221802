// Zone endpoints: list zones (§3.1), get zone by id (§3.2) and by name (§3.3), zone changes (§3.4) and
// the global failed zone change list (§3.5).
import type { GetZoneResponse, ListFailedZoneChangesResponse, ListZoneChangesResponse, ListZonesResponse } from '../../providers/vinyldns/wire.js';
import { canSeeZone, canSeeZoneChange, linkedToZone } from './access.js';
import type { Handler } from './context.js';
import { likeRegExp } from './context.js';
import { checkMaxItems, internalError, json, message, MAX_ITEMS_LIMIT } from './http.js';
import { pageFailures, pageZoneChangesExact, pageZoneChangesQuirky, pageZones } from './paging.js';
import { zoneInfo, zoneSummary } from './views.js';

const REVERSE = /(in-addr|ip6)\.arpa\.$/i;

/** nameFilter (§3.1): with `*` or a trailing dot a LIKE pattern (dot ensured), otherwise a prefix. */
function zoneNameFilter(filter: string): RegExp {
  if (filter.includes('*') || filter.endsWith('.')) {
    const pattern = filter.replace(/\*/g, '%');
    return likeRegExp(pattern.endsWith('.') ? pattern : `${pattern}.`);
  }
  return likeRegExp(`${filter}%`);
}

export const listZones: Handler = (ctx) => {
  const p = ctx.params;
  const nameFilter = p.string('nameFilter');
  const startFrom = p.string('startFrom');
  const maxItems = p.int('maxItems') ?? MAX_ITEMS_LIMIT;
  const ignoreAccess = p.bool('ignoreAccess') ?? false;
  const searchByAdminGroup = p.bool('searchByAdminGroup') ?? false;
  const includeReverse = p.bool('includeReverse') ?? true;
  checkMaxItems(maxItems, 'plain');
  const user = ctx.user();
  // The real repository concatenates both values into its SQL: a quote breaks the query.
  if (nameFilter?.includes("'") || startFrom?.includes("'")) return internalError();
  let zones = ctx.store.liveZones();
  if (!ignoreAccess) zones = zones.filter((z) => linkedToZone(user, z));
  if (!includeReverse) zones = zones.filter((z) => !REVERSE.test(z.name));
  if (nameFilter !== undefined && searchByAdminGroup) {
    const re = likeRegExp(nameFilter.includes('*') ? nameFilter.replace(/\*/g, '%') : `${nameFilter}%`);
    const groupIds = new Set(ctx.store.groups.filter((g) => re.test(g.name)).map((g) => g.id));
    zones = zones.filter((z) => groupIds.has(z.adminGroupId));
  } else if (nameFilter !== undefined) {
    const re = zoneNameFilter(nameFilter);
    zones = zones.filter((z) => re.test(z.name));
  }
  const page = pageZones(zones, startFrom, maxItems);
  return json(200, {
    zones: page.items.map((z) => zoneSummary(ctx.store, user, z)),
    nameFilter,
    startFrom,
    nextId: page.nextId,
    maxItems,
    ignoreAccess,
    includeReverse,
  } satisfies ListZonesResponse);
};

export const getZone: Handler = (ctx) => {
  const user = ctx.user();
  const [zoneId] = ctx.args;
  const zone = ctx.store.liveZone(zoneId);
  if (!zone) return message(404, `Zone with id ${zoneId} does not exists`);
  if (!canSeeZone(user, zone)) return message(403, `User ${user.userName} cannot access zone '${zone.name}'`);
  return json(200, { zone: zoneInfo(ctx.store, user, zone) } satisfies GetZoneResponse);
};

/** No access check at all: any signed-in user gets any zone, keys included (the real server's hole). */
export const getZoneByName: Handler = (ctx) => {
  const user = ctx.user();
  const [raw] = ctx.args;
  const name = raw.endsWith('.') ? raw : `${raw}.`;
  const zone = ctx.store.zoneByName(name);
  if (!zone) return message(404, `Zone with name ${name} does not exists`);
  return json(200, { zone: zoneInfo(ctx.store, user, zone) } satisfies GetZoneResponse);
};

export const listZoneChanges: Handler = (ctx) => {
  const startFrom = ctx.params.string('startFrom');
  const maxItems = ctx.params.int('maxItems') ?? MAX_ITEMS_LIMIT;
  checkMaxItems(maxItems, 'exclusive');
  const user = ctx.user();
  const [zoneId] = ctx.args;
  const zone = ctx.store.liveZone(zoneId);
  if (!zone) return message(404, `Zone with id ${zoneId} does not exists`);
  if (!canSeeZoneChange(user, zone)) return message(403, `User ${user.userName} cannot access zone '${zone.name}' changes`);
  const pager = ctx.quirks ? pageZoneChangesQuirky : pageZoneChangesExact;
  const page = pager(ctx.store.storedZoneChanges(zoneId), startFrom, maxItems, ctx.nowMs);
  return json(200, {
    zoneId: zone.id,
    zoneChanges: page.items.map((c) => c.change),
    nextId: page.nextId,
    startFrom,
    maxItems,
  } satisfies ListZoneChangesResponse);
};

/** Every failed zone change of every existing zone, for any signed-in user (the access check never runs). */
export const listFailedZoneChanges: Handler = (ctx) => {
  const startFrom = ctx.params.int('startFrom') ?? 0;
  const maxItems = ctx.params.int('maxItems') ?? MAX_ITEMS_LIMIT;
  checkMaxItems(maxItems, 'exclusive');
  ctx.user();
  const failed = ctx.store.allZoneChanges().filter((c) => c.change.status === 'Failed');
  const page = pageFailures(failed, startFrom, maxItems, false);
  return json(200, { failedZoneChanges: page.items.map((c) => c.change), nextId: page.nextId, startFrom, maxItems } satisfies ListFailedZoneChangesResponse);
};
