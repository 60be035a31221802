// The request id and the request log: a safe incoming X-Request-Id is kept (else a UUID is made),
// returned in the response, sent to both upstreams, and on every log line of the request; each
// request logs one JSON line with its outcome and never its query string.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { acceptRequestId } from '../../src/request-id.js';
import { startStack, type Stack } from '../helpers/stack.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A pass-through proxy in front of the OpenSRS simulator that remembers the request headers. */
async function recordingProxy(target: () => string): Promise<{ url: string; seen: IncomingHttpHeaders[]; close(): Promise<void> }> {
  const seen: IncomingHttpHeaders[] = [];
  const server: Server = createServer(async (req, res) => {
    seen.push(req.headers);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const upstream = await fetch(`${target()}${req.url}`, { method: req.method, headers: { 'content-type': 'application/json' }, body: Buffer.concat(chunks) });
    res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'text/plain' }).end(await upstream.text());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let stack: Stack;
let proxy: Awaited<ReturnType<typeof recordingProxy>>;
let lines: string[];
beforeAll(async () => {
  proxy = await recordingProxy(() => stack.sandbox.opensrsUrl);
  stack = await startStack({ config: (c) => ({ ...c, logLevel: 'debug', opensrs: { ...c.opensrs!, url: proxy.url } }) });
});
afterAll(async () => {
  await stack.close();
  await proxy.close();
});

/** Sends one request while capturing the gateway's log lines. */
async function capture(send: () => Promise<Response>): Promise<{ res: Response; logs: any[] }> {
  lines = [];
  const keep = (chunk: unknown) => (lines.push(String(chunk)), true);
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(keep);
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(keep);
  try {
    const res = await send();
    await res.text();
    const logs = () =>
      lines
        .flatMap((l) => l.split('\n'))
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l));
    // The request line is written as the response ends, which may be after the client has it.
    await vi.waitFor(() => expect(logs().some((l) => l.msg === 'request')).toBe(true));
    return { res, logs: logs() };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

const post = (query: string, headers: Record<string, string> = {}) =>
  fetch(`${stack.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });

const QUERY = 'query Both { zone(name: "ok") { name } domain(name: "example.com") { name } }';

describe('request id', () => {
  it('accepts safe tokens only', () => {
    expect(acceptRequestId('req-123.abc:XYZ_9')).toBe('req-123.abc:XYZ_9');
    for (const unsafe of ['', ' x', 'has space', 'quote"', 'new\nline', '-leading-dash', 'ü', 'x'.repeat(129)]) expect(acceptRequestId(unsafe)).toMatch(UUID);
    expect(acceptRequestId(undefined)).toMatch(UUID);
  });

  it('keeps a safe X-Request-Id: in the response, to VinylDNS and OpenSRS, and in every log line', async () => {
    const id = 'req-123.abc:XYZ_9';
    const vinylFrom = stack.sandbox.vinyldns.log.length;
    const osrsFrom = proxy.seen.length;
    const { res, logs } = await capture(() => post(QUERY, { 'x-request-id': id }));
    expect(res.headers.get('x-request-id')).toBe(id);
    const vinyl = stack.sandbox.vinyldns.log.slice(vinylFrom);
    expect(vinyl.length).toBeGreaterThan(0);
    expect(vinyl.every((e) => e.headers['x-request-id'] === id)).toBe(true);
    const osrs = proxy.seen.slice(osrsFrom);
    expect(osrs.length).toBeGreaterThan(0);
    expect(osrs.every((h) => h['x-request-id'] === id)).toBe(true);
    expect(logs.length).toBeGreaterThan(1);
    expect(logs.every((l) => l.requestId === id)).toBe(true);
  });

  it('replaces an unsafe one with a new UUID, used everywhere alike', async () => {
    const vinylFrom = stack.sandbox.vinyldns.log.length;
    const { res, logs } = await capture(() => post(QUERY, { 'x-request-id': 'evil"} {"injected": true' }));
    const id = res.headers.get('x-request-id')!;
    expect(id).toMatch(UUID);
    expect(stack.sandbox.vinyldns.log.slice(vinylFrom).every((e) => e.headers['x-request-id'] === id)).toBe(true);
    expect(logs.every((l) => l.requestId === id)).toBe(true);
    expect(lines.join('')).not.toContain('injected');
  });
});

describe('request log', () => {
  it('writes one info line per request with method, path, status, duration, operations and error codes', async () => {
    const { res, logs } = await capture(() => post('query Mixed { zone(name: "ok") { name } bad: zone(name: "not a name!") { name } }'));
    const requestLines = logs.filter((l) => l.msg === 'request');
    expect(requestLines).toHaveLength(1);
    expect(requestLines[0]).toMatchObject({
      level: 'info',
      requestId: res.headers.get('x-request-id'),
      method: 'POST',
      path: '/graphql',
      status: 200,
      operations: [{ name: 'Mixed', outcome: 'partial' }],
      errorCodes: ['BAD_USER_INPUT'],
    });
    expect(typeof requestLines[0].durationMs).toBe('number');
  });

  it('logs the path without the query string, and probes at debug level', async () => {
    const secretish = 'zone-name-in-a-get-query';
    const { logs } = await capture(() =>
      fetch(`${stack.url}/graphql?query=${encodeURIComponent(`{ zone(name: "${secretish}") { name } }`)}`, {
        headers: { accept: 'application/json', 'x-graphql-csrf': '1' },
      }),
    );
    const line = logs.find((l) => l.msg === 'request');
    expect(line).toMatchObject({ method: 'GET', path: '/graphql', status: 200 });
    expect(lines.join('')).not.toContain(secretish);
    const health = await capture(() => fetch(`${stack.url}/health`));
    expect(health.logs.find((l) => l.msg === 'request')).toMatchObject({ level: 'debug', path: '/health', status: 200 });
  });

  it('logs requests refused before parsing (batch limit) with their code', async () => {
    const body = JSON.stringify(Array.from({ length: 6 }, () => ({ query: '{ __typename }' })));
    const { logs } = await capture(() => fetch(`${stack.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }));
    expect(logs.find((l) => l.msg === 'request')).toMatchObject({ status: 400, operations: [], errorCodes: ['BATCH_LIMIT_EXCEEDED'] });
  });
});
