// Random zone histories for the generated zones: a Create, then Update / Sync / AutomatedSync changes,
// including bursts of changes that share one exact millisecond (a scheduler catching up after downtime),
// placed so that they straddle the page boundaries clients commonly use.
import type { WireAclRule, WireZoneConnection } from '../../../providers/vinyldns/wire.js';
import { formatTimestamp as ts } from '../time.js';
import { zoneChange } from '../shapes.js';
import type { Rng } from './prng.js';
import { TimelineBuilder, syncingCopy, type ZoneTimeline } from './timeline.js';

export interface GeneratedZoneSpec {
  id: string;
  name: string;
  /** emails[0] at creation; Updates move through the list. */
  emails: string[];
  createdMs: number;
  endMs: number;
  adminGroupId: string;
  shared: boolean;
  acl: WireAclRule[];
  connection?: WireZoneConnection;
  transferConnection?: WireZoneConnection;
  recurrenceSchedule?: string;
  /** A user NAME; AutomatedSync changes carry it as their userId. */
  scheduleRequestor?: string;
  backendId?: string;
  creatorId: string;
  actorIds: string[];
  zoneChangeCount: number;
  /** [start, length] in newest-first positions: changes start..start+length-1 share one millisecond. */
  bulkGroups: Array<[number, number]>;
  /** Extra random groups of 2-4 same-millisecond changes. */
  extraBulkGroups: number;
  failedSyncRate: number;
}

export const MAX_SAME_MS = 60;

const SYNC_FAILURES = [
  'org.xbill.DNS.ZoneTransferException: REFUSED',
  'java.net.SocketTimeoutException: Read timed out',
  'org.xbill.DNS.ZoneTransferException: TSIG failure: BADSIG',
  'org.xbill.DNS.WireParseException: end of input',
  'Zone sync failed: the DNS backend did not answer within 60 seconds',
];

function placeGroups(spec: GeneratedZoneSpec, rng: Rng): Map<number, number> {
  const n = spec.zoneChangeCount;
  const taken = new Set<number>();
  const groups = new Map<number, number>();
  const add = (start: number, len: number): boolean => {
    if (len < 2 || len > MAX_SAME_MS || start < 0 || start + len > n - 1) return false;
    for (let i = start - 1; i <= start + len; i++) if (taken.has(i)) return false;
    for (let i = start; i < start + len; i++) taken.add(i);
    groups.set(start, len);
    return true;
  };
  for (const [start, len] of spec.bulkGroups) {
    if (!add(start, len)) throw new Error(`bad bulk group [${start}, ${len}] in ${spec.name}`);
  }
  for (let placed = 0, tries = 0; placed < spec.extraBulkGroups && tries < 200; tries++) {
    if (add(rng.int(1, n - 6), rng.int(2, 4))) placed++;
  }
  return groups;
}

/** Epoch ms per newest-first position; grouped positions share a value; position n-1 is createdMs. */
function assignTimes(spec: GeneratedZoneSpec, groups: Map<number, number>, rng: Rng): number[] {
  const n = spec.zoneChangeCount;
  const slots: number[][] = []; // newest first, each a list of positions
  for (let i = 0; i < n;) {
    const len = groups.get(i) ?? 1;
    slots.push(Array.from({ length: len }, (_, k) => i + k));
    i += len;
  }
  const gapCount = slots.length - 1;
  const tiny = Array.from({ length: gapCount }, () => (rng.chance(0.2) ? rng.int(30, 900) : 0));
  const weights = tiny.map((t) => (t > 0 ? 0 : rng.exp()));
  const tinySum = tiny.reduce((a, b) => a + b, 0);
  const bigCount = weights.filter((w) => w > 0).length;
  const weightSum = weights.reduce((a, b) => a + b, 0) || 1;
  const span = spec.endMs - spec.createdMs - tinySum - bigCount * 1000;
  if (span <= 0) throw new Error(`time span too short for ${spec.name}`);
  const times = new Array<number>(n);
  let t = spec.createdMs;
  for (let s = slots.length - 1; s >= 0; s--) {
    if (s < slots.length - 1) {
      const g = slots.length - 2 - s; // gap index, oldest first
      t += tiny[g] > 0 ? tiny[g] : 1000 + Math.floor((weights[g] / weightSum) * span);
    }
    for (const pos of slots[s]) times[pos] = t;
  }
  return times;
}

function rotateKey(conn: WireZoneConnection | undefined, rng: Rng): WireZoneConnection | undefined {
  if (!conn?.key) return conn;
  const key = conn.key.startsWith('OBF:1:') ? `OBF:1:${rng.base64(90)}` : rng.base64(32);
  return { ...conn, key };
}

export function generateZoneTimeline(spec: GeneratedZoneSpec, rng: Rng): ZoneTimeline {
  const groups = placeGroups(spec, rng);
  const times = assignTimes(spec, groups, rng);
  const inGroup = new Map<number, number>(); // position -> group start
  for (const [start, len] of groups) for (let i = start; i < start + len; i++) inGroup.set(i, start);

  // A sync ends before the next zone change starts, so versions stay in change order.
  const syncEnd = (pos: number, ms: number): number => {
    let next = spec.endMs;
    for (let p = pos - 1; p >= 0; p--) {
      if (times[p] > ms) {
        next = times[p];
        break;
      }
    }
    return Math.max(ms, Math.min(ms + rng.int(200, 2500), next - 1));
  };
  const b = new TimelineBuilder(spec.id, spec.name, spec.createdMs);
  const firstSync = syncEnd(spec.zoneChangeCount - 1, spec.createdMs);
  let cur = b.version(firstSync, {
    name: spec.name,
    email: spec.emails[0],
    status: 'Active',
    created: ts(spec.createdMs),
    id: spec.id,
    connection: spec.connection,
    transferConnection: spec.transferConnection,
    account: 'system',
    shared: spec.shared,
    acl: { rules: spec.acl },
    adminGroupId: spec.adminGroupId,
    recurrenceSchedule: spec.recurrenceSchedule,
    scheduleRequestor: spec.scheduleRequestor,
    latestSync: ts(firstSync),
    isTest: false,
    backendId: spec.backendId,
  });
  b.sync({ ms: spec.createdMs, endMs: firstSync, userId: spec.creatorId, syncing: syncingCopy(cur, true), initial: true });
  b.change(
    spec.createdMs,
    zoneChange({ zone: cur, userId: spec.creatorId, changeType: 'Create', status: 'Synced', created: ts(spec.createdMs), id: rng.uuid() }),
  );

  let emailIndex = 0;
  const groupSnapshot = new Map<number, typeof cur>();
  const syncUser = (automated: boolean) => (automated && spec.scheduleRequestor ? spec.scheduleRequestor : rng.pick(spec.actorIds));

  for (let pos = spec.zoneChangeCount - 2; pos >= 0; pos--) {
    const ms = times[pos];
    const groupStart = inGroup.get(pos);
    if (groupStart !== undefined) {
      const automated = spec.scheduleRequestor !== undefined;
      let snap = groupSnapshot.get(groupStart);
      if (!snap) {
        const end = syncEnd(pos, ms);
        b.sync({ ms, endMs: end, userId: automated ? 'system' : spec.actorIds[0], syncing: syncingCopy(cur), initial: false });
        snap = cur = b.version(end, { ...cur, updated: ts(end), latestSync: ts(end) });
        groupSnapshot.set(groupStart, snap);
      }
      const userId = automated ? spec.scheduleRequestor! : spec.actorIds[0];
      b.change(ms, zoneChange({ zone: snap, userId, changeType: automated ? 'AutomatedSync' : 'Sync', status: 'Synced', created: ts(ms), id: rng.uuid() }));
      continue;
    }
    const r = rng.float();
    const isUpdate = spec.scheduleRequestor ? r < 0.3 : r < 0.4;
    if (isUpdate) {
      const patch = rng.float();
      const next = { ...cur, updated: ts(ms) };
      if (patch < 0.3 && spec.connection) {
        next.connection = rotateKey(cur.connection, rng);
        next.transferConnection = rotateKey(cur.transferConnection, rng);
      } else {
        emailIndex = (emailIndex + 1) % spec.emails.length;
        next.email = spec.emails[emailIndex];
      }
      cur = b.version(ms, next);
      b.change(ms, zoneChange({ zone: cur, userId: rng.pick(spec.actorIds), changeType: 'Update', status: 'Synced', created: ts(ms), id: rng.uuid() }));
      continue;
    }
    const automated = spec.scheduleRequestor !== undefined && r < 0.75;
    const userId = syncUser(automated);
    if (rng.chance(spec.failedSyncRate)) {
      b.change(
        ms,
        zoneChange({
          zone: cur,
          userId,
          changeType: automated ? 'AutomatedSync' : 'Sync',
          status: 'Failed',
          created: ts(ms),
          systemMessage: rng.pick(SYNC_FAILURES),
          id: rng.uuid(),
        }),
      );
      continue;
    }
    const end = syncEnd(pos, ms);
    b.sync({ ms, endMs: end, userId: automated ? 'system' : userId, syncing: syncingCopy(cur), initial: false });
    cur = b.version(end, { ...cur, updated: ts(end), latestSync: ts(end) });
    b.change(ms, zoneChange({ zone: cur, userId, changeType: automated ? 'AutomatedSync' : 'Sync', status: 'Synced', created: ts(ms), id: rng.uuid() }));
  }
  return b.build();
}
