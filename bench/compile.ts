// The bench runs every server process on compiled JavaScript under plain `node`, as the Docker
// image and `npm start` run the gateway: under tsx, each process carries the TypeScript loader
// (about 90 MB more resident memory for the gateway, seconds more start-up), which would blur
// the memory figures and slow every start. One incremental `tsc` over src/ and bench/ into
// node_modules/.cache/changegraph-bench (a few seconds; about one when nothing changed).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const root = path.dirname(benchDir);
export const COMPILED_DIR = path.join(root, 'node_modules', '.cache', 'changegraph-bench');

/** Compiles src/ and bench/; returns the directory that holds `bench/<script>.js`. */
export function compileBench(): string {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  mkdirSync(COMPILED_DIR, { recursive: true });
  try {
    execFileSync(process.execPath, [tsc, '-p', path.join(benchDir, 'tsconfig.json')], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const out = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`bench: tsc failed:\n${out.stdout?.toString() ?? ''}${out.stderr?.toString() ?? ''}`);
  }
  // Inside node_modules no package.json marks the output as ES modules, and src/schema reads
  // schema.graphql two levels above itself.
  writeFileSync(path.join(COMPILED_DIR, 'package.json'), '{ "type": "module" }\n');
  copyFileSync(path.join(root, 'schema.graphql'), path.join(COMPILED_DIR, 'schema.graphql'));
  return COMPILED_DIR;
}
