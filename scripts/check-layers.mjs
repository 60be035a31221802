#!/usr/bin/env node
// Fails (exit 1) when an import in src/ runs back up the layers or closes a circle.
// The layers, top to bottom, are the ones docs/ARCHITECTURE.md draws; a module may import its
// own layer or any layer below it. Imports within one layer must still form no circle.
// Run: node scripts/check-layers.mjs [src]
import fs from 'node:fs';
import path from 'node:path';

/** Top-level folders and root files of src/, by layer (0 is the top). */
const LAYERS = [
  ['main.ts', 'cli', 'sandbox'],
  ['server.ts'],
  [
    'schema',
    'generated',
    'context.ts',
    'config.ts',
    'auth',
    'limits',
    'cache',
    'observability',
    'safety',
    'http',
    'trusted-documents',
    'client-support.ts',
    'live',
    'export',
  ],
  ['feed', 'connections'],
  ['sources', 'parents'],
  ['pagination'],
  ['providers'],
  ['model', 'errors.ts', 'env.ts', 'logger.ts', 'request-id.ts'],
];

const root = path.resolve(process.argv[2] ?? 'src');
const rank = new Map(LAYERS.flatMap((units, i) => units.map((u) => [u, i])));
const unitOf = (file) => path.relative(root, file).split(path.sep)[0];

const files = [];
(function walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(p);
    else if (/\.ts$/.test(entry.name) && !/\.d\.ts$/.test(entry.name)) files.push(p);
  }
})(root);
const known = new Set(files);

function resolve(from, spec) {
  if (!spec.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), spec);
  return [base.replace(/\.js$/, '.ts'), `${base}.ts`, path.join(base, 'index.ts')].find((c) => known.has(c)) ?? null;
}

const problems = [];
const edges = new Map();
for (const file of files) {
  const text = fs.readFileSync(file, 'utf8');
  const targets = new Set();
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    const target = resolve(file, m[1] ?? m[2]);
    if (target) targets.add(target);
  }
  edges.set(file, targets);
  const from = unitOf(file);
  if (!rank.has(from)) problems.push(`${path.relative(root, file)}: ${from} has no layer (add it to LAYERS in scripts/check-layers.mjs)`);
  for (const target of targets) {
    const to = unitOf(target);
    if (rank.has(from) && rank.has(to) && rank.get(to) < rank.get(from)) {
      problems.push(`${path.relative(root, file)} imports ${path.relative(root, target)}: ${to} is a layer above ${from}`);
    }
  }
}

// Circles between folders (and root files) of the same layer: Tarjan's strongly connected components.
const unitEdges = new Map();
for (const [file, targets] of edges) {
  for (const target of targets) {
    const a = unitOf(file);
    const b = unitOf(target);
    if (a !== b) unitEdges.set(a, new Set([...(unitEdges.get(a) ?? []), b]));
  }
}
for (const circle of stronglyConnected([...new Set(files.map(unitOf))], unitEdges)) problems.push(`import circle: ${circle.join(' -> ')}`);
for (const circle of stronglyConnected(files, edges)) problems.push(`import circle: ${circle.map((f) => path.relative(root, f)).join(' -> ')}`);

function stronglyConnected(nodes, adjacency) {
  let next = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  const visit = (v) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of adjacency.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) === index.get(v)) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component);
    }
  };
  for (const v of nodes) if (!index.has(v)) visit(v);
  return found;
}

for (const p of problems) console.log(p);
console.log(`layers: ${files.length} modules, ${problems.length} problem(s)`);
process.exit(problems.length === 0 ? 0 : 1);
