// The example operations in docs/queries run against the sandbox as a frontend would run them:
// the first page with their documented variables, then the next page with `after` set to the
// previous page's `endCursor`. Valid is not enough for an example; it has to work.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxZone, startStack, type Stack } from '../helpers/stack.js';

const operation = (file: string) => readFileSync(new URL(`../../docs/queries/${file}`, import.meta.url), 'utf8');

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const store = () => stack.sandbox.vinyldns.store;
const zoneNamed = (name: string) => sandboxZone(stack, name);

/** Runs a page, then the next one; returns both. */
async function twoPages(file: string, variables: Record<string, unknown>, connection: (data: any) => any) {
  const query = operation(file);
  const first = await stack.gql(query, variables);
  expect(first.errors).toBeUndefined();
  const page1 = connection(first.data);
  expect(page1.pageInfo.hasNextPage).toBe(true);
  const second = await stack.gql(query, { ...variables, after: page1.pageInfo.endCursor });
  expect(second.errors).toBeUndefined();
  const page2 = connection(second.data);
  const ids1 = page1.edges.map((e: any) => e.node.id);
  const ids2 = page2.edges.map((e: any) => e.node.id);
  expect(ids2.length).toBeGreaterThan(0);
  expect(ids1.filter((id: string) => ids2.includes(id))).toEqual([]);
  return { first: first.data, second: second.data, page1, page2 };
}

describe('docs/queries against the sandbox', () => {
  it('zone-history.graphql: a zone history page, then the next', async () => {
    const { first } = await twoPages('zone-history.graphql', { zone: 'example.com', first: 5 }, (d) => d.zone.recordSetChanges);
    expect(first.zone.name).toBe('example.com.');
    expect(first.zone.recordSetChanges.edges).toHaveLength(5);
    expect(first.zone.changes.nodes.length).toBeGreaterThan(0);
  });

  it("record-history.graphql: one record set's history, then the next page", async () => {
    const zone = zoneNamed('example.com.');
    // a record set with at least 3 changes, so a page of 2 has a next page
    const change = store()
      .recordSetChanges(zone.id)
      .find((c) => {
        const fqdn = c.recordSet.name === zone.name ? zone.name : `${c.recordSet.name}.${zone.name}`;
        return store().history(zone.id, fqdn, c.recordSet.type).length >= 3;
      })!;
    expect(change).toBeDefined();
    const fqdn = change.recordSet.name === zone.name ? zone.name : `${change.recordSet.name}.${zone.name}`;
    const { page1 } = await twoPages(
      'record-history.graphql',
      { zoneId: zone.id, fqdn, type: change.recordSet.type, first: 2 },
      (d) => d.recordSetChangeHistory,
    );
    expect(page1.edges).toHaveLength(2);
    for (const edge of page1.edges) expect(edge.node.recordSet.records.length).toBeGreaterThan(0);
  });

  it("failed-changes.graphql: the failures dashboard, then the next page of a zone's failures", async () => {
    const zone = zoneNamed('ok.');
    expect(store().failedRecordSetChanges(zone.id).length).toBeGreaterThan(2);
    const { first } = await twoPages('failed-changes.graphql', { zone: 'ok', first: 2 }, (d) => d.zone.failedRecordSetChanges);
    expect(first.zone.failedRecordSetChanges.edges[0].node.systemMessage).toEqual(expect.any(String));
    expect(first.failedZoneChanges.nodes.length).toBeLessThanOrEqual(2);
  });

  it("domain-changes.graphql: a mail domain's changes newest first, then the next page", async () => {
    const { first, page1, page2 } = await twoPages('domain-changes.graphql', { domain: 'example.com', first: 10 }, (d) => d.domain.changes);
    expect(first.domain.name).toBe('example.com');
    expect(page1.totalCount).toBeGreaterThan(10);
    const times = [...page1.edges, ...page2.edges].map((e: any) => e.node.occurredAt);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('timeline.graphql: the merged feed of a domain, then the next page', async () => {
    const { page1 } = await twoPages('timeline.graphql', { domain: 'example.com', first: 10 }, (d) => d.changes);
    expect(page1.unavailableProviders).toEqual([]);
    const providers = new Set(page1.edges.map((e: any) => e.node.provider));
    const all = await stack.gql(operation('timeline.graphql'), { domain: 'example.com', first: 100, providers: ['OPENSRS'] });
    expect(all.data.changes.edges.every((e: any) => e.node.provider === 'OPENSRS')).toBe(true);
    expect(providers.size).toBeGreaterThan(0);
  });
});
