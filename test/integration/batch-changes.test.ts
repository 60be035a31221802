// DNS change requests through GraphQL: every request once, in order, at any page size and while
// new ones land on top; the filters pushed down to VinylDNS; and the audit trail from a record's
// history to the request behind a change and on to its reviewer's other requests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectionQuery, walk, type ConnectionUnderTest } from '../helpers/connections.js';
import { sandboxZone, startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const store = () => stack.sandbox.vinyldns.store;
const all: ConnectionUnderTest = {
  name: 'Query.batchChanges',
  query: connectionQuery('%FIELD%', 'batchChanges', 'batchChangeId', true, ', allUsers: true'),
  path: ['batchChanges'],
  idField: 'batchChangeId',
  bidirectional: true,
};

describe('Query.batchChanges', () => {
  it.each([1, 7, 100])('walks every request once, newest first, %i per page', async (size) => {
    const expected = store()
      .batches.all()
      .map((b) => b.id);
    expect(expected.length).toBeGreaterThan(7);
    const { ids } = await walk(stack, all, size);
    expect(ids).toEqual(expected);
  });

  it.each([1, 7, 100])('walks every request once while new ones land on top, %i per page', async (size) => {
    const before = store()
      .batches.all()
      .map((b) => b.id);
    const { ids } = await walk(stack, all, size, () => {
      store().appendBatchChange({ createdMs: Math.max(Date.now(), (store().batches.newestMs() ?? 0) + 1000) });
    });
    // Requests that landed above the first page are not part of this walk; the rest come once each, in order.
    expect(ids).toEqual(before);
  });

  it('pushes the user and approval filters down to VinylDNS', async () => {
    const calls = stack.sandbox.vinyldns.count({ pathPrefix: '/zones/batchrecordchanges' });
    const res = await stack.gql(
      `{ batchChanges(first: 100, allUsers: true, user: "rita", approvalStatus: PENDING_REVIEW) { nodes { userName approvalStatus } } }`,
    );
    expect(res.errors).toBeUndefined();
    const expected = store()
      .batches.all()
      .filter((b) => b.userName === 'rita' && b.approvalStatus === 'PendingReview');
    expect(res.data.batchChanges.nodes).toEqual(expected.map(() => ({ userName: 'rita', approvalStatus: 'PENDING_REVIEW' })));
    expect(expected.length).toBeGreaterThan(0);
    // One list call: the filtering happened upstream, not by scanning every request here.
    expect(stack.sandbox.vinyldns.count({ pathPrefix: '/zones/batchrecordchanges' }) - calls).toBe(1);
  });

  it('refuses a user name VinylDNS would put into its SQL unescaped', async () => {
    const res = await stack.gql(`{ batchChanges(user: "x' OR '1'='1") { nodes { id } } }`);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('the audit trail', () => {
  it('reaches the request from the change in one query (RecordSetChange.batchChange), and its reviewer’s other requests', async () => {
    const zone = sandboxZone(stack, 'example.com.');
    const res = await stack.gql(
      `query($zoneId: String!) { recordSetChangeHistory(zoneId: $zoneId, fqdn: "host-16.example.com.", type: A, first: 100) { nodes { changeId batchChange { batchChangeId actor reviewer { userName } } } } }`,
      { zoneId: zone.id },
    );
    expect(res.errors).toBeUndefined();
    const change = res.data.recordSetChangeHistory.nodes.find((n: any) => n.changeId === '90ca024d-dcb6-4696-8391-d08170bedec5');
    expect(change.batchChange).toEqual({ batchChangeId: '97b3097f-a61f-4478-b5f8-cfa402fd46b4', actor: 'bob', reviewer: { userName: 'rita' } });
    const rita = await stack.gql(`{ batchChanges(first: 100, allUsers: true, user: "rita") { nodes { userName } } }`);
    expect(rita.data.batchChanges.nodes).toEqual([{ userName: 'rita' }, { userName: 'rita' }]);
  });

  it('goes from a record history to the change, its request, the reviewer and the reviewer’s own requests', async () => {
    const zone = sandboxZone(stack, 'example.com.');
    const history = await stack.gql(
      `query($zoneId: String!) { recordSetChangeHistory(zoneId: $zoneId, fqdn: "host-16.example.com.", type: A, first: 100) { nodes { id changeId } } }`,
      { zoneId: zone.id },
    );
    expect(history.errors).toBeUndefined();
    const listed = history.data.recordSetChangeHistory.nodes.find((n: any) => n.changeId === '90ca024d-dcb6-4696-8391-d08170bedec5');
    // Lists omit singleBatchChangeIds (§3.21): the change read on its own carries them.
    const read = await stack.gql(`query($id: ID!) { node(id: $id) { ... on RecordSetChange { created singleBatchChangeIds user { userName } } } }`, {
      id: listed.id,
    });
    const change = read.data.node;
    expect(change.user).toEqual({ userName: 'bob' });
    expect(change.singleBatchChangeIds.length).toBeGreaterThan(0);
    // No reverse lookup upstream (§3.21): the submitter's requests up to the change's time, read
    // as an admin, newest first; one of them holds the single change id.
    const until = new Date(Date.parse(change.created) + 1000).toISOString();
    const candidates = await stack.gql(
      `query($until: DateTime) { batchChanges(first: 5, allUsers: true, user: "bob", until: $until) { nodes { batchChangeId singleChanges { singleChangeId } } } }`,
      { until },
    );
    expect(candidates.errors).toBeUndefined();
    const found = candidates.data.batchChanges.nodes.find((b: any) => b.singleChanges.some((s: any) => change.singleBatchChangeIds.includes(s.singleChangeId)));
    expect(found.batchChangeId).toBe('97b3097f-a61f-4478-b5f8-cfa402fd46b4');
    const trail = await stack.gql(
      `query($id: String!) { batchChange(batchChangeId: $id) { batchChangeId actor singleChanges { recordSetChange { changeId } } reviewer { userName } } }`,
      { id: found.batchChangeId },
    );
    expect(trail.errors).toBeUndefined();
    const request = trail.data.batchChange;
    expect(request.actor).toBe('bob');
    expect(request.singleChanges.map((s: any) => s.recordSetChange?.changeId)).toContain('90ca024d-dcb6-4696-8391-d08170bedec5');
    expect(request.reviewer).toEqual({ userName: 'rita' });
    const rita = await stack.gql(`{ batchChanges(first: 100, allUsers: true, user: "rita") { nodes { batchChangeId userName } } }`);
    expect(rita.data.batchChanges.nodes).toHaveLength(2);
    // And the request is a node of its own.
    const byId = await stack.gql(`{ batchChange(batchChangeId: "97b3097f-a61f-4478-b5f8-cfa402fd46b4") { id summary reviewerName } }`);
    expect(byId.data.batchChange.reviewerName).toBe('rita');
    const node = await stack.gql(`query($id: ID!) { node(id: $id) { __typename ... on BatchChange { batchChangeId } } }`, { id: byId.data.batchChange.id });
    expect(node.data.node).toEqual({ __typename: 'BatchChange', batchChangeId: '97b3097f-a61f-4478-b5f8-cfa402fd46b4' });
  });
});
