// The parent objects the resolvers receive ("mappers" in codegen.yml): upstream wire data plus
// what tells a current object from a snapshot recorded inside a change. Each carries its
// `__typename`, which is how the Node and Change interfaces resolve their concrete type.
import type { WireDeletedZoneInfo, WireRecordData, WireRecordSet, WireRecordSetChange, WireZone, WireZoneChange } from '../providers/vinyldns/wire.js';
import { epochSeconds } from '../model/time.js';
import type { OpenSrsChange } from '../providers/opensrs/client.js';
import type { WireGroup, WireGroupChange, WireUser } from '../providers/vinyldns/wire-membership.js';
import type { WireBatchChange, WireBatchChangeSummary, WireSingleChange } from '../providers/vinyldns/wire-batch.js';

/** A zone as recorded in a zone change (found again by zone, change id and time). */
export interface ZoneSnapshotRef {
  changeId: string;
  time: number;
}

/** A record set as recorded in a record set change: after (`new`) or before (`old`) it. */
export interface RecordSetSnapshotRef {
  changeId: string;
  which: 'new' | 'old';
}

export interface ZoneModel {
  __typename: 'Zone';
  zone: WireZone;
  snapshot?: ZoneSnapshotRef;
}

export interface RecordSetModel {
  __typename: 'RecordSet';
  recordSet: WireRecordSet;
  /** The zone's name, to build the fqdn where VinylDNS omits it (inside changes). */
  zoneName?: string;
  snapshot?: RecordSetSnapshotRef;
}

export interface ZoneChangeModel {
  __typename: 'ZoneChange';
  change: WireZoneChange;
}

export interface RecordSetChangeModel {
  __typename: 'RecordSetChange';
  change: WireRecordSetChange;
}

export interface RecordDataModel {
  type: string;
  data: WireRecordData;
}

export const zoneModel = (zone: WireZone): ZoneModel => ({ __typename: 'Zone', zone });

export const zoneSnapshotModel = (change: WireZoneChange): ZoneModel => ({
  __typename: 'Zone',
  zone: change.zone,
  snapshot: { changeId: change.id, time: epochSeconds(change.created) },
});

export const recordSetModel = (recordSet: WireRecordSet): RecordSetModel => ({ __typename: 'RecordSet', recordSet });

export function recordSetSnapshotModel(change: WireRecordSetChange, which: 'new' | 'old'): RecordSetModel | null {
  const recordSet = which === 'new' ? change.recordSet : change.updates;
  if (!recordSet) return null;
  return { __typename: 'RecordSet', recordSet, zoneName: change.zone.name, snapshot: { changeId: change.id, which } };
}

export const zoneChangeModel = (change: WireZoneChange): ZoneChangeModel => ({ __typename: 'ZoneChange', change });
export const recordSetChangeModel = (change: WireRecordSetChange): RecordSetChangeModel => ({ __typename: 'RecordSetChange', change });

/** An OpenSRS change log entry; `time` in epoch seconds. */
export type DomainChangeEntry = OpenSrsChange;

export interface DomainModel {
  __typename: 'Domain';
  /** Lower case, no trailing dot. */
  name: string;
}

export interface DomainChangeModel {
  __typename: 'DomainChange';
  domain: string;
  /** 0-based position counted from the oldest change: stable while new changes are appended. */
  position: number;
  entry: DomainChangeEntry;
}

export const domainModel = (name: string): DomainModel => ({ __typename: 'Domain', name });
export const domainChangeModel = (domain: string, position: number, entry: DomainChangeEntry): DomainChangeModel => ({
  __typename: 'DomainChange',
  domain,
  position,
  entry,
});

/** A VinylDNS user as GET /users/{id} gives it: no names or email (those come with group members). */
export interface UserModel {
  __typename: 'User';
  user: WireUser;
}

export const userModel = (user: WireUser): UserModel => ({ __typename: 'User', user });

/**
 * A DNS change request: the list's summary (no single changes; the reviewer is `reviewerName`) or
 * the full read (`changes`; the reviewer is `reviewerUserName`).
 */
export interface BatchChangeModel {
  __typename: 'BatchChange';
  batch: WireBatchChangeSummary | WireBatchChange;
}

export const batchChangeModel = (batch: WireBatchChangeSummary | WireBatchChange): BatchChangeModel => ({ __typename: 'BatchChange', batch });

/** One line of a DNS change request. */
export interface SingleChangeModel {
  batchChangeId: string;
  change: WireSingleChange;
}

export interface GroupModel {
  __typename: 'Group';
  group: WireGroup;
}

export interface GroupChangeModel {
  __typename: 'GroupChange';
  change: WireGroupChange;
}

export const groupModel = (group: WireGroup): GroupModel => ({ __typename: 'Group', group });
export const groupChangeModel = (change: WireGroupChange): GroupChangeModel => ({ __typename: 'GroupChange', change });

/** An abandoned zone: its Delete change (with the zone's last state) and names VinylDNS resolved. */
export interface DeletedZoneModel {
  __typename: 'DeletedZone';
  info: WireDeletedZoneInfo;
}

export const deletedZoneModel = (info: WireDeletedZoneInfo): DeletedZoneModel => ({ __typename: 'DeletedZone', info });

/** A mailbox (`MailUser`) or company (`Company`) of the OpenSRS Email API, by normalised name. */
export interface MailOwnerModel<K extends 'MailUser' | 'Company' = 'MailUser' | 'Company'> {
  __typename: K;
  name: string;
}

/** An entry of a mailbox's or a company's log, at its 0-based position from the oldest. */
export interface MailLogChangeModel<K extends 'MailUserChange' | 'CompanyChange' = 'MailUserChange' | 'CompanyChange'> {
  __typename: K;
  name: string;
  position: number;
  entry: OpenSrsChange;
}

/** Anything that implements the `Node` interface: what `node(id:)` returns. */
export type NodeModel =
  | ZoneModel
  | RecordSetModel
  | ZoneChangeModel
  | RecordSetChangeModel
  | DomainModel
  | DomainChangeModel
  | UserModel
  | BatchChangeModel
  | GroupModel
  | GroupChangeModel
  | DeletedZoneModel
  | MailOwnerModel
  | MailLogChangeModel;

/** Anything that implements the `Change` interface. */
export type ChangeModel = ZoneChangeModel | RecordSetChangeModel | DomainChangeModel;
