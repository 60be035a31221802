// Runs relay-compiler (the npm package's own prebuilt binary) over test/client/relay/*.ts in a
// scratch directory, against a schema file, and returns what it wrote.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FRAGMENTS = fileURLToPath(new URL('./relay/', import.meta.url));
const BIN = join(dirname(createRequire(import.meta.url).resolve('relay-compiler/package.json')), 'cli.js');

export interface RelayRun {
  status: number | null;
  output: string;
  /** Artifact file name → contents. */
  artifacts: Map<string, string>;
  /** With `persist`: the manifest relay-compiler wrote (hash → operation text). */
  manifest?: Record<string, string>;
}

export function compileRelay(schemaFile: string, options: { persist?: boolean } = {}): RelayRun {
  const dir = mkdtempSync(join(tmpdir(), 'changegraph-relay-'));
  try {
    cpSync(FRAGMENTS, join(dir, 'src'), { recursive: true });
    cpSync(schemaFile, join(dir, 'schema.graphql'));
    mkdirSync(join(dir, '__generated__'));
    const config: Record<string, unknown> = { src: './src', schema: './schema.graphql', language: 'typescript', artifactDirectory: './__generated__' };
    if (options.persist) {
      // relay-compiler adds to the file, which must exist.
      writeFileSync(join(dir, 'persisted_queries.json'), '{}');
      config.persistConfig = { file: './persisted_queries.json', algorithm: 'SHA256' };
    }
    writeFileSync(join(dir, 'relay.config.json'), JSON.stringify(config));
    const run = spawnSync(process.execPath, [BIN, '--output', 'quiet-with-errors'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    const artifacts = new Map<string, string>();
    for (const name of readdirSync(join(dir, '__generated__'))) artifacts.set(name, readFileSync(join(dir, '__generated__', name), 'utf8'));
    let manifest: Record<string, string> | undefined;
    if (options.persist && run.status === 0) manifest = JSON.parse(readFileSync(join(dir, 'persisted_queries.json'), 'utf8'));
    return { status: run.status, output: `${run.stdout}${run.stderr}`, artifacts, manifest };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The operation text an artifact sends (`params.text`). */
export function operationText(artifact: string): string {
  const match = /"text": ("(?:[^"\\]|\\.)*")/.exec(artifact);
  if (!match) throw new Error('no operation text in this artifact');
  return JSON.parse(match[1]) as string;
}

/** The persisted id an artifact sends instead of its text (`params.id`). */
export function operationId(artifact: string): string {
  const match = /"id": "([0-9a-f]+)"/.exec(artifact);
  if (!match) throw new Error('no persisted id in this artifact');
  return match[1];
}
