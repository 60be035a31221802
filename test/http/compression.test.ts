// Compressed answers and a cacheable GraphiQL page, measured on the wire (node:http, which does
// not decompress): the benchmark's 100-edge page of record set changes and the GraphiQL page,
// each without Accept-Encoding, with gzip and with brotli. The figures are logged.
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIG_ZONE_ID, PAGE_QUERY } from '../../bench/scenarios.js';
import { negotiateEncoding } from '../../src/http/compression.js';
import { startStack, type Stack } from '../helpers/stack.js';

interface Wire {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The body as it travelled. */
  raw: Buffer;
  /** The body decoded. */
  text: string;
}

function send(url: string, options: { method: 'GET' | 'POST'; headers?: Record<string, string>; body?: string }): Promise<Wire> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method, headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const encoding = res.headers['content-encoding'];
        const decoded = encoding === 'br' ? brotliDecompressSync(raw) : encoding === 'gzip' ? gunzipSync(raw) : raw;
        resolve({ status: res.statusCode ?? 0, headers: res.headers, raw, text: decoded.toString('utf8') });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const kb = (n: number) => `${n.toLocaleString('en')} bytes`;

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

describe('GraphQL answers', () => {
  const page = (encoding?: string) =>
    send(`${stack.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...(encoding ? { 'accept-encoding': encoding } : {}) },
      body: JSON.stringify({ query: PAGE_QUERY, variables: { zoneId: BIG_ZONE_ID } }),
    });

  it('come compressed as Accept-Encoding allows, and decode to the same answer', async () => {
    const plain = await page();
    const gzip = await page('gzip');
    const br = await page('gzip, deflate, br, zstd');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(br.headers['content-encoding']).toBe('br');
    for (const res of [plain, gzip, br]) {
      expect(res.status).toBe(200);
      expect(res.headers.vary).toMatch(/accept-encoding/i);
    }
    const answer = JSON.parse(plain.text);
    expect(answer.data.zone.recordSetChanges.edges).toHaveLength(100);
    expect(JSON.parse(gzip.text)).toEqual(answer);
    expect(JSON.parse(br.text)).toEqual(answer);
    // Cursors and ids are high-entropy: a page compresses about 3×, not the 10× of prose.
    expect(gzip.raw.length).toBeLessThan(plain.raw.length / 2);
    expect(br.raw.length).toBeLessThan(gzip.raw.length);
    console.log(`100-edge record set changes page on the wire: ${kb(plain.raw.length)} uncompressed, ${kb(gzip.raw.length)} gzip, ${kb(br.raw.length)} brotli`);
  });

  it('leave small answers uncompressed', async () => {
    const res = await send(`${stack.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-encoding': 'br, gzip' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(res.text)).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('the GraphiQL page', () => {
  const graphiql = (headers: Record<string, string> = {}) => send(`${stack.url}/graphql`, { method: 'GET', headers: { accept: 'text/html', ...headers } });

  it('comes compressed, with an ETag and Cache-Control; a browser that has it gets a 304 without a body', async () => {
    const plain = await graphiql();
    const gzip = await graphiql({ 'accept-encoding': 'gzip' });
    const br = await graphiql({ 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(plain.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(br.text).toBe(plain.text);
    expect(gzip.text).toBe(plain.text);
    expect(plain.text).toContain('<title>changegraph</title>');
    expect(br.raw.length).toBeLessThan(plain.raw.length / 4);
    console.log(`GraphiQL page on the wire: ${kb(plain.raw.length)} uncompressed, ${kb(gzip.raw.length)} gzip, ${kb(br.raw.length)} brotli`);

    const etag = String(br.headers.etag);
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    expect(plain.headers.etag).toBe(etag);
    expect(br.headers['cache-control']).toBe('no-cache');
    const again = await graphiql({ 'accept-encoding': 'br', 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.raw.length).toBe(0);
    expect(again.headers.etag).toBe(etag);
    const stale = await graphiql({ 'if-none-match': 'W/"something-else"' });
    expect(stale.status).toBe(200);
    expect(stale.text).toBe(plain.text);
  }, 60_000);
});

describe('negotiateEncoding', () => {
  it.each([
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0.5, gzip', 'gzip'],
    ['gzip;q=0.8,br', 'br'],
    ['*', 'br'],
    ['br;q=0, *', 'gzip'],
    ['identity', undefined],
    ['deflate', undefined],
    ['gzip;q=0', undefined],
    ['', undefined],
  ])('%j → %s', (header, expected) => {
    expect(negotiateEncoding(header)).toBe(expected);
  });
});
