// DNS change requests (batch changes) in the VinylDNS simulator over loopback HTTP: the list's filters,
// access rule and offset paging, one request with its single changes, and the links between single
// changes and the record set changes they produced (docs/upstreams/vinyldns.md §3.18, §3.19, §3.21).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DELETED_GROUP, GROUPS, OK_ZONE_ID, USERS, VinylDnsSimulator, sandboxZoneId } from '../../src/sandbox/vinyldns/index.js';
import { ADMIN_KEYS, signedGet, type Keys } from '../helpers/vinyldns-http.js';

let sim: VinylDnsSimulator;
let base: string;
const get = (path: string, keys: Keys = ADMIN_KEYS) => signedGet(base, path, keys);
const keysOf = (u: { accessKey: string; secretKey: string }): Keys => ({ accessKey: u.accessKey, secretKey: u.secretKey });
const ALICE = keysOf(USERS.alice);
const RITA = keysOf(USERS.rita);
const LIST = '/zones/batchrecordchanges';
const ids = (items: Array<{ id: string }>) => items.map((i) => i.id);

beforeAll(async () => {
  sim = new VinylDnsSimulator();
  base = await sim.listen();
});

afterAll(() => sim.close());

describe('GET /zones/batchrecordchanges: access (§3.18)', () => {
  it('lists only the caller’s own requests unless a system admin sets ignoreAccess', async () => {
    const all = sim.store.batches.all();
    const own = (await get(`${LIST}?maxItems=100`)).json();
    expect(own.batchChanges.every((b: { userId: string }) => b.userId === USERS.admin.id)).toBe(true);
    expect(own.ignoreAccess).toBe(false);
    const everything = (await get(`${LIST}?ignoreAccess=true&maxItems=100`)).json();
    expect(ids(everything.batchChanges)).toEqual(ids(all.slice(0, 100)));
    expect((await get(`${LIST}?ignoreAccess=true&maxItems=100`, RITA)).json().batchChanges).toHaveLength(100);
  });

  it('ignores ignoreAccess for an ordinary user, but echoes it', async () => {
    const body = (await get(`${LIST}?ignoreAccess=true`, ALICE)).json();
    expect(body.ignoreAccess).toBe(true);
    expect(ids(body.batchChanges)).toEqual(ids(sim.store.batches.all().filter((b) => b.userId === USERS.alice.id)));
  });
});

describe('GET /zones/batchrecordchanges: offset paging', () => {
  it('pages newest first with nextId = startFrom + maxItems, and ends without nextId', async () => {
    const expected = ids(sim.store.batches.all().filter((b) => b.userName === 'carol'));
    const seen: string[] = [];
    let startFrom: number | undefined;
    for (;;) {
      const body = (await get(`${LIST}?ignoreAccess=true&userName=carol&maxItems=7${startFrom === undefined ? '' : `&startFrom=${startFrom}`}`)).json();
      seen.push(...ids(body.batchChanges));
      if (body.nextId === undefined) break;
      expect(body.nextId).toBe((startFrom ?? 0) + 7);
      startFrom = body.nextId;
    }
    expect(seen).toEqual(expected);
  });

  it('answers an empty page past the end, 500 for a negative offset, 400 for maxItems outside 1..100', async () => {
    expect((await get(`${LIST}?startFrom=100000`)).json()).toMatchObject({ batchChanges: [], startFrom: 100000 });
    expect((await get(`${LIST}?startFrom=-1`)).status).toBe(500);
    const tooMany = await signedGet(base, `${LIST}?maxItems=101`, { accessKey: 'nobody', secretKey: 'x' });
    expect([tooMany.status, tooMany.json()]).toEqual([400, 'maxItems was 101, maxItems must be between 1 and 100, inclusive.']);
    expect((await get(`${LIST}?maxItems=`)).json().maxItems).toBe(100);
  });
});

describe('GET /zones/batchrecordchanges: filters', () => {
  const list = async (query: string) => (await get(`${LIST}?ignoreAccess=true&maxItems=100&${query}`)).json();

  it('filters by submitter name, and an empty userName is no filter (echoed as sent)', async () => {
    const bob = await list('userName=bob');
    expect(bob.batchChanges.length).toBeGreaterThan(0);
    expect(bob.batchChanges.every((b: { userName: string }) => b.userName === 'bob')).toBe(true);
    const empty = await list('userName=');
    expect(empty.userName).toBe('');
    expect(empty.batchChanges).toHaveLength(100);
  });

  it('matches approvalStatus case-insensitively and drops an unknown one silently', async () => {
    const pending = await list('approvalStatus=pendingreview');
    expect(pending.approvalStatus).toBe('PendingReview');
    expect(pending.batchChanges.map((b: { status: string }) => b.status).sort()).toEqual([
      'PendingReview',
      'PendingReview',
      'PendingReview',
      'PendingReview',
      'Scheduled',
      'Scheduled',
    ]);
    const bogus = await list('approvalStatus=Approved');
    expect(bogus).not.toHaveProperty('approvalStatus');
    expect(bogus.batchChanges).toHaveLength(100);
  });

  it('applies the date range only with both ends, inclusive, in whole seconds', async () => {
    const at = '2026-03-29 09:30:00';
    const exact = await list(`dateTimeRangeStart=${encodeURIComponent(at)}&dateTimeRangeEnd=${encodeURIComponent(at)}`);
    expect(exact.batchChanges.map((b: { createdTimestamp: string }) => b.createdTimestamp)).toEqual(['2026-03-29T09:30:00Z']);
    expect(exact).toMatchObject({ dateTimeStartRange: at, dateTimeEndRange: at });
    const oneEnd = await list(`dateTimeRangeStart=${encodeURIComponent(at)}`);
    expect(oneEnd.batchChanges).toHaveLength(100);
    const year = await list(`dateTimeRangeStart=2025-01-01%2000:00:00&dateTimeRangeEnd=2025-12-31%2023:59:59&userName=alice`);
    expect(year.batchChanges.length).toBeGreaterThan(0);
    for (const b of year.batchChanges) expect(b.createdTimestamp.startsWith('2025-')).toBe(true);
  });

  it('answers 500 for a quote in a value the repository puts into its SQL', async () => {
    expect((await get(`${LIST}?userName=${encodeURIComponent("o'brien")}`)).status).toBe(500);
  });
});

describe('summaries (§5.13)', () => {
  it('name the reviewer and the owner group when they still resolve', async () => {
    const rejected = (await get(`${LIST}?ignoreAccess=true&approvalStatus=ManuallyRejected`)).json().batchChanges;
    const bobs = rejected.filter((b: { userName: string }) => b.userName === 'bob');
    const old = bobs.find((b: { ownerGroupId: string }) => b.ownerGroupId === DELETED_GROUP.id);
    expect(old).toMatchObject({ status: 'Rejected', reviewerId: USERS.rita.id, reviewerName: 'rita', totalChanges: 1 });
    expect(old).not.toHaveProperty('ownerGroupName');
    const shop = bobs.find((b: { ownerGroupId: string }) => b.ownerGroupId === GROUPS.shopTeam.id);
    expect(shop).toMatchObject({
      ownerGroupName: 'shop-team',
      reviewComment: 'Rejected: shop.example.com is frozen until the sale ends',
      reviewTimestamp: '2025-11-03T15:42:17Z',
    });
  });
});

describe('GET /zones/batchrecordchanges/{id} (§3.19)', () => {
  it('is for its creator and system admins only: not for anyone else, not even by id', async () => {
    const alices = sim.store.batches.all().find((b) => b.userId === USERS.alice.id)!;
    expect((await get(`${LIST}/${alices.id}`, ALICE)).status).toBe(200);
    expect((await get(`${LIST}/${alices.id}`, RITA)).status).toBe(200);
    const carols = sim.store.batches.all().find((b) => b.userId === USERS.carol.id)!;
    const denied = await get(`${LIST}/${carols.id}`, ALICE);
    expect([denied.status, denied.json()]).toEqual([403, `User does not have access to item ${carols.id}`]);
    const missing = await get(`${LIST}/nope`);
    expect([missing.status, missing.json()]).toEqual([404, 'Batch change with id nope cannot be found']);
  });

  it('links every single change that ran to the record set change it produced, and back', async () => {
    const approved = sim.store.batches.all().find((b) => b.approvalStatus === 'ManuallyApproved' && b.changes.length > 1)!;
    const body = (await get(`${LIST}/${approved.id}`)).json();
    expect(body).toMatchObject({ id: approved.id, approvalStatus: 'ManuallyApproved', reviewerUserName: expect.any(String) });
    expect(Date.parse(body.reviewTimestamp)).toBeGreaterThanOrEqual(Date.parse(body.createdTimestamp));
    for (const single of body.changes) {
      const change = (await get(`/zones/${single.zoneId}/recordsets/${single.recordSetId}/changes/${single.recordChangeId}`)).json();
      expect(change.singleBatchChangeIds).toEqual([single.id]);
      expect(change.userId).toBe(body.userId);
      expect(change.recordSet.id).toBe(single.recordSetId);
      expect(Date.parse(change.created)).toBeGreaterThanOrEqual(Date.parse(body.reviewTimestamp) - 1000);
    }
  });

  it('keeps the example payload’s failed requests: the single change carries the failure', async () => {
    const single = '72f09313-9e64-4b9a-9212-02d28592a1da';
    const batch = sim.store.batches.ofSingleChange(single)!;
    const body = (await get(`${LIST}/${batch.id}`)).json();
    expect(body).toMatchObject({ userName: 'ok', status: 'Failed', approvalStatus: 'AutoApproved' });
    expect(body.changes).toEqual([
      expect.objectContaining({
        id: single,
        status: 'Failed',
        recordChangeId: 'f7abdacd-ba33-418f-9e8f-13ac08504914',
        zoneId: OK_ZONE_ID,
        inputName: 'backend-already-exists.ok.',
        systemMessage: expect.stringContaining('Incompatible record already exists in DNS.'),
      }),
    ]);
  });

  it('shows requests that never ran with NeedsReview lines, their errors and no record change ids', async () => {
    const pending = sim.store.batches.all().find((b) => b.userId === 'ok' && b.approvalStatus === 'PendingReview')!;
    const body = (await get(`${LIST}/${pending.id}`)).json();
    expect(body.status).toBe('PendingReview');
    const lost = body.changes.find((c: { inputName: string }) => c.inputName === 'zone-discovery.not-a-zone.test.');
    expect(lost).toMatchObject({ status: 'NeedsReview', zoneName: '', zoneId: '', recordName: '', validationErrors: [{ errorType: 'ZoneDiscoveryError' }] });
    for (const c of body.changes) expect(c).not.toHaveProperty('recordChangeId');
  });
});

describe('seeded batch changes', () => {
  it('cover every seeded record set change that names a single change, once', () => {
    const singles = new Set<string>();
    for (const zone of sim.store.zones()) {
      for (const c of sim.store.failedRecordSetChanges(zone.id).concat(sim.store.recordSetChanges(zone.id).map((i) => sim.store.rsChange(i.id)!.change))) {
        for (const id of c.singleBatchChangeIds ?? []) singles.add(id);
      }
    }
    expect(singles.size).toBeGreaterThan(900);
    for (const id of singles) expect(sim.store.batches.ofSingleChange(id)).toBeDefined();
  });

  it('only carry record types a batch change supports', () => {
    const supported = new Set(['A', 'AAAA', 'CNAME', 'PTR', 'TXT', 'MX', 'NS', 'SRV', 'NAPTR']);
    for (const b of sim.store.batches.all()) for (const c of b.changes) expect(supported.has(c.type)).toBe(true);
    expect(sim.store.recordSetChanges(sandboxZoneId('big.example.org.')).length).toBeGreaterThan(1000);
  });
});

describe('a request landing between pages', () => {
  it('goes on top, shifts the offsets, and lands its record set changes linked to it', async () => {
    const s = new VinylDnsSimulator();
    const b = await s.listen();
    try {
      const zoneId = sandboxZoneId('example.com.');
      const before = (await signedGet(b, `${LIST}?maxItems=3`)).json();
      const landed = s.store.appendBatchChange({ zoneId, changes: 2 });
      const after = (await signedGet(b, `${LIST}?maxItems=3&startFrom=3`)).json();
      expect(after.batchChanges[0].id).toBe(before.batchChanges[2].id);
      expect((await signedGet(b, `${LIST}?maxItems=1`)).json().batchChanges[0]).toMatchObject({ id: landed.id, status: 'Complete', totalChanges: 2 });
      const single = landed.changes[0];
      const change = (await signedGet(b, `/zones/${zoneId}/recordsets/${single.recordSetId}/changes/${single.recordChangeId}`)).json();
      expect(change.singleBatchChangeIds).toEqual([single.id]);
    } finally {
      await s.close();
    }
  });
});
