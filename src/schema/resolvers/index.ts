// All resolvers, typed by codegen from schema.graphql.
import type { Resolvers } from '../../generated/resolvers-types.js';
import { DateTime, SafeInt } from '../scalars.js';
import { RecordSetChange, ZoneChange } from './changes.js';
import { Domain, DomainChange } from './domain.js';
import { entityResolvers } from './entities.js';
import { User } from './people.js';
import { BatchChange, SingleChange } from './batch-changes.js';
import { Group, GroupChange, GroupMember } from './groups.js';
import { DeletedZone } from './deleted-zones.js';
import { Company, CompanyChange, MailUser, MailUserChange } from './mail-logs.js';
import { Query } from './query.js';
import { RecordData, RecordSet, recordDataTypes } from './record-set.js';
import { Subscription } from './subscription.js';
import { AclRule, Zone } from './zone.js';

export const resolvers: Resolvers = {
  DateTime,
  SafeInt,
  Query,
  Subscription,
  Zone: { ...Zone, ...entityResolvers.Zone },
  AclRule,
  ZoneChange,
  RecordSetChange,
  RecordSet: { ...RecordSet, ...entityResolvers.RecordSet },
  RecordData,
  ...recordDataTypes,
  Domain: { ...Domain, ...entityResolvers.Domain },
  DomainChange,
  User,
  BatchChange,
  SingleChange,
  Group,
  GroupMember,
  GroupChange,
  DeletedZone,
  MailUser,
  MailUserChange,
  Company,
  CompanyChange,
};
