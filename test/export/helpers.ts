// Long merged histories in the sandbox, the full walk of Query.changes to compare exports with,
// and readers of the two export formats.
import { request } from 'node:http';
import { parse } from 'csv-parse/sync';
import type { ExportConfig } from '../../src/export/config.js';
import { seedMergedHistory } from '../../src/sandbox/history.js';
import type { GatewayConfig } from '../../src/config.js';
import type { Stack } from '../helpers/stack.js';

/** Export limits that never pace a test (tests of the pacing set their own). */
export const UNPACED: ExportConfig = {
  maxConcurrent: 8,
  maxConcurrentPerIdentity: 8,
  upstreamRps: 100_000,
  upstreamRpsPerIdentity: 100_000,
  stallTimeoutMs: 60_000,
};
export const unpaced = (c: GatewayConfig): GatewayConfig => ({ ...c, export: UNPACED });

/** A long merged history in the stack's sandbox (src/sandbox/history.ts). */
export const seedHistory = (stack: Stack, domain: string, count: number, seed = 1) => seedMergedHistory(stack.sandbox, domain, count, seed);

/** What both formats and Query.changes say about a change. */
export interface Row {
  type: string;
  id: string;
  provider: string;
  time: string;
  actor: string | null;
  summary: string;
  cursor: string;
}

const FEED = `query Walk($domain: String!, $after: String, $providers: [Provider!], $since: DateTime, $until: DateTime, $actor: String) {
  changes(domain: $domain, first: 100, after: $after, providers: $providers, since: $since, until: $until, actor: $actor) {
    edges { cursor node { __typename id provider occurredAt actor summary } }
    pageInfo { hasNextPage endCursor }
  } }`;

/** The whole of Query.changes, in pages of 100, as rows. */
export async function walkChanges(stack: Stack, vars: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Row[]> {
  const rows: Row[] = [];
  let after: string | undefined;
  for (let guard = 0; guard < 10_000; guard++) {
    const res = await stack.gql(FEED, { ...vars, after }, headers);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    const page = res.data.changes;
    for (const e of page.edges) {
      const n = e.node;
      rows.push({ type: n.__typename, id: n.id, provider: n.provider, time: n.occurredAt, actor: n.actor, summary: n.summary, cursor: e.cursor });
    }
    if (!page.pageInfo.hasNextPage) return rows;
    after = page.pageInfo.endCursor;
  }
  throw new Error('Query.changes did not end');
}

export function exportPath(params: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) query.set(k, v);
  return `/export/changes?${query}`;
}

/** NDJSON lines as objects (every line must be whole). */
export const ndjsonLines = (text: string): any[] =>
  text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l));

export const ndjsonRows = (text: string): Row[] =>
  ndjsonLines(text).map(({ type, id, provider, time, actor, summary, cursor }) => ({ type, id, provider, time, actor, summary, cursor }));

/** CSV records as objects by column (RFC 4180, through csv-parse). */
export const csvRecords = (text: string): Record<string, string>[] => parse(text, { columns: true, relax_column_count: false, record_delimiter: '\r\n' });

export const csvRows = (text: string): Row[] =>
  csvRecords(text).map((r) => ({
    type: r.type,
    id: r.id,
    provider: r.provider,
    time: r.time,
    actor: r.actor === '' ? null : r.actor,
    summary: r.summary,
    cursor: r.cursor,
  }));

/** A raw GET over node:http: the status, headers, the body received, and how the transfer ended. */
export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** True when the transfer ended properly (the chunked encoding's last chunk arrived). */
  complete: boolean;
}

/**
 * GETs `url`; `onChunk` may stop reading early by returning 'cut' (the connection is destroyed, as
 * a client that goes away would).
 */
export function rawGet(
  url: string,
  headers: Record<string, string> = {},
  onChunk?: (received: string) => 'cut' | void,
  socketPath?: string,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers, agent: false, ...(socketPath ? { socketPath } : {}) }, (res) => {
      res.setEncoding('utf8');
      let body = '';
      let done = false;
      const finish = (complete: boolean) => {
        if (done) return;
        done = true;
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, complete });
      };
      res.on('data', (chunk: string) => {
        body += chunk;
        if (onChunk?.(body) === 'cut') {
          req.destroy();
          finish(false);
        }
      });
      res.on('end', () => finish(res.complete));
      res.on('error', () => finish(false));
      res.on('close', () => finish(res.complete));
    });
    req.on('error', (error) => reject(error));
    req.end();
  });
}
