// Fuzzing every argument the schema takes: random bytes, huge and negative numbers, unicode,
// wrong types, edited and foreign cursors. Whatever comes in, the answer is a clear error with a
// code (or data), never INTERNAL_SERVER_ERROR, never an HTTP 5xx, never a hang.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
const cursors: string[] = [];
const ids: string[] = [];
beforeAll(async () => {
  stack = await startStack();
  // Real cursors and ids to mutate and to replay against the wrong field.
  const res = await stack.gql(`{
    zones(first: 3) { edges { cursor node { id zoneId } } }
    zone(name: "example.com") { changes(first: 2) { edges { cursor node { id } } } recordSetChanges(first: 2) { edges { cursor node { id } } }
      recordSets(first: 2) { edges { cursor node { id } } } timeline(first: 2) { edges { cursor } } }
    domain(name: "example.com") { id changes(first: 2) { edges { cursor node { id } } } }
  }`);
  const collect = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(collect);
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        if (k === 'cursor' && typeof x === 'string') cursors.push(x);
        else if (k === 'id' && typeof x === 'string') ids.push(x);
        else collect(x);
      }
  };
  collect(res.data);
  expect(cursors.length).toBeGreaterThan(8);
});
afterAll(() => stack.close());

const OPERATIONS = [
  `query($first: Int, $after: String, $f: String) { zones(first: $first, after: $after, nameFilter: $f) { nodes { name } } }`,
  `query($first: Int, $after: String, $last: Int, $before: String) { zone(name: "example.com") { recordSetChanges(first: $first, after: $after, last: $last, before: $before) { nodes { changeId } } } }`,
  `query($first: Int, $after: String, $last: Int, $before: String) { zone(name: "ok") { failedRecordSetChanges(first: $first, after: $after, last: $last, before: $before) { nodes { changeId } } } }`,
  `query($first: Int, $after: String) { zone(name: "example.com") { changes(first: $first, after: $after) { nodes { changeId } } } }`,
  `query($first: Int, $after: String, $f: String, $types: [RecordType!]) { zone(name: "example.com") { recordSets(first: $first, after: $after, nameFilter: $f, types: $types) { nodes { name } } } }`,
  `query($id: ID, $zoneId: String, $name: String) { zone(id: $id, zoneId: $zoneId, name: $name) { name } }`,
  `query($id: ID!) { node(id: $id) { id } }`,
  `query($z: String!, $r: String!) { recordSet(zoneId: $z, recordSetId: $r) { name } }`,
  `query($z: String!, $f: String!, $t: RecordType!, $first: Int, $after: String) { recordSetChangeHistory(zoneId: $z, fqdn: $f, type: $t, first: $first, after: $after) { nodes { changeId } } }`,
  `query($name: String!, $first: Int, $after: String, $last: Int, $before: String, $order: ChangeOrder) { domain(name: $name) { changes(first: $first, after: $after, last: $last, before: $before, order: $order) { totalCount } } }`,
  `query($d: String!, $first: Int, $after: String, $since: DateTime, $until: DateTime, $actor: String, $p: [Provider!]) { changes(domain: $d, first: $first, after: $after, since: $since, until: $until, actor: $actor, providers: $p) { nodes { summary } } }`,
];

const weirdString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('', ' ', '.', '..', '*', '%', "'", '"', '\\', '\u0000', 'a'.repeat(5000), 'example.com', 'ok.', '../../etc', '%2F', 'OBF:1:x', '<....>'),
  fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b).toString('base64url')),
);
const weirdCursor = fc.oneof(
  weirdString,
  fc.constantFrom(...['placeholder']).chain(() => fc.nat().map((k) => cursors[k % cursors.length])),
  fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 0, max: 255 })).map(([k, at, byte]) => {
    const raw = Buffer.from(cursors[k % cursors.length], 'base64url');
    raw[at % raw.length] = byte;
    return raw.toString('base64url');
  }),
);
const weirdInt = fc.oneof(fc.integer(), fc.constantFrom(-1, 0, 1, 100, 101, 2 ** 31 - 1, -(2 ** 31)), fc.double(), fc.string());
const weirdValue = fc.oneof(weirdString, weirdInt, fc.boolean(), fc.constant(null), fc.array(weirdString, { maxLength: 3 }), fc.object({ maxDepth: 1 }));

describe('fuzzing arguments', () => {
  it('never answers INTERNAL_SERVER_ERROR or HTTP 5xx for 10,000 random requests', async () => {
    let internal = 0;
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: OPERATIONS.length - 1 }),
        fc.record(
          {
            first: weirdInt,
            last: weirdInt,
            after: weirdCursor,
            before: weirdCursor,
            f: weirdString,
            types: fc.array(fc.constantFrom('A', 'MX', 'NOPE', 'a'), { maxLength: 3 }),
            id: fc.oneof(
              weirdString,
              fc.nat().map((k) => ids[k % ids.length]),
            ),
            zoneId: weirdString,
            name: weirdString,
            z: weirdString,
            r: weirdString,
            t: fc.constantFrom('A', 'TXT', 'BOGUS', 1),
            order: fc.constantFrom('NEWEST_FIRST', 'OLDEST_FIRST', 'SIDEWAYS'),
            d: weirdString,
            since: fc.oneof(
              weirdString,
              fc.date().map((d) => (Number.isNaN(d.getTime()) ? 'x' : d.toISOString())),
            ),
            until: weirdString,
            actor: weirdString,
            p: fc.array(fc.constantFrom('VINYLDNS', 'OPENSRS', 'DNS'), { maxLength: 3 }),
            extra: weirdValue,
          },
          { requiredKeys: [] },
        ),
        async (op, variables) => {
          const res = await stack.gateway.yoga.fetch('http://gateway/graphql', {
            method: 'POST',
            headers: { 'content-type': 'application/json', accept: 'application/json' },
            body: JSON.stringify({ query: OPERATIONS[op], variables }),
          });
          expect(res.status).toBeLessThan(500);
          const body = (await res.json()) as { errors?: Array<{ extensions?: { code?: string }; message: string }> };
          answered++;
          for (const e of body.errors ?? []) {
            if (e.extensions?.code === 'INTERNAL_SERVER_ERROR' || !e.extensions?.code) {
              internal++;
              throw new Error(`${OPERATIONS[op]}\n${JSON.stringify(variables).slice(0, 500)}\n→ ${JSON.stringify(e)}`);
            }
          }
        },
      ),
      { numRuns: 10_000 },
    );
    expect(answered).toBe(10_000);
    expect(internal).toBe(0);
  }, 300_000);
});
