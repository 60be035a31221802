// Abuse limits end to end: each rejected operation names its code and the limit it crossed, and
// no upstream request is made for it (the sandbox's own request logs stay empty).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/limits/config.js';
import { READ_COST } from '../../src/limits/cost.js';
import { startStack, type GraphQLResponse, type Stack } from '../helpers/stack.js';

let stack: Stack;
let closed: Stack;
beforeAll(async () => {
  stack = await startStack();
  closed = await startStack({ config: (c) => ({ ...c, limits: { ...DEFAULT_LIMITS, introspection: false, maxBatch: 1 } }) });
});
afterAll(async () => {
  await stack.close();
  await closed.close();
});

const upstreamCalls = (s: Stack) => s.sandbox.vinyldns.log.length + s.sandbox.opensrs.log.length;

/** Runs `send` and returns its response, asserting that it reached no upstream. */
async function withoutUpstream<T>(s: Stack, send: () => Promise<T>): Promise<T> {
  s.sandbox.vinyldns.clearLog();
  s.sandbox.opensrs.clearLog();
  const res = await send();
  expect(upstreamCalls(s)).toBe(0);
  return res;
}

const rejected = (res: GraphQLResponse) => {
  expect(res.data).toBeUndefined();
  expect(res.errors).toHaveLength(1);
  return res.errors![0];
};

async function postRaw(s: Stack, body: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(`${s.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

/** `levels` nested zone → changes → nodes → zone hops, each page of 1 (cheap, but deep). */
function deepQuery(levels: number): string {
  let inner = 'id';
  for (let i = 0; i < levels; i++) inner = `zone { changes(first: 1) { nodes { ${inner} } } }`;
  return `{ zones(first: 1) { nodes { changes(first: 1) { nodes { ${inner} } } } } }`;
}

describe('abuse limits', () => {
  it('depth: too deep is DEPTH_LIMIT_EXCEEDED with the limit and the depth found', async () => {
    const error = rejected(await withoutUpstream(stack, () => stack.gql(deepQuery(3))));
    expect(error.extensions).toMatchObject({ code: 'DEPTH_LIMIT_EXCEEDED', limit: DEFAULT_LIMITS.maxDepth });
    expect(error.extensions!.found as number).toBeGreaterThan(DEFAULT_LIMITS.maxDepth);
    expect(error.message).toMatch(/depth limit of 10 exceeded/i);
  });

  it('depth: inline fragments and fragment spreads add no level (federation _entities fit)', async () => {
    // 7 levels of fields: within the default 10. Counting its 4 inline fragments and 1 spread
    // as levels (armor's default, pitfall 15) would make it 12, and a gateway's query would fail.
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Zone { recordSetChanges(first: 2) { edges { node {
      ... on RecordSetChange { recordSet { ... on RecordSet { records { ...Text } } } } } } } } } }
      fragment Text on RecordData { ... on ARecord { text } }`;
    const res = await stack.gql(query, { r: [{ __typename: 'Zone', name: 'example.com' }] });
    expect(res.errors).toBeUndefined();
    expect(res.data._entities[0].recordSetChanges.edges).toHaveLength(2);
  });

  it('cost: page sizes multiply through nesting; the same document passes with small pages', async () => {
    const query = 'query Nested($n: Int) { zones(first: $n) { nodes { changes(first: $n) { nodes { id summary } } } } }';
    const error = rejected(await withoutUpstream(stack, () => stack.gql(query, { n: 100 })));
    expect(error.extensions).toMatchObject({
      code: 'COST_LIMIT_EXCEEDED',
      limit: DEFAULT_LIMITS.maxCost,
      found: 1 + READ_COST + 100 * (1 + 1 + READ_COST + 100 * 3),
    });
    // Not cached by document: the variables decide.
    const ok = await stack.gql(query, { n: 3 });
    expect(ok.errors).toBeUndefined();
    expect(ok.data.zones.nodes).toHaveLength(3);
    const again = rejected(await withoutUpstream(stack, () => stack.gql(query, { n: 100 })));
    expect(again.extensions!.code).toBe('COST_LIMIT_EXCEEDED');
  });

  it('aliases: more than the limit is ALIAS_LIMIT_EXCEEDED', async () => {
    const fields = Array.from({ length: DEFAULT_LIMITS.maxAliases + 1 }, (_, i) => `z${i}: zone(name: "ok") { name }`).join(' ');
    const error = rejected(await withoutUpstream(stack, () => stack.gql(`{ ${fields} }`)));
    expect(error.extensions).toMatchObject({ code: 'ALIAS_LIMIT_EXCEEDED', limit: DEFAULT_LIMITS.maxAliases, found: DEFAULT_LIMITS.maxAliases + 1 });
  });

  it('directives: more than the limit is DIRECTIVE_LIMIT_EXCEEDED', async () => {
    const fragments = '... @include(if: true) { name } '.repeat(DEFAULT_LIMITS.maxDirectives + 1);
    const error = rejected(await withoutUpstream(stack, () => stack.gql(`{ zone(name: "ok") { ${fragments} } }`)));
    expect(error.extensions).toMatchObject({ code: 'DIRECTIVE_LIMIT_EXCEEDED', limit: DEFAULT_LIMITS.maxDirectives });
  });

  it('tokens: a longer document is TOKEN_LIMIT_EXCEEDED, found while parsing', async () => {
    const error = rejected(await withoutUpstream(stack, () => stack.gql(`{ zone(name: "ok") { ${'name '.repeat(DEFAULT_LIMITS.maxTokens)} } }`)));
    expect(error.extensions).toMatchObject({ code: 'TOKEN_LIMIT_EXCEEDED', limit: DEFAULT_LIMITS.maxTokens });
  });

  it('batching: up to the limit runs; one more is BATCH_LIMIT_EXCEEDED for the whole request', async () => {
    const op = { query: '{ zone(name: "ok") { name } }' };
    const ok = await postRaw(
      stack,
      Array.from({ length: DEFAULT_LIMITS.maxBatch }, () => op),
    );
    expect(ok.status).toBe(200);
    expect(ok.json).toHaveLength(DEFAULT_LIMITS.maxBatch);
    expect(ok.json.every((r: GraphQLResponse) => r.data?.zone?.name === 'ok.')).toBe(true);
    const over = await withoutUpstream(stack, () =>
      postRaw(
        stack,
        Array.from({ length: DEFAULT_LIMITS.maxBatch + 1 }, () => op),
      ),
    );
    expect(over.status).toBe(400);
    expect(over.json.errors[0].extensions).toMatchObject({ code: 'BATCH_LIMIT_EXCEEDED', limit: DEFAULT_LIMITS.maxBatch, found: DEFAULT_LIMITS.maxBatch + 1 });
  });

  it('GRAPHQL_MAX_BATCH=1 turns batching off', async () => {
    const res = await withoutUpstream(closed, () => postRaw(closed, [{ query: '{ __typename }' }, { query: '{ __typename }' }]));
    expect(res.status).toBe(400);
    expect(res.json.errors[0].extensions).toMatchObject({ code: 'BATCH_LIMIT_EXCEEDED', limit: 1 });
  });

  it('introspection is on by default, with field suggestions', async () => {
    const res = await stack.gql('{ __schema { queryType { name } } }');
    expect(res.data.__schema.queryType.name).toBe('Query');
    const typo = await stack.gql('{ zone(name: "ok") { nam } }');
    expect(typo.errors![0].message).toMatch(/Did you mean "name"/);
  });

  it('GRAPHQL_INTROSPECTION=false refuses introspection and hides field suggestions', async () => {
    const res = await withoutUpstream(closed, () => closed.gql('{ __schema { queryType { name } } }'));
    expect(res.data).toBeUndefined();
    expect(res.errors![0].message).toMatch(/introspection has been disabled/i);
    expect(res.errors![0].extensions!.code).toBe('INTROSPECTION_DISABLED');
    const type = await withoutUpstream(closed, () => closed.gql('{ __type(name: "Zone") { name } }'));
    expect(type.errors![0].extensions!.code).toBe('INTROSPECTION_DISABLED');
    const typo = await withoutUpstream(closed, () => closed.gql('{ zone(name: "ok") { nam } }'));
    expect(typo.errors![0].message).not.toMatch(/Did you mean/);
    expect(typo.errors![0].message).toContain('[Suggestion hidden]');
    // Federation's _service is not introspection: a gateway can still compose the subgraph.
    const sdl = await closed.gql('{ _service { sdl } }');
    expect(sdl.data._service.sdl).toContain('type Zone');
  });
});
