// An earlier "ok." zone of the example payloads (shared/seeds 001), since deleted: 56b03014…, whose
// apex A changes still come back from /recordsetchange/history for fqdn "ok." type A (the "history
// mixes in other zones" trap).
import { recordSet, recordSetChange, zoneChange } from '../shapes.js';
import { timestampMs as at } from '../time.js';
import { GROUPS, USERS } from './directory.js';
import { SYNC_MESSAGE, type TimedRsChange } from './rs-state.js';
import { TimelineBuilder, syncingCopy, type ZoneTimeline } from './timeline.js';

export const OLD_OK_ZONE_ID = '56b03014-7f68-4a9b-b5b6-c0e6a212992d';
const PROFESSOR = USERS.professor.id;

/** The deleted zone 56b03014… ("ok." too): its zone changes and the record set changes of seed 001. */
export function oldOkZone(): { timeline: ZoneTimeline; changes: TimedRsChange[] } {
  const b = new TimelineBuilder(OLD_OK_ZONE_ID, 'ok.', at('2023-09-27T07:41:12Z', 338));
  const base = {
    name: 'ok.',
    email: 'test@test.com',
    status: 'Active',
    created: '2023-09-27T07:41:12Z',
    id: OLD_OK_ZONE_ID,
    account: 'system',
    shared: false,
    acl: { rules: [] },
    adminGroupId: GROUPS.professor.id,
    isTest: false,
  };
  const syncing = syncingCopy(b.version(b.createMs, base));
  const active = b.version(at('2023-09-27T07:41:13Z', 620), { ...base, latestSync: '2023-09-27T07:41:13Z' });
  const deleted = b.version(at('2023-09-27T07:44:05Z', 120), { ...active, status: 'Deleted', updated: '2023-09-27T07:44:05Z' });
  b.change(
    b.createMs,
    zoneChange({
      zone: active,
      userId: PROFESSOR,
      changeType: 'Create',
      status: 'Synced',
      created: '2023-09-27T07:41:12Z',
      id: 'c0f2e5d1-3a4b-4c6d-8e9f-0a1b2c3d4e5f',
    }),
  );
  b.change(
    at('2023-09-27T07:44:05Z', 120),
    zoneChange({
      zone: deleted,
      userId: PROFESSOR,
      changeType: 'Delete',
      status: 'Synced',
      created: '2023-09-27T07:44:05Z',
      id: 'd1a3f6e2-4b5c-4d7e-9fa0-1b2c3d4e5f60',
    }),
  );

  const rs = (o: Record<string, unknown>) => recordSet({ zoneId: OLD_OK_ZONE_ID, name: 'ok.', ttl: 38400, status: 'Active', account: 'system', ...o });
  const mk = (ms: number, c: Record<string, unknown>): TimedRsChange => ({
    ms,
    zoneId: OLD_OK_ZONE_ID,
    fqdn: 'ok.',
    change: recordSetChange({ userId: PROFESSOR, status: 'Complete', singleBatchChangeIds: [], ...c }),
  });
  const apexA = rs({ type: 'A', created: '2023-09-27T07:41:13Z', records: [{ address: '5.5.5.5' }], id: 'cda5f6e1-b103-41ad-af7d-013a4379c591' });
  const t13 = '2023-09-27T07:41:13Z';
  return {
    timeline: b.build(true),
    changes: [
      mk(at(t13, 51), {
        zone: syncing,
        recordSet: rs({
          type: 'SOA',
          created: t13,
          records: [{ mname: 'ns1.parent.com.', rname: 'admin.test.com.', serial: 1439234395, refresh: 10800, retry: 3600, expire: 604800, minimum: 38400 }],
          id: 'e7b2c4d6-8f10-4a2b-9c3d-5e6f7a8b9c0d',
        }),
        changeType: 'Create',
        created: t13,
        systemMessage: SYNC_MESSAGE,
        id: 'f8c3d5e7-9a1b-4b3c-8d4e-6f7a8b9c0d1e',
      }),
      mk(at(t13, 102), {
        zone: syncing,
        recordSet: rs({ type: 'NS', created: t13, records: [{ nsdname: '172.17.42.1.' }], id: 'a9d4e6f8-0b2c-4c4d-9e5f-7a8b9c0d1e2f' }),
        changeType: 'Create',
        created: t13,
        systemMessage: SYNC_MESSAGE,
        id: 'b0e5f7a9-1c3d-4d5e-8f6a-8b9c0d1e2f3a',
      }),
      mk(at(t13, 187), {
        zone: syncing,
        recordSet: apexA,
        changeType: 'Create',
        created: t13,
        systemMessage: SYNC_MESSAGE,
        id: '3575868a-ccde-40ec-aaeb-b33cb8410eaf',
      }),
      mk(at('2023-09-27T07:41:28Z', 402), {
        zone: active,
        recordSet: rs({
          type: 'A',
          created: '2023-09-27T07:41:28Z',
          updated: '2023-09-27T07:41:28Z',
          records: [{ address: '5.5.5.6' }],
          id: 'cda5f6e1-b103-41ad-af7d-013a4379c591',
        }),
        changeType: 'Update',
        created: '2023-09-27T07:41:28Z',
        updates: apexA,
        id: '55994cb7-9dcb-41ff-980c-44385d1d2cfa',
      }),
    ],
  };
}
