// Wire types of the VinylDNS API, read side, as ../shared/upstreams/vinyldns.md describes them.
// Absent optional fields are omitted by the server (json4s drops None), never null.
// Enumerations are open strings: the server has added values over time.

/** `YYYY-MM-DDTHH:MM:SSZ`, UTC, milliseconds truncated. */
export type WireTimestamp = string;

export type WireZoneStatus = 'Active' | 'Deleted' | 'Syncing' | (string & {});
export type WireAccessLevel = 'NoAccess' | 'Read' | 'Write' | 'Delete' | (string & {});
export type WireRecordType = 'A' | 'AAAA' | 'CNAME' | 'DS' | 'MX' | 'NAPTR' | 'NS' | 'PTR' | 'SOA' | 'SPF' | 'SRV' | 'SSHFP' | 'TXT' | 'UNKNOWN';

/** A TSIG connection. `key` is a secret and is removed at the provider boundary (see sanitize.ts). */
export interface WireZoneConnection {
  name: string;
  keyName: string;
  key?: string;
  primaryServer: string;
  algorithm?: string;
}

export interface WireAclRule {
  accessLevel: WireAccessLevel;
  description?: string;
  userId?: string;
  groupId?: string;
  recordMask?: string;
  recordTypes: string[];
  /** Only on ZoneInfo (get zone): the user name, group name or "All Users". */
  displayName?: string;
}

/** Union of the Zone snapshot (§5.1), ZoneSummary (§5.2) and ZoneInfo (§5.3) shapes. */
export interface WireZone {
  name: string;
  email: string;
  status: WireZoneStatus;
  created: WireTimestamp;
  updated?: WireTimestamp;
  id: string;
  connection?: WireZoneConnection;
  transferConnection?: WireZoneConnection;
  account?: string;
  shared: boolean;
  acl: { rules: WireAclRule[] };
  adminGroupId: string;
  adminGroupName?: string;
  recurrenceSchedule?: string;
  scheduleRequestor?: string;
  latestSync?: WireTimestamp;
  isTest?: boolean;
  backendId?: string;
  accessLevel?: WireAccessLevel;
}

export type WireRecordData = Record<string, string | number>;

export interface WireRecordSet {
  type: WireRecordType | (string & {});
  zoneId: string;
  name: string;
  ttl: number;
  status: string;
  created: WireTimestamp;
  updated?: WireTimestamp;
  records: WireRecordData[];
  id: string;
  account?: string;
  ownerGroupId?: string;
  ownerGroupName?: string;
  accessLevel?: WireAccessLevel;
  recordSetGroupChange?: { ownershipTransferStatus: string; requestedOwnerGroupId?: string };
  /** Present when read from the record set table; absent inside changes. */
  fqdn?: string;
}

export interface WireZoneChange {
  zone: WireZone;
  userId: string;
  changeType: 'Create' | 'Update' | 'Delete' | 'Sync' | 'AutomatedSync' | (string & {});
  status: 'Pending' | 'Failed' | 'Synced' | (string & {});
  created: WireTimestamp;
  systemMessage?: string;
  id: string;
}

/** RecordSetChange (§5.6) and RecordSetChangeInfo (§5.7) in one shape. */
export interface WireRecordSetChange {
  zone: WireZone;
  recordSet: WireRecordSet;
  userId: string;
  changeType: 'Create' | 'Update' | 'Delete' | 'Sync' | (string & {});
  status: 'Pending' | 'Complete' | 'Failed' | 'Synced' | (string & {});
  created: WireTimestamp;
  systemMessage?: string;
  /** The record set as it was before an Update, Delete or Sync. */
  updates?: WireRecordSet;
  id: string;
  /** Only on RecordSetChange (single GET, failure list). */
  singleBatchChangeIds?: string[];
  /** Only on RecordSetChangeInfo (zone list, history). */
  userName?: string;
}

// ---- Response envelopes, one per endpoint (nextId types differ per endpoint: see §4) ----

export interface ListZonesResponse {
  zones: WireZone[];
  nameFilter?: string;
  startFrom?: string;
  nextId?: string;
  maxItems: number;
  ignoreAccess: boolean;
  includeReverse: boolean;
}

export interface GetZoneResponse {
  zone: WireZone;
}

export interface ListZoneChangesResponse {
  zoneId: string;
  zoneChanges: WireZoneChange[];
  /** Epoch milliseconds, as a string; inclusive boundary. */
  nextId?: string;
  startFrom?: string;
  maxItems: number;
}

export interface ListRecordSetChangesResponse {
  zoneId: string;
  recordSetChanges: WireRecordSetChange[];
  nextId?: number;
  startFrom?: number;
  maxItems: number;
}

export type ListRecordSetHistoryResponse = ListRecordSetChangesResponse;

export interface ListFailedRecordSetChangesResponse {
  failedRecordSetChanges: WireRecordSetChange[];
  /** Always present; 0 when done; otherwise startFrom + maxItems + 1 (off by one, do not follow). */
  nextId: number;
  startFrom: number;
  maxItems: number;
}

export interface ListFailedZoneChangesResponse {
  failedZoneChanges: WireZoneChange[];
  /** Always present; 0 when done, else startFrom + maxItems. */
  nextId: number;
  startFrom: number;
  maxItems: number;
}

export interface ListRecordSetsResponse {
  recordSets: WireRecordSet[];
  startFrom?: string;
  nextId?: string;
  maxItems: number;
  recordNameFilter?: string;
  recordTypeFilter?: string[];
  nameSort: string;
  recordTypeSort?: string;
}

export interface GetRecordSetResponse {
  recordSet: WireRecordSet;
}

/** Record type codes used in the record set paging key `<name><....><code>`. */
export const RECORD_TYPE_CODES: Record<string, number> = {
  A: 1,
  AAAA: 2,
  CNAME: 3,
  MX: 4,
  NS: 5,
  PTR: 6,
  SPF: 7,
  SRV: 8,
  SSHFP: 9,
  TXT: 10,
  SOA: 11,
  DS: 12,
  NAPTR: 13,
  UNKNOWN: 100,
};

/** One abandoned zone (docs/upstreams/vinyldns.md §3.20): its Delete change and names resolved by the server. */
export interface WireDeletedZoneInfo {
  /** The Delete change; `zone` is the last state of the zone (status `Deleted`), keys included. */
  zoneChange: WireZoneChange;
  /** `"Unknown group name"` when the admin group is gone. */
  adminGroupName: string;
  /** `"Unknown user name"` when the deleting user is gone. */
  userName: string;
  accessLevel: WireAccessLevel;
}

export interface ListDeletedZonesResponse {
  zonesDeletedInfo: WireDeletedZoneInfo[];
  /** Echo of `nameFilter`. */
  zoneChangeFilter?: string;
  /** A zone id: the first item of the next page (inclusive). */
  nextId?: string;
  startFrom?: string;
  maxItems: number;
  ignoreAccess: boolean;
}
