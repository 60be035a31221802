// Who made a change: `Change.actor` shows the VinylDNS user name where the id resolves, and
// `user` gives the person; both go through one per-request loader, so a page of changes costs one
// user read per distinct person, however many changes each made.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const store = () => stack.sandbox.vinyldns.store;

describe('people behind changes', () => {
  it('resolves 100 changes by 7 distinct users with 7 user reads', async () => {
    const zone = store().addZone('people-100.example.', { createdMs: Date.UTC(2024, 0, 1) });
    // Six real users and `system`, which resolves to nobody (actor falls back to the id).
    const users = store().users.slice(0, 6);
    const actors = [...users.map((u) => u.id), 'system'];
    for (let k = 0; k < 100; k++) store().appendZoneChange(zone.id, { createdMs: Date.UTC(2024, 0, 1) + k * 1000, userId: actors[k % 7] });
    const before = stack.sandbox.vinyldns.count({ pathPrefix: '/users/' });
    const res = await stack.gql(`query($id: String!) { zone(zoneId: $id) { changes(first: 100) { nodes { actor userId user { userId userName } } } } }`, {
      id: zone.id,
    });
    expect(res.errors).toBeUndefined();
    expect(stack.sandbox.vinyldns.count({ pathPrefix: '/users/' }) - before).toBe(7);
    const nodes = res.data.zone.changes.nodes as Array<{ actor: string; userId: string; user: { userId: string; userName: string } | null }>;
    expect(nodes).toHaveLength(100);
    const byId = new Map(users.map((u) => [u.id, u.userName]));
    for (const n of nodes) {
      if (n.userId === 'system') {
        expect(n).toEqual({ actor: 'system', userId: 'system', user: null });
      } else {
        expect(n.actor).toBe(byId.get(n.userId));
        expect(n.user).toEqual({ userId: n.userId, userName: byId.get(n.userId) });
      }
    }
  });

  it('reads a user by name or id, and by its global id', async () => {
    const bob = store().users.find((u) => u.userName === 'bob')!;
    const res = await stack.gql(
      `{ byName: user(idOrName: "bob") { id userId userName groupIds } byId: user(idOrName: "${bob.id}") { userName } nobody: user(idOrName: "system") { id } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.byName).toMatchObject({ userId: bob.id, userName: 'bob' });
    expect(res.data.byName.groupIds.length).toBeGreaterThan(0);
    expect(res.data.byId).toEqual({ userName: 'bob' });
    expect(res.data.nobody).toBeNull();
    const again = await stack.gql(`query($id: ID!) { node(id: $id) { __typename ... on User { userName } } }`, { id: res.data.byName.id });
    expect(again.data.node).toEqual({ __typename: 'User', userName: 'bob' });
  });

  it('rejects an empty user name', async () => {
    const res = await stack.gql(`{ user(idOrName: " ") { id } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('filters the merged feed by user name or id, zone changes included (they record only the id)', async () => {
    const zone = store().addZone('people-feed.example.', { createdMs: Date.UTC(2024, 1, 1) });
    const [alice, bob] = ['alice', 'bob'].map((n) => store().users.find((u) => u.userName === n)!);
    for (let k = 0; k < 6; k++) store().appendZoneChange(zone.id, { createdMs: Date.UTC(2024, 1, 1) + k * 1000, userId: (k % 2 ? alice : bob).id });
    const feed = `query($actor: String) { changes(domain: "people-feed.example", providers: [VINYLDNS], actor: $actor, first: 50) { nodes { actor } } }`;
    for (const actor of ['alice', 'ALICE', alice.id]) {
      const res = await stack.gql(feed, { actor });
      expect(res.errors).toBeUndefined();
      expect(res.data.changes.nodes).toEqual(Array(3).fill({ actor: 'alice' }));
    }
    const none = await stack.gql(feed, { actor: 'nobody-at-all' });
    expect(none.data.changes.nodes).toEqual([]);
  });
});
