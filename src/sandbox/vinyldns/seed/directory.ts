// Users and groups of the sandbox. Ids are fixed (they do not depend on the seed). Some ids come from
// the real example payloads in shared/seeds (professor, ok, history-id and the "ok." zone groups).
// Every user id that a seeded change carries resolves to one of these users, except "system" (the
// server's own sync actor, which resolves to nobody on the real server either).
import { timestampMs as at } from '../time.js';
import { stableUuid } from './prng.js';
import type { SandboxGroup, SandboxUser } from '../types.js';

type UserOptions = Partial<
  Pick<SandboxUser, 'superUser' | 'supportUser' | 'locked' | 'isTest' | 'accessKey' | 'secretKey' | 'firstName' | 'lastName' | 'email'>
> & { created?: string };

function user(userName: string, id: string, opts: UserOptions = {}): SandboxUser {
  return {
    id,
    userName,
    accessKey: opts.accessKey ?? `${userName}-access-key`,
    secretKey: opts.secretKey ?? `${userName}-secret-key`,
    superUser: opts.superUser ?? false,
    supportUser: opts.supportUser ?? false,
    locked: opts.locked ?? false,
    isTest: opts.isTest ?? false,
    ...(opts.firstName === undefined ? {} : { firstName: opts.firstName }),
    ...(opts.lastName === undefined ? {} : { lastName: opts.lastName }),
    ...(opts.email === undefined ? {} : { email: opts.email }),
    createdMs: at(opts.created ?? '2019-01-07T09:00:00Z', 412),
    groupIds: [],
  };
}

export const USERS = {
  admin: user('sandbox-admin', stableUuid('user:sandbox-admin'), {
    superUser: true,
    accessKey: 'sandbox-access-key',
    secretKey: 'sandbox-secret-key',
    firstName: 'Sandbox',
    lastName: 'Administrator',
    email: 'dns-admin@sandbox.example',
    created: '2019-01-02T08:00:00Z',
  }),
  alice: user('alice', stableUuid('user:alice'), { firstName: 'Alice', lastName: 'Ng', email: 'alice.ng@example.com', created: '2020-06-15T13:20:41Z' }),
  bob: user('bob', stableUuid('user:bob'), { firstName: 'Bob', lastName: 'Marsh', email: 'bob.marsh@example.com', created: '2019-11-04T10:02:13Z' }),
  carol: user('carol', stableUuid('user:carol'), { firstName: 'Carol', lastName: 'Díaz', email: 'carol.diaz@example.org', created: '2019-07-22T07:45:00Z' }),
  dave: user('dave', stableUuid('user:dave'), { firstName: 'Dave', lastName: 'Kim', email: 'dave.kim@example.org', created: '2019-07-22T07:51:36Z' }),
  locked: user('locked-user', stableUuid('user:locked-user'), {
    locked: true,
    accessKey: 'locked-access-key',
    secretKey: 'locked-secret-key',
    firstName: 'Lee',
    lastName: 'Locke',
    email: 'lee.locke@example.com',
  }),
  // From the example payloads: the functional-test users of the real project (no names, as there).
  professor: user('professor', '83bd9eda-145d-4799-98fb-20d0bf1ed1e1', { created: '2020-11-17T18:40:02Z' }),
  ok: user('ok', 'ok', { accessKey: 'okAccessKey', secretKey: 'okSecretKey', created: '2020-11-17T18:40:00Z' }),
  history: user('history-user', 'history-id', { created: '2016-12-30T15:30:00Z' }),
  ashah: user('ashah403', '6741d4df-81b7-40bd-9856-896c730c189b', {
    firstName: 'Aarav',
    lastName: 'Shah',
    email: 'ashah@example.com',
    created: '2023-05-30T09:12:44Z',
  }),
  // A support user (system admin without super): reviews DNS change requests and submits some of her own.
  rita: user('rita', stableUuid('user:rita'), {
    supportUser: true,
    firstName: 'Rita',
    lastName: 'Okafor',
    email: 'rita.okafor@example.com',
    created: '2020-02-10T11:00:00Z',
  }),
  // Contractors who came and went through the groups' membership.
  sam: user('sam.contractor', stableUuid('user:sam.contractor'), {
    firstName: 'Sam',
    lastName: 'Reyes',
    email: 'sam@contractor.example',
    created: '2021-09-01T08:30:00Z',
  }),
  jo: user('jo.contractor', stableUuid('user:jo.contractor'), {
    firstName: 'Jo',
    lastName: 'Park',
    email: 'jo@contractor.example',
    created: '2022-01-10T14:00:00Z',
  }),
  max: user('max.contractor', stableUuid('user:max.contractor'), {
    firstName: 'Max',
    lastName: 'Weber',
    email: 'max@contractor.example',
    created: '2022-04-04T09:15:00Z',
  }),
  tess: user('tess.qa', stableUuid('user:tess.qa'), {
    isTest: true,
    firstName: 'Tess',
    lastName: 'Quinn',
    email: 'tess.qa@example.com',
    created: '2023-02-20T16:45:00Z',
  }),
} satisfies Record<string, SandboxUser>;

/** An id that changes still carry but that no longer resolves to a user (a departed employee). */
export const FORMER_USER_ID = stableUuid('user:former-employee');

function group(name: string, id: string, members: SandboxUser[], opts: { admins?: SandboxUser[]; description?: string; created: string }): SandboxGroup {
  const admins = opts.admins ?? members.slice(0, 1);
  return {
    id,
    name,
    email: `${name}@groups.example.com`,
    ...(opts.description === undefined ? {} : { description: opts.description }),
    createdMs: at(opts.created, 731),
    memberIds: members.map((u) => u.id),
    adminIds: admins.map((u) => u.id),
  };
}

const U = USERS;
export const GROUPS = {
  ok: group('ok-group', '7611734a-8409-4827-9e8b-960d115b9f9c', [U.ok, U.ashah, U.professor], {
    created: '2020-11-17T18:41:05Z',
    description: 'functional test group',
  }),
  okLegacy: group('ok-legacy-group', 'fc080a97-ead6-4869-b32f-2b97fd27e1ab', [U.ok], { created: '2020-11-17T18:41:09Z' }),
  professor: group('professor-group', '7e56dfdf-df1b-4a39-a3e1-2977db13a1fd', [U.professor], { created: '2020-11-17T18:41:12Z' }),
  history: group('history-group', '67b4da23-6832-4600-8450-9fa0664caeeb', [U.history], { created: '2016-12-30T15:35:10Z' }),
  exampleAdmins: group('example-admins', stableUuid('group:example-admins'), [U.alice, U.bob], {
    admins: [U.alice, U.bob],
    created: '2021-03-10T09:00:00Z',
    description: 'Owners of example.com',
  }),
  dnsReaders: group('dns-readers', stableUuid('group:dns-readers'), [U.dave], {
    created: '2021-03-11T12:30:00Z',
    description: 'Read-only access for auditors',
  }),
  shopTeam: group('shop-team', stableUuid('group:shop-team'), [U.bob], { created: '2022-04-28T15:10:00Z' }),
  acmeOps: group('acme-ops', stableUuid('group:acme-ops'), [U.alice, U.carol], { created: '2020-12-01T10:00:00Z', description: 'Acme operations' }),
  mailOps: group('mail-ops', stableUuid('group:mail-ops'), [U.dave, U.carol], { created: '2022-05-01T08:00:00Z' }),
  netops: group('netops', stableUuid('group:netops'), [U.bob], { created: '2019-12-02T09:30:00Z', description: 'Network operations' }),
  corpIt: group('corp-it', stableUuid('group:corp-it'), [U.bob], { created: '2020-01-27T08:00:00Z', description: 'Corporate IT' }),
  platform: group('platform', stableUuid('group:platform'), [U.carol, U.dave], {
    admins: [U.carol],
    created: '2019-07-25T10:00:00Z',
    description: 'Platform engineering: big.example.org and the CDN aliases',
  }),
} satisfies Record<string, SandboxGroup>;

/** A group deleted long ago: its activity is still stored, but the group itself answers 404. */
export const DELETED_GROUP = group('legacy-dns', stableUuid('group:legacy-dns'), [U.bob, U.carol], {
  created: '2019-08-01T09:00:00Z',
  description: 'The old DNS team, merged into platform',
});

/** Fresh copies of the directory, with each user's groupIds filled in from the group memberships. */
export function buildDirectory(): { users: SandboxUser[]; groups: SandboxGroup[] } {
  const groups = Object.values(GROUPS).map((g) => ({ ...g, memberIds: [...g.memberIds], adminIds: [...g.adminIds] }));
  const users = Object.values(USERS).map((u) => ({
    ...u,
    groupIds: groups.filter((g) => g.memberIds.includes(u.id)).map((g) => g.id),
  }));
  return { users, groups };
}
