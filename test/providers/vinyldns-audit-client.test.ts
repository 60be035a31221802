// The VinylDnsClient methods of the audit trail (users, groups, group activity, batch changes, deleted
// zones) against the simulator over loopback: what comes back, what is refused before sending, how
// errors map, that no TSIG key survives, and that walking each list by its own paging rule yields every
// item exactly once in the endpoint's order (docs/upstreams/vinyldns.md §3.13–§3.21).
import { UNMETERED } from '../../src/providers/budget.js';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BadUserInputError, UpstreamError, type ErrorCode } from '../../src/errors.js';
import { HttpUpstream } from '../../src/providers/http.js';
import { batchDateTime } from '../../src/providers/vinyldns/audit-params.js';
import { VinylDnsClient } from '../../src/providers/vinyldns/client.js';
import { DELETED_GROUP, GROUPS, USERS, VinylDnsSimulator } from '../../src/sandbox/vinyldns/index.js';

const sim = new VinylDnsSimulator();
const upstreams: HttpUpstream[] = [];
let base: string;
let admin: VinylDnsClient;
let alice: VinylDnsClient;

function clientFor(user: { accessKey: string; secretKey: string }): VinylDnsClient {
  const upstream = new HttpUpstream('VINYLDNS', base, { timeoutMs: 5000, retries: 0, breaker: { failureThreshold: 1000 } });
  upstreams.push(upstream);
  return new VinylDnsClient(upstream, { accessKey: user.accessKey, secretKey: user.secretKey }, { budget: UNMETERED });
}

async function failure(promise: Promise<unknown>, code: ErrorCode): Promise<UpstreamError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UpstreamError);
  expect((error as UpstreamError).code).toBe(code);
  expect((error as UpstreamError).provider).toBe('VINYLDNS');
  return error as UpstreamError;
}

async function refused(promise: Promise<unknown>): Promise<BadUserInputError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BadUserInputError);
  expect(sim.log).toHaveLength(0);
  return error as BadUserInputError;
}

beforeAll(async () => {
  base = await sim.listen();
  admin = clientFor(USERS.admin);
  alice = clientFor(USERS.alice);
});

afterEach(() => sim.clearLog());

afterAll(async () => {
  await Promise.all(upstreams.map((u) => u.close()));
  await sim.close();
});

describe('people and groups', () => {
  it('reads a user by id and by user name, and null for an id nobody has', async () => {
    expect(await alice.getUser(USERS.bob.id)).toEqual({
      id: USERS.bob.id,
      userName: 'bob',
      groupId: [GROUPS.exampleAdmins.id, GROUPS.shopTeam.id, GROUPS.netops.id, GROUPS.corpIt.id],
    });
    expect(await admin.getUser('ashah403')).toMatchObject({ id: USERS.ashah.id });
    expect(await admin.getUser('system')).toBeNull();
  });

  it('reads a group, null once deleted, and its members with names and email', async () => {
    expect(await alice.getGroup(GROUPS.platform.id)).toMatchObject({ name: 'platform', admins: [{ id: USERS.carol.id }] });
    expect(await admin.getGroup(DELETED_GROUP.id)).toBeNull();
    const members = await alice.listGroupMembers(GROUPS.platform.id, { maxItems: 100 });
    expect(members?.members.map((m) => [m.userName, m.firstName, m.email, m.isAdmin]).sort()).toEqual([
      ['carol', 'Carol', 'carol.diaz@example.org', true],
      ['dave', 'Dave', 'dave.kim@example.org', false],
    ]);
    expect(await admin.listGroupMembers(DELETED_GROUP.id, { maxItems: 10 })).toBeNull();
  });

  it('reads group activity as a member or admin; FORBIDDEN otherwise', async () => {
    const page = await admin.listGroupActivity(GROUPS.platform.id, { maxItems: 5 });
    expect(page).toMatchObject({ maxItems: 5, nextId: 5 });
    expect(page.changes[0]).toMatchObject({ changeType: 'Update', newGroup: { id: GROUPS.platform.id } });
    const e = await failure(alice.listGroupActivity(GROUPS.platform.id, { maxItems: 5 }), 'FORBIDDEN');
    expect(e.message).toBe('VinylDNS denied access to this resource');
  });

  it('reads one group change, and null for an unknown id although the server answers 400', async () => {
    const id = sim.store.membership.groupChanges(GROUPS.netops.id)[0].id;
    expect(await admin.getGroupChange(id)).toMatchObject({ id, userName: expect.any(String) });
    expect(await admin.getGroupChange('nope')).toBeNull();
  });
});

describe('DNS change requests', () => {
  it('passes the filters through and reads one request with its single changes', async () => {
    const list = await admin.listBatchChanges({ userName: 'alice', approvalStatus: 'ManuallyRejected', ignoreAccess: true, maxItems: 10 });
    expect(list.batchChanges).toHaveLength(1);
    expect(list.batchChanges[0]).toMatchObject({ userName: 'alice', status: 'Rejected', reviewerName: 'sandbox-admin' });
    expect(sim.log[0].query).toEqual({ userName: 'alice', approvalStatus: 'ManuallyRejected', ignoreAccess: 'true', maxItems: '10' });
    const one = await admin.getBatchChange(list.batchChanges[0].id);
    expect(one?.changes[0]).toMatchObject({ inputName: 'v6.acme.io.', status: 'Rejected', validationErrors: [{ errorType: 'RecordRequiresManualReview' }] });
  });

  it('sends a date range in the form MySQL reads, both ends inclusive', async () => {
    const list = await admin.listBatchChanges({
      ignoreAccess: true,
      dateTimeRangeStart: batchDateTime(Date.parse('2026-03-29T09:30:00Z')),
      dateTimeRangeEnd: '2026-03-29 09:30:00',
      maxItems: 100,
    });
    expect(list.batchChanges.map((b) => b.createdTimestamp)).toEqual(['2026-03-29T09:30:00Z']);
  });

  it('leaves ignoreAccess out when false, so ordinary users get their own requests', async () => {
    const own = await alice.listBatchChanges({ maxItems: 100, ignoreAccess: false });
    expect(own.batchChanges.every((b) => b.userId === USERS.alice.id)).toBe(true);
    expect(sim.log[0].query).toEqual({ maxItems: '100' });
  });

  it('refuses before sending what the server would misread: unknown status, one date end, quotes, other date forms', async () => {
    await refused(admin.listBatchChanges({ approvalStatus: 'Approved', maxItems: 10 }));
    await refused(admin.listBatchChanges({ dateTimeRangeStart: '2026-01-01 00:00:00', maxItems: 10 }));
    await refused(admin.listBatchChanges({ userName: "o'brien", maxItems: 10 }));
    const e = await refused(admin.listBatchChanges({ dateTimeRangeStart: '2026-01-01T00:00:00Z', dateTimeRangeEnd: '2026-02-01 00:00:00', maxItems: 10 }));
    expect(e.message).toContain('"2026-01-01T00:00:00Z"');
  });

  it('answers null for a missing request and FORBIDDEN for someone else’s', async () => {
    expect(await admin.getBatchChange('nope')).toBeNull();
    const carols = sim.store.batches.all().find((b) => b.userId === USERS.carol.id)!;
    await failure(alice.getBatchChange(carols.id), 'FORBIDDEN');
  });
});

describe('deleted zones', () => {
  it('lists them with every TSIG key stripped', async () => {
    const list = await admin.listDeletedZones({ maxItems: 100 });
    expect(list.zonesDeletedInfo.length).toBeGreaterThan(20);
    const legacy = list.zonesDeletedInfo.find((i) => i.zoneChange.zone.name === 'legacy.example.com.')!;
    expect(legacy.zoneChange.zone.connection).toMatchObject({ keyName: 'vinyldns.', primaryServer: '10.9.0.53' });
    expect(legacy.zoneChange.zone.connection).not.toHaveProperty('key');
    expect(JSON.stringify(list)).not.toContain('OBF:1:');
  });

  it('refuses a name filter that would reach the SQL unescaped', async () => {
    await refused(admin.listDeletedZones({ nameFilter: "x' OR '1'='1", maxItems: 10 }));
  });
});

// ---- Walking each list by its own paging rule ----

const SIZES = fc.oneof(fc.constantFrom(1, 7, 100), fc.integer({ min: 1, max: 100 }));
const RUNS = { numRuns: 4, examples: [[1], [7], [100]] as [number][] };

async function walkOffsets<T>(page: (startFrom: number | undefined) => Promise<{ items: T[]; nextId?: number }>): Promise<T[]> {
  const out: T[] = [];
  let startFrom: number | undefined;
  for (let guard = 0; guard < 2000; guard++) {
    const { items, nextId } = await page(startFrom);
    out.push(...items);
    if (nextId === undefined) return out;
    startFrom = nextId;
  }
  throw new Error('the walk did not end');
}

describe('paging walks (sizes 1, 7, 100 and random)', { timeout: 60_000 }, () => {
  it('group activity: offsets, newest first', async () => {
    const expected = sim.store.membership.groupChanges(GROUPS.platform.id).map((c) => c.id);
    await fc.assert(
      fc.asyncProperty(SIZES, async (size) => {
        const ids = await walkOffsets(async (startFrom) => {
          const p = await admin.listGroupActivity(GROUPS.platform.id, { startFrom, maxItems: size });
          return { items: p.changes.map((c) => c.id), nextId: p.nextId };
        });
        expect(ids).toEqual(expected);
      }),
      RUNS,
    );
  });

  it('batch changes: offsets, newest first', async () => {
    const expected = sim.store.batches.all().map((b) => b.id);
    await fc.assert(
      fc.asyncProperty(SIZES, async (size) => {
        const ids = await walkOffsets(async (startFrom) => {
          const p = await admin.listBatchChanges({ ignoreAccess: true, startFrom, maxItems: size });
          return { items: p.batchChanges.map((b) => b.id), nextId: p.nextId };
        });
        expect(ids).toEqual(expected);
      }),
      RUNS,
    );
  });

  it('deleted zones: an inclusive zone-id key, newest first', async () => {
    const expected = (await admin.listDeletedZones({ maxItems: 100 })).zonesDeletedInfo.map((i) => i.zoneChange.id);
    await fc.assert(
      fc.asyncProperty(SIZES, async (size) => {
        const ids: string[] = [];
        let startFrom: string | undefined;
        for (;;) {
          const p = await admin.listDeletedZones({ startFrom, maxItems: size });
          ids.push(...p.zonesDeletedInfo.map((i) => i.zoneChange.id));
          if (p.nextId === undefined) break;
          startFrom = p.nextId;
        }
        expect(ids).toEqual(expected);
      }),
      RUNS,
    );
  });

  it('group members: an exclusive id key, by id', async () => {
    const expected = [USERS.ok.id, USERS.ashah.id, USERS.professor.id].sort();
    await fc.assert(
      fc.asyncProperty(SIZES, async (size) => {
        const ids: string[] = [];
        let startFrom: string | undefined;
        for (;;) {
          const p = (await admin.listGroupMembers(GROUPS.ok.id, { startFrom, maxItems: size }))!;
          ids.push(...p.members.map((m) => m.id));
          if (p.nextId === undefined) break;
          startFrom = p.nextId;
        }
        expect(ids).toEqual(expected);
      }),
      RUNS,
    );
  });
});
