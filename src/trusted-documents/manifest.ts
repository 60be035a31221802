// The trusted documents manifest (TRUSTED_DOCUMENTS=<file>): the only operations the gateway
// runs when it is set, each under its id. Two forms are read, as the tools write them:
// - an object of id → operation text: relay-compiler's `persistConfig.file`, GraphQL Code
//   Generator's client preset `persisted-documents.json`;
// - Apollo's persisted query manifest: `{"format": "apollo-persisted-query-manifest",
//   "version": 1, "operations": [{"id", "body", …}]}`.
// Every operation is parsed at start-up, so a broken manifest stops the gateway instead of
// failing its callers one by one. The ids are taken as the manifest gives them (not re-hashed).
import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import type { EnvReader } from '../env.js';

/** Document id → operation text. */
export type TrustedDocuments = ReadonlyMap<string, string>;

const VARIABLE = 'TRUSTED_DOCUMENTS';

/** The manifest TRUSTED_DOCUMENTS names, or undefined when it is not set (every operation runs). */
export function trustedDocumentsConfig(env: EnvReader): TrustedDocuments | undefined {
  const file = env.value(VARIABLE);
  if (file === undefined) return undefined;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return env.fail(VARIABLE, `names a file that cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}): ${file}`);
  }
  let documents: Map<string, string>;
  try {
    documents = parseManifest(text);
  } catch (error) {
    return env.fail(VARIABLE, `is not a trusted documents manifest: ${(error as Error).message}`);
  }
  return documents;
}

export function parseManifest(text: string): Map<string, string> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error('not JSON');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new Error('expected a JSON object');
  const entries: Array<[string, unknown]> =
    (json as { format?: unknown }).format === 'apollo-persisted-query-manifest' ? apolloOperations(json as { operations?: unknown }) : Object.entries(json);
  const documents = new Map<string, string>();
  for (const [id, body] of entries) {
    if (typeof body !== 'string' || body.trim() === '') throw new Error(`the entry "${id.slice(0, 80)}" is not an operation text`);
    try {
      parse(body);
    } catch (error) {
      throw new Error(`the entry "${id.slice(0, 80)}" is not a valid GraphQL document (${(error as Error).message})`);
    }
    documents.set(id, body);
  }
  if (documents.size === 0) throw new Error('it holds no operation');
  return documents;
}

function apolloOperations(manifest: { operations?: unknown }): Array<[string, unknown]> {
  if (!Array.isArray(manifest.operations)) throw new Error('"operations" is not a list');
  return manifest.operations.map((op: { id?: unknown; body?: unknown }) => [String(op?.id ?? ''), op?.body]);
}
