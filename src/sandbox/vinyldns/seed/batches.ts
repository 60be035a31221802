// DNS change requests (batch changes, docs/upstreams/vinyldns.md §3.18, §3.19, §3.21). Most are
// derived from the seeded record set changes that carry a single change id: each burst of such
// changes by one user is one request (split where a record would repeat, since the server merges
// changes of one record into one record set change), auto-approved or approved by a reviewer just
// before it ran. The requests that never ran are written by hand in unrun-batches.ts.
import type { WireSingleChange } from '../../../providers/vinyldns/wire-batch.js';
import type { SandboxUser, StoredBatchChange } from '../types.js';
import { USERS } from './directory.js';
import { Rng, deriveSeed, stableUuid } from './prng.js';
import type { TimedRsChange } from './rs-state.js';

/** A seeded request; the store numbers them. */
export type Batch = Omit<StoredBatchChange, 'seq'>;

/** The DATETIME columns keep whole seconds; MySQL rounds the fraction (it does not truncate). */
export const roundToSecond = (ms: number): number => Math.round(ms / 1000) * 1000;

const COMMENTS = [
  'CHG0041872: add web tier for the spring release',
  'rotate verification records',
  'decommission old hosts (INC-2291)',
  'move mail to the new relay',
  'DNS for the new staging cluster',
  'requested by marketing',
  'cleanup after the datacenter migration',
  'certificate validation for the CDN',
];

const REVIEW_COMMENTS = [
  'approved, change window Tue 22:00 UTC',
  'ok - owner group confirmed',
  'approved after checking the delegation',
  'LGTM',
  'approved; please remove the temporary records next week',
];

/** The name a requester types: the FQDN, or the IP address for a PTR record in an IPv4 reverse zone. */
function inputName(zoneName: string, name: string, type: string): string {
  const fqdn = name === zoneName ? zoneName : `${name}.${zoneName}`;
  const reverse = /\.in-addr\.arpa\.$/i;
  if (type !== 'PTR' || !reverse.test(zoneName)) return fqdn;
  return fqdn.replace(reverse, '').split('.').reverse().join('.');
}

/** The single change a record set change was made from: Add for creates and updates, DeleteRecordSet for deletes. */
export function singleChangeFor(c: TimedRsChange, singleId: string): WireSingleChange {
  const { change } = c;
  const rs = change.recordSet;
  const add = change.changeType !== 'Delete';
  return {
    changeType: add ? 'Add' : 'DeleteRecordSet',
    inputName: inputName(change.zone.name, rs.name, rs.type),
    type: rs.type,
    ...(add ? { ttl: rs.ttl, record: rs.records[0] } : {}),
    status: change.status === 'Failed' ? 'Failed' : 'Complete',
    recordName: rs.name,
    zoneName: change.zone.name,
    zoneId: change.zone.id,
    ...(change.status === 'Failed' && change.systemMessage !== undefined ? { systemMessage: change.systemMessage } : {}),
    recordChangeId: change.id,
    recordSetId: rs.id,
    validationErrors: [],
    id: singleId,
  };
}

/** Bursts of batch-made changes (in time order), split where a record would occur twice. */
function requestsOf(changes: TimedRsChange[]): TimedRsChange[][] {
  const groups = new Map<string, TimedRsChange[][]>();
  for (const c of [...changes].sort((a, b) => a.ms - b.ms)) {
    if (!c.change.singleBatchChangeIds?.length) continue;
    const key = c.burst === undefined ? `single:${c.change.id}` : `${c.zoneId}:${c.burst}`;
    let parts = groups.get(key);
    if (!parts) groups.set(key, (parts = [[]]));
    const current = parts[parts.length - 1];
    const record = `${c.change.recordSet.name}|${c.change.recordSet.type}`;
    if (current.some((x) => `${x.change.recordSet.name}|${x.change.recordSet.type}` === record)) parts.push([c]);
    else current.push(c);
  }
  return [...groups.values()].flat().filter((p) => p.length > 0);
}

/** The requests behind the seeded record set changes, in the order their first change ran. */
export function deriveBatchChanges(changes: TimedRsChange[], users: SandboxUser[], seed: number): Batch[] {
  const rng = new Rng(deriveSeed(seed, 'batch-changes'));
  const reviewers = [USERS.rita.id, USERS.admin.id];
  const out: Batch[] = [];
  for (const request of requestsOf(changes).sort((a, b) => a[0].ms - b[0].ms)) {
    const first = request[0];
    const user = users.find((u) => u.id === first.change.userId);
    const singles = request.map((c) => singleChangeFor(c, c.change.singleBatchChangeIds![0]));
    const id = first.burst === undefined ? stableUuid(`batch:${singles[0].id}`) : rng.uuid();
    const comments = rng.chance(0.6) ? rng.pick(COMMENTS) : undefined;
    const groups = user?.groupIds ?? [];
    // NS changes always go to manual review; otherwise about one in five requests had a soft error.
    const needsNs = request.some((c) => c.change.recordSet.type === 'NS');
    // The example payload's own requests (no burst) ran at once, as the functional tests that made them did.
    const manual = first.burst !== undefined && groups.length > 0 && (needsNs || rng.chance(0.2));
    const owner = groups.length > 0 && (manual || rng.chance(0.3)) ? rng.pick(groups) : undefined;
    const base = {
      id,
      userId: first.change.userId,
      userName: user?.userName ?? first.change.userId,
      ...(comments === undefined ? {} : { comments }),
      ...(owner === undefined ? {} : { ownerGroupId: owner }),
      changes: singles,
    };
    if (!manual) {
      out.push({ ...base, createdMs: roundToSecond(first.ms - rng.int(40, 900)), approvalStatus: 'AutoApproved' });
      continue;
    }
    const reviewerId = rng.pick(reviewers.filter((r) => r !== base.userId));
    const reviewMs = first.ms - rng.int(200, 3000);
    const createdMs = reviewMs - rng.int(600_000, 3 * 86_400_000);
    const reviewComment = rng.chance(0.6) ? rng.pick(REVIEW_COMMENTS) : undefined;
    const scheduledMs = rng.chance(0.2) ? reviewMs - rng.int(0, 1_800_000) : undefined;
    out.push({
      ...base,
      createdMs: roundToSecond(createdMs),
      approvalStatus: 'ManuallyApproved',
      reviewerId,
      ...(reviewComment === undefined ? {} : { reviewComment }),
      reviewMs: roundToSecond(reviewMs),
      ...(scheduledMs === undefined ? {} : { scheduledMs: roundToSecond(scheduledMs) }),
    });
  }
  return out;
}
