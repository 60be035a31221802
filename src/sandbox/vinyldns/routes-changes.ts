// Record set change endpoints: a zone's changes (§3.6), the history of one name (§3.7) and a zone's
// failed changes (§3.8).
import type { ListFailedRecordSetChangesResponse, ListRecordSetChangesResponse } from '../../providers/vinyldns/wire.js';
import { canSeeZone } from './access.js';
import type { Handler, RouteContext } from './context.js';
import { checkMaxItems, internalError, json, message, MAX_ITEMS_LIMIT, type Reply } from './http.js';
import { pageByOffset, pageFailures } from './paging.js';
import type { StoredRecordSetChange } from './types.js';

function offsetPage(ctx: RouteContext, zoneId: string, rows: StoredRecordSetChange[], startFrom: number | undefined, maxItems: number): Reply {
  // A negative OFFSET is an SQL error on the real server.
  if (startFrom !== undefined && startFrom < 0) return internalError();
  const page = pageByOffset(rows, startFrom, maxItems);
  return json(200, {
    zoneId,
    recordSetChanges: page.items.map((c) => ctx.store.info(c)),
    nextId: page.nextId,
    startFrom,
    maxItems,
  } satisfies ListRecordSetChangesResponse);
}

export const listRecordSetChanges: Handler = (ctx) => {
  const startFrom = ctx.params.int('startFrom');
  const maxItems = ctx.params.int('maxItems') ?? MAX_ITEMS_LIMIT;
  checkMaxItems(maxItems, 'exclusive');
  const user = ctx.user();
  const [zoneId] = ctx.args;
  const zone = ctx.store.liveZone(zoneId);
  if (!zone) return message(404, `Zone with id ${zoneId} does not exists`);
  if (!canSeeZone(user, zone)) return message(403, `User ${user.userName} cannot access zone '${zone.name}'`);
  return offsetPage(ctx, zoneId, ctx.store.storedRsChanges(zoneId), startFrom, maxItems);
};

/** Filtered by fqdn and type only (not by zone), and an unknown type returns the whole zone's changes. */
export const recordSetHistory: Handler = (ctx) => {
  const p = ctx.params;
  const zoneId = p.string('zoneId');
  const fqdn = p.string('fqdn');
  const recordType = p.string('recordType');
  const startFrom = p.int('startFrom');
  const maxItems = p.int('maxItems') ?? MAX_ITEMS_LIMIT;
  if (zoneId === undefined || fqdn === undefined || recordType === undefined) {
    return message(400, 'recordType, fqdn and zoneId cannot be empty');
  }
  checkMaxItems(maxItems, 'exclusive');
  const user = ctx.user();
  const zone = ctx.store.liveZone(zoneId);
  if (!zone) return message(404, `Zone with id ${zoneId} does not exists`);
  if (!canSeeZone(user, zone)) return message(403, `User ${user.userName} cannot access zone '${zone.name}'`);
  return offsetPage(ctx, zoneId, ctx.store.historyRows(zoneId, fqdn, recordType), startFrom, maxItems);
};

/** No zone check and no access check (the real server's hole): any zone id, any signed-in user. */
export const listFailedRecordSetChanges: Handler = (ctx) => {
  const startFrom = ctx.params.int('startFrom') ?? 0;
  const maxItems = ctx.params.int('maxItems') ?? MAX_ITEMS_LIMIT;
  checkMaxItems(maxItems, 'exclusive');
  ctx.user();
  const [zoneId] = ctx.args;
  const failed = ctx.store.storedRsChanges(zoneId).filter((c) => c.change.status === 'Failed');
  const page = pageFailures(failed, startFrom, maxItems, ctx.quirks);
  return json(200, {
    failedRecordSetChanges: page.items.map((c) => c.change),
    nextId: page.nextId,
    startFrom,
    maxItems,
  } satisfies ListFailedRecordSetChangesResponse);
};
