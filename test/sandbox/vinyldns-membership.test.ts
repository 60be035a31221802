// Users, groups, group members and group activity of the VinylDNS simulator over loopback HTTP, each
// behaviour as docs/upstreams/vinyldns.md §3.13–§3.17 reads it from the server's source.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DELETED_GROUP, FORMER_USER_ID, GROUPS, USERS, VinylDnsSimulator } from '../../src/sandbox/vinyldns/index.js';
import { ADMIN_KEYS, signedGet, type Keys } from '../helpers/vinyldns-http.js';

let sim: VinylDnsSimulator;
let base: string;
const get = (path: string, keys: Keys = ADMIN_KEYS) => signedGet(base, path, keys);
const keysOf = (u: { accessKey: string; secretKey: string }): Keys => ({ accessKey: u.accessKey, secretKey: u.secretKey });
const ALICE = keysOf(USERS.alice);
const DAVE = keysOf(USERS.dave);
const RITA = keysOf(USERS.rita);
const PLATFORM = GROUPS.platform.id;

beforeAll(async () => {
  sim = new VinylDnsSimulator();
  base = await sim.listen();
});

afterAll(() => sim.close());

describe('GET /users/{id} (§3.13)', () => {
  it('answers id, user name and group ids only: no names, no email', async () => {
    const res = await get(`/users/${USERS.alice.id}`, DAVE);
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ id: USERS.alice.id, userName: 'alice', groupId: [GROUPS.exampleAdmins.id, GROUPS.acmeOps.id] });
  });

  it('also finds a user by user name, the form AutomatedSync changes carry as their userId', async () => {
    expect((await get('/users/ashah403')).json()).toMatchObject({ id: USERS.ashah.id, userName: 'ashah403' });
  });

  it('answers 404 with a JSON string for an id that resolves to nobody, such as "system"', async () => {
    const res = await get('/users/system');
    expect([res.status, res.type, res.json()]).toEqual([404, 'application/json', 'User system was not found']);
    expect((await get(`/users/${FORMER_USER_ID}`)).status).toBe(404);
  });
});

describe('GET /groups/{id} (§3.14)', () => {
  it('answers GroupInfo to any signed-in user, members and admins as {id} objects', async () => {
    const res = await get(`/groups/${PLATFORM}`, ALICE);
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({
      id: PLATFORM,
      name: 'platform',
      email: 'platform@groups.example.com',
      description: GROUPS.platform.description,
      created: '2019-07-25T10:00:00Z',
      status: 'Active',
      members: [{ id: USERS.carol.id }, { id: USERS.dave.id }],
      admins: [{ id: USERS.carol.id }],
    });
  });

  it('answers 404 for a deleted group', async () => {
    const res = await get(`/groups/${DELETED_GROUP.id}`);
    expect([res.status, res.json()]).toEqual([404, `Group with ID ${DELETED_GROUP.id} was not found`]);
  });
});

describe('GET /groups/{id}/members (§3.15)', () => {
  it('is where names and email appear, ordered by id, for any signed-in user', async () => {
    const res = await get(`/groups/${GROUPS.ok.id}/members`, ALICE);
    const members = res.json().members;
    expect(members.map((m: { id: string }) => m.id)).toEqual([USERS.ashah.id, USERS.professor.id, USERS.ok.id].sort());
    expect(members.find((m: { id: string }) => m.id === USERS.ashah.id)).toEqual({
      id: USERS.ashah.id,
      userName: 'ashah403',
      firstName: 'Aarav',
      lastName: 'Shah',
      email: 'ashah@example.com',
      created: '2023-05-30T09:12:44Z',
      isAdmin: false,
      lockStatus: 'Unlocked',
    });
    expect(members.find((m: { id: string }) => m.id === 'ok')).toMatchObject({ userName: 'ok', isAdmin: true });
    expect(members.find((m: { id: string }) => m.id === 'ok')).not.toHaveProperty('email');
  });

  it('pages by an exclusive id key: nextId is the last id of a full page', async () => {
    const first = (await get(`/groups/${GROUPS.ok.id}/members?maxItems=2`)).json();
    expect(first.nextId).toBe(first.members[1].id);
    const second = (await get(`/groups/${GROUPS.ok.id}/members?maxItems=2&startFrom=${first.nextId}`)).json();
    expect(second.members).toHaveLength(1);
    expect(second).not.toHaveProperty('nextId');
    expect(second.startFrom).toBe(first.nextId);
  });

  it('allows up to 1000 items', async () => {
    expect((await get(`/groups/${PLATFORM}/members?maxItems=1000`)).status).toBe(200);
    const res = await get(`/groups/${PLATFORM}/members?maxItems=1001`);
    expect([res.status, res.json()]).toEqual([400, 'maxItems was 1001, maxItems must be between 0 exclusive and 1000 inclusive']);
  });
});

describe('GET /groups/{id}/activity (§3.16)', () => {
  const walk = async (maxItems: number, keys: Keys = ADMIN_KEYS) => {
    const ids: string[] = [];
    let startFrom: number | undefined;
    for (;;) {
      const body = (await get(`/groups/${PLATFORM}/activity?maxItems=${maxItems}${startFrom === undefined ? '' : `&startFrom=${startFrom}`}`, keys)).json();
      ids.push(...body.changes.map((c: { id: string }) => c.id));
      if (body.nextId === undefined) return ids;
      expect(body.nextId).toBe((startFrom ?? 0) + maxItems);
      startFrom = body.nextId;
    }
  };

  it('pages newest first by offset, nextId = startFrom + maxItems, and ends on the Create', async () => {
    const expected = sim.store.membership.groupChanges(PLATFORM).map((c) => c.id);
    expect(expected.length).toBeGreaterThan(100);
    expect(await walk(7)).toEqual(expected);
    expect(await walk(100, DAVE)).toEqual(expected);
    const last = (await get(`/groups/${PLATFORM}/activity?startFrom=${expected.length - 1}`)).json();
    expect(last.changes.map((c: { changeType: string; groupChangeMessage: string }) => [c.changeType, c.groupChangeMessage])).toEqual([
      ['Create', 'Group Created.'],
    ]);
    expect((await get(`/groups/${PLATFORM}/activity?startFrom=5000`)).json()).toEqual({ changes: [], startFrom: 5000, maxItems: 100 });
  });

  it('shows each change as GroupChangeInfo with the server’s message and a millisecond created', async () => {
    const changes = (await get(`/groups/${GROUPS.netops.id}/activity`)).json().changes;
    const update = changes.find((c: { changeType: string }) => c.changeType === 'Update');
    expect(Object.keys(update)).toEqual(['newGroup', 'changeType', 'userId', 'oldGroup', 'id', 'created', 'userName', 'groupChangeMessage']);
    for (const c of changes) expect(c.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?Z$/);
    expect(changes.some((c: { created: string }) => /\.\d{3}Z$/.test(c.created))).toBe(true);
    const byFormer = changes.find((c: { userId: string }) => c.userId === FORMER_USER_ID);
    expect(byFormer.userName).toBe('unknown user');
    expect(changes.map((c: { groupChangeMessage: string }) => c.groupChangeMessage)).toContain("Group member/s with user name/s 'max.contractor' removed.");
    expect(changes.some((c: { groupChangeMessage: string }) => c.groupChangeMessage.includes("'unknown user'"))).toBe(true);
  });

  it('is for members and system admins only, and does not check that the group exists', async () => {
    const denied = await get(`/groups/${PLATFORM}/activity`, ALICE);
    expect([denied.status, denied.json()]).toEqual([403, 'Not authorized']);
    expect((await get(`/groups/${PLATFORM}/activity`, RITA)).status).toBe(200);
    expect((await get('/groups/no-such-group/activity')).json()).toEqual({ changes: [], maxItems: 100 });
    expect((await get('/groups/no-such-group/activity', ALICE)).status).toBe(403);
  });

  it('keeps the activity of a deleted group, ending with its Delete, for system admins', async () => {
    const changes = (await get(`/groups/${DELETED_GROUP.id}/activity`)).json().changes;
    expect(changes[0]).toMatchObject({ changeType: 'Delete', groupChangeMessage: 'Group Deleted.', userName: 'sandbox-admin' });
    expect(changes[0].newGroup.status).toBe('Active');
    expect(changes.at(-1).changeType).toBe('Create');
  });

  it('validates maxItems against 1..1000 with its own text, before authentication', async () => {
    expect((await get(`/groups/${PLATFORM}/activity?maxItems=1000`)).status).toBe(200);
    const res = await signedGet(base, `/groups/${PLATFORM}/activity?maxItems=0`, { accessKey: 'nobody', secretKey: 'x' });
    expect([res.status, res.json()]).toEqual([400, 'maxItems was 0, maxItems must be between 0 and 1000']);
  });
});

describe('GET /groups/change/{id} (§3.17)', () => {
  it('answers one change to members and admins, and 400 (not 404) for an unknown id', async () => {
    const change = sim.store.membership.groupChanges(GROUPS.exampleAdmins.id)[0];
    expect((await get(`/groups/change/${change.id}`, ALICE)).json()).toMatchObject({ id: change.id, newGroup: { id: GROUPS.exampleAdmins.id } });
    expect((await get(`/groups/change/${change.id}`, DAVE)).status).toBe(403);
    const missing = await get('/groups/change/nope');
    expect([missing.status, missing.json()]).toEqual([400, 'Invalid Group Change ID']);
  });
});

describe('seeded group histories', () => {
  it('chain each change to the one before and end in the current group', () => {
    const { membership } = sim.store;
    for (const group of [...sim.store.groups, DELETED_GROUP]) {
      const changes = [...membership.groupChanges(group.id)].reverse();
      expect(changes[0].changeType).toBe('Create');
      for (let i = 1; i < changes.length; i++) {
        if (changes[i].oldGroup) expect(changes[i].oldGroup).toEqual(changes[i - 1].newGroup);
        expect(changes[i].createdMs).toBeGreaterThan(changes[i - 1].createdMs);
      }
      const last = changes.at(-1)!.newGroup;
      expect([last.name, last.email, last.description, last.memberIds, last.adminIds]).toEqual([
        group.name,
        group.email,
        group.description,
        group.memberIds,
        group.adminIds,
      ]);
    }
  });
});

describe('a group change landing between pages', () => {
  it('goes on top and shifts the offsets of the pages after it', async () => {
    const s = new VinylDnsSimulator();
    const b = await s.listen();
    try {
      const before = (await signedGet(b, `/groups/${GROUPS.acmeOps.id}/activity?maxItems=3`)).json();
      const landed = s.store.membership.updateGroup(GROUPS.acmeOps.id, { addMemberIds: [USERS.dave.id] });
      const after = (await signedGet(b, `/groups/${GROUPS.acmeOps.id}/activity?maxItems=3&startFrom=3`)).json();
      expect(after.changes[0].id).toBe(before.changes[2].id);
      const top = (await signedGet(b, `/groups/${GROUPS.acmeOps.id}/activity?maxItems=1`)).json().changes[0];
      expect(top).toMatchObject({ id: landed.id, groupChangeMessage: "Group member/s with user name/s 'dave' added." });
      expect((await signedGet(b, `/users/${USERS.dave.id}`)).json().groupId).toContain(GROUPS.acmeOps.id);
    } finally {
      await s.close();
    }
  });
});
