// The request body limit (25 MB, yoga's default `maxRequestBodySize`):
// a body declared or sent larger is refused with 413 before it is parsed, a chunked body (no
// Content-Length) is counted as it arrives, and bodies under the limit are answered as before.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** Yoga's default `maxRequestBodySize`, which the gateway keeps. */
const MAX_REQUEST_BODY_BYTES = 25_000_000;
import { startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

interface Answer {
  status: number;
  body: string;
}

/** POSTs to /graphql: `chunks` one by one (chunked unless `contentLength` is given); the answer. */
function post(chunks: Iterable<string | Buffer>, contentLength?: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { 'content-type': 'application/json', accept: 'application/json' };
    if (contentLength !== undefined) headers['content-length'] = contentLength;
    // A connection of its own: one the server stopped reading mid-body cannot carry another request.
    const req = request(`${stack.url}/graphql`, { method: 'POST', headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, body });
        req.destroy();
      });
    });
    let answered = false;
    req.on('response', () => (answered = true));
    // The server may answer (and stop reading) before the whole body is sent.
    req.on('error', (error) => (answered ? undefined : reject(error)));
    void (async () => {
      for (const chunk of chunks) {
        if (answered || req.destroyed) return;
        if (!req.write(chunk)) await new Promise((resolve) => req.once('drain', resolve));
      }
      if (contentLength === undefined || !answered) req.end();
    })();
  });
}

const QUERY = JSON.stringify({ query: '{ __typename }' });

describe('request body limit', () => {
  it('answers a small chunked body as usual', async () => {
    const res = await post([QUERY.slice(0, 5), QUERY.slice(5)]);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses a body declared larger than the limit with 413, without reading it', async () => {
    const res = await post([], MAX_REQUEST_BODY_BYTES + 1);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).errors[0]).toMatchObject({ message: 'Request body too large', extensions: { code: 'REQUEST_ENTITY_TOO_LARGE' } });
  });

  it('refuses a chunked body once it grows past the limit, with 413', async () => {
    const mb = Buffer.alloc(2 ** 20, ' ');
    function* body() {
      yield '{"query":"{ __typename }"';
      for (let sent = 0; sent <= MAX_REQUEST_BODY_BYTES; sent += mb.length) yield mb;
      yield '}';
    }
    const res = await post(body());
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).errors[0]).toMatchObject({ message: 'Request body too large', extensions: { code: 'REQUEST_ENTITY_TOO_LARGE' } });
  });
});
