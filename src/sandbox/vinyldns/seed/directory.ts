// Users and groups of the sandbox. Ids are fixed (they do not depend on the seed). Some ids come from
// the real example payloads in shared/seeds (professor, ok, history-id and the "ok." zone groups).
import { stableUuid } from './prng.js';
import type { SandboxGroup, SandboxUser } from '../types.js';

function user(userName: string, id: string, opts: Partial<Pick<SandboxUser, 'superUser' | 'locked' | 'accessKey' | 'secretKey'>> = {}): SandboxUser {
  return {
    id,
    userName,
    accessKey: opts.accessKey ?? `${userName}-access-key`,
    secretKey: opts.secretKey ?? `${userName}-secret-key`,
    superUser: opts.superUser ?? false,
    locked: opts.locked ?? false,
    groupIds: [],
  };
}

export const USERS = {
  admin: user('sandbox-admin', stableUuid('user:sandbox-admin'), {
    superUser: true, accessKey: 'sandbox-access-key', secretKey: 'sandbox-secret-key',
  }),
  alice: user('alice', stableUuid('user:alice')),
  bob: user('bob', stableUuid('user:bob')),
  carol: user('carol', stableUuid('user:carol')),
  dave: user('dave', stableUuid('user:dave')),
  locked: user('locked-user', stableUuid('user:locked-user'), {
    locked: true, accessKey: 'locked-access-key', secretKey: 'locked-secret-key',
  }),
  // From the example payloads: the functional-test users of the real project.
  professor: user('professor', '83bd9eda-145d-4799-98fb-20d0bf1ed1e1'),
  ok: user('ok', 'ok', { accessKey: 'okAccessKey', secretKey: 'okSecretKey' }),
  history: user('history-user', 'history-id'),
  ashah: user('ashah403', '6741d4df-81b7-40bd-9856-896c730c189b'),
} satisfies Record<string, SandboxUser>;

function group(name: string, id: string, members: SandboxUser[]): SandboxGroup {
  return { id, name, email: `${name}@groups.example.com`, memberIds: members.map((u) => u.id) };
}

const U = USERS;
export const GROUPS = {
  ok: group('ok-group', '7611734a-8409-4827-9e8b-960d115b9f9c', [U.ok, U.ashah, U.professor]),
  okLegacy: group('ok-legacy-group', 'fc080a97-ead6-4869-b32f-2b97fd27e1ab', [U.ok]),
  professor: group('professor-group', '7e56dfdf-df1b-4a39-a3e1-2977db13a1fd', [U.professor]),
  history: group('history-group', '67b4da23-6832-4600-8450-9fa0664caeeb', [U.history]),
  exampleAdmins: group('example-admins', stableUuid('group:example-admins'), [U.alice, U.bob]),
  dnsReaders: group('dns-readers', stableUuid('group:dns-readers'), [U.dave]),
  shopTeam: group('shop-team', stableUuid('group:shop-team'), [U.bob]),
  acmeOps: group('acme-ops', stableUuid('group:acme-ops'), [U.alice, U.carol]),
  mailOps: group('mail-ops', stableUuid('group:mail-ops'), [U.dave, U.carol]),
  netops: group('netops', stableUuid('group:netops'), [U.bob]),
  corpIt: group('corp-it', stableUuid('group:corp-it'), [U.bob]),
  platform: group('platform', stableUuid('group:platform'), [U.carol, U.dave]),
} satisfies Record<string, SandboxGroup>;

/** Fresh copies of the directory, with each user's groupIds filled in from the group memberships. */
export function buildDirectory(): { users: SandboxUser[]; groups: SandboxGroup[] } {
  const groups = Object.values(GROUPS).map((g) => ({ ...g, memberIds: [...g.memberIds] }));
  const users = Object.values(USERS).map((u) => ({
    ...u,
    groupIds: groups.filter((g) => g.memberIds.includes(u.id)).map((g) => g.id),
  }));
  return { users, groups };
}
