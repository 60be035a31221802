// relay-compiler (the npm package's prebuilt binary) over a set of fragments using @connection,
// @refetchable and the Node interface (on Zone, Domain, the timelines and Query: see
// test/client/relay/), against schema.client.graphql; then the operations it generated run
// against the sandbox over HTTP, as a Relay app would send them. relay-compiler 21 panics on the
// federation schema (`extend schema @link`), which is why the client schema exists.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileRelay, operationText, type RelayRun } from './relay-compiler.js';
import { merge, postIncremental, rest } from '../helpers/incremental.js';
import { startStack, type GraphQLResponse, type Stack } from '../helpers/stack.js';

const CLIENT_SCHEMA = fileURLToPath(new URL('../../schema.client.graphql', import.meta.url));
const SUBGRAPH_SCHEMA = fileURLToPath(new URL('../../schema.graphql', import.meta.url));

let relay: RelayRun;
let stack: Stack;
beforeAll(async () => {
  relay = compileRelay(CLIENT_SCHEMA);
  stack = await startStack();
}, 60_000);
afterAll(() => stack.close());

const text = (name: string) => {
  const artifact = relay.artifacts.get(`${name}.graphql.ts`);
  if (!artifact) throw new Error(`relay-compiler wrote no ${name}; it wrote ${[...relay.artifacts.keys()].join(', ')}\n${relay.output}`);
  return operationText(artifact);
};

describe('relay-compiler', () => {
  it('compiles the fragments against schema.client.graphql', () => {
    expect(relay.status, relay.output).toBe(0);
    expect([...relay.artifacts.keys()].sort()).toEqual(
      [
        'AppNodeQuery',
        'AppQuery',
        'ChangesFeedPaginationQuery',
        'ChangesFeedZonesPaginationQuery',
        'ChangesFeed_query',
        'ChangesFeed_zones',
        'DomainHistoryRefetchQuery',
        'DomainHistoryTimelineRefetchQuery',
        'DomainHistory_domain',
        'DomainHistory_timeline',
        'ZoneTimelineRefetchQuery',
        'ZoneTimeline_zone',
      ].map((n) => `${n}.graphql.ts`),
    );
    // @refetchable on a Node type refetches through Query.node; @connection added the paging fields.
    expect(text('ZoneTimelineRefetchQuery')).toMatch(/node\(id: \$id\) \{\s+__typename\s+\.\.\.ZoneTimeline_zone/);
    expect(text('ZoneTimelineRefetchQuery')).toMatch(/pageInfo \{\s+endCursor\s+hasNextPage\s+\}/);
    expect(relay.artifacts.get('ZoneTimeline_zone.graphql.ts')).toMatch(/"connection": \[/);
  });

  it('fails on the federation subgraph schema, the problem the client schema solves', () => {
    const failed = compileRelay(SUBGRAPH_SCHEMA);
    expect(failed.status).not.toBe(0);
    expect(failed.output).toMatch(/SchemaExtension|@link|not implemented/i);
  });
});

describe('the operations relay-compiler generated, against the sandbox', () => {
  it('refetches a zone, a mail domain and any change through Query.node', async () => {
    const lookup = await stack.gql(
      '{ zone(name: "example.com") { id } domain(name: "example.com") { id } changes(domain: "example.com", first: 1) { nodes { id } } }',
    );
    expect(lookup.errors).toBeUndefined();
    const { zone, domain, changes } = lookup.data;

    const zonePage = await stack.gql(text('ZoneTimelineRefetchQuery'), { id: zone.id, count: 3 });
    expect(zonePage.errors).toBeUndefined();
    expect(zonePage.data.node).toMatchObject({ __typename: 'Zone', id: zone.id, name: 'example.com.', timeline: { pageInfo: { hasNextPage: true } } });
    expect(zonePage.data.node.timeline.edges).toHaveLength(3);

    const domainPage = await stack.gql(text('DomainHistoryRefetchQuery'), { id: domain.id, count: 2 });
    expect(domainPage.errors).toBeUndefined();
    expect(domainPage.data.node).toMatchObject({ __typename: 'Domain', id: domain.id, changes: { totalCount: 18 } });

    const change = await stack.gql(text('AppNodeQuery'), { id: changes.nodes[0].id });
    expect(change.errors).toBeUndefined();
    expect(change.data.node.id).toBe(changes.nodes[0].id);
  });

  it('pages the cross-provider feed with the pagination query to its end, each change once', async () => {
    const query = text('ChangesFeedPaginationQuery');
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 50; page++) {
      const res: GraphQLResponse = await stack.gql(query, { domain: 'mail.example.net', count: 100, cursor });
      expect(res.errors).toBeUndefined();
      const { edges, pageInfo }: { edges: Array<{ node: { id: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string } } = res.data.changes;
      seen.push(...edges.map((e) => e.node.id));
      if (!pageInfo.hasNextPage) break;
      cursor = pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    // Every zone change, record set change and mail change of mail.example.net.
    const zone = stack.sandbox.vinyldns.store.zones().find((z) => z.name === 'mail.example.net.')!;
    const vinyl = stack.sandbox.vinyldns.store;
    expect(seen).toHaveLength(
      vinyl.zoneChanges(zone.id).length + vinyl.recordSetChanges(zone.id).length + stack.sandbox.opensrs.store.changes('mail.example.net').length,
    );
  });

  it('runs the app query, whose zone fragment is deferred, over multipart/mixed', async () => {
    const { parts } = await postIncremental(stack.url, text('AppQuery'), { domain: 'example.com', zone: 'example.com' });
    const payloads = await rest(parts);
    expect(payloads.length).toBeGreaterThan(1);
    const { data, errors } = merge(payloads);
    expect(errors).toEqual([]);
    expect(data.zone).toMatchObject({ name: 'example.com.', timeline: { edges: expect.any(Array) } });
    expect(data.domain.changes.totalCount).toBe(18);
    expect(data.changes.edges.length).toBe(20);
  });
});
