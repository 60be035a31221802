// The cost rule on its own: page sizes multiply down the nesting, variables and their defaults are
// read, fragments count (without exponential blow-up), and federation's _entities costs one parent.
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { operationCost } from '../../src/limits/cost.js';
import { buildSchema } from '../../src/schema/index.js';

const schema = buildSchema();
const cost = (query: string, variables?: Record<string, unknown>, operationName?: string) => operationCost({ schema, document: parse(query), variables, operationName });

describe('operationCost', () => {
  it('counts one per field, and a connection page times its items', () => {
    expect(cost('{ zone(name: "ok") { name } }')).toBe(2);
    // zone 1 + name 1 + changes 1 + 10 × (nodes 1 + id 1 + summary 1)
    expect(cost('{ zone(name: "ok") { name changes(first: 10) { nodes { id summary } } } }')).toBe(1 + 1 + 1 + 10 * 3);
  });

  it('multiplies page sizes through the nesting', () => {
    // The example of src/limits/cost.ts.
    expect(cost('{ zones(first: 50) { nodes { changes(first: 10) { nodes { id summary } } } } }')).toBe(1601);
    const inner = (n: number) => `recordSetChanges(first: ${n}) { edges { cursor node { id } } }`;
    const small = cost(`{ zones(first: 2) { nodes { ${inner(2)} } } }`);
    const big = cost(`{ zones(first: 20) { nodes { ${inner(20)} } } }`);
    expect(small).toBe(1 + 2 * (1 + 1 + 2 * (1 + 1 + 1 + 1)));
    expect(big).toBe(1 + 20 * (1 + 1 + 20 * (1 + 1 + 1 + 1)));
  });

  it('uses 25 when neither first nor last is given, and the larger of the two when both are', () => {
    expect(cost('{ failedZoneChanges { nodes { id } } }')).toBe(1 + 25 * 2);
    expect(cost('{ failedZoneChanges(first: 3, last: 7) { nodes { id } } }')).toBe(1 + 7 * 2);
    expect(cost('{ failedZoneChanges(first: 0) { nodes { id } } }')).toBe(1);
  });

  it('does not multiply pageInfo or totalCount, only edges and nodes', () => {
    expect(cost('{ failedZoneChanges(first: 100) { pageInfo { hasNextPage endCursor } } }')).toBe(1 + 3);
    expect(cost('{ domain(name: "example.com") { changes(first: 10) { totalCount nodes { id } } } }')).toBe(1 + 1 + 1 + 10 * 2);
  });

  it('reads page sizes from variables, then from their defaults, then 25', () => {
    const query = 'query Q($n: Int = 4) { failedZoneChanges(first: $n) { nodes { id } } }';
    expect(cost(query, { n: 90 })).toBe(1 + 90 * 2);
    expect(cost(query, {})).toBe(1 + 4 * 2);
    expect(cost(query, { n: null })).toBe(1 + 25 * 2); // an explicit null is the resolver's default
    expect(cost('query Q($n: Int) { failedZoneChanges(first: $n) { nodes { id } } }')).toBe(1 + 25 * 2);
  });

  it('expands named and inline fragments, within the connection they are spread in', () => {
    const viaFragment = cost('{ failedZoneChanges(first: 10) { ...Page } } fragment Page on ZoneChangeConnection { nodes { id summary } }');
    expect(viaFragment).toBe(cost('{ failedZoneChanges(first: 10) { nodes { id summary } } }'));
    const inline = cost('{ changes(domain: "example.com", first: 10) { nodes { ... on ZoneChange { id } ... on DomainChange { id message } } } }');
    expect(inline).toBe(1 + 10 * (1 + 1 + 2));
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

  it('costs federation _entities like one parent, whatever the number of representations', () => {
    const query = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Zone { name changes(first: 5) { nodes { id } } } } }';
    const representations = Array.from({ length: 100 }, (_, i) => ({ __typename: 'Zone', zoneId: `z${i}` }));
    expect(cost(query, { r: representations })).toBe(1 + 1 + 1 + 5 * 2);
  });

  it('picks the operation by name, and costs nothing when none can be picked', () => {
    const doc = 'query A { zone(name: "ok") { name } } query B { failedZoneChanges(first: 10) { nodes { id } } }';
    expect(cost(doc, {}, 'A')).toBe(2);
    expect(cost(doc, {}, 'B')).toBe(21);
    expect(cost(doc)).toBe(0);
  });
});
