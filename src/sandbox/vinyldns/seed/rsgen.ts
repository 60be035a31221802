// Record set change histories: plans the events of a zone (initial sync, first records, user bursts,
// sync-generated changes, pinned example changes), then replays them in time order on a RecordTable.
import type { WireRecordSet, WireRecordSetChange } from '../../../providers/vinyldns/wire.js';
import type { Rng } from './prng.js';
import { RecordTable, SYNC_MESSAGE, type TimedRsChange } from './rs-state.js';
import { versionAt, type SyncPoint, type ZoneTimeline } from './timeline.js';

export interface CoreRecord {
  name: string;
  type: string;
  /** Created by the initial zone sync instead of by a user. */
  viaSync?: boolean;
}

export interface PinnedChange {
  ms: number;
  change: WireRecordSetChange;
  /** Put change.recordSet into the table (a pinned successful Create). */
  apply?: boolean;
}

export interface RecordHistorySpec {
  /** Target number of record set changes in total (pinned ones included). */
  totalChanges: number;
  failRate: number;
  batchRate: number;
  /** Window for user bursts. */
  userFrom: number;
  userTo: number;
  actorIds: string[];
  /** Never deleted (they may be updated). */
  core: CoreRecord[];
  /** Candidates for creation and deletion: [name, type]. */
  churn: Array<[string, string]>;
  /** Roughly how many churn record sets the zone keeps. */
  desiredChurn: number;
  /** Chance that a (non-initial) sync run changes records. */
  syncChangeRate: number;
  /** name|type keys nobody touches (pinned records). */
  frozen?: string[];
  ownerGroupIds?: string[];
  ownerGroupRate?: number;
  groupChangeStatus?: boolean;
  pinned?: PinnedChange[];
}

type Event =
  | { kind: 'initial'; ms: number; sync: SyncPoint; core: CoreRecord }
  | { kind: 'core'; ms: number; core: CoreRecord; userId: string }
  | { kind: 'sync'; ms: number; sync: SyncPoint }
  | { kind: 'pinned'; ms: number; pin: PinnedChange }
  | { kind: 'user'; ms: number; userId: string; batch: boolean; burst: number };

function planEvents(spec: RecordHistorySpec, tl: ZoneTimeline, rng: Rng): Event[] {
  const events: Event[] = [];
  const initial = tl.syncs.find((s) => s.initial);
  const coreByUser = spec.core.filter((c) => !c.viaSync);
  if (initial) {
    const viaSync = spec.core.filter((c) => c.viaSync);
    viaSync.forEach((core, i) => {
      const ms = Math.min(initial.endMs, initial.ms + 5 + Math.floor(((initial.endMs - initial.ms - 5) * (i + 1)) / (viaSync.length + 1)));
      events.push({ kind: 'initial', ms, sync: initial, core });
    });
  }
  const firstDay = (initial?.endMs ?? tl.createMs) + 60_000;
  let t = firstDay;
  for (const core of coreByUser) {
    t += rng.int(2_000, 1_800_000);
    events.push({ kind: 'core', ms: t, core, userId: rng.pick(spec.actorIds) });
  }
  for (const sync of tl.syncs) {
    if (sync.initial || !rng.chance(spec.syncChangeRate)) continue;
    const n = rng.int(1, 3);
    for (let i = 0; i < n; i++) events.push({ kind: 'sync', ms: Math.min(sync.endMs, sync.ms + 3 + i * rng.int(3, 120)), sync });
  }
  for (const pin of spec.pinned ?? []) events.push({ kind: 'pinned', ms: pin.ms, pin });

  let remaining = spec.totalChanges - events.length;
  const from = Math.max(spec.userFrom, t + 60_000);
  let burst = 0;
  while (remaining > 0) {
    burst++;
    const size = Math.min(remaining, 1 + Math.min(14, Math.floor(rng.exp() * 2.5)));
    let ms = from + Math.floor(rng.float() * (spec.userTo - from));
    const userId = rng.pick(spec.actorIds);
    const batch = rng.chance(spec.batchRate);
    for (let i = 0; i < size; i++) {
      events.push({ kind: 'user', ms, userId, batch, burst });
      ms += rng.int(15, 900);
    }
    remaining -= size;
  }
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.ms - b.e.ms || a.i - b.i)
    .map((x) => x.e);
}

export interface RecordHistory {
  changes: TimedRsChange[];
  recordSets: WireRecordSet[];
}

export function generateRecordHistory(spec: RecordHistorySpec, tl: ZoneTimeline, rng: Rng): RecordHistory {
  const table = new RecordTable(tl.id, tl.name, rng, {
    groupIds: spec.ownerGroupIds ?? [],
    rate: spec.ownerGroupRate ?? 0,
    groupChange: spec.groupChangeStatus ?? false,
  });
  const key = (name: string, type: string) => `${name}|${type}`;
  const protectedKeys = new Set([...spec.core.map((c) => key(c.name, c.type)), ...(spec.frozen ?? [])]);
  const frozen = new Set(spec.frozen ?? []);
  const churnKeys = () => table.keys().filter((k) => !protectedKeys.has(k));
  const updatable = () => table.keys().filter((k) => !frozen.has(k) && !k.endsWith('|SOA'));

  const createChurn = (meta: Parameters<RecordTable['create']>[0], fail: boolean): boolean => {
    for (let tries = 0; tries < 25; tries++) {
      const [name, type] = rng.pick(spec.churn);
      if (!table.has(name, type) && !frozen.has(key(name, type))) {
        table.create(meta, name, type, fail);
        return true;
      }
    }
    return false;
  };

  for (const ev of planEvents(spec, tl, rng)) {
    switch (ev.kind) {
      case 'pinned':
        table.pinned(ev.ms, ev.pin.change, ev.pin.apply ?? false);
        break;
      case 'initial':
        table.create(
          { ms: ev.ms, zone: ev.sync.syncing, userId: ev.sync.userId, batch: false, systemMessage: SYNC_MESSAGE },
          ev.core.name,
          ev.core.type,
          false,
        );
        break;
      case 'core':
        table.create({ ms: ev.ms, zone: versionAt(tl, ev.ms), userId: ev.userId, batch: false }, ev.core.name, ev.core.type, false);
        break;
      case 'sync': {
        const userId = ev.sync.userId !== 'system' && rng.chance(0.5) ? ev.sync.userId : 'system';
        const meta = { ms: ev.ms, zone: ev.sync.syncing, userId, batch: false, systemMessage: SYNC_MESSAGE };
        const soa = table.keys().find((k) => k.endsWith('|SOA'));
        const r = rng.float();
        const churn = churnKeys();
        if (soa && r < 0.5) table.update(meta, soa, false);
        else if (r < 0.75 || churn.length === 0) createChurn(meta, false);
        else table.remove(meta, rng.pick(churn), false, 'Sync');
        break;
      }
      case 'user': {
        const meta = { ms: ev.ms, zone: versionAt(tl, ev.ms), userId: ev.userId, batch: ev.batch, burst: ev.burst };
        const fail = rng.chance(spec.failRate);
        const churn = churnKeys();
        const below = churn.length < spec.desiredChurn;
        const r = rng.float();
        let op = r < (below ? 0.55 : 0.35) ? 'Create' : r < (below ? 0.9 : 0.75) ? 'Update' : 'Delete';
        if (op === 'Delete' && churn.length === 0) op = 'Update';
        if (op === 'Create' && createChurn(meta, fail)) break;
        if (op === 'Delete') {
          table.remove(meta, rng.pick(churn), fail);
          break;
        }
        const candidates = updatable();
        if (candidates.length > 0) table.update(meta, rng.pick(candidates), fail);
        else createChurn(meta, fail);
        break;
      }
    }
  }
  return { changes: table.out, recordSets: [...table.rows.values()] };
}
