// DNS change requests (VinylDNS batch changes): the request, its reviewer and its single changes,
// each reaching the record set change it produced (docs/upstreams/vinyldns.md §3.18–§3.21).
import { batchChangeConnection } from '../../connections/batch-changes.js';
import { BadUserInputError } from '../../errors.js';
import type { BatchChangeResolvers, QueryResolvers, SingleChangeResolvers } from '../../generated/resolvers-types.js';
import { encodeId } from '../../model/ids.js';
import { batchChangeModel, recordSetChangeModel, type BatchChangeModel, type SingleChangeModel } from '../../parents/models.js';
import type { WireBatchChange } from '../../providers/vinyldns/wire-batch.js';
import type { WireRecordSetChange } from '../../providers/vinyldns/wire.js';
import { epochSeconds } from '../../model/time.js';
import type { GraphQLContext } from '../../context.js';
import { APPROVAL_STATUSES, batchDateTime } from '../../providers/vinyldns/audit-params.js';
import type { BatchChangeFilters } from '../../sources/batch-changes.js';
import { RECORD_TYPES, toEnum } from '../enums.js';
import { findRecordSetChange, userByIdOrName } from '../lookups.js';

const APPROVAL_ENUMS = ['AUTO_APPROVED', 'PENDING_REVIEW', 'MANUALLY_APPROVED', 'MANUALLY_REJECTED', 'CANCELLED'] as const;

/** The request with its single changes: the model's own when it was read in full, else one read. */
async function fullBatch(ctx: GraphQLContext, { batch }: BatchChangeModel): Promise<WireBatchChange | null> {
  return 'changes' in batch ? batch : ctx.batchChanges.load(batch.id);
}

const reviewerNameOf = ({ batch }: BatchChangeModel) =>
  ('reviewerUserName' in batch ? batch.reviewerUserName : 'reviewerName' in batch ? batch.reviewerName : undefined) ?? null;

export const BatchChange: BatchChangeResolvers = {
  id: ({ batch }) => encodeId({ type: 'BatchChange', batchChangeId: batch.id }),
  provider: () => 'VINYLDNS',
  occurredAt: ({ batch }) => batch.createdTimestamp,
  actor: ({ batch }) => batch.userName,
  summary: ({ batch }) => {
    const total = 'changes' in batch ? batch.changes.length : batch.totalChanges;
    return `DNS change request by ${batch.userName}: ${total} change${total === 1 ? '' : 's'} (${batch.status})`;
  },
  batchChangeId: ({ batch }) => batch.id,
  comments: ({ batch }) => batch.comments ?? null,
  status: ({ batch }) => batch.status,
  approvalStatus: ({ batch }) => toEnum(batch.approvalStatus, APPROVAL_ENUMS),
  user: ({ batch }, _, ctx) => userByIdOrName(ctx, batch.userId),
  userName: ({ batch }) => batch.userName,
  ownerGroupId: ({ batch }) => batch.ownerGroupId ?? null,
  reviewer: ({ batch }, _, ctx) => (batch.reviewerId ? userByIdOrName(ctx, batch.reviewerId) : null),
  reviewerName: (model) => reviewerNameOf(model),
  reviewComment: ({ batch }) => batch.reviewComment ?? null,
  reviewedAt: ({ batch }) => batch.reviewTimestamp ?? null,
  scheduledAt: ({ batch }) => batch.scheduledTime ?? null,
  cancelledAt: ({ batch }) => batch.cancelledTimestamp ?? null,
  totalChanges: ({ batch }) => ('changes' in batch ? batch.changes.length : batch.totalChanges),
  singleChanges: async (model, _, ctx) => {
    const full = await fullBatch(ctx, model);
    return (full?.changes ?? []).map((change) => ({ batchChangeId: model.batch.id, change }));
  },
};

export const SingleChange: SingleChangeResolvers = {
  singleChangeId: ({ change }) => change.id,
  changeType: ({ change }) => change.changeType,
  inputName: ({ change }) => change.inputName,
  type: ({ change }) => toEnum(change.type, RECORD_TYPES),
  ttl: ({ change }) => change.ttl ?? null,
  record: ({ change }) => (change.record ? { type: change.type, data: change.record } : null),
  status: ({ change }) => change.status,
  systemMessage: ({ change }) => change.systemMessage ?? null,
  zoneId: ({ change }) => change.zoneId,
  zoneName: ({ change }) => change.zoneName,
  recordSetChange: async ({ change }: SingleChangeModel, _, ctx) => {
    if (!change.recordChangeId || !change.recordSetId || !change.zoneId) return null;
    const found = await findRecordSetChange(ctx, change.zoneId, change.recordSetId, change.recordChangeId);
    return found ? recordSetChangeModel(found) : null;
  },
};

const APPROVAL_WIRE: Record<(typeof APPROVAL_ENUMS)[number], (typeof APPROVAL_STATUSES)[number]> = {
  AUTO_APPROVED: 'AutoApproved',
  PENDING_REVIEW: 'PendingReview',
  MANUALLY_APPROVED: 'ManuallyApproved',
  MANUALLY_REJECTED: 'ManuallyRejected',
  CANCELLED: 'Cancelled',
};

// VinylDNS ignores one end of the date range alone: an open end becomes the widest the column holds.
const EARLIEST = '1970-01-01 00:00:00';
const LATEST = '9999-12-31 23:59:59';

/** How many of the submitter's requests before a change are read looking for the change's request. */
export const BATCH_SEARCH_CANDIDATES = 10;

/**
 * The request behind a record set change. VinylDNS has no reverse lookup (docs/upstreams/
 * vinyldns.md §3.21): the change read on its own lists its single change ids; the request is one
 * of its submitter's requests created up to a second after it, read newest first. Null when the
 * change came from no request, or its request is not among the newest BATCH_SEARCH_CANDIDATES
 * before it (or the caller may not read them).
 */
export async function batchChangeOf(ctx: GraphQLContext, change: WireRecordSetChange): Promise<BatchChangeModel | null> {
  let ids = change.singleBatchChangeIds;
  if (ids === undefined) ids = (await findRecordSetChange(ctx, change.zone.id, change.recordSet.id, change.id))?.singleBatchChangeIds;
  if (!ids || ids.length === 0) return null;
  const userName = change.userName && change.userName !== 'unknown user' ? change.userName : (await ctx.users.load(change.userId))?.userName;
  if (!userName) return null;
  const list = await ctx.vinyldns().listBatchChanges({
    userName,
    ignoreAccess: true,
    dateTimeRangeStart: EARLIEST,
    dateTimeRangeEnd: batchDateTime((epochSeconds(change.created) + 1) * 1000),
    maxItems: BATCH_SEARCH_CANDIDATES,
  });
  for (const candidate of list.batchChanges) {
    const full = await ctx.batchChanges.load(candidate.id).catch(() => null);
    if (full?.changes.some((single) => ids.includes(single.id) || single.recordChangeId === change.id)) return batchChangeModel(full);
  }
  return null;
}

export const batchChangeQueries: Pick<QueryResolvers, 'batchChanges' | 'batchChange'> = {
  batchChanges: (_, { user, approvalStatus, since, until, allUsers, ...page }, ctx) => {
    if (approvalStatus === 'UNKNOWN') throw new BadUserInputError('approvalStatus UNKNOWN cannot be filtered on', { argument: 'approvalStatus' });
    const filters: BatchChangeFilters = {};
    if (user != null) filters.userName = user.trim();
    if (approvalStatus != null) filters.approvalStatus = APPROVAL_WIRE[approvalStatus];
    if (since != null || until != null) {
      filters.dateTimeRangeStart = since ? batchDateTime(since) : EARLIEST;
      filters.dateTimeRangeEnd = until ? batchDateTime(until) : LATEST;
    }
    if (allUsers) filters.ignoreAccess = true;
    return batchChangeConnection(ctx.vinyldns(), ctx.cursors, filters, page);
  },
  batchChange: async (_, { batchChangeId }, ctx) => {
    const id = batchChangeId.trim();
    if (id === '' || id.length > 255) throw new BadUserInputError(`"${batchChangeId.slice(0, 80)}" is not a batch change id`, { argument: 'batchChangeId' });
    const batch = await ctx.batchChanges.load(id);
    return batch ? batchChangeModel(batch) : null;
  },
};
