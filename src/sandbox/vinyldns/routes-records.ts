// Record set endpoints: list a zone's record sets (§3.10), get one (§3.11), get one change (§3.9).
import { RECORD_TYPE_CODES, type GetRecordSetResponse, type ListRecordSetsResponse } from '../../providers/vinyldns/wire.js';
import { canSeeZone, recordAccessLevel } from './access.js';
import type { Handler } from './context.js';
import { likeRegExp } from './context.js';
import { checkMaxItems, json, message, MAX_ITEMS_LIMIT } from './http.js';
import { pageRecordRows } from './paging.js';
import { toFqdn } from './shapes.js';
import { recordSetInfo, recordSetListInfo } from './views.js';

/** `A,cname,FOO` → ['A', 'CNAME']; unknown types are dropped; undefined when none remain (no filter). */
function typeFilter(raw: string | undefined): string[] | undefined {
  if (raw === undefined) return undefined;
  const types = [...new Set(raw.split(',').map((t) => t.trim().toUpperCase()))].filter((t) => t in RECORD_TYPE_CODES);
  return types.length > 0 ? types : undefined;
}

export const listRecordSets: Handler = (ctx) => {
  const p = ctx.params;
  const startFrom = p.string('startFrom');
  const maxItems = p.int('maxItems') ?? MAX_ITEMS_LIMIT;
  const recordNameFilter = p.string('recordNameFilter');
  const recordTypeFilter = typeFilter(p.string('recordTypeFilter'));
  const ownerFilter = p.string('recordOwnerGroupFilter');
  const nameSort = p.string('nameSort')?.toUpperCase() === 'DESC' ? 'DESC' : 'ASC';
  const typeSortRaw = p.string('recordTypeSort')?.toUpperCase();
  const recordTypeSort = typeSortRaw === 'ASC' || typeSortRaw === 'DESC' ? typeSortRaw : 'NONE';
  checkMaxItems(maxItems, 'plain');
  const user = ctx.user();
  const [zoneId] = ctx.args;
  const zone = ctx.store.liveZone(zoneId);
  if (!zone) return message(404, `Zone with id ${zoneId} does not exists`);
  if (!canSeeZone(user, zone)) return message(403, `User ${user.userName} cannot access zone '${zone.name}'`);

  let rows = ctx.store.recordRows(zoneId);
  if (recordNameFilter !== undefined) {
    // Only `*` becomes `%`; `.` is literal and `_` stays a LIKE wildcard (docs/upstreams/vinyldns.md §3.10).
    const re = likeRegExp(recordNameFilter.replace(/\*/g, '%'));
    rows = rows.filter((r) => re.test(r.rs.name));
  }
  if (recordTypeFilter) rows = rows.filter((r) => recordTypeFilter.includes(r.rs.type));
  if (ownerFilter !== undefined) rows = rows.filter((r) => r.rs.ownerGroupId === ownerFilter);
  const page = pageRecordRows(rows, { startFrom, maxItems, nameSort, typeSort: recordTypeSort, quirks: ctx.quirks, zoneName: zone.name });
  return json(200, {
    recordSets: page.items.map((r) => recordSetListInfo(ctx.store, user, zone, r)),
    startFrom,
    nextId: page.nextId,
    maxItems,
    recordNameFilter,
    recordTypeFilter,
    nameSort,
    recordTypeSort,
  } satisfies ListRecordSetsResponse);
};

/** Looked up by id alone: the record set may belong to another zone than the path says. */
export const getRecordSet: Handler = (ctx) => {
  const user = ctx.user();
  const [zoneId, recordSetId] = ctx.args;
  const zone = ctx.store.liveZone(zoneId);
  if (!zone) return message(404, `Zone with id ${zoneId} does not exists`);
  const rs = ctx.store.recordSetById(recordSetId);
  if (!rs) return message(404, `RecordSet with id ${recordSetId} does not exist.`);
  if (recordAccessLevel(user, rs.name, rs.type, zone, rs.ownerGroupId) === 'NoAccess') {
    return message(403, `User ${user.userName} does not have access to view ${rs.name}.${zone.name}`);
  }
  const ownZone = ctx.store.liveZone(rs.zoneId) ?? zone;
  return json(200, { recordSet: recordSetInfo(ctx.store, rs, toFqdn(ownZone.name, rs.name)) } satisfies GetRecordSetResponse);
};

/** The record set id in the path is ignored; the change is found by its id in any zone. */
export const getRecordSetChange: Handler = (ctx) => {
  const user = ctx.user();
  const [zoneId, , changeId] = ctx.args;
  const zone = ctx.store.liveZone(zoneId);
  if (!zone) return message(404, `Zone with id ${zoneId} does not exists`);
  const stored = ctx.store.rsChange(changeId);
  if (!stored) return message(404, `Unable to find record set change with id ${changeId} in zone ${zone.name}`);
  const rs = stored.change.recordSet;
  if (recordAccessLevel(user, rs.name, rs.type, zone, rs.ownerGroupId) === 'NoAccess') {
    return message(403, `User ${user.userName} does not have access to view ${rs.name}.${zone.name}`);
  }
  return json(200, stored.change);
};
