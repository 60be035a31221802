// Batch change endpoints (docs/upstreams/vinyldns.md §3.18, §3.19): the list with its filters and offset
// paging, and one batch change with its single changes.
import type { ListBatchChangesResponse } from '../../providers/vinyldns/wire-batch.js';
import { isSystemAdmin } from './access.js';
import type { Handler } from './context.js';
import { checkMaxItemsWithin, internalError, json, message } from './http.js';
import { pageByOffset } from './paging.js';
import type { StoredBatchChange } from './types.js';
import { batchChangeInfo, batchChangeSummary } from './views-batch.js';

/** batchchange-routing-max-items-limit (reference.conf): also the default. */
const MAX_ITEMS_LIMIT = 100;
const APPROVAL_STATUSES: ReadonlyArray<StoredBatchChange['approvalStatus']> = [
  'AutoApproved',
  'Cancelled',
  'ManuallyApproved',
  'ManuallyRejected',
  'PendingReview',
];

/** BatchChangeApprovalStatus.find: case-insensitive; an unknown name is no filter at all. */
const findApprovalStatus = (raw: string | undefined) => APPROVAL_STATUSES.find((s) => s.toLowerCase() === raw?.toLowerCase());

/**
 * How MySQL reads a string compared with a DATETIME column: `YYYY-MM-DD HH:MM:SS` (a `T` works too),
 * or a bare date at midnight. Anything else matches no row here (a simulator decision: [U]).
 */
function sqlDateTime(raw: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?)?$/.exec(raw);
  if (!m) return undefined;
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
  return Number.isNaN(ms) ? undefined : ms;
}

const nonEmpty = (value: string | undefined) => (value === '' ? undefined : value);

export const listBatchChanges: Handler = (ctx) => {
  const p = ctx.params;
  const userName = p.string('userName');
  const rangeStart = p.string('dateTimeRangeStart');
  const rangeEnd = p.string('dateTimeRangeEnd');
  const startFrom = p.int('startFrom');
  const maxItems = p.int('maxItems') ?? MAX_ITEMS_LIMIT;
  const ignoreAccess = p.bool('ignoreAccess') ?? false;
  const approvalStatus = findApprovalStatus(p.string('approvalStatus'));
  checkMaxItemsWithin(maxItems, MAX_ITEMS_LIMIT, (n) => `maxItems was ${n}, maxItems must be between 1 and ${MAX_ITEMS_LIMIT}, inclusive.`);
  const user = ctx.user();

  // The service treats empty strings as absent; the repository concatenates the rest into its SQL.
  const submitter = nonEmpty(userName);
  const start = nonEmpty(rangeStart);
  const end = nonEmpty(rangeEnd);
  if ([submitter, start, end].some((v) => v?.includes("'"))) return internalError();
  if (startFrom !== undefined && startFrom < 0) return internalError();
  const ownerId = ignoreAccess && isSystemAdmin(user) ? undefined : user.id;
  // The date range applies only when both ends are given; one end alone is silently ignored.
  const range = start !== undefined && end !== undefined ? [sqlDateTime(start), sqlDateTime(end)] : undefined;

  const rows = ctx.store.batches
    .all()
    .filter(
      (b) =>
        (ownerId === undefined || b.userId === ownerId) &&
        (approvalStatus === undefined || b.approvalStatus === approvalStatus) &&
        (submitter === undefined || b.userName.toLowerCase() === submitter.toLowerCase()) &&
        (range === undefined || (range[0] !== undefined && range[1] !== undefined && b.createdMs >= range[0] && b.createdMs <= range[1])),
    );
  const page = pageByOffset(rows, startFrom, maxItems);
  return json(200, {
    batchChanges: page.items.map((b) => batchChangeSummary(ctx.store.membership, b)),
    startFrom,
    nextId: page.nextId,
    maxItems,
    ignoreAccess,
    approvalStatus,
    userName,
    dateTimeStartRange: rangeStart,
    dateTimeEndRange: rangeEnd,
  } satisfies ListBatchChangesResponse);
};

/** Only its creator and system admins may read a batch change; a reviewer who is neither may not. */
export const getBatchChange: Handler = (ctx) => {
  const user = ctx.user();
  const [id] = ctx.args;
  const batch = ctx.store.batches.get(id);
  if (!batch) return message(404, `Batch change with id ${id} cannot be found`);
  if (!isSystemAdmin(user) && user.id !== batch.userId) return message(403, `User does not have access to item ${id}`);
  return json(200, batchChangeInfo(ctx.store.membership, batch));
};
