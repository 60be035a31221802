// The cost rule on its own: upstream reads count (every connection at least one page, even with
// first: 0; each _entities representation its lookup), page sizes multiply down the nesting,
// variables and their defaults are read, fragments count (without exponential blow-up).
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { entityRepresentations, operationCost, READ_COST } from '../../src/limits/cost.js';
import { buildSchema } from '../../src/schema/index.js';

const schema = buildSchema();
const input = (query: string, variables?: Record<string, unknown>, operationName?: string) => ({ schema, document: parse(query), variables, operationName });
const cost = (query: string, variables?: Record<string, unknown>, operationName?: string) => operationCost(input(query, variables, operationName));
const R = READ_COST;

describe('operationCost', () => {
  it('counts one per field, a connection one upstream page plus its page times its items', () => {
    expect(cost('{ zone(name: "ok") { name } }')).toBe(2);
    // zone 1 + name 1 + changes (1 + one read) + 10 × (nodes 1 + id 1 + summary 1)
    expect(cost('{ zone(name: "ok") { name changes(first: 10) { nodes { id summary } } } }')).toBe(1 + 1 + 1 + R + 10 * 3);
  });

  it('multiplies page sizes (and the reads of nested connections) through the nesting', () => {
    // The example of src/limits/cost.ts.
    expect(cost('{ zones(first: 50) { nodes { changes(first: 10) { nodes { id summary } } } } }')).toBe(2111);
    const inner = (n: number) => `recordSetChanges(first: ${n}) { edges { cursor node { id } } }`;
    const small = cost(`{ zones(first: 2) { nodes { ${inner(2)} } } }`);
    const big = cost(`{ zones(first: 20) { nodes { ${inner(20)} } } }`);
    expect(small).toBe(1 + R + 2 * (1 + 1 + R + 2 * (1 + 1 + 1 + 1)));
    expect(big).toBe(1 + R + 20 * (1 + 1 + R + 20 * (1 + 1 + 1 + 1)));
  });

  it('charges a connection at least one upstream read with first: 0, times every parent', () => {
    // The hostile query of issue 11: a timeline with first: 0 under each of 100 record set changes.
    // Before reads were counted it cost 502; each nested timeline now costs its read.
    const query =
      '{ zone(name: "big.example.org") { recordSetChanges(first: 100) { nodes { zone { timeline(first: 0, actor: "nobody") { pageInfo { hasNextPage } } } } } } }';
    const timeline = 1 + R + (1 + 1); // timeline, its read, pageInfo { hasNextPage }
    expect(cost(query)).toBe(1 + 1 + R + 100 * (1 + 1 + timeline));
    expect(cost('{ failedZoneChanges(first: 0) { nodes { id } } }')).toBe(1 + R);
    expect(cost('{ changes(domain: "big.example.org", first: 0, actor: "nobody") { pageInfo { hasNextPage } } }')).toBe(1 + R + 2);
  });

  it('counts one read per 100 items of a page', () => {
    // A page is read in upstream pages of at most 100; the argument checks refuse larger pages anyway.
    expect(cost('{ failedZoneChanges(first: 100) { pageInfo { hasNextPage } } }')).toBe(1 + R + 2);
    expect(cost('{ failedZoneChanges(first: 250) { pageInfo { hasNextPage } } }')).toBe(1 + 3 * R + 2);
  });

  it('uses 25 when neither first nor last is given, and the larger of the two when both are', () => {
    expect(cost('{ failedZoneChanges { nodes { id } } }')).toBe(1 + R + 25 * 2);
    expect(cost('{ failedZoneChanges(first: 3, last: 7) { nodes { id } } }')).toBe(1 + R + 7 * 2);
  });

  it('does not multiply pageInfo or totalCount, only edges and nodes', () => {
    expect(cost('{ failedZoneChanges(first: 100) { pageInfo { hasNextPage endCursor } } }')).toBe(1 + R + 3);
    expect(cost('{ domain(name: "example.com") { changes(first: 10) { totalCount nodes { id } } } }')).toBe(1 + 1 + R + 1 + 10 * 2);
  });

  it('reads page sizes from variables, then from their defaults, then 25', () => {
    const query = 'query Q($n: Int = 4) { failedZoneChanges(first: $n) { nodes { id } } }';
    expect(cost(query, { n: 90 })).toBe(1 + R + 90 * 2);
    expect(cost(query, {})).toBe(1 + R + 4 * 2);
    expect(cost(query, { n: null })).toBe(1 + R + 25 * 2); // an explicit null is the resolver's default
    expect(cost('query Q($n: Int) { failedZoneChanges(first: $n) { nodes { id } } }')).toBe(1 + R + 25 * 2);
  });

  it('expands named and inline fragments, within the connection they are spread in', () => {
    const viaFragment = cost('{ failedZoneChanges(first: 10) { ...Page } } fragment Page on ZoneChangeConnection { nodes { id summary } }');
    expect(viaFragment).toBe(cost('{ failedZoneChanges(first: 10) { nodes { id summary } } }'));
    const inline = cost('{ changes(domain: "example.com", first: 10) { nodes { ... on ZoneChange { id } ... on DomainChange { id message } } } }');
    expect(inline).toBe(1 + R + 10 * (1 + 1 + 2));
  });

  it('stays linear on fragments spread many times (no exponential walk)', () => {
    const levels = 30;
    const fragments = Array.from({ length: levels }, (_, i) =>
      i === levels - 1 ? `fragment F${i} on Zone { name }` : `fragment F${i} on Zone { ...F${i + 1} ...F${i + 1} }`,
    ).join('\n');
    // An exponential walk would visit 2^29 selections and never finish within the test's timeout;
    // memoised per fragment, the cost comes back at once.
    const value = cost(`{ zone(name: "ok") { ...F0 } } ${fragments}`);
    expect(value).toBe(1 + 2 ** (levels - 1)); // the real cost: rejected by any sane limit
  });

  it('ignores cyclic spreads (a validation error of its own) instead of looping', () => {
    expect(cost('{ zone(name: "ok") { ...A } } fragment A on Zone { name ...A }')).toBe(2);
  });

  it('costs federation _entities per representation: its lookup and its selection', () => {
    const query = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Zone { name changes(first: 5) { nodes { id } } } } }';
    const each = R + 1 + (1 + R + 5 * 2); // the lookup, name, changes with its read and 5 × (nodes, id)
    const representations = (n: number) => Array.from({ length: n }, (_, i) => ({ __typename: 'Zone', zoneId: `z${i}` }));
    expect(cost(query, { r: representations(100) })).toBe(1 + 100 * each);
    expect(cost(query, { r: representations(1) })).toBe(1 + each);
    expect(cost('{ _entities(representations: [{ __typename: "Zone", zoneId: "a" }, { __typename: "Zone", zoneId: "b" }]) { ... on Zone { name } } }')).toBe(
      1 + 2 * (R + 1),
    );
  });

  it('picks the operation by name, and costs nothing when none can be picked', () => {
    const doc = 'query A { zone(name: "ok") { name } } query B { failedZoneChanges(first: 10) { nodes { id } } }';
    expect(cost(doc, {}, 'A')).toBe(2);
    expect(cost(doc, {}, 'B')).toBe(1 + R + 20);
    expect(cost(doc)).toBe(0);
  });
});

describe('entityRepresentations', () => {
  it('counts the representations of every _entities field, from literals and variables, aliases included', () => {
    const reps = Array.from({ length: 7 }, (_, i) => ({ __typename: 'Domain', name: `d${i}.example` }));
    const q =
      'query($r: [_Any!]!) { a: _entities(representations: $r) { __typename } b: _entities(representations: [{ __typename: "Zone", zoneId: "x" }]) { __typename } }';
    expect(entityRepresentations(input(q, { r: reps }))).toBe(8);
    expect(entityRepresentations(input('{ zone(name: "ok") { name } }'))).toBe(0);
    const viaFragment = 'query($r: [_Any!]!) { ...E ...E } fragment E on Query { _entities(representations: $r) { __typename } }';
    expect(entityRepresentations(input(viaFragment, { r: reps }))).toBe(7);
  });
});
