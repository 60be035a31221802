// Groups through GraphQL: who is in them (names come from the member list only) and their change
// history, walked at any page size, also while changes land on top.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectionQuery, walk, type ConnectionUnderTest } from '../helpers/connections.js';
import { startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const membership = () => stack.sandbox.vinyldns.store.membership;
/** The live group with the longest history. */
const busiest = () =>
  [...stack.sandbox.vinyldns.store.groups]
    .filter((g) => membership().groupById(g.id))
    .sort((a, b) => membership().groupChanges(b.id).length - membership().groupChanges(a.id).length)[0];

const activity = (groupId: string): ConnectionUnderTest => ({
  name: 'Group.activity',
  query: connectionQuery(`group(groupId: "${groupId}") { %FIELD% }`, 'activity', 'changeId', true),
  path: ['group', 'activity'],
  idField: 'changeId',
  bidirectional: true,
});

describe('Group', () => {
  it('shows the group, its members with their names, and resolves by global id', async () => {
    const group = busiest();
    const res = await stack.gql(`{ group(groupId: "${group.id}") { id groupId name members { userId userName isAdmin user { userName } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.group.name).toBe(membership().groupById(group.id)!.name);
    const ids = res.data.group.members.map((m: any) => m.userId).sort();
    expect(ids).toEqual([...membership().groupById(group.id)!.memberIds].sort());
    for (const m of res.data.group.members) expect(m.user.userName).toBe(m.userName);
    const node = await stack.gql(`query($id: ID!) { node(id: $id) { __typename ... on Group { groupId } } }`, { id: res.data.group.id });
    expect(node.data.node).toEqual({ __typename: 'Group', groupId: group.id });
    const missing = await stack.gql(`{ group(groupId: "no-such-group") { id } }`);
    expect(missing.data.group).toBeNull();
  });

  it.each([1, 7, 100])('walks the activity once, newest first, %i per page, while changes land', async (size) => {
    const group = busiest();
    const expected = membership()
      .groupChanges(group.id)
      .map((c) => c.id);
    expect(expected.length).toBeGreaterThan(7);
    const { ids } = await walk(stack, activity(group.id), size, () => {
      membership().updateGroup(group.id, { description: `edited ${Math.random()}` });
    });
    expect(ids).toEqual(expected);
  });

  it('gives each change its actor, summary and a global id that reads it again', async () => {
    const group = busiest();
    const res = await stack.gql(
      `{ group(groupId: "${group.id}") { activity(first: 3) { nodes { id changeId actor summary occurredAt user { userName } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const [first] = res.data.group.activity.nodes;
    expect(first.summary.length).toBeGreaterThan(0);
    expect(first.occurredAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    if (first.user) expect(first.actor).toBe(first.user.userName);
    const node = await stack.gql(`query($id: ID!) { node(id: $id) { __typename ... on GroupChange { changeId } } }`, { id: first.id });
    expect(node.data.node).toEqual({ __typename: 'GroupChange', changeId: first.changeId });
  });
});
