// The public schema held to a standard:
// - a committed snapshot of the printed subgraph SDL (test/schema/schema.snapshot.graphql): the
//   test fails with a readable diff when the public schema changes and the snapshot was not
//   updated (`UPDATE_SNAPSHOT=1 npx vitest run test/schema` rewrites it), and prints what changed,
//   breaking changes first, as @graphql-inspector/core's `diff` classifies them;
// - every type, field, argument and enum value is described, and every deprecation has a reason;
// - the example operations in docs/queries are valid against the schema.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import type { ASTNode, GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { typeDefsSource } from '../../src/schema/index.js';
import { graphql, printPublicSchema, SNAPSHOT_PATH, subgraphSchema } from './sdl.js';

const UPDATE = process.env.UPDATE_SNAPSHOT === '1';
const UPDATE_HINT = 'run `UPDATE_SNAPSHOT=1 npx vitest run test/schema` and commit test/schema/schema.snapshot.graphql';

const schemaOf = (sdl: string): GraphQLSchema => buildSubgraphSchema([{ typeDefs: graphql.parse(sdl) }]);

/** What changed between two printed schemas, breaking changes first, one line each. */
async function describeChanges(before: string, after: string): Promise<string[]> {
  const changes: Change[] = await diff(schemaOf(before), schemaOf(after));
  const order = [CriticalityLevel.Breaking, CriticalityLevel.Dangerous, CriticalityLevel.NonBreaking];
  return changes
    .slice()
    .sort((a, b) => order.indexOf(a.criticality.level) - order.indexOf(b.criticality.level))
    .map((c) => `  ${c.criticality.level.padEnd(12)} ${c.message}${c.criticality.reason ? ` (${c.criticality.reason})` : ''}`);
}

describe('public schema snapshot', () => {
  it('matches test/schema/schema.snapshot.graphql', async () => {
    const current = printPublicSchema();
    const previous = existsSync(SNAPSHOT_PATH) ? readFileSync(SNAPSHOT_PATH, 'utf8') : null;
    if (previous !== null && previous !== current) {
      const lines = await describeChanges(previous, current);
      const breaking = lines.filter((l) => l.includes(CriticalityLevel.Breaking)).length;
      console.log(
        [
          `Public schema changes against the snapshot (@graphql-inspector/core): ${lines.length} change(s), ${breaking} breaking`,
          ...(lines.length ? lines : ['  (none that change the contract: only order or formatting)']),
        ].join('\n'),
      );
    }
    if (UPDATE) {
      writeFileSync(SNAPSHOT_PATH, current);
      console.log(`UPDATE_SNAPSHOT=1: wrote ${fileURLToPath(SNAPSHOT_PATH)}`);
      return;
    }
    expect(previous, `no schema snapshot yet: ${UPDATE_HINT}`).not.toBeNull();
    expect(current, `the public schema differs from the snapshot; if the change is intended, ${UPDATE_HINT}`).toBe(previous);
  });

  it('is what the running service reports as its subgraph SDL', async () => {
    // `_service { sdl }` is what a federated gateway composes from: the snapshot covers it.
    const res = (await graphql.graphql({ schema: subgraphSchema(), source: '{ _service { sdl } }' })) as { data?: { _service: { sdl: string } } };
    const reported = res.data!._service.sdl;
    expect(printPublicSchema(schemaOf(reported))).toBe(printPublicSchema());
  });
});

describe('schema documentation', () => {
  const doc = graphql.parse(typeDefsSource);

  it('describes every type, field, argument and enum value', () => {
    const missing: string[] = [];
    const check = (node: { description?: { value: string } }, what: string) => {
      if (!node.description?.value.trim()) missing.push(what);
    };
    for (const def of doc.definitions) {
      if (!('name' in def) || !def.name || def.kind === graphql.Kind.OPERATION_DEFINITION || def.kind === graphql.Kind.FRAGMENT_DEFINITION) continue;
      const type = def.name.value;
      if ('description' in def) check(def, `${def.kind === graphql.Kind.DIRECTIVE_DEFINITION ? '@' : ''}${type}`);
      if ('fields' in def && def.fields) {
        for (const field of def.fields) {
          check(field, `${type}.${field.name.value}`);
          if ('arguments' in field) for (const arg of field.arguments ?? []) check(arg, `${type}.${field.name.value}(${arg.name.value})`);
        }
      }
      if ('values' in def && def.values) for (const value of def.values) check(value, `${type}.${value.name.value}`);
      if (def.kind === graphql.Kind.DIRECTIVE_DEFINITION) for (const arg of def.arguments ?? []) check(arg, `@${type}(${arg.name.value})`);
    }
    expect(missing, 'schema.graphql elements without a description').toEqual([]);
  });

  it('gives every deprecation a reason', () => {
    const withoutReason: string[] = [];
    graphql.visit(doc, {
      Directive(node, _key, _parent, _path, ancestors) {
        if (node.name.value !== 'deprecated') return;
        const reason = node.arguments?.find((a) => a.name.value === 'reason');
        if (!reason || reason.value.kind !== graphql.Kind.STRING || !reason.value.value.trim()) {
          const owner = [...ancestors].reverse().find((a): a is ASTNode & { name: { value: string } } => !Array.isArray(a) && 'name' in (a as object));
          withoutReason.push(owner?.name.value ?? '?');
        }
      },
    });
    expect(withoutReason, '@deprecated without a reason').toEqual([]);
  });
});

describe('example operations (docs/queries)', () => {
  const dir = new URL('../../docs/queries/', import.meta.url);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort();

  it('has the operations a frontend needs', () => {
    expect(files).toEqual(expect.arrayContaining(['domain-changes.graphql', 'failed-changes.graphql', 'record-history.graphql', 'zone-history.graphql']));
  });

  it.each(files)('%s parses and validates against the schema', (file) => {
    const source = readFileSync(new URL(file, dir), 'utf8');
    const document = graphql.parse(source);
    const errors = graphql.validate(subgraphSchema(), document);
    expect(errors.map((e) => e.message)).toEqual([]);
    const operations = document.definitions.filter((d) => d.kind === graphql.Kind.OPERATION_DEFINITION);
    expect(operations).toHaveLength(1);
    expect(operations[0]).toMatchObject({ operation: 'query', name: { value: expect.any(String) } });
  });
});
