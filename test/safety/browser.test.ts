// Browser-safe defaults (issue 11): any web page an operator opens must not be able to read
// through the gateway. No CORS grant unless CORS_ORIGINS lists the origin (and never `null` or a
// wildcard with credentials); GET and form/text POSTs need the X-GraphQL-CSRF header (a page
// cannot add it without a preflight); a Host that is not the gateway's (DNS rebinding) is refused.
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultWebConfig } from '../../src/safety/config.js';
import { startStack, type Stack } from '../helpers/stack.js';

const QUERY = '{ zone(name: "ok") { name } }';

/** A raw request, so the Host header can be anything (fetch always sends the URL's). */
function raw(url: string, path: string, headers: Record<string, string>, method = 'GET', body?: string) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = httpRequest(`${url}${path}`, { method, headers }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('defaults', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it('grants no CORS to a cross-origin request or preflight', async () => {
    const post = await fetch(`${stack.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ query: QUERY }),
    });
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
    expect(post.headers.get('access-control-allow-credentials')).toBeNull();
    const preflight = await fetch(`${stack.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-headers')).toBeNull();
  });

  it('refuses a simple GET without the CSRF header, before anything is read', async () => {
    stack.sandbox.vinyldns.clearLog();
    const res = await fetch(`${stack.url}/graphql?query=${encodeURIComponent(QUERY)}`, { headers: { accept: 'application/json' } });
    expect(res.status).toBe(403);
    const body = (await res.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(body.errors[0].extensions.code).toBe('CSRF_HEADER_REQUIRED');
    expect(body.errors[0].message).toMatch(/X-GraphQL-CSRF/);
    expect(stack.sandbox.vinyldns.log).toHaveLength(0);
    const withHeader = await fetch(`${stack.url}/graphql?query=${encodeURIComponent(QUERY)}`, {
      headers: { accept: 'application/json', 'x-graphql-csrf': '1' },
    });
    expect(withHeader.status).toBe(200);
    expect(((await withHeader.json()) as any).data.zone.name).toBe('ok.');
  });

  it('refuses form-encoded and text/plain POSTs (no preflight) without the header; JSON POSTs pass', async () => {
    const form = await fetch(`${stack.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `query=${encodeURIComponent(QUERY)}`,
    });
    expect(form.status).toBe(403);
    const text = await fetch(`${stack.url}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: QUERY }) });
    expect(text.status).toBe(403);
    const json = await stack.gql(QUERY);
    expect(json.data.zone.name).toBe('ok.');
  });

  it('refuses a foreign Host with 421 and says why; loopback names and the probes pass', async () => {
    const port = new URL(stack.url).port;
    const foreign = await raw(
      stack.url,
      '/graphql',
      { host: `rebind.evil.example:${port}`, 'content-type': 'application/json' },
      'POST',
      JSON.stringify({ query: QUERY }),
    );
    expect(foreign.status).toBe(421);
    expect(JSON.parse(foreign.body).errors[0]).toMatchObject({ extensions: { code: 'HOST_NOT_ALLOWED' } });
    expect(JSON.parse(foreign.body).errors[0].message).toMatch(/ALLOWED_HOSTS/);
    // Even GraphiQL's page, which yoga would otherwise serve before any plugin runs.
    expect((await raw(stack.url, '/graphql', { host: 'rebind.evil.example', accept: 'text/html' })).status).toBe(421);
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`]) {
      const ok = await raw(stack.url, '/graphql', { host, 'content-type': 'application/json' }, 'POST', JSON.stringify({ query: QUERY }));
      expect(ok.status).toBe(200);
    }
    expect((await raw(stack.url, '/health', { host: '10.0.0.7:4000' })).status).toBe(200);
  });

  it('still serves the GraphiQL page', async () => {
    const page = await fetch(`${stack.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
  });
});

describe('configured', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({
      config: (c) => ({
        ...c,
        web: {
          ...defaultWebConfig(true),
          corsOrigins: ['https://app.example.com', 'https://admin.example.com'],
          allowedHosts: ['changegraph.example.com'],
          graphiql: false,
        },
      }),
    });
  });
  afterAll(() => stack.close());

  const post = (origin: string) =>
    fetch(`${stack.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: JSON.stringify({ query: QUERY }) });

  it('grants CORS with credentials to a listed origin only, never to another or to "null"', async () => {
    const listed = await post('https://admin.example.com');
    expect(listed.headers.get('access-control-allow-origin')).toBe('https://admin.example.com');
    expect(listed.headers.get('access-control-allow-credentials')).toBe('true');
    expect(listed.headers.get('vary')).toMatch(/Origin/);
    for (const origin of ['https://evil.example', 'null', 'https://app.example.com.evil.example']) {
      const other = await post(origin);
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
      expect(other.headers.get('access-control-allow-credentials')).toBeNull();
    }
    const preflight = await fetch(`${stack.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/x-graphql-csrf/);
  });

  it('serves the names in ALLOWED_HOSTS (and loopback), refuses others', async () => {
    const body = JSON.stringify({ query: QUERY });
    expect((await raw(stack.url, '/graphql', { host: 'changegraph.example.com', 'content-type': 'application/json' }, 'POST', body)).status).toBe(200);
    expect((await raw(stack.url, '/graphql', { host: 'CHANGEGRAPH.example.com.:443', 'content-type': 'application/json' }, 'POST', body)).status).toBe(200);
    expect((await raw(stack.url, '/graphql', { host: 'other.example.com', 'content-type': 'application/json' }, 'POST', body)).status).toBe(421);
  });

  it('serves no GraphiQL page when GRAPHIQL=false', async () => {
    const page = await fetch(`${stack.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
  });
});

describe('CORS_ORIGINS=*', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ config: (c) => ({ ...c, web: { ...defaultWebConfig(true), corsOrigins: ['*'] } }) });
  });
  afterAll(() => stack.close());

  it('grants any origin, never with credentials', async () => {
    const res = await fetch(`${stack.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://any.example' },
      body: JSON.stringify({ query: QUERY }),
    });
    // yoga echoes the origin for `*`; without credentials that grants what `*` would.
    expect(res.headers.get('access-control-allow-origin')).toBe('https://any.example');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });
});
