// Public and internal types of the VinylDNS sandbox. Wire shapes come from the provider's wire.ts.
import type { WireRecordSet, WireRecordSetChange, WireZone, WireZoneChange } from '../../providers/vinyldns/wire.js';
import type { WireSingleChange } from '../../providers/vinyldns/wire-batch.js';

export interface SandboxUser {
  id: string;
  userName: string;
  accessKey: string;
  secretKey: string;
  superUser: boolean;
  /** A support user: a system admin like the super user, without the super user's Delete on every zone. */
  supportUser: boolean;
  locked: boolean;
  /** Test users (isTest) are kept apart from non-test zones by the real server. */
  isTest: boolean;
  firstName?: string;
  lastName?: string;
  email?: string;
  createdMs: number;
  groupIds: string[];
}

export interface SandboxGroup {
  id: string;
  name: string;
  email: string;
  description?: string;
  createdMs: number;
  /** Every member, admins included (as the server keeps them). */
  memberIds: string[];
  adminIds: string[];
}

export interface RequestLogEntry {
  method: string;
  /** The request path as sent (still percent-encoded), without the query string. */
  path: string;
  /** Decoded query parameters; the first occurrence of a repeated name wins (as on the server). */
  query: Record<string, string>;
  /** 0 until the response has been written. */
  status: number;
  /** The access key named in the Authorization header, when one could be read. */
  accessKey?: string;
  headers: Record<string, string>;
}

export interface VinylDnsSimulatorOptions {
  /** PRNG seed for the generated data. Default 42. Zone, group and user ids do not depend on it. */
  seed?: number;
  /** Reproduce the real server's paging quirks. Default true. */
  quirks?: boolean;
}

/** A zone as the store keeps it: the current state in snapshot (§5.1) shape. */
/** A record set row as the listing query sees it. */
export interface RecordRow {
  rs: WireRecordSet;
  fqdn: string;
  code: number;
}

export interface StoredZone {
  zone: WireZone;
  deleted: boolean;
}

export interface StoredZoneChange {
  createdMs: number;
  /** Insertion order; breaks ties between changes created in the same millisecond (higher = newer). */
  seq: number;
  change: WireZoneChange;
}

/** A record set change in RecordSetChange shape (§5.6: singleBatchChangeIds, no userName). */
export interface StoredRecordSetChange {
  createdMs: number;
  seq: number;
  zoneId: string;
  /** Absolute name of the record set (the history endpoint filters on it). */
  fqdn: string;
  change: WireRecordSetChange;
}

/** A group as one change saw it (newGroup / oldGroup). */
export interface GroupState {
  id: string;
  name: string;
  email: string;
  description?: string;
  createdMs: number;
  status: 'Active' | 'Deleted';
  memberIds: string[];
  adminIds: string[];
}

/** A group change as stored; user names and the message are resolved when it is served, as on the server. */
export interface StoredGroupChange {
  createdMs: number;
  seq: number;
  groupId: string;
  id: string;
  changeType: 'Create' | 'Update' | 'Delete';
  userId: string;
  newGroup: GroupState;
  oldGroup?: GroupState;
}

/** A batch change ("DNS change request") as stored; names and the status are resolved when it is served. */
export interface StoredBatchChange {
  seq: number;
  id: string;
  userId: string;
  userName: string;
  comments?: string;
  /** Whole seconds: the DATETIME column rounds the milliseconds away. */
  createdMs: number;
  ownerGroupId?: string;
  approvalStatus: 'AutoApproved' | 'PendingReview' | 'ManuallyApproved' | 'ManuallyRejected' | 'Cancelled';
  reviewerId?: string;
  reviewComment?: string;
  reviewMs?: number;
  scheduledMs?: number;
  cancelledMs?: number;
  changes: WireSingleChange[];
}

export interface SeedData {
  users: SandboxUser[];
  groups: SandboxGroup[];
  /** Oldest first within a group; the store numbers them. */
  groupChanges: Array<Omit<StoredGroupChange, 'seq'>>;
  zones: StoredZone[];
  zoneChanges: StoredZoneChange[];
  recordSetChanges: StoredRecordSetChange[];
  /** Current record sets of non-deleted zones, without fqdn. */
  recordSets: WireRecordSet[];
  /** Oldest first; the store numbers them. */
  batchChanges: Array<Omit<StoredBatchChange, 'seq'>>;
}
