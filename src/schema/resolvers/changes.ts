import type { RecordSetChangeResolvers, ZoneChangeResolvers } from '../../generated/resolvers-types.js';
import { encodeId } from '../../model/ids.js';
import { recordSetChangeActor, recordSetChangeSummary, zoneChangeSummary } from '../../parents/summary.js';
import { epochSeconds } from '../../model/time.js';
import { RECORD_SET_CHANGE_STATUSES, RECORD_SET_CHANGE_TYPES, toEnum, ZONE_CHANGE_STATUSES, ZONE_CHANGE_TYPES } from '../enums.js';
import { actorName, currentZone, userByIdOrName } from '../lookups.js';
import { batchChangeOf } from './batch-changes.js';
import { recordSetSnapshotModel, zoneSnapshotModel } from '../../parents/models.js';

export const ZoneChange: ZoneChangeResolvers = {
  id: ({ change }) => encodeId({ type: 'ZoneChange', zoneId: change.zone.id, changeId: change.id, time: epochSeconds(change.created) }),
  provider: () => 'VINYLDNS',
  occurredAt: ({ change }) => change.created,
  actor: ({ change }, _, ctx) => actorName(ctx, change.userId),
  summary: ({ change }) => zoneChangeSummary(change),
  changeId: ({ change }) => change.id,
  changeType: ({ change }) => toEnum(change.changeType, ZONE_CHANGE_TYPES),
  status: ({ change }) => toEnum(change.status, ZONE_CHANGE_STATUSES),
  systemMessage: ({ change }) => change.systemMessage ?? null,
  userId: ({ change }) => change.userId,
  created: ({ change }) => change.created,
  user: ({ change }, _, ctx) => userByIdOrName(ctx, change.userId),
  zone: ({ change }, _, ctx) => currentZone(ctx, change.zone.id),
  zoneSnapshot: ({ change }) => zoneSnapshotModel(change),
};

export const RecordSetChange: RecordSetChangeResolvers = {
  id: ({ change }) => encodeId({ type: 'RecordSetChange', zoneId: change.zone.id, recordSetId: change.recordSet.id, changeId: change.id }),
  provider: () => 'VINYLDNS',
  occurredAt: ({ change }) => change.created,
  actor: ({ change }) => recordSetChangeActor(change),
  summary: ({ change }) => recordSetChangeSummary(change),
  changeId: ({ change }) => change.id,
  changeType: ({ change }) => toEnum(change.changeType, RECORD_SET_CHANGE_TYPES),
  status: ({ change }) => toEnum(change.status, RECORD_SET_CHANGE_STATUSES),
  systemMessage: ({ change }) => change.systemMessage ?? null,
  userId: ({ change }) => change.userId,
  userName: ({ change }) => change.userName ?? null,
  created: ({ change }) => change.created,
  user: ({ change }, _, ctx) => userByIdOrName(ctx, change.userId),
  singleBatchChangeIds: ({ change }) => change.singleBatchChangeIds ?? [],
  batchChange: ({ change }, _, ctx) => batchChangeOf(ctx, change),
  zone: ({ change }, _, ctx) => currentZone(ctx, change.zone.id),
  recordSet: ({ change }) => recordSetSnapshotModel(change, 'new')!,
  previousRecordSet: ({ change }) => recordSetSnapshotModel(change, 'old'),
};
