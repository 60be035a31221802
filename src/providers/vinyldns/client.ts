// The VinylDNS read API over HTTP: one method per endpoint, wire types in and out, secrets
// stripped, statuses mapped to typed errors. Paging policy lives in src/pagination/, not here.
import { BadUserInputError, GatewayError, UpstreamError } from '../../errors.js';
import type { CallBudget } from '../budget.js';
import type { HttpUpstream, UpstreamResponse } from '../http.js';
import { joinOrStart } from '../in-flight.js';
import { stripChangeSecrets, stripZoneSecrets } from './sanitize.js';
import { checkApprovalStatus, checkBatchDateTime, checkUserName, checkZoneNameFilter } from './audit-params.js';
import type { IdentityReads } from './shared-reads.js';
import { signGet, type VinylDnsCredentials } from './sign.js';
import type {
  GetRecordSetResponse,
  GetZoneResponse,
  ListDeletedZonesResponse,
  ListFailedRecordSetChangesResponse,
  ListFailedZoneChangesResponse,
  ListRecordSetChangesResponse,
  ListRecordSetHistoryResponse,
  ListRecordSetsResponse,
  ListZoneChangesResponse,
  ListZonesResponse,
  WireRecordSet,
  WireRecordSetChange,
  WireZone,
} from './wire.js';
import type { ListBatchChangesResponse, WireApprovalStatus, WireBatchChange } from './wire-batch.js';
import type { ListGroupChangesResponse, ListGroupMembersResponse, WireGroup, WireGroupChange, WireUser } from './wire-membership.js';

type Query = Record<string, string | number | undefined>;

export interface VinylDnsClientOptions {
  /** The upstream budget of the operation this client serves; every GET sent takes from it. */
  budget: CallBudget;
  /** Reads shared with other requests of the same identity; none: this client's own. */
  shared?: IdentityReads;
}

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

export class VinylDnsClient {
  /** GETs in flight, by path: identical reads share one upstream call. */
  private readonly inFlight: Map<string, Promise<unknown>>;
  private readonly shared?: IdentityReads;
  private readonly budget: CallBudget;
  /** This request's answers to "may the caller list this zone's changes?". */
  private readonly changeAccess = new Map<string, Promise<boolean>>();

  constructor(
    private readonly upstream: HttpUpstream,
    private readonly credentials: VinylDnsCredentials,
    options: VinylDnsClientOptions,
  ) {
    this.shared = options.shared;
    this.budget = options.budget;
    this.inFlight = this.shared?.inFlight ?? new Map();
  }

  async listZones(q: { nameFilter?: string; startFrom?: string; maxItems: number }): Promise<ListZonesResponse> {
    const res = await this.get<ListZonesResponse>('/zones', q);
    res.zones.forEach(stripZoneSecrets);
    res.zones.forEach((z) => this.shared?.rememberZone(z));
    return res;
  }

  /** null when the zone does not exist (or was deleted). Served from the identity's cache when fresh. */
  async getZone(zoneId: string): Promise<WireZone | null> {
    const cached = this.shared?.zone(zoneId);
    if (cached) return cached;
    const res = await this.getOrNull<GetZoneResponse>(`/zones/${seg(zoneId)}`);
    if (!res) return null;
    const zone = stripZoneSecrets(res.zone);
    this.shared?.rememberZone(zone);
    return zone;
  }

  /** The server adds the trailing dot when it is missing. */
  async getZoneByName(name: string): Promise<WireZone | null> {
    const res = await this.getOrNull<GetZoneResponse>(`/zones/name/${seg(name)}`);
    return res ? stripZoneSecrets(res.zone) : null;
  }

  async listZoneChanges(zoneId: string, q: { startFrom?: string; maxItems: number }): Promise<ListZoneChangesResponse> {
    const res = await this.get<ListZoneChangesResponse>(`/zones/${seg(zoneId)}/changes`, q);
    res.zoneChanges.forEach(stripChangeSecrets);
    return res;
  }

  /**
   * Whether the caller may list the zone's changes, which VinylDNS allows fewer callers than
   * reading the zone (not through ACL rules). One cheap list call per zone, remembered for the
   * request and, like zones, for a few seconds for the same identity. False on 403 and 404.
   */
  canListZoneChanges(zoneId: string): Promise<boolean> {
    let known = this.changeAccess.get(zoneId);
    if (!known) {
      const cached = this.shared?.changeAccess(zoneId);
      known = cached !== undefined ? Promise.resolve(cached) : this.probeZoneChanges(zoneId);
      this.changeAccess.set(zoneId, known);
      // A failure to tell (budget, outage) is not remembered: a later ask may succeed.
      known.catch(() => this.changeAccess.delete(zoneId));
    }
    return known;
  }

  private async probeZoneChanges(zoneId: string): Promise<boolean> {
    try {
      await this.get<ListZoneChangesResponse>(`/zones/${seg(zoneId)}/changes`, { maxItems: 1 });
      this.shared?.rememberChangeAccess(zoneId, true);
      return true;
    } catch (error) {
      if (error instanceof GatewayError && (error.code === 'FORBIDDEN' || error.code === 'NOT_FOUND')) {
        this.shared?.rememberChangeAccess(zoneId, false);
        return false;
      }
      throw error;
    }
  }

  async listRecordSetChanges(zoneId: string, q: { startFrom?: number; maxItems: number }): Promise<ListRecordSetChangesResponse> {
    const res = await this.get<ListRecordSetChangesResponse>(`/zones/${seg(zoneId)}/recordsetchanges`, q);
    res.recordSetChanges.forEach(stripChangeSecrets);
    return res;
  }

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

  async listRecordSets(
    zoneId: string,
    q: { startFrom?: string; maxItems: number; recordNameFilter?: string; recordTypeFilter?: string },
  ): Promise<ListRecordSetsResponse> {
    return this.get<ListRecordSetsResponse>(`/zones/${seg(zoneId)}/recordsets`, q);
  }

  /** null when missing. The server ignores the zone in the path, so the caller checks `zoneId`. */
  async getRecordSet(zoneId: string, recordSetId: string): Promise<WireRecordSet | null> {
    const res = await this.getOrNull<GetRecordSetResponse>(`/zones/${seg(zoneId)}/recordsets/${seg(recordSetId)}`);
    return res ? res.recordSet : null;
  }

  /** null when missing. The server ignores the record set id and may return another zone's change. */
  async getRecordSetChange(zoneId: string, recordSetId: string, changeId: string): Promise<WireRecordSetChange | null> {
    const path = `/zones/${seg(zoneId)}/recordsets/${seg(recordSetId)}/changes/${seg(changeId)}`;
    const res = await this.getOrNull<WireRecordSetChange>(path);
    return res ? stripChangeSecrets(res) : null;
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

  /** null when the server answers `nullStatus` (404 unless told otherwise). */
  private async getOrNull<T>(path: string, query: Query = {}, nullStatus = 404): Promise<T | null> {
    try {
      return await this.get<T>(path, query);
    } catch (error) {
      if (error instanceof UpstreamError && error.status === nullStatus) return null;
      if (error instanceof GatewayError && error.code === 'NOT_FOUND' && nullStatus === 404) return null;
      throw error;
    }
  }

  private get<T>(path: string, query: Query = {}): Promise<T> {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) if (value !== undefined) search.set(name, String(value));
    const qs = search.toString();
    const target = this.upstream.basePath + path + (qs ? `?${qs}` : '');
    return joinOrStart(this.inFlight, target, this.budget, 'VINYLDNS', () => this.fetchJson<T>(target));
  }

  private async fetchJson<T>(target: string): Promise<T> {
    const signed = signGet(this.upstream.host, target, this.credentials);
    const res = await this.upstream.send({ method: 'GET', path: signed.path, headers: { ...signed.headers, accept: 'application/json' } }, this.budget);
    if (res.status !== 200) throw statusError(res);
    try {
      return JSON.parse(res.body) as T;
    } catch {
      throw new UpstreamError('UPSTREAM_UNAVAILABLE', 'VinylDNS answered with a malformed body', 'VINYLDNS', res.status);
    }
  }
}

/**
 * One path segment, percent-encoded once (the form VinylDNS canonicalises for SigV4). `.` and `..`
 * survive encodeURIComponent and would walk the upstream path (`GET /zones/..`), and an empty
 * segment changes which endpoint is meant: no VinylDNS id or name is any of them.
 */
function seg(value: string): string {
  if (value === '' || value === '.' || value === '..') {
    throw new BadUserInputError(`${JSON.stringify(value)} is not a valid VinylDNS id or name`);
  }
  return encodeURIComponent(value);
}

function statusError(res: UpstreamResponse): UpstreamError {
  const s = res.status;
  if (s === 401) return new UpstreamError('UNAUTHENTICATED', 'VinylDNS rejected the credentials', 'VINYLDNS', s);
  if (s === 403) return new UpstreamError('FORBIDDEN', 'VinylDNS denied access to this resource', 'VINYLDNS', s);
  if (s === 404) return new UpstreamError('NOT_FOUND', 'VinylDNS has no such resource', 'VINYLDNS', s);
  if (s === 400 || s === 422) return new UpstreamError('BAD_USER_INPUT', 'VinylDNS rejected the request as invalid', 'VINYLDNS', s);
  if (s >= 500) return new UpstreamError('UPSTREAM_UNAVAILABLE', `VinylDNS failed with HTTP ${s}`, 'VINYLDNS', s);
  return new UpstreamError('UPSTREAM_ERROR', `VinylDNS answered with unexpected HTTP ${s}`, 'VINYLDNS', s);
}
