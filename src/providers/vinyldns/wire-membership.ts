// Wire types of VinylDNS users, groups and group changes (docs/upstreams/vinyldns.md §3.13–§3.17,
// §5.12). Absent optional fields are omitted, never null.
import type { WireTimestamp } from './wire.js';

/** `GET /users/{idOrName}`: no names, no email (§3.13). */
export interface WireUser {
  id: string;
  userName?: string;
  /** Ids of the groups the user is a member of (the key is singular on the wire). */
  groupId: string[];
}

export type WireGroupStatus = 'Active' | 'Deleted' | (string & {});

/** GroupInfo: `GET /groups/{id}` and the newGroup/oldGroup of a group change. */
export interface WireGroup {
  id: string;
  name: string;
  email: string;
  description?: string;
  /** Second precision, like every other timestamp except a group change's own `created`. */
  created: WireTimestamp;
  status: WireGroupStatus;
  /** Every member, admins included. */
  members: Array<{ id: string }>;
  admins: Array<{ id: string }>;
}

export type WireGroupChangeType = 'Create' | 'Update' | 'Delete' | (string & {});

/** GroupChangeInfo (§3.16). */
export interface WireGroupChange {
  newGroup: WireGroup;
  changeType: WireGroupChangeType;
  userId: string;
  /** Only on Update. */
  oldGroup?: WireGroup;
  id: string;
  /**
   * Java's Instant.toString: `2024-03-05T10:11:12.345Z`, or `2024-03-05T10:11:12Z` when the milliseconds
   * are 0 (§5.12). Not the second-precision form of every other timestamp.
   */
  created: string;
  /** `"unknown user"` when the id does not resolve. */
  userName: string;
  /** The server's summary, e.g. `Group member/s with user name/s 'alice','bob' added.`; `""` never expected. */
  groupChangeMessage: string;
}

export interface ListGroupChangesResponse {
  changes: WireGroupChange[];
  startFrom?: number;
  /** Offset of the next page: startFrom + maxItems. */
  nextId?: number;
  maxItems: number;
}

export type WireLockStatus = 'Locked' | 'Unlocked' | (string & {});

/** MemberInfo: the only place names and email are served (§3.15). */
export interface WireGroupMember {
  id: string;
  userName?: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  created?: WireTimestamp;
  isAdmin: boolean;
  lockStatus: WireLockStatus;
}

export interface ListGroupMembersResponse {
  members: WireGroupMember[];
  startFrom?: string;
  /** The id of the last member of this page (exclusive key; members are ordered by id). */
  nextId?: string;
  maxItems: number;
}
