// graphql-jit must not change a single byte a client receives: the same queries, sent to a gateway
// with GRAPHQL_JIT on and to one with it off (both in front of the same sandbox), get identical
// answers — data, errors, codes and paths. And a document with several operations runs the one
// `operationName` names: @envelop/graphql-jit caches one compiled operation per document, so
// without use-jit.ts's fallback the second operation of a document answered the first one's data.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GatewayConfig } from '../../src/config.js';
import { createGateway, listen, type Gateway } from '../../src/server.js';
import { sandboxZone, startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
let plain: Gateway;
let plainUrl: string;
beforeAll(async () => {
  let base: GatewayConfig | undefined;
  stack = await startStack({
    config: (config) => {
      base = config;
      return { ...config, jit: true };
    },
  });
  plain = createGateway({ ...base!, jit: false });
  plainUrl = await listen(plain, 0, '127.0.0.1');
});
afterAll(async () => {
  await plain.close();
  await stack.close();
});

async function post(url: string, body: unknown): Promise<unknown> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

/** Sends the same request to both gateways and expects the same status and body. */
async function same(body: { query: string; variables?: Record<string, unknown>; operationName?: string }): Promise<any> {
  const withJit = await post(stack.url, body);
  const without = await post(plainUrl, body);
  expect(withJit).toEqual(without);
  return withJit;
}

const docs = (file: string) => readFileSync(new URL(`../../docs/queries/${file}`, import.meta.url), 'utf8');

describe('GRAPHQL_JIT', () => {
  it('answers the example operations exactly as graphql-js does', async () => {
    const zone = sandboxZone(stack, 'example.com.');
    const zoneHistory = await same({ query: docs('zone-history.graphql'), variables: { zone: 'example.com', first: 5 } });
    expect(zoneHistory.body.data.zone.recordSetChanges.edges).toHaveLength(5);
    await same({ query: docs('failed-changes.graphql'), variables: { zone: 'ok', first: 10 } });
    await same({ query: docs('timeline.graphql'), variables: { domain: 'example.com', first: 10 } });
    await same({ query: docs('domain-changes.graphql'), variables: { domain: 'example.com', first: 10 } });
    const page = await same({
      query: `{ zone(zoneId: "${zone.id}") { recordSetChanges(first: 3) { edges { cursor node { id changeId created summary actor zone { name } recordSet { fqdn type } } } pageInfo { hasNextPage endCursor } } } }`,
    });
    const node = page.body.data.zone.recordSetChanges.edges[0].node.id;
    await same({ query: 'query($id: ID!) { node(id: $id) { __typename id ... on RecordSetChange { summary } } }', variables: { id: node } });
    await same({
      query: 'query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Zone { zoneId name } } }',
      variables: { r: [{ __typename: 'Zone', id: zone.id }] },
    });
  });

  it('answers errors exactly as graphql-js does: bad cursors, bad arguments, bad variables, a missing zone', async () => {
    const zone = sandboxZone(stack, 'example.com.');
    const badCursor = await same({ query: `{ zone(zoneId: "${zone.id}") { recordSetChanges(first: 2, after: "nope") { nodes { changeId } } } }` });
    expect(badCursor.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const tooMany = await same({ query: `{ zone(zoneId: "${zone.id}") { recordSetChanges(first: 250) { nodes { changeId } } } }` });
    expect(tooMany.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const badVariable = await same({ query: 'query($first: Int) { failedZoneChanges(first: $first) { nodes { id } } }', variables: { first: 'ten' } });
    expect(badVariable.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    await same({ query: '{ zone(zoneId: "no-such-zone") { name } }' });
  });

  it("runs the operation a multi-operation document's operationName names", async () => {
    const query = 'query Names { zones(first: 2) { nodes { name } } } query Failures { failedZoneChanges(first: 1) { nodes { changeId } } }';
    const names = await same({ query, operationName: 'Names' });
    expect(Object.keys(names.body.data)).toEqual(['zones']);
    const failures = await same({ query, operationName: 'Failures' });
    expect(Object.keys(failures.body.data)).toEqual(['failedZoneChanges']);
  });
});
