// "system-test-history." (seed 002): created, then its email changed ten times within two seconds.
// Changes 9 and 10 are the two zone changes of the example payload, with their ids and snapshots.
import { zoneChange } from '../shapes.js';
import { formatTimestamp as ts, timestampMs as at } from '../time.js';
import { TimelineBuilder, syncingCopy, type ZoneTimeline } from './timeline.js';

export const STH_ZONE_ID = '9f353bc7-cb8d-491c-b074-34afafc97c5f';
const HISTORY_GROUP = '67b4da23-6832-4600-8450-9fa0664caeeb';

/** Millisecond offsets from 15:37:56.000 of the Create and the ten Updates. */
const OFFSETS = [81, 312, 471, 620, 803, 950, 1094, 1236, 1410, 1583, 1771];
const KNOWN_IDS: Record<number, string> = {
  9: '59c2db90-41aa-49ae-8c56-e13a2ada918d',
  10: '6d4deccb-4632-475e-9ebc-3f6bace5fe68',
};

export function sthTimeline(uuid: () => string): ZoneTimeline {
  const t0 = at('2016-12-30T15:37:56Z');
  const b = new TimelineBuilder(STH_ZONE_ID, 'system-test-history.', t0 + OFFSETS[0]);
  // The example payload predates isTest and never shows a latestSync; neither do these snapshots.
  const snap = (k: number, updatedMs?: number) => ({
    name: 'system-test-history.',
    email: `i.changed.this.${k}.times@history-test.com`,
    status: 'Active',
    created: '2016-12-30T15:37:56Z',
    updated: updatedMs === undefined ? undefined : ts(updatedMs),
    id: STH_ZONE_ID,
    account: HISTORY_GROUP,
    shared: true,
    acl: { rules: [] },
    adminGroupId: HISTORY_GROUP,
  });
  const created = b.version(t0 + OFFSETS[0] + 150, snap(0));
  b.sync({ ms: t0 + OFFSETS[0], endMs: t0 + OFFSETS[0] + 150, userId: 'history-id', syncing: syncingCopy(created, true), initial: true });
  b.change(
    t0 + OFFSETS[0],
    zoneChange({ zone: created, userId: 'history-id', changeType: 'Create', status: 'Synced', created: ts(t0 + OFFSETS[0]), id: uuid() }),
  );
  for (let k = 1; k <= 10; k++) {
    const ms = t0 + OFFSETS[k];
    const zone = b.version(ms, snap(k, ms));
    b.change(ms, zoneChange({ zone, userId: 'history-id', changeType: 'Update', status: 'Synced', created: ts(ms), id: KNOWN_IDS[k] ?? uuid() }));
  }
  return b.build();
}
