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
import { isRecord, optionalString } from '../model/guards.js';

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
    const code = isRecord(error) ? optionalString(error.code) : undefined;
    return env.fail(VARIABLE, `names a file that cannot be read (${code ?? 'error'}): ${file}`);
  }
  let documents: Map<string, string>;
  try {
    documents = parseManifest(text);
  } catch (error) {
    return env.fail(VARIABLE, `is not a trusted documents manifest: ${messageOf(error)}`);
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
  if (!isRecord(json)) throw new Error('expected a JSON object');
  const entries: Array<[string, unknown]> = json.format === 'apollo-persisted-query-manifest' ? apolloOperations(json.operations) : Object.entries(json);
  const documents = new Map<string, string>();
  for (const [id, body] of entries) {
    if (typeof body !== 'string' || body.trim() === '') throw new Error(`the entry "${id.slice(0, 80)}" is not an operation text`);
    try {
      parse(body);
    } catch (error) {
      throw new Error(`the entry "${id.slice(0, 80)}" is not a valid GraphQL document (${messageOf(error)})`);
    }
    documents.set(id, body);
  }
  if (documents.size === 0) throw new Error('it holds no operation');
  return documents;
}

function apolloOperations(operations: unknown): Array<[string, unknown]> {
  if (!Array.isArray(operations)) throw new Error('"operations" is not a list');
  return operations.map((op: unknown): [string, unknown] => (isRecord(op) ? [String(op.id ?? ''), op.body] : ['', undefined]));
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
