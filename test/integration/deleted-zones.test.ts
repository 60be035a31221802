// Deleted zones through GraphQL: every abandoned zone once, in order, at any page size and while
// more zones are deleted; each with who deleted it, its admin group and its last state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectionQuery, walk, type ConnectionUnderTest } from '../helpers/connections.js';
import { startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const store = () => stack.sandbox.vinyldns.store;
const list: ConnectionUnderTest = {
  name: 'Query.deletedZones',
  query: connectionQuery('%FIELD%', 'deletedZones', 'zoneId', false, ', allUsers: true'),
  path: ['deletedZones'],
  idField: 'zoneId',
  bidirectional: false,
};

/** One per name, names in use again left out (docs/upstreams/vinyldns.md §3.20). */
const expectedNames = () => {
  const live = new Set(
    store()
      .liveZones()
      .map((z) => z.name),
  );
  return new Set(
    store()
      .deletionChanges()
      .map((c) => c.change.zone.name)
      .filter((n) => !live.has(n)),
  );
};

describe('Query.deletedZones', () => {
  it.each([1, 7, 100])('walks every deleted zone once, newest first, %i per page, while zones are deleted', async (size) => {
    const reference = await walk(stack, list, 100);
    const names = await stack.gql(`{ deletedZones(first: 100, allUsers: true) { nodes { name deletedAt } } }`);
    expect(new Set(names.data.deletedZones.nodes.map((n: any) => n.name))).toEqual(expectedNames());
    const times = names.data.deletedZones.nodes.map((n: any) => n.deletedAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(reference.ids.length).toBeGreaterThan(7);
    const { ids } = await walk(stack, list, size, async () => {
      const zone = store().addZone(`gone-${size}-${Math.random().toString(36).slice(2, 8)}.example.`);
      store().deleteZone(zone.id);
    });
    expect(ids).toEqual(reference.ids);
  });

  it('says who deleted a zone, its admin group and how it was, and finds it again by id', async () => {
    const zone = store().addZone('audit-deleted.example.');
    const bob = store().users.find((u) => u.userName === 'bob')!;
    store().deleteZone(zone.id, { userId: bob.id });
    const res = await stack.gql(
      `{ deletedZones(nameFilter: "audit-deleted", first: 5, allUsers: true) { nodes { id zoneId name deletedBy user { userName } adminGroupId adminGroup { groupId } zoneSnapshot { name status } deleteChange { changeType actor } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const [found] = res.data.deletedZones.nodes;
    expect(found).toMatchObject({
      zoneId: zone.id,
      name: 'audit-deleted.example.',
      deletedBy: 'bob',
      user: { userName: 'bob' },
      adminGroupId: zone.adminGroupId,
      adminGroup: { groupId: zone.adminGroupId },
      zoneSnapshot: { name: 'audit-deleted.example.', status: 'DELETED' },
      deleteChange: { changeType: 'DELETE', actor: 'bob' },
    });
    const node = await stack.gql(`query($id: ID!) { node(id: $id) { __typename ... on DeletedZone { zoneId } } }`, { id: found.id });
    expect(node.data.node).toEqual({ __typename: 'DeletedZone', zoneId: zone.id });
  });

  it('refuses a name filter VinylDNS would put into its SQL unescaped', async () => {
    const res = await stack.gql(`{ deletedZones(nameFilter: "x' OR 1=1") { nodes { zoneId } } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
