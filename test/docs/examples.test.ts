// Every example operation of the documentation runs against the sandbox as written: each
// ```graphql block of README.md, each docs/queries/*.graphql file and GraphiQL's opening example,
// with the variables the example itself gives (a comment "Variables…: { … }" in it). Each must
// answer data without errors, with no root field null: an example that needs a placeholder
// replaced, or names a record without history, fails here. An example of the merged timeline
// must show both providers on its first page.
import { parse, validate } from 'graphql';
import { buildSchema } from '../../src/schema/index.js';
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_QUERY, EXAMPLE_VARIABLES } from '../../src/schema/graphiql.js';
import { merge, postIncremental, rest } from '../helpers/incremental.js';
import { startStack, type Stack } from '../helpers/stack.js';

interface Example {
  source: string;
  operation: string;
  variables: Record<string, unknown>;
}

const ROOT = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, ROOT), 'utf8');

/** The JSON object after the word "Variables" in the example's comments, else {}. */
export function variablesOf(operation: string): Record<string, unknown> {
  const comments = operation
    .split('\n')
    .filter((line) => line.trimStart().startsWith('#'))
    .map((line) => line.trimStart().slice(1))
    .join('\n');
  const at = comments.search(/Variables/);
  if (at === -1) return {};
  const start = comments.indexOf('{', at);
  if (start === -1) return {};
  let depth = 0;
  for (let i = start; i < comments.length; i++) {
    if (comments[i] === '{') depth++;
    if (comments[i] === '}' && --depth === 0) return JSON.parse(comments.slice(start, i + 1)) as Record<string, unknown>;
  }
  throw new Error(`unbalanced variables in: ${comments}`);
}

function examples(): Example[] {
  const readme = read('README.md');
  const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m, i) => ({ source: `README.md, graphql block ${i + 1}`, operation: m[1] }));
  const files = readdirSync(new URL('docs/queries/', ROOT))
    .filter((f) => f.endsWith('.graphql'))
    .map((f) => ({ source: `docs/queries/${f}`, operation: read(`docs/queries/${f}`) }));
  return [
    ...[...blocks, ...files].map((e) => ({ ...e, variables: variablesOf(e.operation) })),
    { source: 'GraphiQL (src/schema/graphiql.ts)', operation: EXAMPLE_QUERY, variables: JSON.parse(EXAMPLE_VARIABLES) },
  ];
}

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const all = examples();

describe("the documentation's example operations", () => {
  it("are all found: README blocks, docs/queries and GraphiQL's", () => {
    expect(all.filter((e) => e.source.startsWith('README')).length).toBeGreaterThanOrEqual(4);
    expect(all.filter((e) => e.source.startsWith('docs/queries')).length).toBeGreaterThanOrEqual(5);
  });

  it.each(all.map((e) => [e.source, e] as const))('%s answers data without errors', async (_source, example) => {
    if (/^\s*(#.*\n\s*)*subscription\b/.test(example.operation)) {
      // A subscription never ends: it is checked against the schema here; test/live runs them.
      expect(validate(buildSchema(), parse(example.operation)).map((e) => e.message)).toEqual([]);
      return;
    }
    const res = /@(defer|stream)\b/.test(example.operation) ? await incrementally(example) : await stack.gql(example.operation, example.variables);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    expect(res.data).toBeTruthy();
    for (const [field, value] of Object.entries(res.data)) expect(value, `${field} is null`).not.toBeNull();
    // A timeline example shows the feature's point: DNS and mail changes merged on its first page.
    if (res.data.changes?.edges) {
      const providers = new Set(res.data.changes.edges.map((e: any) => e.node.provider));
      expect([...providers].sort()).toEqual(['OPENSRS', 'VINYLDNS']);
    }
  });
});

/** An example with @defer/@stream, read as a multipart-aware client reads it: the merged answer. */
async function incrementally(example: Example): Promise<{ data: any; errors?: unknown[] }> {
  const payloads = await rest((await postIncremental(stack.url, example.operation, example.variables)).parts);
  expect(payloads.length, 'a deferred example should come in more than one part').toBeGreaterThan(1);
  const { data, errors } = merge(payloads);
  return { data, errors: errors.length ? errors : undefined };
}

describe('variablesOf', () => {
  it('reads the JSON after "Variables" in the comments, across lines', () => {
    expect(variablesOf('# Variables, e.g.:\n# { "a": 1,\n#   "b": { "c": [2] } }. Next page…\nquery { x }')).toEqual({ a: 1, b: { c: [2] } });
    expect(variablesOf('query { x }')).toEqual({});
  });
});
