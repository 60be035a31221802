import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { ZoneModel, RecordSetModel, ZoneChangeModel, DomainModel, DomainChangeModel, RecordSetChangeModel, UserModel, BatchChangeModel, SingleChangeModel, GroupModel, GroupChangeModel, DeletedZoneModel, MailOwnerModel, MailLogChangeModel, RecordDataModel } from '../parents/models.js';
import type { WireGroupMember } from '../providers/vinyldns/wire-membership.js';
import type { WireAclRule, WireZoneConnection } from '../providers/vinyldns/wire.js';
import type { GraphQLContext } from '../context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A date and time in UTC, ISO-8601, second precision as the upstreams record it, e.g. `2023-09-28T16:44:47Z`. */
  DateTime: { input: Date; output: string; }
  /** An integer between -(2^53 - 1) and 2^53 - 1. Used where values exceed GraphQL's 32-bit `Int`, such as SOA serials. */
  SafeInt: { input: number; output: number; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** An IPv6 address record. */
export type AaaaRecord = RecordData & {
  __typename?: 'AAAARecord';
  /** The IPv6 address as VinylDNS stores it (possibly not compressed). */
  address: Scalars['String']['output'];
  /** The address as stored, e.g. `2001:db8::1`. */
  text: Scalars['String']['output'];
};

/** An IPv4 address record. */
export type ARecord = RecordData & {
  __typename?: 'ARecord';
  /** The IPv4 address. */
  address: Scalars['String']['output'];
  /** The address, e.g. `192.0.2.1`. */
  text: Scalars['String']['output'];
};

/** How a user may use a zone or record set. */
export type AccessLevel =
  /** May read, change and delete. */
  | 'DELETE'
  /** No access. */
  | 'NO_ACCESS'
  /** May read. */
  | 'READ'
  /** A level this gateway does not know yet. */
  | 'UNKNOWN'
  /** May read and change. */
  | 'WRITE';

/** An access rule of a zone. */
export type AclRule = {
  __typename?: 'AclRule';
  /** The access the rule grants. */
  accessLevel: AccessLevel;
  /** What the rule is for, as its author described it. */
  description?: Maybe<Scalars['String']['output']>;
  /** The user name, group name or `All Users`, when VinylDNS resolves it. */
  displayName?: Maybe<Scalars['String']['output']>;
  /** The group the rule applies to, when it names one. */
  groupId?: Maybe<Scalars['String']['output']>;
  /** A regular expression on record names (or a CIDR for PTR records) limiting the rule, when set. */
  recordMask?: Maybe<Scalars['String']['output']>;
  /** The record types the rule applies to; empty means all types. */
  recordTypes: Array<RecordType>;
  /** The user the rule applies to, when it names one. */
  userId?: Maybe<Scalars['String']['output']>;
};

/** A DNS change request (a VinylDNS batch change): several record changes submitted, reviewed and applied together. */
export type BatchChange = Change & Node & {
  __typename?: 'BatchChange';
  /** The submitter's user name. */
  actor?: Maybe<Scalars['String']['output']>;
  /** Where the request stands with its reviewers. */
  approvalStatus: BatchChangeApprovalStatus;
  /** The VinylDNS id of the request. */
  batchChangeId: Scalars['String']['output'];
  /** When the request was cancelled. */
  cancelledAt?: Maybe<Scalars['DateTime']['output']>;
  /** The submitter's comments. */
  comments?: Maybe<Scalars['String']['output']>;
  /** The opaque global id of this request. */
  id: Scalars['ID']['output'];
  /** When the request was submitted. */
  occurredAt: Scalars['DateTime']['output'];
  /** The VinylDNS id of the group that owns the records the request creates. */
  ownerGroupId?: Maybe<Scalars['String']['output']>;
  /** Always `VINYLDNS`. */
  provider: Provider;
  /** The reviewer's comment. */
  reviewComment?: Maybe<Scalars['String']['output']>;
  /** When the request was reviewed. */
  reviewedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The reviewer who approved or rejected the request; null when not reviewed. */
  reviewer?: Maybe<User>;
  /** The reviewer's user name; null when not reviewed. */
  reviewerName?: Maybe<Scalars['String']['output']>;
  /** When the request is scheduled to run, when it was scheduled. */
  scheduledAt?: Maybe<Scalars['DateTime']['output']>;
  /** The record changes of the request, in submission order (one more read of the request when it came from a list). */
  singleChanges: Array<SingleChange>;
  /** The request's processing status as VinylDNS names it: `PendingProcessing`, `PendingReview`, `Scheduled`, `Complete`, `PartialFailure`, `Failed`, `Rejected` or `Cancelled`. */
  status: Scalars['String']['output'];
  /** A one-line description, e.g. `DNS change request by bob: 3 changes (Complete)`. */
  summary: Scalars['String']['output'];
  /** How many record changes the request holds. */
  totalChanges: Scalars['Int']['output'];
  /** The submitter; null when VinylDNS cannot resolve the user. */
  user?: Maybe<User>;
  /** The submitter's user name. */
  userName: Scalars['String']['output'];
};

/** Where a DNS change request stands with its reviewers. */
export type BatchChangeApprovalStatus =
  /** Approved without review. */
  | 'AUTO_APPROVED'
  /** Cancelled by its submitter. */
  | 'CANCELLED'
  /** Approved by a reviewer. */
  | 'MANUALLY_APPROVED'
  /** Rejected by a reviewer. */
  | 'MANUALLY_REJECTED'
  /** Waiting for a reviewer. */
  | 'PENDING_REVIEW'
  /** A status this gateway does not know yet. */
  | 'UNKNOWN';

/** A page of DNS change requests. */
export type BatchChangeConnection = {
  __typename?: 'BatchChangeConnection';
  /** The requests of this page, each with its cursor. */
  edges: Array<BatchChangeEdge>;
  /** The requests of this page. */
  nodes: Array<BatchChange>;
  /** Paging information. */
  pageInfo: PageInfo;
};

/** A DNS change request in a page, with its cursor. */
export type BatchChangeEdge = {
  __typename?: 'BatchChangeEdge';
  /** Pass to `after` or `before` to page from this request. */
  cursor: Scalars['String']['output'];
  /** The request. */
  node: BatchChange;
};

/** A canonical name record. */
export type CnameRecord = RecordData & {
  __typename?: 'CNAMERecord';
  /** The absolute target name. */
  cname: Scalars['String']['output'];
  /** The target name, e.g. `www.example.com.`. */
  text: Scalars['String']['output'];
};

/** Something that happened, as recorded by one provider. */
export type Change = {
  /** Who made the change: the user name where known, else the user id. Null when the provider does not say. */
  actor?: Maybe<Scalars['String']['output']>;
  /** The opaque global id of this change; the same on every request. */
  id: Scalars['ID']['output'];
  /** When the change was made. */
  occurredAt: Scalars['DateTime']['output'];
  /** The provider that recorded this change. */
  provider: Provider;
  /** A one-line human description, e.g. `Update A www.ok. 5.5.5.5 → 5.5.5.6`. */
  summary: Scalars['String']['output'];
};

/** A page of a domain's merged change feed. */
export type ChangeConnection = {
  __typename?: 'ChangeConnection';
  /** The changes of this page, each with its cursor. */
  edges: Array<ChangeEdge>;
  /** The changes of this page. */
  nodes: Array<Change>;
  /** Paging information. The feed pages forward only. */
  pageInfo: PageInfo;
  /** Providers whose changes are missing from this page because they failed or are not configured. The cursors keep such a provider where it was, so the next page (or the same page asked again) picks its changes up once it answers. */
  unavailableProviders: Array<Provider>;
};

/** A change in the merged feed, with its cursor. */
export type ChangeEdge = {
  __typename?: 'ChangeEdge';
  /** Pass to `after` to continue after this change. */
  cursor: Scalars['String']['output'];
  /** The change. */
  node: Change;
};

/** The order of a domain's changes. */
export type ChangeOrder =
  /** The most recent change first. */
  | 'NEWEST_FIRST'
  /** The earliest change first, as OpenSRS records them. */
  | 'OLDEST_FIRST';

/** A company (the account holding mail domains) of the OpenSRS Email API. */
export type Company = Node & {
  __typename?: 'Company';
  /** The changes made to the company's settings. Cursors count from the oldest change, as for `Domain.changes`. */
  changes: CompanyChangeConnection;
  /** The opaque global id of this company. */
  id: Scalars['ID']['output'];
  /** The company's name as OpenSRS knows it. */
  name: Scalars['String']['output'];
};


/** A company (the account holding mail domains) of the OpenSRS Email API. */
export type CompanyChangesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  order?: InputMaybe<ChangeOrder>;
};

/** A change made to a company, from its OpenSRS log. */
export type CompanyChange = Change & Node & {
  __typename?: 'CompanyChange';
  /** The user that made the change (`OpenSRS` for the system). */
  actor?: Maybe<Scalars['String']['output']>;
  /** The tool the change was made with, e.g. `OMA`. */
  application: Scalars['String']['output'];
  /** True when OpenSRS itself made the change. */
  bySystem: Scalars['Boolean']['output'];
  /** The company the change was made to. */
  company: Company;
  /** The opaque global id of this change; stable across requests and orders. */
  id: Scalars['ID']['output'];
  /** The change message as OpenSRS records it. */
  message: Scalars['String']['output'];
  /** When the change was made (OpenSRS records whole seconds). */
  occurredAt: Scalars['DateTime']['output'];
  /** Always `OPENSRS`. */
  provider: Provider;
  /** The change message on one line. */
  summary: Scalars['String']['output'];
};

/** A page of company changes. */
export type CompanyChangeConnection = {
  __typename?: 'CompanyChangeConnection';
  /** The changes of this page, each with its cursor. */
  edges: Array<CompanyChangeEdge>;
  /** The changes of this page. */
  nodes: Array<CompanyChange>;
  /** Paging information. */
  pageInfo: PageInfo;
  /** How many changes the log holds in all. */
  totalCount: Scalars['Int']['output'];
};

/** A change in a page, with its cursor. */
export type CompanyChangeEdge = {
  __typename?: 'CompanyChangeEdge';
  /** Pass to `after` or `before` to page from this change. */
  cursor: Scalars['String']['output'];
  /** The change. */
  node: CompanyChange;
};

/** A delegation signer record. */
export type DsRecord = RecordData & {
  __typename?: 'DSRecord';
  /** The DNSSEC algorithm number. */
  algorithm: Scalars['Int']['output'];
  /** The digest, upper-case hexadecimal. */
  digest: Scalars['String']['output'];
  /** The digest type number. */
  digestType: Scalars['Int']['output'];
  /** The key tag of the DNSKEY. */
  keyTag: Scalars['Int']['output'];
  /** E.g. `60485 5 1 2BB183AF5F22588179A53B0A98631FAD1A292118`. */
  text: Scalars['String']['output'];
};

/** A zone that was deleted from VinylDNS: who deleted it and when, and how it was at the end. */
export type DeletedZone = Node & {
  __typename?: 'DeletedZone';
  /** What the caller may do with the zone's records. */
  accessLevel: AccessLevel;
  /** The admin group as it is now; null when it no longer exists. */
  adminGroup?: Maybe<Group>;
  /** The VinylDNS id of the zone's admin group. */
  adminGroupId: Scalars['String']['output'];
  /** The admin group's name (`Unknown group name` when the group is gone). */
  adminGroupName: Scalars['String']['output'];
  /** The delete change itself. */
  deleteChange: ZoneChange;
  /** When the zone was deleted. */
  deletedAt: Scalars['DateTime']['output'];
  /** The user name of who deleted it (VinylDNS says `Unknown user name` when the user is gone). */
  deletedBy: Scalars['String']['output'];
  /** The opaque global id of this deleted zone. */
  id: Scalars['ID']['output'];
  /** The zone's name, with the trailing dot. */
  name: Scalars['String']['output'];
  /** Who deleted it; null when VinylDNS cannot resolve the user. */
  user?: Maybe<User>;
  /** The VinylDNS id the zone had. */
  zoneId: Scalars['String']['output'];
  /** The zone as it was when deleted (a snapshot; its `zone` now no longer exists). */
  zoneSnapshot: Zone;
};

/** A page of deleted zones. */
export type DeletedZoneConnection = {
  __typename?: 'DeletedZoneConnection';
  /** The zones of this page, each with its cursor. */
  edges: Array<DeletedZoneEdge>;
  /** The zones of this page. */
  nodes: Array<DeletedZone>;
  /** Paging information. */
  pageInfo: PageInfo;
};

/** A deleted zone in a page, with its cursor. */
export type DeletedZoneEdge = {
  __typename?: 'DeletedZoneEdge';
  /** Pass to `after` to page on from this zone. */
  cursor: Scalars['String']['output'];
  /** The zone. */
  node: DeletedZone;
};

/** A connection from VinylDNS to a DNS server. The TSIG key itself is never exposed. */
export type DnsServerConnection = {
  __typename?: 'DnsServerConnection';
  /** The TSIG algorithm, e.g. `HMAC-SHA256`, when set. */
  algorithm?: Maybe<Scalars['String']['output']>;
  /** The name of the TSIG key. */
  keyName: Scalars['String']['output'];
  /** The connection's name. */
  name: Scalars['String']['output'];
  /** The DNS server, as a host or `host:port`. */
  primaryServer: Scalars['String']['output'];
};

/** A mail domain in the OpenSRS Email API. */
export type Domain = Node & {
  __typename?: 'Domain';
  /** The changes made to the domain's mail settings. Cursors count from the oldest change, so a walk in either order neither repeats nor skips changes while new ones are recorded. */
  changes: DomainChangeConnection;
  /** The URL of this history as one CSV or NDJSON download (`GET /export/changes`, with the same filters as `timeline`): for histories too long to page through. Send it the same `Authorization` header as GraphQL requests. */
  exportUrl: Scalars['String']['output'];
  /** The opaque global id of this domain. */
  id: Scalars['ID']['output'];
  /** The domain name, lower case, without a trailing dot, e.g. `example.com`. */
  name: Scalars['String']['output'];
  /** This domain's changes merged with the history of the VinylDNS zone of the same name, newest first (as `Query.changes`). */
  timeline: ChangeConnection;
  /** The VinylDNS zone of the same name (with the trailing dot). Null when there is none, or when VinylDNS is not configured. */
  zone?: Maybe<Zone>;
};


/** A mail domain in the OpenSRS Email API. */
export type DomainChangesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  order?: InputMaybe<ChangeOrder>;
};


/** A mail domain in the OpenSRS Email API. */
export type DomainExportUrlArgs = {
  actor?: InputMaybe<Scalars['String']['input']>;
  format: ExportFormat;
  providers?: InputMaybe<Array<Provider>>;
  since?: InputMaybe<Scalars['DateTime']['input']>;
  until?: InputMaybe<Scalars['DateTime']['input']>;
};


/** A mail domain in the OpenSRS Email API. */
export type DomainTimelineArgs = {
  actor?: InputMaybe<Scalars['String']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  providers?: InputMaybe<Array<Provider>>;
  since?: InputMaybe<Scalars['DateTime']['input']>;
  until?: InputMaybe<Scalars['DateTime']['input']>;
};

/** A change to a mail domain, as the OpenSRS Email API logs it. */
export type DomainChange = Change & Node & {
  __typename?: 'DomainChange';
  /** The user that made the change (`OpenSRS` for the system). */
  actor?: Maybe<Scalars['String']['output']>;
  /** The tool the change was made with, e.g. `OMA`. */
  application: Scalars['String']['output'];
  /** True when OpenSRS itself made the change. */
  bySystem: Scalars['Boolean']['output'];
  /** The domain the change was made to. */
  domain: Domain;
  /** The opaque global id of this change; stable across requests and orders. */
  id: Scalars['ID']['output'];
  /** The change message as OpenSRS records it, e.g. `changed language [en]`. */
  message: Scalars['String']['output'];
  /** When the change was made (OpenSRS records whole seconds). */
  occurredAt: Scalars['DateTime']['output'];
  /** Always `OPENSRS`. */
  provider: Provider;
  /** The change message on one line. */
  summary: Scalars['String']['output'];
  /** The user that made the change, or `OpenSRS` when the system made it. */
  user: Scalars['String']['output'];
};

/** A page of a domain's changes. */
export type DomainChangeConnection = {
  __typename?: 'DomainChangeConnection';
  /** The changes of this page, each with its cursor. */
  edges: Array<DomainChangeEdge>;
  /** The changes of this page. */
  nodes: Array<DomainChange>;
  /** Paging information. */
  pageInfo: PageInfo;
  /** How many changes the domain has in all. */
  totalCount: Scalars['Int']['output'];
};

/** A domain change in a page, with its cursor. */
export type DomainChangeEdge = {
  __typename?: 'DomainChangeEdge';
  /** Pass to `after` or `before` to page from this change. */
  cursor: Scalars['String']['output'];
  /** The change. */
  node: DomainChange;
};

/** The file formats of a history export (`GET /export/changes`). */
export type ExportFormat =
  /** Comma-separated values (RFC 4180) with a header row and fixed columns, the change's cursor last. */
  | 'CSV'
  /** Newline-delimited JSON: one change per line, with the provider's own fields and the change's cursor. */
  | 'NDJSON';

/** A VinylDNS group: the people who administer zones and own records. */
export type Group = Node & {
  __typename?: 'Group';
  /** The group's changes, newest first. Only members and system admins may read them (else `FORBIDDEN`). */
  activity: GroupChangeConnection;
  /** When the group was created. */
  created: Scalars['DateTime']['output'];
  /** What the group is for. */
  description?: Maybe<Scalars['String']['output']>;
  /** The group's contact email. */
  email: Scalars['String']['output'];
  /** The VinylDNS id of the group. */
  groupId: Scalars['String']['output'];
  /** The opaque global id of this group. */
  id: Scalars['ID']['output'];
  /** The members with their names and email, admins included, ordered by id (up to 1000). Null when VinylDNS does not show them to the caller. */
  members?: Maybe<Array<GroupMember>>;
  /** The group's name. */
  name: Scalars['String']['output'];
  /** `Active` or `Deleted`. */
  status: Scalars['String']['output'];
};


/** A VinylDNS group: the people who administer zones and own records. */
export type GroupActivityArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** A change made to a VinylDNS group (created, updated, members added or removed, deleted). */
export type GroupChange = Change & Node & {
  __typename?: 'GroupChange';
  /** The user name of who made it, else the user id. */
  actor?: Maybe<Scalars['String']['output']>;
  /** The VinylDNS id of the change. */
  changeId: Scalars['String']['output'];
  /** `Create`, `Update` or `Delete`. */
  changeType: Scalars['String']['output'];
  /** The group as it is now; null when it no longer exists. */
  group?: Maybe<Group>;
  /** The group's name after the change. */
  groupName: Scalars['String']['output'];
  /** The opaque global id of this change. */
  id: Scalars['ID']['output'];
  /** When the change was made (to the second). */
  occurredAt: Scalars['DateTime']['output'];
  /** The group's name before the change, for updates. */
  previousGroupName?: Maybe<Scalars['String']['output']>;
  /** Always `VINYLDNS`. */
  provider: Provider;
  /** VinylDNS's description of the change, e.g. `Group member/s with user name/s 'alice' added.` */
  summary: Scalars['String']['output'];
  /** Who made the change; null when VinylDNS cannot resolve the user. */
  user?: Maybe<User>;
};

/** A page of group changes. */
export type GroupChangeConnection = {
  __typename?: 'GroupChangeConnection';
  /** The changes of this page, each with its cursor. */
  edges: Array<GroupChangeEdge>;
  /** The changes of this page. */
  nodes: Array<GroupChange>;
  /** Paging information. */
  pageInfo: PageInfo;
};

/** A group change in a page, with its cursor. */
export type GroupChangeEdge = {
  __typename?: 'GroupChangeEdge';
  /** Pass to `after` or `before` to page from this change. */
  cursor: Scalars['String']['output'];
  /** The change. */
  node: GroupChange;
};

/** A member of a VinylDNS group. */
export type GroupMember = {
  __typename?: 'GroupMember';
  /** The email address. */
  email?: Maybe<Scalars['String']['output']>;
  /** The first name. */
  firstName?: Maybe<Scalars['String']['output']>;
  /** True for an admin of the group. */
  isAdmin: Scalars['Boolean']['output'];
  /** The last name. */
  lastName?: Maybe<Scalars['String']['output']>;
  /** The member as a user. */
  user: User;
  /** The VinylDNS user id. */
  userId: Scalars['String']['output'];
  /** The user name. */
  userName?: Maybe<Scalars['String']['output']>;
};

/** A mail exchanger record. */
export type MxRecord = RecordData & {
  __typename?: 'MXRecord';
  /** The mail server's absolute name. */
  exchange: Scalars['String']['output'];
  /** The preference; lower is preferred. */
  preference: Scalars['Int']['output'];
  /** E.g. `10 mail.example.com.`. */
  text: Scalars['String']['output'];
};

/** A mailbox of the OpenSRS Email API. */
export type MailUser = Node & {
  __typename?: 'MailUser';
  /** The mailbox address, lower case, e.g. `alice@example.com`. */
  address: Scalars['String']['output'];
  /** The changes made to the mailbox. Cursors count from the oldest change, so a walk in either order neither repeats nor skips changes while new ones are recorded. */
  changes: MailUserChangeConnection;
  /** The opaque global id of this mailbox. */
  id: Scalars['ID']['output'];
};


/** A mailbox of the OpenSRS Email API. */
export type MailUserChangesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  order?: InputMaybe<ChangeOrder>;
};

/** A change made to a mailbox, from its OpenSRS log. */
export type MailUserChange = Change & Node & {
  __typename?: 'MailUserChange';
  /** The user that made the change (`OpenSRS` for the system). */
  actor?: Maybe<Scalars['String']['output']>;
  /** The tool the change was made with, e.g. `OMA`. */
  application: Scalars['String']['output'];
  /** True when OpenSRS itself made the change. */
  bySystem: Scalars['Boolean']['output'];
  /** The opaque global id of this change; stable across requests and orders. */
  id: Scalars['ID']['output'];
  /** The mailbox the change was made to. */
  mailUser: MailUser;
  /** The change message as OpenSRS records it. */
  message: Scalars['String']['output'];
  /** When the change was made (OpenSRS records whole seconds). */
  occurredAt: Scalars['DateTime']['output'];
  /** Always `OPENSRS`. */
  provider: Provider;
  /** The change message on one line. */
  summary: Scalars['String']['output'];
};

/** A page of mailbox changes. */
export type MailUserChangeConnection = {
  __typename?: 'MailUserChangeConnection';
  /** The changes of this page, each with its cursor. */
  edges: Array<MailUserChangeEdge>;
  /** The changes of this page. */
  nodes: Array<MailUserChange>;
  /** Paging information. */
  pageInfo: PageInfo;
  /** How many changes the log holds in all. */
  totalCount: Scalars['Int']['output'];
};

/** A change in a page, with its cursor. */
export type MailUserChangeEdge = {
  __typename?: 'MailUserChangeEdge';
  /** Pass to `after` or `before` to page from this change. */
  cursor: Scalars['String']['output'];
  /** The change. */
  node: MailUserChange;
};

/** A naming authority pointer record. */
export type NaptrRecord = RecordData & {
  __typename?: 'NAPTRRecord';
  /** The flags (`U`, `S`, `A` or `P`). */
  flags: Scalars['String']['output'];
  /** The order in which records must be processed. */
  order: Scalars['Int']['output'];
  /** The preference among records of the same order. */
  preference: Scalars['Int']['output'];
  /** The substitution expression, possibly empty. */
  regexp: Scalars['String']['output'];
  /** The replacement name. */
  replacement: Scalars['String']['output'];
  /** The service parameters. */
  service: Scalars['String']['output'];
  /** E.g. `100 10 "U" "E2U+sip" "!^.*$!sip:info@example.com!" .`. */
  text: Scalars['String']['output'];
};

/** A name server record. */
export type NsRecord = RecordData & {
  __typename?: 'NSRecord';
  /** The name server's absolute name. */
  nsdname: Scalars['String']['output'];
  /** The name server, e.g. `ns1.example.com.`. */
  text: Scalars['String']['output'];
};

/** An object with a globally unique, opaque id. `Query.node` fetches any of them again by that id. */
export type Node = {
  /** The opaque global id of this object. */
  id: Scalars['ID']['output'];
};

/** A pointer record. */
export type PtrRecord = RecordData & {
  __typename?: 'PTRRecord';
  /** The absolute target name. */
  ptrdname: Scalars['String']['output'];
  /** The target name, e.g. `host.example.com.`. */
  text: Scalars['String']['output'];
};

/** Relay paging information for a connection. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The cursor of the last edge of this page, null when the page is empty. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** True when more edges follow this page (when paging with `first`). */
  hasNextPage: Scalars['Boolean']['output'];
  /** True when more edges precede this page (when paging with `last`). */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** The cursor of the first edge of this page, null when the page is empty. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** The upstream service a piece of data comes from. */
export type Provider =
  /** The OpenSRS Email API: mail domains and their change log. */
  | 'OPENSRS'
  /** VinylDNS: DNS zones, record sets and their changes. */
  | 'VINYLDNS';

/** The entry points of the gateway. */
export type Query = {
  __typename?: 'Query';
  /** One DNS change request by its VinylDNS id. Null when missing; only its submitter and system admins may read it (else `FORBIDDEN`). */
  batchChange?: Maybe<BatchChange>;
  /** DNS change requests (VinylDNS batch changes), newest first: the caller's own, or everyone's for a system admin with `allUsers`. The filters are applied by VinylDNS. */
  batchChanges: BatchChangeConnection;
  /** Everything that happened to a domain, across providers, newest first: the zone and record set changes of the VinylDNS zone `<domain>.` and the OpenSRS mail changes of `<domain>`. Changes at the same second come in a fixed order (VinylDNS zone changes, record set changes, then OpenSRS). When a provider fails or is not configured, the others' changes still come, the provider is listed in `unavailableProviders`, and an error says why. */
  changes: ChangeConnection;
  /** A company of the OpenSRS Email API, by name. Null when OpenSRS says it does not exist. */
  company?: Maybe<Company>;
  /** Abandoned zones, most recently deleted first: one per name, and only names not in use again (VinylDNS's rules). Pages forward only. */
  deletedZones: DeletedZoneConnection;
  /** A mail domain of the OpenSRS Email API, by name. Null when OpenSRS says the domain does not exist. */
  domain?: Maybe<Domain>;
  /** Failed zone changes of every zone, newest first (VinylDNS's global failure list), e.g. for a health dashboard. */
  failedZoneChanges: ZoneChangeConnection;
  /** A VinylDNS group by its id. Null when it does not exist (or was deleted). */
  group?: Maybe<Group>;
  /** A mailbox of the OpenSRS Email API, by address. Null when OpenSRS says it does not exist. */
  mailUser?: Maybe<MailUser>;
  /** Fetches any object that implements `Node` by its global id. Null when it does not exist. */
  node?: Maybe<Node>;
  /** One record set. Null when it does not exist in that zone. */
  recordSet?: Maybe<RecordSet>;
  /** Every change made to the record set of this name and type in this zone, newest first. Accepts the name with or without the trailing dot. */
  recordSetChangeHistory: RecordSetChangeConnection;
  /** A VinylDNS user, by user id or user name. Null when VinylDNS has no such user (e.g. `system`). */
  user?: Maybe<User>;
  /** One zone, by exactly one of: its global `id`, its VinylDNS `zoneId`, or its `name` (with or without the trailing dot). Null when not found. */
  zone?: Maybe<Zone>;
  /** The zones the caller can access, sorted by name. Pages forward only. */
  zones: ZoneConnection;
};


/** The entry points of the gateway. */
export type QueryBatchChangeArgs = {
  batchChangeId: Scalars['String']['input'];
};


/** The entry points of the gateway. */
export type QueryBatchChangesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  allUsers?: InputMaybe<Scalars['Boolean']['input']>;
  approvalStatus?: InputMaybe<BatchChangeApprovalStatus>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  since?: InputMaybe<Scalars['DateTime']['input']>;
  until?: InputMaybe<Scalars['DateTime']['input']>;
  user?: InputMaybe<Scalars['String']['input']>;
};


/** The entry points of the gateway. */
export type QueryChangesArgs = {
  actor?: InputMaybe<Scalars['String']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  domain: Scalars['String']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  providers?: InputMaybe<Array<Provider>>;
  since?: InputMaybe<Scalars['DateTime']['input']>;
  until?: InputMaybe<Scalars['DateTime']['input']>;
};


/** The entry points of the gateway. */
export type QueryCompanyArgs = {
  name: Scalars['String']['input'];
};


/** The entry points of the gateway. */
export type QueryDeletedZonesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  allUsers?: InputMaybe<Scalars['Boolean']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  nameFilter?: InputMaybe<Scalars['String']['input']>;
};


/** The entry points of the gateway. */
export type QueryDomainArgs = {
  name: Scalars['String']['input'];
};


/** The entry points of the gateway. */
export type QueryFailedZoneChangesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** The entry points of the gateway. */
export type QueryGroupArgs = {
  groupId: Scalars['String']['input'];
};


/** The entry points of the gateway. */
export type QueryMailUserArgs = {
  address: Scalars['String']['input'];
};


/** The entry points of the gateway. */
export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


/** The entry points of the gateway. */
export type QueryRecordSetArgs = {
  recordSetId: Scalars['String']['input'];
  zoneId: Scalars['String']['input'];
};


/** The entry points of the gateway. */
export type QueryRecordSetChangeHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  fqdn: Scalars['String']['input'];
  last?: InputMaybe<Scalars['Int']['input']>;
  type: RecordType;
  zoneId: Scalars['String']['input'];
};


/** The entry points of the gateway. */
export type QueryUserArgs = {
  idOrName: Scalars['String']['input'];
};


/** The entry points of the gateway. */
export type QueryZoneArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  zoneId?: InputMaybe<Scalars['String']['input']>;
};


/** The entry points of the gateway. */
export type QueryZonesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  nameFilter?: InputMaybe<Scalars['String']['input']>;
};

/** One DNS record. */
export type RecordData = {
  /** The record in zone-file presentation, e.g. `10 mail.example.com.`. */
  text: Scalars['String']['output'];
};

/** A set of DNS records sharing a name and type in a zone. */
export type RecordSet = Node & {
  __typename?: 'RecordSet';
  /** The caller's access to the record set, when VinylDNS reports it (record set lists). */
  accessLevel?: Maybe<AccessLevel>;
  /** When the record set was created. */
  created: Scalars['DateTime']['output'];
  /** The absolute name with the trailing dot, e.g. `www.example.com.`. */
  fqdn: Scalars['String']['output'];
  /** The changes made to this record set's name and type in its zone, newest first. */
  history: RecordSetChangeConnection;
  /** The global id. A record set read now and one recorded inside a change have different ids, so client caches keep them apart. */
  id: Scalars['ID']['output'];
  /** The name relative to the zone (the zone's name for apex records). */
  name: Scalars['String']['output'];
  /** The id of the group that owns the record set, when set. */
  ownerGroupId?: Maybe<Scalars['String']['output']>;
  /** The name of the owning group, when VinylDNS includes it. */
  ownerGroupName?: Maybe<Scalars['String']['output']>;
  /** The VinylDNS id of the record set. */
  recordSetId: Scalars['String']['output'];
  /** The records. */
  records: Array<RecordData>;
  /** The state of the record set. */
  status: RecordSetStatus;
  /** Time to live, in seconds. */
  ttl: Scalars['Int']['output'];
  /** The record type. */
  type: RecordType;
  /** When the record set was last updated, if ever. */
  updated?: Maybe<Scalars['DateTime']['output']>;
  /** The zone as it is now. */
  zone: Zone;
  /** The VinylDNS id of its zone. */
  zoneId: Scalars['String']['output'];
};


/** A set of DNS records sharing a name and type in a zone. */
export type RecordSetHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** A change made to a record set. */
export type RecordSetChange = Change & Node & {
  __typename?: 'RecordSetChange';
  /** The user name where VinylDNS knows it, else the user id. */
  actor?: Maybe<Scalars['String']['output']>;
  /** The DNS change request that produced this change; null when none. VinylDNS has no lookup for it: the gateway reads the change on its own (for its single change ids), then up to 10 of the submitter's requests made before it, newest first (as a system admin sees them; others see only their own). Up to 12 upstream calls per change: ask for it on a few changes, not on long lists. */
  batchChange?: Maybe<BatchChange>;
  /** The VinylDNS id of the change. */
  changeId: Scalars['String']['output'];
  /** What the change did. */
  changeType: RecordSetChangeType;
  /** When the change was made (the same as `occurredAt`). */
  created: Scalars['DateTime']['output'];
  /** The opaque global id of this change. */
  id: Scalars['ID']['output'];
  /** When the change was made. */
  occurredAt: Scalars['DateTime']['output'];
  /** The record set as it was before this change, for updates, deletes and syncs. */
  previousRecordSet?: Maybe<RecordSet>;
  /** Always `VINYLDNS`. */
  provider: Provider;
  /** The record set as of this change (for a delete: the record set being deleted). */
  recordSet: RecordSet;
  /** The ids of the single changes of DNS change requests (batch changes) that produced this change; empty when none or not reported. */
  singleBatchChangeIds: Array<Scalars['String']['output']>;
  /** The outcome of the change. */
  status: RecordSetChangeStatus;
  /** A one-line description, e.g. `Update A www.ok. 5.5.5.5 → 5.5.5.6`. */
  summary: Scalars['String']['output'];
  /** VinylDNS's message about the change (the DNS error for failures), when it has one. */
  systemMessage?: Maybe<Scalars['String']['output']>;
  /** The user who made the change; null when VinylDNS cannot resolve the user id (e.g. `system`). */
  user?: Maybe<User>;
  /** The VinylDNS user id that made the change (`system` for syncs). */
  userId: Scalars['String']['output'];
  /** The user's name, when VinylDNS includes and knows it. */
  userName?: Maybe<Scalars['String']['output']>;
  /** The zone as it is now. */
  zone: Zone;
};

/** A page of record set changes. */
export type RecordSetChangeConnection = {
  __typename?: 'RecordSetChangeConnection';
  /** The changes of this page, each with its cursor. */
  edges: Array<RecordSetChangeEdge>;
  /** The changes of this page. */
  nodes: Array<RecordSetChange>;
  /** Paging information. */
  pageInfo: PageInfo;
};

/** A record set change in a page, with its cursor. */
export type RecordSetChangeEdge = {
  __typename?: 'RecordSetChangeEdge';
  /** Pass to `after` or `before` to page from this change. */
  cursor: Scalars['String']['output'];
  /** The change. */
  node: RecordSetChange;
};

/** The outcome of a record set change. */
export type RecordSetChangeStatus =
  /** Applied. */
  | 'COMPLETE'
  /** Failed. */
  | 'FAILED'
  /** Not applied yet. */
  | 'PENDING'
  /** Applied by a zone sync. */
  | 'SYNCED'
  /** A status this gateway does not know yet. */
  | 'UNKNOWN';

/** What a record set change did. */
export type RecordSetChangeType =
  /** The record set was created. */
  | 'CREATE'
  /** The record set was deleted. */
  | 'DELETE'
  /** An out-of-sync record set was reconciled by a zone sync. */
  | 'SYNC'
  /** A type this gateway does not know yet. */
  | 'UNKNOWN'
  /** The record set was updated. */
  | 'UPDATE';

/** A page of record sets. */
export type RecordSetConnection = {
  __typename?: 'RecordSetConnection';
  /** The record sets of this page, each with its cursor. */
  edges: Array<RecordSetEdge>;
  /** The record sets of this page. */
  nodes: Array<RecordSet>;
  /** Paging information. */
  pageInfo: PageInfo;
};

/** A record set in a page, with its cursor. */
export type RecordSetEdge = {
  __typename?: 'RecordSetEdge';
  /** Pass to `after` to continue after this record set. */
  cursor: Scalars['String']['output'];
  /** The record set. */
  node: RecordSet;
};

/** The state of a record set. */
export type RecordSetStatus =
  /** In service. */
  | 'ACTIVE'
  /** Not in service (e.g. a change to it failed). */
  | 'INACTIVE'
  /** Being created. */
  | 'PENDING'
  /** Being deleted. */
  | 'PENDING_DELETE'
  /** Being updated. */
  | 'PENDING_UPDATE'
  /** A status this gateway does not know yet. */
  | 'UNKNOWN';

/** A DNS record type. */
export type RecordType =
  /** IPv4 address. */
  | 'A'
  /** IPv6 address. */
  | 'AAAA'
  /** Canonical name (alias). */
  | 'CNAME'
  /** Delegation signer. */
  | 'DS'
  /** Mail exchanger. */
  | 'MX'
  /** Naming authority pointer. */
  | 'NAPTR'
  /** Name server. */
  | 'NS'
  /** Pointer (reverse DNS). */
  | 'PTR'
  /** Start of authority. */
  | 'SOA'
  /** Sender policy framework (legacy type). */
  | 'SPF'
  /** Service locator. */
  | 'SRV'
  /** SSH key fingerprint. */
  | 'SSHFP'
  /** Text. */
  | 'TXT'
  /** A type VinylDNS cannot model. */
  | 'UNKNOWN';

/** A start of authority record. */
export type SoaRecord = RecordData & {
  __typename?: 'SOARecord';
  /** Seconds after which secondaries stop answering. */
  expire: Scalars['SafeInt']['output'];
  /** The negative caching time to live, in seconds. */
  minimum: Scalars['SafeInt']['output'];
  /** The primary name server. */
  mname: Scalars['String']['output'];
  /** Seconds between refreshes. */
  refresh: Scalars['SafeInt']['output'];
  /** Seconds between retries. */
  retry: Scalars['SafeInt']['output'];
  /** The responsible person's mailbox, as a name. */
  rname: Scalars['String']['output'];
  /** The zone serial. */
  serial: Scalars['SafeInt']['output'];
  /** E.g. `ns1.example.com. hostmaster.example.com. 2023092801 7200 3600 1209600 3600`. */
  text: Scalars['String']['output'];
};

/** A sender policy framework record (the legacy SPF type). */
export type SpfRecord = RecordData & {
  __typename?: 'SPFRecord';
  /** The value in quotes, e.g. `"v=spf1 -all"`. */
  text: Scalars['String']['output'];
  /** The value as stored. */
  value: Scalars['String']['output'];
};

/** A service locator record. */
export type SrvRecord = RecordData & {
  __typename?: 'SRVRecord';
  /** The port of the service. */
  port: Scalars['Int']['output'];
  /** The priority; lower is preferred. */
  priority: Scalars['Int']['output'];
  /** The absolute name of the host providing the service. */
  target: Scalars['String']['output'];
  /** E.g. `10 60 5060 sip.example.com.`. */
  text: Scalars['String']['output'];
  /** The relative weight among records of the same priority. */
  weight: Scalars['Int']['output'];
};

/** An SSH key fingerprint record. */
export type SshfpRecord = RecordData & {
  __typename?: 'SSHFPRecord';
  /** The SSH key algorithm number. */
  algorithm: Scalars['Int']['output'];
  /** The fingerprint, hexadecimal. */
  fingerprint: Scalars['String']['output'];
  /** The fingerprint type number. */
  fingerprintType: Scalars['Int']['output'];
  /** E.g. `1 1 123456789ABCDEF67890123456789ABCDEF67890`. */
  text: Scalars['String']['output'];
};

/** One record change of a DNS change request. */
export type SingleChange = {
  __typename?: 'SingleChange';
  /** `Add` or `DeleteRecordSet`. */
  changeType: Scalars['String']['output'];
  /** The name as the submitter typed it (an FQDN, or an IP address for PTR). */
  inputName: Scalars['String']['output'];
  /** The record's data: always for adds; for deletes, null when the whole record set is deleted. */
  record?: Maybe<RecordData>;
  /** The record set change it produced, once it ran; null before or when it no longer exists. */
  recordSetChange?: Maybe<RecordSetChange>;
  /** The VinylDNS id of this single change (what `RecordSetChange.singleBatchChangeIds` lists). */
  singleChangeId: Scalars['String']['output'];
  /** The outcome as VinylDNS names it: `Pending`, `Complete`, `Failed`, `NeedsReview`, `Rejected` or `Cancelled`. */
  status: Scalars['String']['output'];
  /** VinylDNS's message about the change (the DNS error when it failed). */
  systemMessage?: Maybe<Scalars['String']['output']>;
  /** The TTL, for adds. */
  ttl?: Maybe<Scalars['Int']['output']>;
  /** The record type. */
  type: RecordType;
  /** The VinylDNS id of the zone, empty when zone discovery failed. */
  zoneId: Scalars['String']['output'];
  /** The zone's name. */
  zoneName: Scalars['String']['output'];
};

/** Changes pushed as they land, over GraphQL over SSE (`Accept: text/event-stream`, the `graphql-sse` client) or GraphQL over WebSocket (the `graphql-ws` protocol) on the same endpoint. */
export type Subscription = {
  __typename?: 'Subscription';
  /** The changes of a domain as they land, across providers, oldest first: each change exactly once, including several in the same second. Each event is an edge of `Query.changes` for the same domain and filters: its cursor pages on from there with `Query.changes`, or resumes this subscription with `after`. Changes of the same second from different providers come in the order the gateway found them. When a provider fails, one event with an error (its `code` and `provider`) says so, the others' changes keep coming, and its changes follow when it answers again, none lost. */
  changes: ChangeEdge;
};


/** Changes pushed as they land, over GraphQL over SSE (`Accept: text/event-stream`, the `graphql-sse` client) or GraphQL over WebSocket (the `graphql-ws` protocol) on the same endpoint. */
export type SubscriptionChangesArgs = {
  actor?: InputMaybe<Scalars['String']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  domain: Scalars['String']['input'];
  providers?: InputMaybe<Array<Provider>>;
};

/** A text record. */
export type TxtRecord = RecordData & {
  __typename?: 'TXTRecord';
  /** The value in quotes, split into 255-character strings as in a zone file. */
  text: Scalars['String']['output'];
  /** The value as stored. */
  value: Scalars['String']['output'];
};

/** A record of a type VinylDNS cannot model; `text` holds what it sent, as JSON. */
export type UnknownRecord = RecordData & {
  __typename?: 'UnknownRecord';
  /** The record data as JSON. */
  text: Scalars['String']['output'];
};

/** A VinylDNS user, as any signed-in caller may read it: the id, the user name and the groups. Names and email are not served here (VinylDNS shows them only to fellow group members). */
export type User = Node & {
  __typename?: 'User';
  /** The VinylDNS ids of the groups the user is a member of. */
  groupIds: Array<Scalars['String']['output']>;
  /** The opaque global id of this user. */
  id: Scalars['ID']['output'];
  /** The VinylDNS user id. */
  userId: Scalars['String']['output'];
  /** The user name, when VinylDNS has one. */
  userName?: Maybe<Scalars['String']['output']>;
};

/** A DNS zone managed in VinylDNS. */
export type Zone = Node & {
  __typename?: 'Zone';
  /** The caller's access to the zone, when VinylDNS reports it (zone reads and lists). */
  accessLevel?: Maybe<AccessLevel>;
  /** The account the zone belongs to (deprecated by VinylDNS, often `system`). */
  account?: Maybe<Scalars['String']['output']>;
  /** The access rules of the zone. */
  aclRules: Array<AclRule>;
  /** The id of the group that administers the zone. */
  adminGroupId: Scalars['String']['output'];
  /** The name of the group that administers the zone, when VinylDNS includes it. */
  adminGroupName?: Maybe<Scalars['String']['output']>;
  /** The id of the DNS backend the zone is served by, when set. */
  backendId?: Maybe<Scalars['String']['output']>;
  /** The changes made to the zone itself (create, update, sync, delete), newest first. Pages forward only. */
  changes: ZoneChangeConnection;
  /** The connection VinylDNS uses to update the zone. Its TSIG key is never exposed. */
  connection?: Maybe<DnsServerConnection>;
  /** When the zone was created in VinylDNS. */
  created: Scalars['DateTime']['output'];
  /** The OpenSRS mail domain of the same name (without the trailing dot). Null when there is none, or when OpenSRS is not configured. */
  domain?: Maybe<Domain>;
  /** The zone's contact e-mail address. */
  email: Scalars['String']['output'];
  /** The URL of this history as one CSV or NDJSON download (`GET /export/changes`, with the same filters as `timeline`): for histories too long to page through. Send it the same `Authorization` header as GraphQL requests. */
  exportUrl: Scalars['String']['output'];
  /** The record set changes of this zone that failed, newest first. */
  failedRecordSetChanges: RecordSetChangeConnection;
  /** The global id. A zone read now and a zone as recorded inside a change (`ZoneChange.zoneSnapshot`) have different ids, so client caches keep them apart. */
  id: Scalars['ID']['output'];
  /** True for test zones. Null when VinylDNS does not say (zone lists omit it). */
  isTest?: Maybe<Scalars['Boolean']['output']>;
  /** When the zone was last synchronised with its DNS server, if ever. */
  latestSync?: Maybe<Scalars['DateTime']['output']>;
  /** The zone's absolute DNS name, with the trailing dot, e.g. `example.com.`. */
  name: Scalars['String']['output'];
  /** The changes made to the zone's record sets, newest first. */
  recordSetChanges: RecordSetChangeConnection;
  /** The zone's current record sets, sorted by fully qualified name then type. Pages forward only. */
  recordSets: RecordSetConnection;
  /** The cron schedule of automated syncs, when set. */
  recurrenceSchedule?: Maybe<Scalars['String']['output']>;
  /** The user name that scheduled automated syncs, when set. */
  scheduleRequestor?: Maybe<Scalars['String']['output']>;
  /** True when every VinylDNS user may read the zone. */
  shared: Scalars['Boolean']['output'];
  /** The zone's state. */
  status: ZoneStatus;
  /** This zone's history merged with the OpenSRS changes of the mail domain of the same name, newest first (as `Query.changes`). */
  timeline: ChangeConnection;
  /** The connection VinylDNS uses for zone transfers. Its TSIG key is never exposed. */
  transferConnection?: Maybe<DnsServerConnection>;
  /** When the zone was last updated, if ever. */
  updated?: Maybe<Scalars['DateTime']['output']>;
  /** The VinylDNS id of the zone. */
  zoneId: Scalars['String']['output'];
};


/** A DNS zone managed in VinylDNS. */
export type ZoneChangesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** A DNS zone managed in VinylDNS. */
export type ZoneExportUrlArgs = {
  actor?: InputMaybe<Scalars['String']['input']>;
  format: ExportFormat;
  providers?: InputMaybe<Array<Provider>>;
  since?: InputMaybe<Scalars['DateTime']['input']>;
  until?: InputMaybe<Scalars['DateTime']['input']>;
};


/** A DNS zone managed in VinylDNS. */
export type ZoneFailedRecordSetChangesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** A DNS zone managed in VinylDNS. */
export type ZoneRecordSetChangesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** A DNS zone managed in VinylDNS. */
export type ZoneRecordSetsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  nameFilter?: InputMaybe<Scalars['String']['input']>;
  types?: InputMaybe<Array<RecordType>>;
};


/** A DNS zone managed in VinylDNS. */
export type ZoneTimelineArgs = {
  actor?: InputMaybe<Scalars['String']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  providers?: InputMaybe<Array<Provider>>;
  since?: InputMaybe<Scalars['DateTime']['input']>;
  until?: InputMaybe<Scalars['DateTime']['input']>;
};

/** A change made to a zone itself. */
export type ZoneChange = Change & Node & {
  __typename?: 'ZoneChange';
  /** The user name where the user id resolves to a VinylDNS user, else the user id (for automated syncs VinylDNS records the requestor's user name there). */
  actor?: Maybe<Scalars['String']['output']>;
  /** The VinylDNS id of the change. */
  changeId: Scalars['String']['output'];
  /** What the change did. */
  changeType: ZoneChangeType;
  /** When the change was made (the same as `occurredAt`). */
  created: Scalars['DateTime']['output'];
  /** The opaque global id of this change. */
  id: Scalars['ID']['output'];
  /** When the change was made. */
  occurredAt: Scalars['DateTime']['output'];
  /** Always `VINYLDNS`. */
  provider: Provider;
  /** The outcome of the change. */
  status: ZoneChangeStatus;
  /** A one-line description, e.g. `Sync zone ok.`. */
  summary: Scalars['String']['output'];
  /** VinylDNS's message about the change, when it has one. */
  systemMessage?: Maybe<Scalars['String']['output']>;
  /** The user who made the change; null when VinylDNS cannot resolve the user id (e.g. `system`). */
  user?: Maybe<User>;
  /** The VinylDNS user id that made the change (a user name for automated syncs). */
  userId: Scalars['String']['output'];
  /** The zone as it is now. */
  zone: Zone;
  /** The zone as it was recorded with this change. */
  zoneSnapshot: Zone;
};

/** A page of zone changes. */
export type ZoneChangeConnection = {
  __typename?: 'ZoneChangeConnection';
  /** The changes of this page, each with its cursor. */
  edges: Array<ZoneChangeEdge>;
  /** The changes of this page. */
  nodes: Array<ZoneChange>;
  /** Paging information. */
  pageInfo: PageInfo;
};

/** A zone change in a page, with its cursor. */
export type ZoneChangeEdge = {
  __typename?: 'ZoneChangeEdge';
  /** Pass to `after` (or, where the list takes it, `before`) to page from this change. */
  cursor: Scalars['String']['output'];
  /** The change. */
  node: ZoneChange;
};

/** The outcome of a zone change. */
export type ZoneChangeStatus =
  /** Failed. */
  | 'FAILED'
  /** Not applied yet. */
  | 'PENDING'
  /** Applied. */
  | 'SYNCED'
  /** A status this gateway does not know yet. */
  | 'UNKNOWN';

/** What a zone change did. */
export type ZoneChangeType =
  /** The zone was synchronised on its schedule. */
  | 'AUTOMATED_SYNC'
  /** The zone was connected to VinylDNS. */
  | 'CREATE'
  /** The zone was deleted. */
  | 'DELETE'
  /** The zone was synchronised with its DNS server on request. */
  | 'SYNC'
  /** A type this gateway does not know yet. */
  | 'UNKNOWN'
  /** The zone's settings were updated. */
  | 'UPDATE';

/** A page of zones. */
export type ZoneConnection = {
  __typename?: 'ZoneConnection';
  /** The zones of this page, each with its cursor. */
  edges: Array<ZoneEdge>;
  /** The zones of this page. */
  nodes: Array<Zone>;
  /** Paging information. */
  pageInfo: PageInfo;
};

/** A zone in a page, with its cursor. */
export type ZoneEdge = {
  __typename?: 'ZoneEdge';
  /** Pass to `after` to continue after this zone. */
  cursor: Scalars['String']['output'];
  /** The zone. */
  node: Zone;
};

/** The state of a zone in VinylDNS. */
export type ZoneStatus =
  /** The zone is in service. */
  | 'ACTIVE'
  /** The zone was deleted. */
  | 'DELETED'
  /** The zone is being synchronised with its DNS server. */
  | 'SYNCING'
  /** A status this gateway does not know yet. */
  | 'UNKNOWN';

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = ResolversObject<{
  Domain: Domain;
  RecordSet: RecordSet;
  Zone: Zone;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Domain:
    ( { __typename: 'Domain' }
    & GraphQLRecursivePick<FederationTypes['Domain'], {"name":true}> );
  RecordSet:
    ( { __typename: 'RecordSet' }
    & GraphQLRecursivePick<FederationTypes['RecordSet'], {"id":true}> );
  Zone:
    ( { __typename: 'Zone' }
    & ( GraphQLRecursivePick<FederationTypes['Zone'], {"id":true}>
        | GraphQLRecursivePick<FederationTypes['Zone'], {"zoneId":true}>
        | GraphQLRecursivePick<FederationTypes['Zone'], {"name":true}> ) );
}>;


/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = ResolversObject<{
  Change:
    | ( BatchChangeModel )
    | ( MailLogChangeModel<'CompanyChange'> )
    | ( DomainChangeModel )
    | ( GroupChangeModel )
    | ( MailLogChangeModel<'MailUserChange'> )
    | ( RecordSetChangeModel )
    | ( ZoneChangeModel )
  ;
  Node:
    | ( BatchChangeModel )
    | ( MailOwnerModel<'Company'> )
    | ( MailLogChangeModel<'CompanyChange'> )
    | ( DeletedZoneModel )
    | ( DomainModel )
    | ( DomainChangeModel )
    | ( GroupModel )
    | ( GroupChangeModel )
    | ( MailOwnerModel<'MailUser'> )
    | ( MailLogChangeModel<'MailUserChange'> )
    | ( RecordSetModel )
    | ( RecordSetChangeModel )
    | ( UserModel )
    | ( ZoneModel )
    | ( ZoneChangeModel )
  ;
  RecordData:
    | ( RecordDataModel )
    | ( RecordDataModel )
    | ( RecordDataModel )
    | ( RecordDataModel )
    | ( RecordDataModel )
    | ( RecordDataModel )
    | ( RecordDataModel )
    | ( RecordDataModel )
    | ( RecordDataModel )
    | ( RecordDataModel )
    | ( RecordDataModel )
    | ( RecordDataModel )
    | ( RecordDataModel )
    | ( RecordDataModel )
  ;
}>;

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AAAARecord: ResolverTypeWrapper<RecordDataModel>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ARecord: ResolverTypeWrapper<RecordDataModel>;
  AccessLevel: AccessLevel;
  AclRule: ResolverTypeWrapper<WireAclRule>;
  BatchChange: ResolverTypeWrapper<BatchChangeModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  BatchChangeApprovalStatus: BatchChangeApprovalStatus;
  BatchChangeConnection: ResolverTypeWrapper<Omit<BatchChangeConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['BatchChangeEdge']>, nodes: Array<ResolversTypes['BatchChange']> }>;
  BatchChangeEdge: ResolverTypeWrapper<Omit<BatchChangeEdge, 'node'> & { node: ResolversTypes['BatchChange'] }>;
  CNAMERecord: ResolverTypeWrapper<RecordDataModel>;
  Change: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['Change']>;
  ChangeConnection: ResolverTypeWrapper<Omit<ChangeConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['ChangeEdge']>, nodes: Array<ResolversTypes['Change']> }>;
  ChangeEdge: ResolverTypeWrapper<Omit<ChangeEdge, 'node'> & { node: ResolversTypes['Change'] }>;
  ChangeOrder: ChangeOrder;
  Company: ResolverTypeWrapper<MailOwnerModel<'Company'>>;
  CompanyChange: ResolverTypeWrapper<MailLogChangeModel<'CompanyChange'>>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  CompanyChangeConnection: ResolverTypeWrapper<Omit<CompanyChangeConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['CompanyChangeEdge']>, nodes: Array<ResolversTypes['CompanyChange']> }>;
  CompanyChangeEdge: ResolverTypeWrapper<Omit<CompanyChangeEdge, 'node'> & { node: ResolversTypes['CompanyChange'] }>;
  DSRecord: ResolverTypeWrapper<RecordDataModel>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DeletedZone: ResolverTypeWrapper<DeletedZoneModel>;
  DeletedZoneConnection: ResolverTypeWrapper<Omit<DeletedZoneConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['DeletedZoneEdge']>, nodes: Array<ResolversTypes['DeletedZone']> }>;
  DeletedZoneEdge: ResolverTypeWrapper<Omit<DeletedZoneEdge, 'node'> & { node: ResolversTypes['DeletedZone'] }>;
  DnsServerConnection: ResolverTypeWrapper<WireZoneConnection>;
  Domain: ResolverTypeWrapper<DomainModel>;
  DomainChange: ResolverTypeWrapper<DomainChangeModel>;
  DomainChangeConnection: ResolverTypeWrapper<Omit<DomainChangeConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['DomainChangeEdge']>, nodes: Array<ResolversTypes['DomainChange']> }>;
  DomainChangeEdge: ResolverTypeWrapper<Omit<DomainChangeEdge, 'node'> & { node: ResolversTypes['DomainChange'] }>;
  ExportFormat: ExportFormat;
  Group: ResolverTypeWrapper<GroupModel>;
  GroupChange: ResolverTypeWrapper<GroupChangeModel>;
  GroupChangeConnection: ResolverTypeWrapper<Omit<GroupChangeConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['GroupChangeEdge']>, nodes: Array<ResolversTypes['GroupChange']> }>;
  GroupChangeEdge: ResolverTypeWrapper<Omit<GroupChangeEdge, 'node'> & { node: ResolversTypes['GroupChange'] }>;
  GroupMember: ResolverTypeWrapper<WireGroupMember>;
  MXRecord: ResolverTypeWrapper<RecordDataModel>;
  MailUser: ResolverTypeWrapper<MailOwnerModel<'MailUser'>>;
  MailUserChange: ResolverTypeWrapper<MailLogChangeModel<'MailUserChange'>>;
  MailUserChangeConnection: ResolverTypeWrapper<Omit<MailUserChangeConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['MailUserChangeEdge']>, nodes: Array<ResolversTypes['MailUserChange']> }>;
  MailUserChangeEdge: ResolverTypeWrapper<Omit<MailUserChangeEdge, 'node'> & { node: ResolversTypes['MailUserChange'] }>;
  NAPTRRecord: ResolverTypeWrapper<RecordDataModel>;
  NSRecord: ResolverTypeWrapper<RecordDataModel>;
  Node: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['Node']>;
  PTRRecord: ResolverTypeWrapper<RecordDataModel>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Provider: Provider;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RecordData: ResolverTypeWrapper<RecordDataModel>;
  RecordSet: ResolverTypeWrapper<RecordSetModel>;
  RecordSetChange: ResolverTypeWrapper<RecordSetChangeModel>;
  RecordSetChangeConnection: ResolverTypeWrapper<Omit<RecordSetChangeConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['RecordSetChangeEdge']>, nodes: Array<ResolversTypes['RecordSetChange']> }>;
  RecordSetChangeEdge: ResolverTypeWrapper<Omit<RecordSetChangeEdge, 'node'> & { node: ResolversTypes['RecordSetChange'] }>;
  RecordSetChangeStatus: RecordSetChangeStatus;
  RecordSetChangeType: RecordSetChangeType;
  RecordSetConnection: ResolverTypeWrapper<Omit<RecordSetConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['RecordSetEdge']>, nodes: Array<ResolversTypes['RecordSet']> }>;
  RecordSetEdge: ResolverTypeWrapper<Omit<RecordSetEdge, 'node'> & { node: ResolversTypes['RecordSet'] }>;
  RecordSetStatus: RecordSetStatus;
  RecordType: RecordType;
  SOARecord: ResolverTypeWrapper<RecordDataModel>;
  SPFRecord: ResolverTypeWrapper<RecordDataModel>;
  SRVRecord: ResolverTypeWrapper<RecordDataModel>;
  SSHFPRecord: ResolverTypeWrapper<RecordDataModel>;
  SafeInt: ResolverTypeWrapper<Scalars['SafeInt']['output']>;
  SingleChange: ResolverTypeWrapper<SingleChangeModel>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  TXTRecord: ResolverTypeWrapper<RecordDataModel>;
  UnknownRecord: ResolverTypeWrapper<RecordDataModel>;
  User: ResolverTypeWrapper<UserModel>;
  Zone: ResolverTypeWrapper<ZoneModel>;
  ZoneChange: ResolverTypeWrapper<ZoneChangeModel>;
  ZoneChangeConnection: ResolverTypeWrapper<Omit<ZoneChangeConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['ZoneChangeEdge']>, nodes: Array<ResolversTypes['ZoneChange']> }>;
  ZoneChangeEdge: ResolverTypeWrapper<Omit<ZoneChangeEdge, 'node'> & { node: ResolversTypes['ZoneChange'] }>;
  ZoneChangeStatus: ZoneChangeStatus;
  ZoneChangeType: ZoneChangeType;
  ZoneConnection: ResolverTypeWrapper<Omit<ZoneConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['ZoneEdge']>, nodes: Array<ResolversTypes['Zone']> }>;
  ZoneEdge: ResolverTypeWrapper<Omit<ZoneEdge, 'node'> & { node: ResolversTypes['Zone'] }>;
  ZoneStatus: ZoneStatus;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AAAARecord: RecordDataModel;
  String: Scalars['String']['output'];
  ARecord: RecordDataModel;
  AclRule: WireAclRule;
  BatchChange: BatchChangeModel;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  BatchChangeConnection: Omit<BatchChangeConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['BatchChangeEdge']>, nodes: Array<ResolversParentTypes['BatchChange']> };
  BatchChangeEdge: Omit<BatchChangeEdge, 'node'> & { node: ResolversParentTypes['BatchChange'] };
  CNAMERecord: RecordDataModel;
  Change: ResolversInterfaceTypes<ResolversParentTypes>['Change'];
  ChangeConnection: Omit<ChangeConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['ChangeEdge']>, nodes: Array<ResolversParentTypes['Change']> };
  ChangeEdge: Omit<ChangeEdge, 'node'> & { node: ResolversParentTypes['Change'] };
  Company: MailOwnerModel<'Company'>;
  CompanyChange: MailLogChangeModel<'CompanyChange'>;
  Boolean: Scalars['Boolean']['output'];
  CompanyChangeConnection: Omit<CompanyChangeConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['CompanyChangeEdge']>, nodes: Array<ResolversParentTypes['CompanyChange']> };
  CompanyChangeEdge: Omit<CompanyChangeEdge, 'node'> & { node: ResolversParentTypes['CompanyChange'] };
  DSRecord: RecordDataModel;
  DateTime: Scalars['DateTime']['output'];
  DeletedZone: DeletedZoneModel;
  DeletedZoneConnection: Omit<DeletedZoneConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['DeletedZoneEdge']>, nodes: Array<ResolversParentTypes['DeletedZone']> };
  DeletedZoneEdge: Omit<DeletedZoneEdge, 'node'> & { node: ResolversParentTypes['DeletedZone'] };
  DnsServerConnection: WireZoneConnection;
  Domain: DomainModel;
  DomainChange: DomainChangeModel;
  DomainChangeConnection: Omit<DomainChangeConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['DomainChangeEdge']>, nodes: Array<ResolversParentTypes['DomainChange']> };
  DomainChangeEdge: Omit<DomainChangeEdge, 'node'> & { node: ResolversParentTypes['DomainChange'] };
  Group: GroupModel;
  GroupChange: GroupChangeModel;
  GroupChangeConnection: Omit<GroupChangeConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['GroupChangeEdge']>, nodes: Array<ResolversParentTypes['GroupChange']> };
  GroupChangeEdge: Omit<GroupChangeEdge, 'node'> & { node: ResolversParentTypes['GroupChange'] };
  GroupMember: WireGroupMember;
  MXRecord: RecordDataModel;
  MailUser: MailOwnerModel<'MailUser'>;
  MailUserChange: MailLogChangeModel<'MailUserChange'>;
  MailUserChangeConnection: Omit<MailUserChangeConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['MailUserChangeEdge']>, nodes: Array<ResolversParentTypes['MailUserChange']> };
  MailUserChangeEdge: Omit<MailUserChangeEdge, 'node'> & { node: ResolversParentTypes['MailUserChange'] };
  NAPTRRecord: RecordDataModel;
  NSRecord: RecordDataModel;
  Node: ResolversInterfaceTypes<ResolversParentTypes>['Node'];
  PTRRecord: RecordDataModel;
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  RecordData: RecordDataModel;
  RecordSet: RecordSetModel;
  RecordSetChange: RecordSetChangeModel;
  RecordSetChangeConnection: Omit<RecordSetChangeConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['RecordSetChangeEdge']>, nodes: Array<ResolversParentTypes['RecordSetChange']> };
  RecordSetChangeEdge: Omit<RecordSetChangeEdge, 'node'> & { node: ResolversParentTypes['RecordSetChange'] };
  RecordSetConnection: Omit<RecordSetConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['RecordSetEdge']>, nodes: Array<ResolversParentTypes['RecordSet']> };
  RecordSetEdge: Omit<RecordSetEdge, 'node'> & { node: ResolversParentTypes['RecordSet'] };
  SOARecord: RecordDataModel;
  SPFRecord: RecordDataModel;
  SRVRecord: RecordDataModel;
  SSHFPRecord: RecordDataModel;
  SafeInt: Scalars['SafeInt']['output'];
  SingleChange: SingleChangeModel;
  Subscription: Record<PropertyKey, never>;
  TXTRecord: RecordDataModel;
  UnknownRecord: RecordDataModel;
  User: UserModel;
  Zone: ZoneModel;
  ZoneChange: ZoneChangeModel;
  ZoneChangeConnection: Omit<ZoneChangeConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['ZoneChangeEdge']>, nodes: Array<ResolversParentTypes['ZoneChange']> };
  ZoneChangeEdge: Omit<ZoneChangeEdge, 'node'> & { node: ResolversParentTypes['ZoneChange'] };
  ZoneConnection: Omit<ZoneConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['ZoneEdge']>, nodes: Array<ResolversParentTypes['Zone']> };
  ZoneEdge: Omit<ZoneEdge, 'node'> & { node: ResolversParentTypes['Zone'] };
}>;

export type AaaaRecordResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AAAARecord'] = ResolversParentTypes['AAAARecord']> = ResolversObject<{
  address?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ARecordResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ARecord'] = ResolversParentTypes['ARecord']> = ResolversObject<{
  address?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type AclRuleResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AclRule'] = ResolversParentTypes['AclRule']> = ResolversObject<{
  accessLevel?: Resolver<ResolversTypes['AccessLevel'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  displayName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  groupId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  recordMask?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  recordTypes?: Resolver<Array<ResolversTypes['RecordType']>, ParentType, ContextType>;
  userId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type BatchChangeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['BatchChange'] = ResolversParentTypes['BatchChange']> = ResolversObject<{
  actor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  approvalStatus?: Resolver<ResolversTypes['BatchChangeApprovalStatus'], ParentType, ContextType>;
  batchChangeId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  cancelledAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  comments?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  ownerGroupId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['Provider'], ParentType, ContextType>;
  reviewComment?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reviewedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  reviewer?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  reviewerName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  scheduledAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  singleChanges?: Resolver<Array<ResolversTypes['SingleChange']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  summary?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  totalChanges?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  userName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type BatchChangeConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['BatchChangeConnection'] = ResolversParentTypes['BatchChangeConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['BatchChangeEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['BatchChange']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type BatchChangeEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['BatchChangeEdge'] = ResolversParentTypes['BatchChangeEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['BatchChange'], ParentType, ContextType>;
}>;

export type CnameRecordResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CNAMERecord'] = ResolversParentTypes['CNAMERecord']> = ResolversObject<{
  cname?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ChangeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Change'] = ResolversParentTypes['Change']> = ResolversObject<{
  __resolveType: TypeResolveFn<'BatchChange' | 'CompanyChange' | 'DomainChange' | 'GroupChange' | 'MailUserChange' | 'RecordSetChange' | 'ZoneChange', ParentType, ContextType>;
}>;

export type ChangeConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ChangeConnection'] = ResolversParentTypes['ChangeConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['ChangeEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Change']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  unavailableProviders?: Resolver<Array<ResolversTypes['Provider']>, ParentType, ContextType>;
}>;

export type ChangeEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ChangeEdge'] = ResolversParentTypes['ChangeEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Change'], ParentType, ContextType>;
}>;

export type CompanyResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Company'] = ResolversParentTypes['Company']> = ResolversObject<{
  changes?: Resolver<ResolversTypes['CompanyChangeConnection'], ParentType, ContextType, RequireFields<CompanyChangesArgs, 'order'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type CompanyChangeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CompanyChange'] = ResolversParentTypes['CompanyChange']> = ResolversObject<{
  actor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  application?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  bySystem?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  company?: Resolver<ResolversTypes['Company'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['Provider'], ParentType, ContextType>;
  summary?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type CompanyChangeConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CompanyChangeConnection'] = ResolversParentTypes['CompanyChangeConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['CompanyChangeEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['CompanyChange']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type CompanyChangeEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CompanyChangeEdge'] = ResolversParentTypes['CompanyChangeEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['CompanyChange'], ParentType, ContextType>;
}>;

export type DsRecordResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DSRecord'] = ResolversParentTypes['DSRecord']> = ResolversObject<{
  algorithm?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  digest?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  digestType?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  keyTag?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DeletedZoneResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DeletedZone'] = ResolversParentTypes['DeletedZone']> = ResolversObject<{
  accessLevel?: Resolver<ResolversTypes['AccessLevel'], ParentType, ContextType>;
  adminGroup?: Resolver<Maybe<ResolversTypes['Group']>, ParentType, ContextType>;
  adminGroupId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  adminGroupName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  deleteChange?: Resolver<ResolversTypes['ZoneChange'], ParentType, ContextType>;
  deletedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  deletedBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  zoneId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  zoneSnapshot?: Resolver<ResolversTypes['Zone'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type DeletedZoneConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DeletedZoneConnection'] = ResolversParentTypes['DeletedZoneConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['DeletedZoneEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['DeletedZone']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type DeletedZoneEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DeletedZoneEdge'] = ResolversParentTypes['DeletedZoneEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['DeletedZone'], ParentType, ContextType>;
}>;

export type DnsServerConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DnsServerConnection'] = ResolversParentTypes['DnsServerConnection']> = ResolversObject<{
  algorithm?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  keyName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  primaryServer?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type DomainResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Domain'] = ResolversParentTypes['Domain'], FederationReferenceType extends FederationReferenceTypes['Domain'] = FederationReferenceTypes['Domain']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Domain']> | FederationReferenceType, FederationReferenceType, ContextType>;
  changes?: Resolver<ResolversTypes['DomainChangeConnection'], ParentType, ContextType, RequireFields<DomainChangesArgs, 'order'>>;
  exportUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType, RequireFields<DomainExportUrlArgs, 'format'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  timeline?: Resolver<ResolversTypes['ChangeConnection'], ParentType, ContextType, Partial<DomainTimelineArgs>>;
  zone?: Resolver<Maybe<ResolversTypes['Zone']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type DomainChangeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DomainChange'] = ResolversParentTypes['DomainChange']> = ResolversObject<{
  actor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  application?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  bySystem?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  domain?: Resolver<ResolversTypes['Domain'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['Provider'], ParentType, ContextType>;
  summary?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type DomainChangeConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DomainChangeConnection'] = ResolversParentTypes['DomainChangeConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['DomainChangeEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['DomainChange']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type DomainChangeEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DomainChangeEdge'] = ResolversParentTypes['DomainChangeEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['DomainChange'], ParentType, ContextType>;
}>;

export type GroupResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Group'] = ResolversParentTypes['Group']> = ResolversObject<{
  activity?: Resolver<ResolversTypes['GroupChangeConnection'], ParentType, ContextType, Partial<GroupActivityArgs>>;
  created?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  groupId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  members?: Resolver<Maybe<Array<ResolversTypes['GroupMember']>>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type GroupChangeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['GroupChange'] = ResolversParentTypes['GroupChange']> = ResolversObject<{
  actor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  changeId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  changeType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  group?: Resolver<Maybe<ResolversTypes['Group']>, ParentType, ContextType>;
  groupName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  previousGroupName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['Provider'], ParentType, ContextType>;
  summary?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type GroupChangeConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['GroupChangeConnection'] = ResolversParentTypes['GroupChangeConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['GroupChangeEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['GroupChange']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type GroupChangeEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['GroupChangeEdge'] = ResolversParentTypes['GroupChangeEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['GroupChange'], ParentType, ContextType>;
}>;

export type GroupMemberResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['GroupMember'] = ResolversParentTypes['GroupMember']> = ResolversObject<{
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  firstName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  isAdmin?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  lastName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  userId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  userName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type MxRecordResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MXRecord'] = ResolversParentTypes['MXRecord']> = ResolversObject<{
  exchange?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  preference?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type MailUserResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MailUser'] = ResolversParentTypes['MailUser']> = ResolversObject<{
  address?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  changes?: Resolver<ResolversTypes['MailUserChangeConnection'], ParentType, ContextType, RequireFields<MailUserChangesArgs, 'order'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type MailUserChangeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MailUserChange'] = ResolversParentTypes['MailUserChange']> = ResolversObject<{
  actor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  application?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  bySystem?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  mailUser?: Resolver<ResolversTypes['MailUser'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['Provider'], ParentType, ContextType>;
  summary?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type MailUserChangeConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MailUserChangeConnection'] = ResolversParentTypes['MailUserChangeConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['MailUserChangeEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['MailUserChange']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type MailUserChangeEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MailUserChangeEdge'] = ResolversParentTypes['MailUserChangeEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['MailUserChange'], ParentType, ContextType>;
}>;

export type NaptrRecordResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['NAPTRRecord'] = ResolversParentTypes['NAPTRRecord']> = ResolversObject<{
  flags?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  order?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  preference?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  regexp?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  replacement?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  service?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type NsRecordResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['NSRecord'] = ResolversParentTypes['NSRecord']> = ResolversObject<{
  nsdname?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type NodeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Node'] = ResolversParentTypes['Node']> = ResolversObject<{
  __resolveType: TypeResolveFn<'BatchChange' | 'Company' | 'CompanyChange' | 'DeletedZone' | 'Domain' | 'DomainChange' | 'Group' | 'GroupChange' | 'MailUser' | 'MailUserChange' | 'RecordSet' | 'RecordSetChange' | 'User' | 'Zone' | 'ZoneChange', ParentType, ContextType>;
}>;

export type PtrRecordResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PTRRecord'] = ResolversParentTypes['PTRRecord']> = ResolversObject<{
  ptrdname?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  batchChange?: Resolver<Maybe<ResolversTypes['BatchChange']>, ParentType, ContextType, RequireFields<QueryBatchChangeArgs, 'batchChangeId'>>;
  batchChanges?: Resolver<ResolversTypes['BatchChangeConnection'], ParentType, ContextType, Partial<QueryBatchChangesArgs>>;
  changes?: Resolver<ResolversTypes['ChangeConnection'], ParentType, ContextType, RequireFields<QueryChangesArgs, 'domain'>>;
  company?: Resolver<Maybe<ResolversTypes['Company']>, ParentType, ContextType, RequireFields<QueryCompanyArgs, 'name'>>;
  deletedZones?: Resolver<ResolversTypes['DeletedZoneConnection'], ParentType, ContextType, Partial<QueryDeletedZonesArgs>>;
  domain?: Resolver<Maybe<ResolversTypes['Domain']>, ParentType, ContextType, RequireFields<QueryDomainArgs, 'name'>>;
  failedZoneChanges?: Resolver<ResolversTypes['ZoneChangeConnection'], ParentType, ContextType, Partial<QueryFailedZoneChangesArgs>>;
  group?: Resolver<Maybe<ResolversTypes['Group']>, ParentType, ContextType, RequireFields<QueryGroupArgs, 'groupId'>>;
  mailUser?: Resolver<Maybe<ResolversTypes['MailUser']>, ParentType, ContextType, RequireFields<QueryMailUserArgs, 'address'>>;
  node?: Resolver<Maybe<ResolversTypes['Node']>, ParentType, ContextType, RequireFields<QueryNodeArgs, 'id'>>;
  recordSet?: Resolver<Maybe<ResolversTypes['RecordSet']>, ParentType, ContextType, RequireFields<QueryRecordSetArgs, 'recordSetId' | 'zoneId'>>;
  recordSetChangeHistory?: Resolver<ResolversTypes['RecordSetChangeConnection'], ParentType, ContextType, RequireFields<QueryRecordSetChangeHistoryArgs, 'fqdn' | 'type' | 'zoneId'>>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType, RequireFields<QueryUserArgs, 'idOrName'>>;
  zone?: Resolver<Maybe<ResolversTypes['Zone']>, ParentType, ContextType, Partial<QueryZoneArgs>>;
  zones?: Resolver<ResolversTypes['ZoneConnection'], ParentType, ContextType, Partial<QueryZonesArgs>>;
}>;

export type RecordDataResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RecordData'] = ResolversParentTypes['RecordData']> = ResolversObject<{
  __resolveType: TypeResolveFn<'AAAARecord' | 'ARecord' | 'CNAMERecord' | 'DSRecord' | 'MXRecord' | 'NAPTRRecord' | 'NSRecord' | 'PTRRecord' | 'SOARecord' | 'SPFRecord' | 'SRVRecord' | 'SSHFPRecord' | 'TXTRecord' | 'UnknownRecord', ParentType, ContextType>;
}>;

export type RecordSetResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RecordSet'] = ResolversParentTypes['RecordSet'], FederationReferenceType extends FederationReferenceTypes['RecordSet'] = FederationReferenceTypes['RecordSet']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['RecordSet']> | FederationReferenceType, FederationReferenceType, ContextType>;
  accessLevel?: Resolver<Maybe<ResolversTypes['AccessLevel']>, ParentType, ContextType>;
  created?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  fqdn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  history?: Resolver<ResolversTypes['RecordSetChangeConnection'], ParentType, ContextType, Partial<RecordSetHistoryArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  ownerGroupId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  ownerGroupName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  recordSetId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  records?: Resolver<Array<ResolversTypes['RecordData']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['RecordSetStatus'], ParentType, ContextType>;
  ttl?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['RecordType'], ParentType, ContextType>;
  updated?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  zone?: Resolver<ResolversTypes['Zone'], ParentType, ContextType>;
  zoneId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type RecordSetChangeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RecordSetChange'] = ResolversParentTypes['RecordSetChange']> = ResolversObject<{
  actor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  batchChange?: Resolver<Maybe<ResolversTypes['BatchChange']>, ParentType, ContextType>;
  changeId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  changeType?: Resolver<ResolversTypes['RecordSetChangeType'], ParentType, ContextType>;
  created?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  previousRecordSet?: Resolver<Maybe<ResolversTypes['RecordSet']>, ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['Provider'], ParentType, ContextType>;
  recordSet?: Resolver<ResolversTypes['RecordSet'], ParentType, ContextType>;
  singleBatchChangeIds?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['RecordSetChangeStatus'], ParentType, ContextType>;
  summary?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  systemMessage?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  userId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  userName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  zone?: Resolver<ResolversTypes['Zone'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type RecordSetChangeConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RecordSetChangeConnection'] = ResolversParentTypes['RecordSetChangeConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['RecordSetChangeEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['RecordSetChange']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type RecordSetChangeEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RecordSetChangeEdge'] = ResolversParentTypes['RecordSetChangeEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['RecordSetChange'], ParentType, ContextType>;
}>;

export type RecordSetConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RecordSetConnection'] = ResolversParentTypes['RecordSetConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['RecordSetEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['RecordSet']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type RecordSetEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RecordSetEdge'] = ResolversParentTypes['RecordSetEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['RecordSet'], ParentType, ContextType>;
}>;

export type SoaRecordResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SOARecord'] = ResolversParentTypes['SOARecord']> = ResolversObject<{
  expire?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  minimum?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  mname?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  refresh?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  retry?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  rname?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  serial?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type SpfRecordResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SPFRecord'] = ResolversParentTypes['SPFRecord']> = ResolversObject<{
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type SrvRecordResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SRVRecord'] = ResolversParentTypes['SRVRecord']> = ResolversObject<{
  port?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  priority?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  target?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  weight?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type SshfpRecordResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SSHFPRecord'] = ResolversParentTypes['SSHFPRecord']> = ResolversObject<{
  algorithm?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  fingerprint?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  fingerprintType?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export interface SafeIntScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['SafeInt'], any> {
  name: 'SafeInt';
}

export type SingleChangeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SingleChange'] = ResolversParentTypes['SingleChange']> = ResolversObject<{
  changeType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  inputName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  record?: Resolver<Maybe<ResolversTypes['RecordData']>, ParentType, ContextType>;
  recordSetChange?: Resolver<Maybe<ResolversTypes['RecordSetChange']>, ParentType, ContextType>;
  singleChangeId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  systemMessage?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  ttl?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['RecordType'], ParentType, ContextType>;
  zoneId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  zoneName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type SubscriptionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = ResolversObject<{
  changes?: SubscriptionResolver<ResolversTypes['ChangeEdge'], "changes", ParentType, ContextType, RequireFields<SubscriptionChangesArgs, 'domain'>>;
}>;

export type TxtRecordResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['TXTRecord'] = ResolversParentTypes['TXTRecord']> = ResolversObject<{
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type UnknownRecordResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['UnknownRecord'] = ResolversParentTypes['UnknownRecord']> = ResolversObject<{
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type UserResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = ResolversObject<{
  groupIds?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  userId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  userName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ZoneResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Zone'] = ResolversParentTypes['Zone'], FederationReferenceType extends FederationReferenceTypes['Zone'] = FederationReferenceTypes['Zone']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Zone']> | FederationReferenceType, FederationReferenceType, ContextType>;
  accessLevel?: Resolver<Maybe<ResolversTypes['AccessLevel']>, ParentType, ContextType>;
  account?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  aclRules?: Resolver<Array<ResolversTypes['AclRule']>, ParentType, ContextType>;
  adminGroupId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  adminGroupName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  backendId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  changes?: Resolver<ResolversTypes['ZoneChangeConnection'], ParentType, ContextType, Partial<ZoneChangesArgs>>;
  connection?: Resolver<Maybe<ResolversTypes['DnsServerConnection']>, ParentType, ContextType>;
  created?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  domain?: Resolver<Maybe<ResolversTypes['Domain']>, ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  exportUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType, RequireFields<ZoneExportUrlArgs, 'format'>>;
  failedRecordSetChanges?: Resolver<ResolversTypes['RecordSetChangeConnection'], ParentType, ContextType, Partial<ZoneFailedRecordSetChangesArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isTest?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  latestSync?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  recordSetChanges?: Resolver<ResolversTypes['RecordSetChangeConnection'], ParentType, ContextType, Partial<ZoneRecordSetChangesArgs>>;
  recordSets?: Resolver<ResolversTypes['RecordSetConnection'], ParentType, ContextType, Partial<ZoneRecordSetsArgs>>;
  recurrenceSchedule?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  scheduleRequestor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  shared?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ZoneStatus'], ParentType, ContextType>;
  timeline?: Resolver<ResolversTypes['ChangeConnection'], ParentType, ContextType, Partial<ZoneTimelineArgs>>;
  transferConnection?: Resolver<Maybe<ResolversTypes['DnsServerConnection']>, ParentType, ContextType>;
  updated?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  zoneId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ZoneChangeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ZoneChange'] = ResolversParentTypes['ZoneChange']> = ResolversObject<{
  actor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  changeId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  changeType?: Resolver<ResolversTypes['ZoneChangeType'], ParentType, ContextType>;
  created?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['Provider'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ZoneChangeStatus'], ParentType, ContextType>;
  summary?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  systemMessage?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  userId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  zone?: Resolver<ResolversTypes['Zone'], ParentType, ContextType>;
  zoneSnapshot?: Resolver<ResolversTypes['Zone'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
}>;

export type ZoneChangeConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ZoneChangeConnection'] = ResolversParentTypes['ZoneChangeConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['ZoneChangeEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['ZoneChange']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type ZoneChangeEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ZoneChangeEdge'] = ResolversParentTypes['ZoneChangeEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ZoneChange'], ParentType, ContextType>;
}>;

export type ZoneConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ZoneConnection'] = ResolversParentTypes['ZoneConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['ZoneEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Zone']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type ZoneEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ZoneEdge'] = ResolversParentTypes['ZoneEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Zone'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = GraphQLContext> = ResolversObject<{
  AAAARecord?: AaaaRecordResolvers<ContextType>;
  ARecord?: ARecordResolvers<ContextType>;
  AclRule?: AclRuleResolvers<ContextType>;
  BatchChange?: BatchChangeResolvers<ContextType>;
  BatchChangeConnection?: BatchChangeConnectionResolvers<ContextType>;
  BatchChangeEdge?: BatchChangeEdgeResolvers<ContextType>;
  CNAMERecord?: CnameRecordResolvers<ContextType>;
  Change?: ChangeResolvers<ContextType>;
  ChangeConnection?: ChangeConnectionResolvers<ContextType>;
  ChangeEdge?: ChangeEdgeResolvers<ContextType>;
  Company?: CompanyResolvers<ContextType>;
  CompanyChange?: CompanyChangeResolvers<ContextType>;
  CompanyChangeConnection?: CompanyChangeConnectionResolvers<ContextType>;
  CompanyChangeEdge?: CompanyChangeEdgeResolvers<ContextType>;
  DSRecord?: DsRecordResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DeletedZone?: DeletedZoneResolvers<ContextType>;
  DeletedZoneConnection?: DeletedZoneConnectionResolvers<ContextType>;
  DeletedZoneEdge?: DeletedZoneEdgeResolvers<ContextType>;
  DnsServerConnection?: DnsServerConnectionResolvers<ContextType>;
  Domain?: DomainResolvers<ContextType>;
  DomainChange?: DomainChangeResolvers<ContextType>;
  DomainChangeConnection?: DomainChangeConnectionResolvers<ContextType>;
  DomainChangeEdge?: DomainChangeEdgeResolvers<ContextType>;
  Group?: GroupResolvers<ContextType>;
  GroupChange?: GroupChangeResolvers<ContextType>;
  GroupChangeConnection?: GroupChangeConnectionResolvers<ContextType>;
  GroupChangeEdge?: GroupChangeEdgeResolvers<ContextType>;
  GroupMember?: GroupMemberResolvers<ContextType>;
  MXRecord?: MxRecordResolvers<ContextType>;
  MailUser?: MailUserResolvers<ContextType>;
  MailUserChange?: MailUserChangeResolvers<ContextType>;
  MailUserChangeConnection?: MailUserChangeConnectionResolvers<ContextType>;
  MailUserChangeEdge?: MailUserChangeEdgeResolvers<ContextType>;
  NAPTRRecord?: NaptrRecordResolvers<ContextType>;
  NSRecord?: NsRecordResolvers<ContextType>;
  Node?: NodeResolvers<ContextType>;
  PTRRecord?: PtrRecordResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RecordData?: RecordDataResolvers<ContextType>;
  RecordSet?: RecordSetResolvers<ContextType>;
  RecordSetChange?: RecordSetChangeResolvers<ContextType>;
  RecordSetChangeConnection?: RecordSetChangeConnectionResolvers<ContextType>;
  RecordSetChangeEdge?: RecordSetChangeEdgeResolvers<ContextType>;
  RecordSetConnection?: RecordSetConnectionResolvers<ContextType>;
  RecordSetEdge?: RecordSetEdgeResolvers<ContextType>;
  SOARecord?: SoaRecordResolvers<ContextType>;
  SPFRecord?: SpfRecordResolvers<ContextType>;
  SRVRecord?: SrvRecordResolvers<ContextType>;
  SSHFPRecord?: SshfpRecordResolvers<ContextType>;
  SafeInt?: GraphQLScalarType;
  SingleChange?: SingleChangeResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  TXTRecord?: TxtRecordResolvers<ContextType>;
  UnknownRecord?: UnknownRecordResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  Zone?: ZoneResolvers<ContextType>;
  ZoneChange?: ZoneChangeResolvers<ContextType>;
  ZoneChangeConnection?: ZoneChangeConnectionResolvers<ContextType>;
  ZoneChangeEdge?: ZoneChangeEdgeResolvers<ContextType>;
  ZoneConnection?: ZoneConnectionResolvers<ContextType>;
  ZoneEdge?: ZoneEdgeResolvers<ContextType>;
}>;

