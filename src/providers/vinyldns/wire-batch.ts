// Wire types of VinylDNS batch changes ("DNS change requests"): docs/upstreams/vinyldns.md §3.18,
// §3.19, §5.13. Absent optional fields are omitted, never null.
import type { WireRecordData, WireTimestamp } from './wire.js';

export type WireApprovalStatus = 'AutoApproved' | 'PendingReview' | 'ManuallyApproved' | 'ManuallyRejected' | 'Cancelled' | (string & {});
export type WireBatchChangeStatus =
  'Cancelled' | 'Complete' | 'Failed' | 'PartialFailure' | 'PendingProcessing' | 'PendingReview' | 'Rejected' | 'Scheduled' | (string & {});
export type WireSingleChangeStatus = 'Pending' | 'Complete' | 'Failed' | 'NeedsReview' | 'Rejected' | 'Cancelled' | (string & {});

export interface WireSingleChangeError {
  /** A DomainValidationErrorType name, e.g. `ZoneDiscoveryError`, `RecordDoesNotExist`. */
  errorType: string;
  message: string;
}

/** One line of a batch change (SingleAddChange / SingleDeleteRRSetChange serializers). */
export interface WireSingleChange {
  changeType: 'Add' | 'DeleteRecordSet' | (string & {});
  /** The name as the requester typed it (an FQDN, or an IP address for PTR). */
  inputName: string;
  type: string;
  /** Add only. */
  ttl?: number;
  /** One record's data; always on Add, optional on DeleteRecordSet (absent = the whole set). */
  record?: WireRecordData;
  status: WireSingleChangeStatus;
  /** `""` when zone discovery failed. */
  recordName: string;
  zoneName: string;
  zoneId: string;
  systemMessage?: string;
  /** The record set change it produced: `GET /zones/{zoneId}/recordsets/{recordSetId}/changes/{recordChangeId}`. */
  recordChangeId?: string;
  recordSetId?: string;
  validationErrors: WireSingleChangeError[];
  /** The single change id: what a record set change lists in `singleBatchChangeIds`. */
  id: string;
}

/** BatchChangeInfo: `GET /zones/batchrecordchanges/{id}` (§3.19). */
export interface WireBatchChange {
  userId: string;
  userName: string;
  comments?: string;
  createdTimestamp: WireTimestamp;
  changes: WireSingleChange[];
  ownerGroupId?: string;
  id: string;
  status: WireBatchChangeStatus;
  ownerGroupName?: string;
  approvalStatus: WireApprovalStatus;
  reviewerId?: string;
  reviewerUserName?: string;
  reviewComment?: string;
  reviewTimestamp?: WireTimestamp;
  scheduledTime?: WireTimestamp;
  cancelledTimestamp?: WireTimestamp;
}

/** BatchChangeSummary: items of `GET /zones/batchrecordchanges` (§3.18). The reviewer is `reviewerName` here. */
export interface WireBatchChangeSummary {
  userId: string;
  userName: string;
  comments?: string;
  createdTimestamp: WireTimestamp;
  totalChanges: number;
  status: WireBatchChangeStatus;
  ownerGroupId?: string;
  id: string;
  ownerGroupName?: string;
  approvalStatus: WireApprovalStatus;
  reviewerId?: string;
  reviewerName?: string;
  reviewComment?: string;
  reviewTimestamp?: WireTimestamp;
  scheduledTime?: WireTimestamp;
  cancelledTimestamp?: WireTimestamp;
}

export interface ListBatchChangesResponse {
  batchChanges: WireBatchChangeSummary[];
  startFrom?: number;
  /** Offset of the next page: startFrom + maxItems. */
  nextId?: number;
  maxItems: number;
  /** Echo of the parameter, even when the server ignored it (non-admin callers). */
  ignoreAccess: boolean;
  /** Echo after parsing: absent when the value named no approval status (the filter was dropped). */
  approvalStatus?: WireApprovalStatus;
  /** Raw echo, `""` included. */
  userName?: string;
  /** Raw echoes of dateTimeRangeStart / dateTimeRangeEnd (note the different names). */
  dateTimeStartRange?: string;
  dateTimeEndRange?: string;
}
