// OpenSRS domain change history through the schema: lookups, both orders in both directions
// against connectionFromArray, stable ids, upstream call counts (counted by the simulator),
// error mapping and that no credential ever leaves.
import fc from 'fast-check';
import { connectionFromArray, offsetToCursor } from 'graphql-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const osrs = () => stack.sandbox.opensrs;
const PAGE = `query($name: String!, $first: Int, $after: String, $last: Int, $before: String, $order: ChangeOrder) {
  domain(name: $name) { changes(first: $first, after: $after, last: $last, before: $before, order: $order) {
    totalCount edges { cursor node { id occurredAt message user application bySystem } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } }`;

async function page(vars: Record<string, unknown>) {
  const res = await stack.gql(PAGE, vars);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data.domain.changes;
}

const key = (c: { time: number; user: string; msg: string }) => `${c.time}|${c.user}|${c.msg}`;
const nodeKey = (n: any) => `${Date.parse(n.occurredAt) / 1000}|${n.user}|${n.message}`;

describe('Query.domain', () => {
  it('finds a domain (with or without a trailing dot, any case) and links its DNS zone', async () => {
    const res = await stack.gql(`{ a: domain(name: "Example.COM") { id name zone { name } } b: domain(name: "example.com.") { name } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.a).toMatchObject({ name: 'example.com', zone: { name: 'example.com.' } });
    expect(res.data.b).toEqual({ name: 'example.com' });
    const node = await stack.gql(`query($id: ID!) { node(id: $id) { __typename ... on Domain { name } } }`, { id: res.data.a.id });
    expect(node.data.node).toEqual({ __typename: 'Domain', name: 'example.com' });
  });

  it('is null when OpenSRS says the domain does not exist, and Zone.domain likewise', async () => {
    const res = await stack.gql(`{ domain(name: "no-such-domain.example") { name } zone(name: "internal.corp") { domain { name } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ domain: null, zone: { domain: null } });
  });

  it('gives Zone.domain for zones with a mail domain of the same name', async () => {
    const res = await stack.gql(`{ zone(name: "acme.io") { domain { name changes(first: 1) { totalCount } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.zone.domain).toEqual({ name: 'acme.io', changes: { totalCount: osrs().store.changes('acme.io').length } });
  });

  it('rejects an invalid domain name before calling OpenSRS', async () => {
    osrs().clearLog();
    const res = await stack.gql(`{ domain(name: "not a domain") { name } }`);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toContain('"not a domain"');
    expect(osrs().log).toHaveLength(0);
  });

  it('maps "not yours" to FORBIDDEN with the provider', async () => {
    const res = await stack.gql(`{ domain(name: "other-company.com") { name } }`);
    expect(res.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', provider: 'OPENSRS' });
  });
});

describe('Domain.changes', () => {
  it('maps each change: time, application, message, user, bySystem, a one-line summary', async () => {
    const all = osrs().store.changes('example.com');
    const res = await stack.gql(
      `{ domain(name: "example.com") { changes(first: 3) { nodes { provider occurredAt actor summary application message user bySystem domain { name } } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const newest = all[all.length - 1];
    expect(res.data.domain.changes.nodes[0]).toEqual({
      provider: 'OPENSRS',
      occurredAt: new Date(newest.time * 1000).toISOString().replace('.000Z', 'Z'),
      actor: newest.user,
      summary: newest.msg.replace(/\s*\n\s*/g, ' ').trim(),
      application: newest.application,
      message: newest.msg,
      user: newest.user,
      bySystem: newest.user === 'OpenSRS',
      domain: { name: 'example.com' },
    });
    expect(res.data.domain.changes.nodes.some((n: any) => n.bySystem) || all.slice(-3).every((c) => c.user !== 'OpenSRS')).toBe(true);
  });

  for (const order of ['NEWEST_FIRST', 'OLDEST_FIRST'] as const) {
    it(`equals connectionFromArray in ${order} order for random first/after/last/before`, async () => {
      const domains = ['example.com', 'mail.example.net', 'acme.io', 'empty.example', 'single.example'];
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...domains),
          fc.record({
            first: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
            last: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
            after: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
            before: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
          }),
          async (name, raw) => {
            const oldestFirst = osrs().store.changes(name).map(key);
            const list = order === 'NEWEST_FIRST' ? [...oldestFirst].reverse() : oldestFirst;
            // Cursors come from the gateway: walk once to collect every edge's cursor.
            const cursors: string[] = [];
            let after: string | undefined;
            do {
              const p = await page({ name, order, first: 100, after });
              cursors.push(...p.edges.map((e: any) => e.cursor));
              after = p.pageInfo.hasNextPage ? p.pageInfo.endCursor : undefined;
            } while (after);
            const at = (x: number | undefined) => (x === undefined || list.length === 0 ? undefined : Math.min(list.length - 1, Math.floor(x * list.length)));
            const a = at(raw.after);
            const b = at(raw.before);
            const first = raw.first === undefined && raw.last === undefined ? 25 : raw.first;
            const got = await page({
              name,
              order,
              first,
              last: raw.last,
              after: a === undefined ? undefined : cursors[a],
              before: b === undefined ? undefined : cursors[b],
            });
            const expected = connectionFromArray(list, {
              first,
              last: raw.last,
              after: a === undefined ? undefined : offsetToCursor(a),
              before: b === undefined ? undefined : offsetToCursor(b),
            });
            const label = `${name} ${JSON.stringify({ first, last: raw.last, a, b })}`;
            expect(
              got.edges.map((e: any) => nodeKey(e.node)),
              label,
            ).toEqual(expected.edges.map((e) => e.node));
            expect(got.pageInfo.hasNextPage, label).toBe(expected.pageInfo.hasNextPage);
            expect(got.pageInfo.hasPreviousPage, label).toBe(expected.pageInfo.hasPreviousPage);
            expect(got.totalCount).toBe(list.length);
          },
        ),
        { numRuns: 60 },
      );
    }, 120_000);
  }

  it('gives each change the same id in either order and on every request, and node(id) returns it', async () => {
    const newest = await page({ name: 'mail.example.net', order: 'NEWEST_FIRST', first: 100 });
    const oldest = await page({ name: 'mail.example.net', order: 'OLDEST_FIRST', first: 100 });
    const again = await page({ name: 'mail.example.net', order: 'NEWEST_FIRST', first: 100 });
    const ids = newest.edges.map((e: any) => e.node.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(oldest.edges.map((e: any) => e.node.id).reverse()).toEqual(ids);
    expect(again.edges.map((e: any) => e.node.id)).toEqual(ids);
    const node = await stack.gql(`query($id: ID!) { node(id: $id) { ... on DomainChange { message user } } }`, { id: ids[3] });
    expect(node.data.node).toEqual({ message: newest.edges[3].node.message, user: newest.edges[3].node.user });
  });

  it('costs one upstream call for an oldest-first page and for any page after a cursor; the newest page two', async () => {
    const calls = async (vars: Record<string, unknown>) => {
      osrs().clearLog();
      const p = await page(vars);
      return { p, n: osrs().log.length };
    };
    const oldestFirst = await calls({ name: 'acme.io', order: 'OLDEST_FIRST', first: 20 });
    expect(oldestFirst.n).toBe(1);
    expect((await calls({ name: 'acme.io', order: 'OLDEST_FIRST', first: 20, after: oldestFirst.p.pageInfo.endCursor })).n).toBe(1);
    const newestFirst = await calls({ name: 'acme.io', order: 'NEWEST_FIRST', first: 20 });
    expect(newestFirst.n).toBeLessThanOrEqual(2);
    let after = newestFirst.p.pageInfo.endCursor;
    for (let i = 0; i < 5; i++) {
      const next = await calls({ name: 'acme.io', order: 'NEWEST_FIRST', first: 20, after });
      expect(next.n).toBe(1);
      after = next.p.pageInfo.endCursor;
    }
  });

  it('walks newest first without repeating or skipping while new changes are appended', async () => {
    const name = 'mail.example.net';
    const before = osrs().store.changes(name).map(key).reverse();
    const seen: string[] = [];
    let after: string | undefined;
    for (let i = 0; ; i++) {
      const p = await page({ name, order: 'NEWEST_FIRST', first: 4, after });
      seen.push(...p.edges.map((e: any) => nodeKey(e.node)));
      osrs().store.appendChange(name, { user: 'drift@example.adm', msg: `changed quota [${i}]` });
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    expect(seen).toEqual(before);
  });

  it('refuses cursors from another domain or order', async () => {
    const p = await page({ name: 'example.com', order: 'NEWEST_FIRST', first: 2 });
    for (const vars of [
      { name: 'mail.example.net', order: 'NEWEST_FIRST', first: 2, after: p.pageInfo.endCursor },
      { name: 'example.com', order: 'OLDEST_FIRST', first: 2, after: p.pageInfo.endCursor },
    ]) {
      const res = await stack.gql(PAGE, vars);
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
    }
  });

  it('never returns the OpenSRS password or token, in data or in errors', async () => {
    const { password, token } = osrs().credentials;
    const ALL = `query($order: ChangeOrder) {
      domain(name: "example.com") { name changes(first: 50, order: $order) { totalCount nodes { id message user application bySystem } } }
      changes(domain: "example.com", first: 50) { unavailableProviders nodes { summary actor } } }`;
    const answers = [await stack.gql(ALL, { order: 'NEWEST_FIRST' }), await stack.gql(ALL, { order: 'OLDEST_FIRST' })];
    for (const fault of [{ errorNumber: 1 }, { errorNumber: 9 }, { errorNumber: 20 }, { httpStatus: 500 }, { malformed: true as const }]) {
      osrs().failNext(fault, 20); // enough for every call and retry of the request
      answers.push(await stack.gql(ALL, { order: 'NEWEST_FIRST' }));
      osrs().clearFaults();
    }
    // The data came through (so a secret among it would show), and so did the five failures.
    const n = osrs().store.changes('example.com').length;
    expect(answers.slice(0, 2).map((a) => a.data?.domain?.changes.nodes.length)).toEqual([Math.min(n, 50), Math.min(n, 50)]);
    expect(n).toBeGreaterThan(0);
    expect(answers.slice(2).map((a) => a.errors?.some((e) => e.extensions?.provider === 'OPENSRS'))).toEqual([true, true, true, true, true]);
    const all = answers.map((a) => JSON.stringify(a)).join('\n');
    expect([password, token].filter((secret) => all.includes(secret!))).toEqual([]);
  });
});
