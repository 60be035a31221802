// The VinylDNS reads of the audit trail: a record's history, failed changes, people and groups,
// DNS change requests (batch changes) and deleted zones. VinylDnsClient (client.ts) adds the zone
// and record set reads on top, so callers hold one client for both.
import { BadUserInputError } from '../../errors.js';
import { stripChangeSecrets } from './sanitize.js';
import { checkApprovalStatus, checkBatchDateTime, checkUserName, checkZoneNameFilter } from './audit-params.js';
import { seg, VinylDnsTransport } from './transport.js';
import type { ListDeletedZonesResponse, ListFailedRecordSetChangesResponse, ListFailedZoneChangesResponse, ListRecordSetHistoryResponse } from './wire.js';
import type { ListBatchChangesResponse, WireApprovalStatus, WireBatchChange } from './wire-batch.js';
import type { ListGroupChangesResponse, ListGroupMembersResponse, WireGroup, WireGroupChange, WireUser } from './wire-membership.js';

/** Filters of the batch change list (docs/upstreams/vinyldns.md §3.18). */
export interface BatchChangeQuery {
  /** Submitter's user name (exact). */
  userName?: string;
  /** Both or neither: one end alone is ignored by the server. `YYYY-MM-DD HH:MM:SS` UTC (see batchDateTime), inclusive. */
  dateTimeRangeStart?: string;
  dateTimeRangeEnd?: string;
  approvalStatus?: WireApprovalStatus;
  /** Every user's requests; honoured for system admins only (others always get their own). */
  ignoreAccess?: boolean;
  /** Offset. */
  startFrom?: number;
  maxItems: number;
}

export abstract class VinylDnsAuditClient extends VinylDnsTransport {
  async listRecordSetHistory(q: {
    zoneId: string;
    fqdn: string;
    recordType: string;
    startFrom?: number;
    maxItems: number;
  }): Promise<ListRecordSetHistoryResponse> {
    const res = await this.get<ListRecordSetHistoryResponse>('/recordsetchange/history', q);
    res.recordSetChanges.forEach(stripChangeSecrets);
    return res;
  }

  async listFailedRecordSetChanges(zoneId: string, q: { startFrom: number; maxItems: number }): Promise<ListFailedRecordSetChangesResponse> {
    const path = `/metrics/health/zones/${seg(zoneId)}/recordsetchangesfailure`;
    const res = await this.get<ListFailedRecordSetChangesResponse>(path, q);
    res.failedRecordSetChanges.forEach(stripChangeSecrets);
    return res;
  }

  /** Global: every zone's failed zone changes (VinylDNS checks no access here). */
  async listFailedZoneChanges(q: { startFrom: number; maxItems: number }): Promise<ListFailedZoneChangesResponse> {
    const res = await this.get<ListFailedZoneChangesResponse>('/metrics/health/zonechangesfailure', q);
    res.failedZoneChanges.forEach(stripChangeSecrets);
    return res;
  }

  // ---- People and groups (docs/upstreams/vinyldns.md §3.13–§3.17) ----

  /**
   * A user by id or by user name (§3.13), so the user name an AutomatedSync change carries as its
   * userId resolves too. Any signed-in caller may read any user; the answer has no names or email
   * (those come with listGroupMembers). null when nobody has that id or name (e.g. "system").
   */
  async getUser(idOrName: string): Promise<WireUser | null> {
    return this.getOrNull<WireUser>(`/users/${seg(idOrName)}`);
  }

  /** §3.14: any signed-in caller; null for a missing (or deleted) group. */
  async getGroup(groupId: string): Promise<WireGroup | null> {
    return this.getOrNull<WireGroup>(`/groups/${seg(groupId)}`);
  }

  /** §3.15: members ordered by id, `nextId` = the last id (exclusive key); names and email here. null for a missing group. */
  async listGroupMembers(groupId: string, q: { startFrom?: string; maxItems: number }): Promise<ListGroupMembersResponse | null> {
    return this.getOrNull<ListGroupMembersResponse>(`/groups/${seg(groupId)}/members`, q);
  }

  /**
   * §3.16: the group's changes, newest first, offset paging (`nextId` = startFrom + maxItems). Members
   * and system admins only (else FORBIDDEN); an unknown group is an empty list, not NOT_FOUND.
   */
  async listGroupActivity(groupId: string, q: { startFrom?: number; maxItems: number }): Promise<ListGroupChangesResponse> {
    return this.get<ListGroupChangesResponse>(`/groups/${seg(groupId)}/activity`, q);
  }

  /** §3.17: one group change; null for an unknown id, which the server answers with 400, not 404. */
  async getGroupChange(changeId: string): Promise<WireGroupChange | null> {
    return this.getOrNull<WireGroupChange>(`/groups/change/${seg(changeId)}`, {}, 400);
  }

  // ---- DNS change requests (§3.18, §3.19) ----

  /**
   * Batch change summaries, newest first, offset paging (`nextId` = startFrom + maxItems). Values the
   * server would put into its SQL unescaped, or drop without a word, are refused before sending.
   */
  async listBatchChanges(q: BatchChangeQuery): Promise<ListBatchChangesResponse> {
    if ((q.dateTimeRangeStart === undefined) !== (q.dateTimeRangeEnd === undefined)) {
      throw new BadUserInputError('a batch change date range needs both ends (VinylDNS ignores one end alone)');
    }
    return this.get<ListBatchChangesResponse>('/zones/batchrecordchanges', {
      userName: q.userName === undefined ? undefined : checkUserName(q.userName),
      dateTimeRangeStart: q.dateTimeRangeStart === undefined ? undefined : checkBatchDateTime(q.dateTimeRangeStart),
      dateTimeRangeEnd: q.dateTimeRangeEnd === undefined ? undefined : checkBatchDateTime(q.dateTimeRangeEnd),
      approvalStatus: q.approvalStatus === undefined ? undefined : checkApprovalStatus(q.approvalStatus),
      ignoreAccess: q.ignoreAccess ? 'true' : undefined,
      startFrom: q.startFrom,
      maxItems: q.maxItems,
    });
  }

  /** One batch change with its single changes; null when missing. Only its creator and system admins may read it (else FORBIDDEN). */
  async getBatchChange(batchChangeId: string): Promise<WireBatchChange | null> {
    return this.getOrNull<WireBatchChange>(`/zones/batchrecordchanges/${seg(batchChangeId)}`);
  }

  // ---- Deleted zones (§3.20) ----

  /** Abandoned zones, newest first, `nextId` = the zone id of the next page's first item (inclusive). Keys stripped. */
  async listDeletedZones(q: { nameFilter?: string; startFrom?: string; maxItems: number; ignoreAccess?: boolean }): Promise<ListDeletedZonesResponse> {
    const res = await this.get<ListDeletedZonesResponse>('/zones/deleted/changes', {
      nameFilter: q.nameFilter === undefined ? undefined : checkZoneNameFilter(q.nameFilter),
      startFrom: q.startFrom,
      maxItems: q.maxItems,
      ignoreAccess: q.ignoreAccess ? 'true' : undefined,
    });
    res.zonesDeletedInfo.forEach((info) => stripChangeSecrets(info.zoneChange));
    return res;
  }
}
