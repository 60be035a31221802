// Trusted documents (TRUSTED_DOCUMENTS=<manifest>): the manifest relay-compiler writes with
// `persistConfig` (and one written as GraphQL Code Generator's client preset writes it) is
// loaded, the operations in it run by id however the client sends the id, and anything else is
// refused with a code before any upstream is called.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reader } from '../../src/env.js';
import { loadConfig } from '../../src/config.js';
import { encodeId } from '../../src/model/ids.js';
import { parseManifest, trustedDocumentsConfig } from '../../src/trusted-documents/manifest.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { compileRelay, operationId } from './relay-compiler.js';

const CLIENT_SCHEMA = fileURLToPath(new URL('../../schema.client.graphql', import.meta.url));
/** As GraphQL Code Generator's client preset keys a document: the SHA-256 of its text. */
const CODEGEN_DOC = 'query ZoneName($name: String!) { zone(name: $name) { name } }';
const CODEGEN_HASH = createHash('sha256').update(CODEGEN_DOC).digest('hex');

let dir: string;
let manifestFile: string;
let relayIds: Map<string, string>;
let stack: Stack;

beforeAll(async () => {
  const relay = compileRelay(CLIENT_SCHEMA, { persist: true });
  expect(relay.status, relay.output).toBe(0);
  relayIds = new Map(
    [...relay.artifacts].filter(([name]) => name.endsWith('Query.graphql.ts')).map(([name, text]) => [name.replace('.graphql.ts', ''), operationId(text)]),
  );
  dir = mkdtempSync(join(tmpdir(), 'changegraph-trusted-'));
  manifestFile = join(dir, 'persisted-documents.json');
  writeFileSync(manifestFile, JSON.stringify({ ...relay.manifest, [CODEGEN_HASH]: CODEGEN_DOC }));
  const trustedDocuments = loadConfig({ TRUSTED_DOCUMENTS: manifestFile }).trustedDocuments;
  stack = await startStack({ config: (c) => ({ ...c, trustedDocuments }) });
}, 60_000);
afterAll(async () => {
  await stack.close();
  rmSync(dir, { recursive: true, force: true });
});

async function post(body: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(`${stack.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

describe('a trusted document', () => {
  it('runs by the id relay-compiler gave it, sent as Relay sends it (doc_id) or as documentId', async () => {
    const id = encodeId({ type: 'Domain', name: 'example.com' });
    const refetch = await post({ documentId: relayIds.get('DomainHistoryRefetchQuery'), variables: { id, count: 2 } });
    expect(refetch.json.errors).toBeUndefined();
    expect(refetch.json.data.node).toMatchObject({ id, name: 'example.com', changes: { totalCount: 18 } });

    const byDocId = await post({ doc_id: relayIds.get('ChangesFeedPaginationQuery'), variables: { domain: 'example.com', count: 3 } });
    expect(byDocId.status).toBe(200);
    expect(byDocId.json.errors).toBeUndefined();
    expect(byDocId.json.data.changes.edges).toHaveLength(3);
  });

  it('runs by GET with ?documentId= (with the CSRF header a GET needs)', async () => {
    const id = relayIds.get('ChangesFeedZonesPaginationQuery')!;
    const res = await fetch(`${stack.url}/graphql?documentId=${id}&variables=${encodeURIComponent(JSON.stringify({ count: 2 }))}`, {
      headers: { accept: 'application/json', 'x-graphql-csrf': '1' },
    });
    const json = await res.json();
    expect(json.errors).toBeUndefined();
    expect(json.data.zones.edges).toHaveLength(2);
  });

  it('runs by its SHA-256 in extensions.persistedQuery, as GraphQL Code Generator clients send it', async () => {
    const res = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: CODEGEN_HASH } }, variables: { name: 'example.com' } });
    expect(res.json).toEqual({ data: { zone: { name: 'example.com.' } } });
  });
});

describe('anything else', () => {
  it('is refused with a code, before any upstream call', async () => {
    stack.sandbox.vinyldns.clearLog();
    stack.sandbox.opensrs.clearLog();
    const text = await post({ query: CODEGEN_DOC, variables: { name: 'example.com' } });
    expect(text.status).toBe(400);
    expect(text.json.errors[0].extensions).toMatchObject({ code: 'PERSISTED_QUERY_ONLY' });
    expect(text.json.errors[0].message).toMatch(/runs only trusted documents/);

    const unknown = await post({ documentId: 'f'.repeat(64), variables: {} });
    expect(unknown.status).toBe(400);
    expect(unknown.json.errors[0].extensions).toMatchObject({ code: 'PERSISTED_QUERY_NOT_IN_LIST' });
    expect(unknown.json.errors[0].message).toContain(`"${'f'.repeat(64)}" is not one of them`);

    const none = await post({ variables: {} });
    expect(none.json.errors[0].extensions).toMatchObject({ code: 'PERSISTED_QUERY_ID_REQUIRED' });
    expect(stack.sandbox.vinyldns.log).toEqual([]);
    expect(stack.sandbox.opensrs.log).toEqual([]);
  });
});

describe('the manifest', () => {
  it("reads relay-compiler's, GraphQL Code Generator's and Apollo's forms", () => {
    expect(parseManifest(JSON.stringify({ abc: '{ __typename }' }))).toEqual(new Map([['abc', '{ __typename }']]));
    const apollo = {
      format: 'apollo-persisted-query-manifest',
      version: 1,
      operations: [{ id: 'h1', name: 'Q', type: 'query', body: 'query Q { __typename }' }],
    };
    expect(parseManifest(JSON.stringify(apollo))).toEqual(new Map([['h1', 'query Q { __typename }']]));
  });

  it('stops start-up with one line naming TRUSTED_DOCUMENTS when it is missing or broken', () => {
    expect(() => trustedDocumentsConfig(reader({ TRUSTED_DOCUMENTS: join(dir, 'missing.json') }))).toThrow(
      /TRUSTED_DOCUMENTS names a file that cannot be read \(ENOENT\)/,
    );
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, JSON.stringify({ h: 'query { zone(' }));
    expect(() => trustedDocumentsConfig(reader({ TRUSTED_DOCUMENTS: broken }))).toThrow(
      /TRUSTED_DOCUMENTS is not a trusted documents manifest: the entry "h" is not a valid GraphQL document/,
    );
    writeFileSync(broken, '{}');
    expect(() => trustedDocumentsConfig(reader({ TRUSTED_DOCUMENTS: broken }))).toThrow(/holds no operation/);
    expect(trustedDocumentsConfig(reader({}))).toBeUndefined();
  });
});
