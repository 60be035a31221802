// A DNS change request landing while a client pages (drift tests): stored at the top of the list and,
// when it ran, with the record set changes it produced, each pointing back by its single change id.
import { randomUUID } from 'node:crypto';
import type { WireBatchChange, WireSingleChange } from '../../providers/vinyldns/wire-batch.js';
import { roundToSecond } from './seed/batches.js';
import type { BatchStore } from './batches.js';
import type { Membership } from './membership.js';
import type { WireRecordSetChange, WireZone } from '../../providers/vinyldns/wire.js';
import type { SandboxUser, StoredBatchChange, StoredRecordSetChange } from './types.js';
import { batchChangeInfo } from './views-batch.js';

export interface BatchDriftOptions {
  /** Default now; rounded to whole seconds like the DATETIME column; not older than the newest request. */
  createdMs?: number;
  /** Default: the sandbox admin. */
  userId?: string;
  /** Where the records go; default: the first zone the user administers, else the first zone. */
  zoneId?: string;
  /** Default AutoApproved: the changes run at once. */
  approvalStatus?: StoredBatchChange['approvalStatus'];
  /** Number of single changes; default 2. */
  changes?: number;
  comments?: string;
  ownerGroupId?: string;
  /** Reviewer of a ManuallyApproved or ManuallyRejected request; default the sandbox admin. */
  reviewerId?: string;
}

const SINGLE_STATUS: Record<StoredBatchChange['approvalStatus'], WireSingleChange['status']> = {
  AutoApproved: 'Complete',
  ManuallyApproved: 'Complete',
  PendingReview: 'Pending',
  ManuallyRejected: 'Rejected',
  Cancelled: 'Cancelled',
};

/** What this needs of the store (kept structural: the store calls in here). */
export interface BatchDriftStore {
  readonly users: SandboxUser[];
  readonly batches: BatchStore;
  readonly membership: Membership;
  userById(id: string): SandboxUser | undefined;
  liveZone(id: string): WireZone | undefined;
  liveZones(): WireZone[];
  storedRsChanges(zoneId: string): StoredRecordSetChange[];
  appendRecordSetChange(zoneId: string, opts: { createdMs?: number; userId?: string; singleBatchChangeIds?: string[] }): WireRecordSetChange;
}

export function appendBatchChange(store: BatchDriftStore, opts: BatchDriftOptions): WireBatchChange {
  const admin = store.users.find((u) => u.superUser)!;
  const user = store.userById(opts.userId ?? admin.id);
  if (!user) throw new Error(`user ${opts.userId} does not exist`);
  const zones = store.liveZones();
  const zone = opts.zoneId !== undefined ? store.liveZone(opts.zoneId) : (zones.find((z) => user.groupIds.includes(z.adminGroupId)) ?? zones[0]);
  if (!zone) throw new Error(`zone ${opts.zoneId} does not exist`);
  const newest = store.batches.newestMs();
  const createdMs = roundToSecond(opts.createdMs ?? Math.max(Date.now(), newest ?? 0));
  if (newest !== undefined && createdMs < newest) throw new Error(`createdMs ${createdMs} is older than the newest batch change (${newest})`);
  const status = opts.approvalStatus ?? 'AutoApproved';
  const ran = status === 'AutoApproved' || status === 'ManuallyApproved';
  const reviewed = status === 'ManuallyApproved' || status === 'ManuallyRejected';

  const changes: WireSingleChange[] = [];
  for (let i = 0; i < (opts.changes ?? 2); i++) {
    const id = randomUUID();
    let single: WireSingleChange = {
      changeType: 'Add',
      inputName: '',
      type: 'A',
      ttl: 300,
      record: { address: `198.51.100.${(i % 254) + 1}` },
      status: SINGLE_STATUS[status],
      recordName: `request-${id.slice(0, 8)}`,
      zoneName: zone.name,
      zoneId: zone.id,
      validationErrors: [],
      id,
    };
    if (ran) {
      const ranMs = Math.max(createdMs, store.storedRsChanges(zone.id)[0]?.createdMs ?? 0);
      const rsChange = store.appendRecordSetChange(zone.id, { createdMs: ranMs, userId: user.id, singleBatchChangeIds: [id] });
      single = {
        ...single,
        recordName: rsChange.recordSet.name,
        ttl: rsChange.recordSet.ttl,
        record: rsChange.recordSet.records[0],
        recordChangeId: rsChange.id,
        recordSetId: rsChange.recordSet.id,
      };
    }
    changes.push({ ...single, inputName: `${single.recordName}.${zone.name}` });
  }
  const stored = store.batches.add({
    id: randomUUID(),
    userId: user.id,
    userName: user.userName,
    ...(opts.comments === undefined ? {} : { comments: opts.comments }),
    createdMs,
    ...(opts.ownerGroupId === undefined ? {} : { ownerGroupId: opts.ownerGroupId }),
    approvalStatus: status,
    ...(reviewed ? { reviewerId: opts.reviewerId ?? admin.id, reviewMs: createdMs } : {}),
    ...(status === 'Cancelled' ? { cancelledMs: createdMs } : {}),
    changes,
  });
  return batchChangeInfo(store.membership, stored);
}
