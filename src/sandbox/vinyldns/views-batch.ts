// Wire views of batch changes (docs/upstreams/vinyldns.md §3.18, §3.19, §5.13): the status is computed
// when served, owner group and reviewer names are looked up then (absent when they no longer resolve).
import type { WireBatchChange, WireBatchChangeStatus, WireBatchChangeSummary } from '../../providers/vinyldns/wire-batch.js';
import type { Membership } from './membership.js';
import { formatTimestamp } from './time.js';
import type { StoredBatchChange } from './types.js';

/**
 * BatchChangeStatus.calculateBatchStatus. `summary` counts as the list query does (NeedsReview as pending,
 * Rejected as failed); the single GET looks at Pending, Failed and Complete only.
 */
export function batchStatus(b: StoredBatchChange, summary: boolean): WireBatchChangeStatus {
  if (b.approvalStatus === 'PendingReview') return b.scheduledMs !== undefined ? 'Scheduled' : 'PendingReview';
  if (b.approvalStatus === 'ManuallyRejected') return 'Rejected';
  if (b.approvalStatus === 'Cancelled') return 'Cancelled';
  const has = (...statuses: string[]) => b.changes.some((c) => statuses.includes(c.status));
  const pending = summary ? has('Pending', 'NeedsReview') : has('Pending');
  const failed = summary ? has('Failed', 'Rejected') : has('Failed');
  if (pending) return 'PendingProcessing';
  if (failed) return has('Complete') ? 'PartialFailure' : 'Failed';
  return 'Complete';
}

const optionalTimes = (b: StoredBatchChange) => ({
  ...(b.reviewComment === undefined ? {} : { reviewComment: b.reviewComment }),
  ...(b.reviewMs === undefined ? {} : { reviewTimestamp: formatTimestamp(b.reviewMs) }),
  ...(b.scheduledMs === undefined ? {} : { scheduledTime: formatTimestamp(b.scheduledMs) }),
  ...(b.cancelledMs === undefined ? {} : { cancelledTimestamp: formatTimestamp(b.cancelledMs) }),
});

export function batchChangeInfo(membership: Membership, b: StoredBatchChange): WireBatchChange {
  const ownerGroupName = b.ownerGroupId === undefined ? undefined : membership.groupById(b.ownerGroupId)?.name;
  const reviewerUserName = b.reviewerId === undefined ? undefined : membership.userById(b.reviewerId)?.userName;
  return {
    userId: b.userId,
    userName: b.userName,
    ...(b.comments === undefined ? {} : { comments: b.comments }),
    createdTimestamp: formatTimestamp(b.createdMs),
    changes: structuredClone(b.changes),
    ...(b.ownerGroupId === undefined ? {} : { ownerGroupId: b.ownerGroupId }),
    id: b.id,
    status: batchStatus(b, false),
    ...(ownerGroupName === undefined ? {} : { ownerGroupName }),
    approvalStatus: b.approvalStatus,
    ...(b.reviewerId === undefined ? {} : { reviewerId: b.reviewerId }),
    ...(reviewerUserName === undefined ? {} : { reviewerUserName }),
    ...optionalTimes(b),
  };
}

export function batchChangeSummary(membership: Membership, b: StoredBatchChange): WireBatchChangeSummary {
  const ownerGroupName = b.ownerGroupId === undefined ? undefined : membership.groupById(b.ownerGroupId)?.name;
  const reviewerName = b.reviewerId === undefined ? undefined : membership.userById(b.reviewerId)?.userName;
  return {
    userId: b.userId,
    userName: b.userName,
    ...(b.comments === undefined ? {} : { comments: b.comments }),
    createdTimestamp: formatTimestamp(b.createdMs),
    totalChanges: b.changes.length,
    status: batchStatus(b, true),
    ...(b.ownerGroupId === undefined ? {} : { ownerGroupId: b.ownerGroupId }),
    id: b.id,
    ...(ownerGroupName === undefined ? {} : { ownerGroupName }),
    approvalStatus: b.approvalStatus,
    ...(b.reviewerId === undefined ? {} : { reviewerId: b.reviewerId }),
    ...(reviewerName === undefined ? {} : { reviewerName }),
    ...optionalTimes(b),
  };
}
