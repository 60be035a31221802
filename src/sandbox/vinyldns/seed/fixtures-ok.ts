// The current "ok." zone of the example payloads (shared/seeds 000), reproduced exactly:
// fbf7a440…, its zone changes and its six failed record set changes. The earlier, deleted "ok."
// zone (seed 001) is fixtures-old-ok.ts.
import { recordSet, recordSetChange, zoneChange } from '../shapes.js';
import { formatTimestamp, timestampMs as at } from '../time.js';
import type { PinnedChange } from './rsgen.js';
import { TimelineBuilder, syncingCopy, type ZoneTimeline } from './timeline.js';

export const OK_ZONE_ID = 'fbf7a440-891c-441a-ad09-e1cbc861fda1';
const OK_GROUP = '7611734a-8409-4827-9e8b-960d115b9f9c';
const OK_LEGACY_GROUP = 'fc080a97-ead6-4869-b32f-2b97fd27e1ab';
const ASHAH = '6741d4df-81b7-40bd-9856-896c730c189b';
const PROFESSOR = '83bd9eda-145d-4799-98fb-20d0bf1ed1e1';

const connection = (key: string) => ({ name: 'ok.', keyName: 'vinyldns.', key, primaryServer: '96.115.238.13', algorithm: 'HMAC-MD5' });
const CONN = connection(
  'OBF:1:y5nYhKJw814AABAACr9MsZ9sBj22GkE446KkrVc2az9sQOrEHnKT595TuRhY7gSmdw4z6ZNQmYMtP8NOar423Hac5yiCReQNB7XTt65y1IvVCXswKl7xTzbwZTcSFWu4sB93MrCc7P/04t4l/IFY+kyKmMF7',
);
const XFER = connection(
  'OBF:1:HIX6SfJs490AABAAFK00YLMl20SjLUNFNla9X584uZAqnv6lFIXR8vrDzmyrvWeD6O+gVMpgq+l8eWZEjLjTMTuXgGymv+g4+G8kF4wEQ0lVngp3/8sm5QN6ZSwcMd/ekWqsn6T5ebjmBkwPqe27/JNoMSOI',
);
const TEST_RULE = { accessLevel: 'Write', description: 'some_test_rule', userId: 'list-batch-summaries-id', recordTypes: [] };

/** Zone changes of fbf7a440… chosen so that each failed change embeds exactly the snapshot of seed 000. */
export function okTimeline(uuid: () => string): ZoneTimeline {
  const b = new TimelineBuilder(OK_ZONE_ID, 'ok.', at('2020-11-17T18:50:46Z', 212));
  const base = {
    name: 'ok.',
    email: 'test@test.com',
    status: 'Active',
    created: '2020-11-17T18:50:46Z',
    id: OK_ZONE_ID,
    connection: CONN,
    transferConnection: XFER,
    account: 'system',
    shared: false,
    acl: { rules: [] as object[] },
    adminGroupId: OK_LEGACY_GROUP,
    latestSync: '2020-11-17T18:50:46Z',
    isTest: true,
  };
  const change = (ms: number, zone: object, userId: string, changeType: string) =>
    b.change(ms, zoneChange({ zone, userId, changeType, status: 'Synced', created: formatTimestamp(ms), id: uuid() }));

  const v0 = b.version(at('2020-11-17T18:50:46Z', 871), base);
  b.sync({ ms: b.createMs, endMs: at('2020-11-17T18:50:46Z', 871), userId: 'ok', syncing: syncingCopy(v0, true), initial: true });
  change(b.createMs, v0, 'ok', 'Create');
  const v1 = b.version(at('2020-11-17T18:51:06Z', 420), { ...base, updated: '2020-11-17T18:51:06Z', acl: { rules: [TEST_RULE] } });
  change(at('2020-11-17T18:51:06Z', 420), v1, 'ok', 'Update');
  const v2 = b.version(at('2020-11-17T18:51:11Z', 305), { ...base, updated: '2020-11-17T18:51:11Z' });
  change(at('2020-11-17T18:51:11Z', 305), v2, 'ok', 'Update');
  const v3 = b.version(at('2021-03-02T09:14:51Z', 960), { ...v2, updated: '2021-03-02T09:14:51Z', latestSync: '2021-03-02T09:14:51Z' });
  b.sync({ ms: at('2021-03-02T09:14:51Z', 117), endMs: at('2021-03-02T09:14:51Z', 960), userId: 'ok', syncing: syncingCopy(v2), initial: false });
  change(at('2021-03-02T09:14:51Z', 117), v3, 'ok', 'Sync');
  const v4 = b.version(at('2022-06-14T16:02:09Z', 310), { ...v3, updated: '2022-06-14T16:02:09Z', latestSync: '2022-06-14T16:02:09Z' });
  b.sync({ ms: at('2022-06-14T16:02:08Z', 540), endMs: at('2022-06-14T16:02:09Z', 310), userId: PROFESSOR, syncing: syncingCopy(v3), initial: false });
  change(at('2022-06-14T16:02:08Z', 540), v4, PROFESSOR, 'Sync');
  // The zone moved to the functional-test backend: shared, new admin group, scheduled syncs, no TSIG keys.
  const moved = {
    name: 'ok.',
    email: 'test@test.com',
    status: 'Active',
    created: '2020-11-17T18:50:46Z',
    id: OK_ZONE_ID,
    account: 'system',
    shared: true,
    acl: { rules: [] },
    adminGroupId: OK_GROUP,
    scheduleRequestor: 'ashah403',
    isTest: true,
    backendId: 'func-test-backend',
  };
  const v5 = b.version(at('2023-06-01T14:13:20Z', 402), { ...moved, updated: '2023-06-01T14:13:20Z', latestSync: '2022-06-14T16:02:09Z' });
  change(at('2023-06-01T14:13:20Z', 402), v5, ASHAH, 'Update');
  const v6 = b.version(at('2023-06-01T14:13:22Z', 480), { ...moved, updated: '2023-06-01T14:13:22Z', latestSync: '2023-06-01T14:13:22Z' });
  b.sync({ ms: at('2023-06-01T14:13:21Z', 950), endMs: at('2023-06-01T14:13:22Z', 480), userId: ASHAH, syncing: syncingCopy(v5), initial: false });
  change(at('2023-06-01T14:13:21Z', 950), v6, ASHAH, 'Sync');
  const v7 = b.version(at('2023-09-28T13:51:30Z', 415), { ...moved, updated: '2023-09-28T13:51:30Z', latestSync: '2023-09-28T13:51:30Z' });
  b.sync({ ms: at('2023-09-28T13:51:29Z', 880), endMs: at('2023-09-28T13:51:30Z', 415), userId: 'system', syncing: syncingCopy(v6), initial: false });
  change(at('2023-09-28T13:51:29Z', 880), v7, 'ashah403', 'AutomatedSync');
  return b.build();
}

const okRs = (o: Record<string, unknown>) => recordSet({ type: 'A', zoneId: OK_ZONE_ID, account: 'system', ...o });

/** The pinned record set changes of fbf7a440…: the six failures of seed 000 and the Create they imply. */
export function okPinned(tl: ZoneTimeline): PinnedChange[] {
  const z = (iso: string) => tl.versions.filter((v) => v.fromMs <= at(iso)).at(-1)!.zone;
  const failedCreate = (
    ms: number,
    created: string,
    updated: string,
    name: string,
    ttl: number,
    address: string,
    rsId: string,
    id: string,
    batch: string[],
    msg: string,
  ): PinnedChange => ({
    ms,
    change: recordSetChange({
      zone: z(created),
      recordSet: okRs({ name, ttl, status: 'Inactive', created, updated, records: [{ address }], id: rsId }),
      userId: 'ok',
      changeType: 'Create',
      status: 'Failed',
      created,
      systemMessage: `Failed validating update to DNS for change ${id}:${name}: ${msg}`,
      id,
      singleBatchChangeIds: batch,
    }),
  });
  const conflict = 'Incompatible record already exists in DNS.';
  const dottedA = { name: 'dotted.a', ttl: 38400, records: [{ address: '7.7.7.8' }], id: 'ea56629c-3a64-41ee-ace1-3a760b0e2736', ownerGroupId: OK_GROUP };
  const dottedBefore = okRs({ ...dottedA, status: 'Active', created: '2023-08-03T15:02:29Z', updated: '2023-08-03T15:02:29Z' });
  const tsigFailure =
    'Failed applying update to DNS for change 8094c9a9-d279-4847-81f4-de08f2454ff1:ns-test-2: Format Error: the server was unable to interpret the query: ;; ->>HEADER<<- opcode: UPDATE, status: FORMERR, id: 41792\n;; flags: qr ; qd: 1 an: 0 au: 0 ad: 0 \n;; TSIG invalid\n;; ZONE:\n;;\tok., type = SOA, class = IN\n\n;; PREREQUISITES:\n\n;; UPDATE RECORDS:\n\n;; ADDITIONAL RECORDS:\n\n;; Message size: 20 bytes';
  return [
    failedCreate(
      at('2020-11-17T18:51:07Z', 412),
      '2020-11-17T18:51:07Z',
      '2020-11-17T18:51:08Z',
      'backend-already-exists',
      200,
      '4.5.6.7',
      '72582d0b-68c6-42e4-bb03-c7ef8653b51a',
      'f7abdacd-ba33-418f-9e8f-13ac08504914',
      ['72f09313-9e64-4b9a-9212-02d28592a1da'],
      conflict,
    ),
    failedCreate(
      at('2020-11-17T18:51:07Z', 731),
      '2020-11-17T18:51:07Z',
      '2020-11-17T18:51:08Z',
      'backend-foo',
      200,
      '4.5.6.7',
      '62ff7f1b-c9d7-416c-b0dd-eb08d0adfa73',
      '5b30ed83-735d-41b9-a99f-ce32fc4e9c16',
      ['714778f8-7ad2-45fb-aaad-1d34a8914df1'],
      conflict,
    ),
    failedCreate(
      at('2020-11-17T18:51:08Z', 650),
      '2020-11-17T18:51:08Z',
      '2020-11-17T18:51:08Z',
      'direct-to-backend',
      200,
      '4.5.6.7',
      'c401cd27-2116-441d-85fd-0c8bb89a2dfb',
      '101ab18e-1c75-45db-af65-f3c993adbd09',
      ['5ee8c027-5e69-46fb-bbbb-a75af00bed4b'],
      conflict,
    ),
    failedCreate(
      at('2020-11-17T18:51:41Z', 90),
      '2020-11-17T18:51:41Z',
      '2020-11-17T18:51:41Z',
      'backend-conflict',
      38400,
      '7.7.7.7',
      'a9735fdf-f1fc-4666-bdc0-fc345e288a70',
      '6cacfe9a-ffb2-4c63-bcf4-3af6e727b54e',
      [],
      conflict,
    ),
    {
      ms: at('2023-08-03T15:02:29Z', 530),
      apply: true,
      change: recordSetChange({
        zone: z('2023-08-03T15:02:29Z'),
        recordSet: dottedBefore,
        userId: ASHAH,
        changeType: 'Create',
        status: 'Complete',
        created: '2023-08-03T15:02:29Z',
        id: '1d9c5a3e-7b1f-4f0e-9a3c-2e6b8d4f7a10',
        singleBatchChangeIds: [],
      }),
    },
    {
      ms: at('2023-09-28T13:51:16Z', 275),
      change: recordSetChange({
        zone: z('2023-09-28T13:51:16Z'),
        recordSet: okRs({
          ...dottedA,
          records: [{ address: '7.7.7.9' }],
          status: 'Inactive',
          created: '2023-09-28T13:51:16Z',
          updated: '2023-09-28T13:51:16Z',
        }),
        userId: ASHAH,
        changeType: 'Update',
        status: 'Failed',
        created: '2023-09-28T13:51:16Z',
        systemMessage:
          'Failed validating update to DNS for change "55b269c0-8a85-49b8-ba9d-45f9eeed5ee8": "dotted.a": This record set is out of sync with the DNS backend; sync this zone before attempting to update this record set.',
        updates: dottedBefore,
        id: '55b269c0-8a85-49b8-ba9d-45f9eeed5ee8',
        singleBatchChangeIds: [],
      }),
    },
    {
      ms: at('2023-09-28T16:44:47Z', 318),
      change: recordSetChange({
        zone: z('2023-09-28T16:44:47Z'),
        recordSet: okRs({
          type: 'DS',
          name: 'ns-test-2',
          ttl: 7200,
          status: 'Inactive',
          created: '2023-09-28T16:44:47Z',
          updated: '2023-09-28T16:44:47Z',
          records: [{ keytag: 1, algorithm: 3, digesttype: 1, digest: '01' }],
          id: 'a40de44e-1b13-4cfe-9485-79749bd360fa',
          ownerGroupId: OK_GROUP,
        }),
        userId: ASHAH,
        changeType: 'Create',
        status: 'Failed',
        created: '2023-09-28T16:44:47Z',
        systemMessage: tsigFailure,
        id: '8094c9a9-d279-4847-81f4-de08f2454ff1',
        singleBatchChangeIds: [],
      }),
    },
  ];
}
