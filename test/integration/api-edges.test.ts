// The edges of the API a paging loop or a typo runs into: `first: 0` still gives a cursor to go
// on from; a cursor error names the field the caller asked for; a domain neither provider knows
// is reported instead of looking like an empty history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const FEED = `query($domain: String!, $first: Int, $after: String) {
  changes(domain: $domain, first: $first, after: $after) {
    edges { cursor node { __typename occurredAt } }
    pageInfo { hasNextPage endCursor }
  } }`;

describe('first: 0', () => {
  it('answers whether changes exist and gives a cursor that continues exactly there', async () => {
    const zero = await stack.gql(FEED, { domain: 'example.com', first: 0 });
    expect(zero.errors).toBeUndefined();
    expect(zero.data.changes.edges).toEqual([]);
    expect(zero.data.changes.pageInfo.hasNextPage).toBe(true);
    expect(zero.data.changes.pageInfo.endCursor).toEqual(expect.any(String));
    const fromZero = await stack.gql(FEED, { domain: 'example.com', first: 5, after: zero.data.changes.pageInfo.endCursor });
    const fromStart = await stack.gql(FEED, { domain: 'example.com', first: 5 });
    expect(fromZero.data.changes.edges.map((e: any) => e.node)).toEqual(fromStart.data.changes.edges.map((e: any) => e.node));
  });

  it('gives back the after cursor on a list of one upstream', async () => {
    const q = `query($after: String, $first: Int) { zone(name: "example.com") { recordSetChanges(first: $first, after: $after) { edges { cursor } pageInfo { hasNextPage endCursor } } } }`;
    const page = await stack.gql(q, { first: 2 });
    const after = page.data.zone.recordSetChanges.pageInfo.endCursor;
    const zero = await stack.gql(q, { first: 0, after });
    expect(zero.data.zone.recordSetChanges).toEqual({ edges: [], pageInfo: { hasNextPage: true, endCursor: after } });
  });
});

describe('errors name the field asked for', () => {
  it('calls a bad cursor of Query.changes a cursor of Query.changes', async () => {
    const res = await stack.gql(FEED, { domain: 'example.com', first: 1, after: 'not-a-cursor' });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toContain('Query.changes');
    const timeline = await stack.gql(`{ zone(name: "example.com") { timeline(first: 1, after: "not-a-cursor") { edges { cursor } } } }`);
    expect(timeline.errors![0].message).toContain('Zone.timeline');
  });
});

describe('a domain neither provider knows', () => {
  it('is NOT_FOUND beside an empty page, not a silent empty history', async () => {
    const res = await stack.gql(FEED, { domain: 'exmaple.com', first: 5 });
    expect(res.data.changes.edges).toEqual([]);
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]).toMatchObject({ path: ['changes'], extensions: { code: 'NOT_FOUND' } });
    expect(res.errors![0].message).toContain('exmaple.com');
  });

  it('is not reported for a domain only one provider knows', async () => {
    // big.example.org is a VinylDNS zone with no OpenSRS mail domain.
    const res = await stack.gql(FEED, { domain: 'big.example.org', first: 1 });
    expect(res.errors).toBeUndefined();
    expect(res.data.changes.edges).toHaveLength(1);
  });
});
