// Assembles the sandbox data: the zones pinned by the example payloads plus the generated zones.
// Deterministic for a given seed; zone, group and user ids do not depend on the seed at all.
import type { WireRecordSet } from '../../../providers/vinyldns/wire.js';
import type { SeedData, StoredRecordSetChange, StoredZone, StoredZoneChange } from '../types.js';
import { timestampMs as at } from '../time.js';
import { buildDirectory, USERS } from './directory.js';
import { okPinned, okTimeline } from './fixtures-ok.js';
import { oldOkZone } from './fixtures-old-ok.js';
import { sthTimeline } from './fixtures-sth.js';
import { Rng, deriveSeed } from './prng.js';
import type { TimedRsChange } from './rs-state.js';
import { deriveBatchChanges } from './batches.js';
import { deletedZoneTimelines } from './deleted-zones.js';
import { generateGroupChanges } from './groups.js';
import { generateRecordHistory } from './rsgen.js';
import type { ZoneTimeline } from './timeline.js';
import { generateZoneTimeline } from './zonegen.js';
import { cross } from './zone-plan.js';
import { zonePlans } from './zones.js';
import { unrunBatchChanges } from './unrun-batches.js';

export function buildSeed(seed: number): SeedData {
  const { users, groups } = buildDirectory();
  const zones: StoredZone[] = [];
  const zoneChanges: StoredZoneChange[] = [];
  const recordSetChanges: StoredRecordSetChange[] = [];
  const recordSets: WireRecordSet[] = [];
  const timed: TimedRsChange[] = [];
  let seq = 0;
  const addZone = (tl: ZoneTimeline, changes: TimedRsChange[], rows: WireRecordSet[]) => {
    timed.push(...changes);
    zones.push({ zone: tl.current, deleted: tl.deleted });
    for (const c of tl.changes) zoneChanges.push({ createdMs: c.ms, seq: seq++, change: c.change });
    for (const c of changes) recordSetChanges.push({ createdMs: c.ms, seq: seq++, zoneId: c.zoneId, fqdn: c.fqdn, change: c.change });
    if (!tl.deleted) recordSets.push(...rows);
  };

  // "ok." (seed 000) and the deleted "ok." before it (seed 001).
  const okRng = new Rng(deriveSeed(seed, 'ok.'));
  const okTl = okTimeline(() => okRng.uuid());
  const ok = generateRecordHistory(
    {
      totalChanges: 230,
      failRate: 0,
      batchRate: 0.3,
      actorIds: [USERS.ok.id, USERS.professor.id, USERS.ashah.id],
      userFrom: at('2020-11-17T19:05:00Z'),
      userTo: at('2023-09-28T16:40:00Z'),
      syncChangeRate: 0.6,
      desiredChurn: 12,
      core: [
        { name: 'ok.', type: 'SOA', viaSync: true },
        { name: 'ok.', type: 'NS', viaSync: true },
        { name: 'ok.', type: 'A' },
        { name: 'dotted', type: 'A' },
      ],
      churn: [
        ...cross(['foo', 'bar', 'baz', 'qux', 'quux', 'test-a', 'test-b', 'ns-test-1', 'ns-test-3'], ['A', 'AAAA', 'TXT']),
        ...cross(['cname-test', 'jenkins', 'www'], ['CNAME']),
      ],
      frozen: ['dotted.a|A'],
      pinned: okPinned(okTl),
    },
    okTl,
    okRng,
  );
  const old = oldOkZone();
  addZone(old.timeline, old.changes, []);
  addZone(okTl, ok.changes, ok.recordSets);

  // "system-test-history." (seed 002).
  const sthRng = new Rng(deriveSeed(seed, 'system-test-history.'));
  const sthTl = sthTimeline(() => sthRng.uuid());
  const sth = generateRecordHistory(
    {
      totalChanges: 40,
      failRate: 0,
      batchRate: 0,
      actorIds: [USERS.history.id],
      syncChangeRate: 0,
      desiredChurn: 5,
      userFrom: at('2016-12-30T15:37:58Z'),
      userTo: at('2016-12-30T15:52:00Z'),
      core: [
        { name: 'system-test-history.', type: 'SOA', viaSync: true },
        { name: 'system-test-history.', type: 'NS', viaSync: true },
      ],
      churn: cross(['history-a', 'history-b', 'history-c'], ['A', 'AAAA', 'TXT']),
    },
    sthTl,
    sthRng,
  );
  addZone(sthTl, sth.changes, sth.recordSets);

  for (const plan of zonePlans(new Rng(deriveSeed(seed, 'zone-plans')))) {
    const rng = new Rng(deriveSeed(seed, plan.zone.name));
    const tl = generateZoneTimeline(plan.zone, rng);
    const history = generateRecordHistory({ ...plan.records, userFrom: plan.zone.createdMs + 3_600_000, userTo: plan.zone.endMs }, tl, rng);
    addZone(tl, history.changes, history.recordSets);
  }
  for (const tl of deletedZoneTimelines(seed)) addZone(tl, [], []);
  const batchChanges = [...deriveBatchChanges(timed, users, seed), ...unrunBatchChanges()].sort((a, b) => a.createdMs - b.createdMs);
  return { users, groups, groupChanges: generateGroupChanges(seed), zones, zoneChanges, recordSetChanges, recordSets, batchChanges };
}
