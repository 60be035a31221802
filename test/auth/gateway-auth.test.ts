// Gateway authentication over real HTTP: static tokens, HS256 JWTs, JWKS-verified RS256 JWTs. A
// request without a valid bearer gets 401 UNAUTHENTICATED and reaches no upstream; the probes and
// the GraphiQL page stay open.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthConfig } from '../../src/auth/config.js';
import type { GatewayConfig } from '../../src/config.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { hs256, rs256, rsaKeys, startJwks, type JwksServer } from './jwt-helpers.js';

const TOKEN = 'static-token-0123456789abcdef';
const OTHER_TOKEN = 'second-token-abcdef0123456789';
const JWT_SECRET = 'jwt-secret-0123456789abcdef0123456789';
const QUERY = '{ zone(name: "ok") { name } }';

const withAuth =
  (auth: Partial<AuthConfig>) =>
  (c: GatewayConfig): GatewayConfig => ({
    ...c,
    auth: { tokens: [], allowAnonymous: false, ...auth },
  });

async function post(stack: Stack, authorization?: string, path = '/graphql') {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (authorization !== undefined) headers.authorization = authorization;
  const res = await fetch(`${stack.url}${path}`, { method: 'POST', headers, body: JSON.stringify({ query: QUERY }) });
  return { status: res.status, headers: res.headers, json: (await res.json()) as any };
}

const upstreamCalls = (s: Stack) => s.sandbox.vinyldns.log.length + s.sandbox.opensrs.log.length;

async function expectRefused(stack: Stack, authorization?: string) {
  const before = upstreamCalls(stack);
  const res = await post(stack, authorization);
  expect(res.status).toBe(401);
  expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
  expect(res.json.data).toBeUndefined();
  expect(res.json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  expect(upstreamCalls(stack)).toBe(before);
}

describe('static tokens (GATEWAY_API_TOKENS)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ config: withAuth({ tokens: [TOKEN, OTHER_TOKEN] }) });
  });
  afterAll(() => stack.close());

  it('answers a request with any of the tokens', async () => {
    for (const token of [TOKEN, OTHER_TOKEN]) {
      const res = await post(stack, `Bearer ${token}`);
      expect(res.status).toBe(200);
      expect(res.json.data.zone.name).toBe('ok.');
    }
    expect((await post(stack, `bearer ${TOKEN}`)).status).toBe(200); // the scheme is case-insensitive
  });

  it('refuses a missing, wrong, partial or non-Bearer credential with 401 before any upstream call', async () => {
    await expectRefused(stack);
    await expectRefused(stack, 'Bearer wrong-token-0123456789abcdef');
    await expectRefused(stack, `Bearer ${TOKEN.slice(0, -1)}`);
    await expectRefused(stack, `Bearer ${TOKEN}x`);
    await expectRefused(stack, `Basic ${Buffer.from(`user:${TOKEN}`).toString('base64')}`);
    await expectRefused(stack, TOKEN);
    await expectRefused(stack, 'Bearer ');
  });

  it('also guards GET requests and /metrics, but not /health, /readiness or the GraphiQL page', async () => {
    const get = await fetch(`${stack.url}/graphql?query=${encodeURIComponent(QUERY)}`, { headers: { accept: 'application/json', 'x-graphql-csrf': '1' } });
    expect(get.status).toBe(401);
    expect((await fetch(`${stack.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${stack.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    expect((await fetch(`${stack.url}/health`)).status).toBe(200);
    expect((await fetch(`${stack.url}/readiness`)).status).toBe(200);
    const page = await fetch(`${stack.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>changegraph</title>');
  });
});

describe('JWT with a shared secret (GATEWAY_JWT_SECRET)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ config: withAuth({ tokens: [TOKEN], jwt: { secret: JWT_SECRET, issuer: 'https://id.example', audience: 'changegraph' } }) });
  });
  afterAll(() => stack.close());
  const claims = { iss: 'https://id.example', aud: 'changegraph' };

  it('answers a valid token, and static tokens still work beside JWTs', async () => {
    expect((await post(stack, `Bearer ${hs256(JWT_SECRET, claims)}`)).json.data.zone.name).toBe('ok.');
    expect((await post(stack, `Bearer ${TOKEN}`)).json.data.zone.name).toBe('ok.');
  });

  it('refuses bad signatures, expired tokens, wrong issuer or audience, and garbage with 401', async () => {
    await expectRefused(stack, `Bearer ${hs256('another-secret-0123456789abcdef0123456789', claims)}`);
    await expectRefused(stack, `Bearer ${hs256(JWT_SECRET, { ...claims, exp: Math.floor(Date.now() / 1000) - 60 })}`);
    await expectRefused(stack, `Bearer ${hs256(JWT_SECRET, { ...claims, iss: 'https://evil.example' })}`);
    await expectRefused(stack, `Bearer ${hs256(JWT_SECRET, { ...claims, aud: 'someone-else' })}`);
    await expectRefused(stack, 'Bearer not.a.jwt');
    await expectRefused(stack, 'Bearer abc');
    await expectRefused(stack);
  });

  it('refuses an unsigned ("alg: none") token', async () => {
    const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
    await expectRefused(stack, `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'x', ...claims })}.`);
  });

  it('refuses a JWT on /metrics, which takes static tokens only', async () => {
    expect((await fetch(`${stack.url}/metrics`, { headers: { authorization: `Bearer ${hs256(JWT_SECRET, claims)}` } })).status).toBe(401);
  });
});

describe('JWT verified with keys from a JWKS URL (GATEWAY_JWKS_URL)', () => {
  const trusted = rsaKeys();
  const stranger = rsaKeys();
  let jwks: JwksServer;
  let stack: Stack;
  beforeAll(async () => {
    jwks = await startJwks([{ kid: 'k1', publicKey: trusted.publicKey }]);
    stack = await startStack({ config: withAuth({ jwt: { jwksUrl: jwks.url } }) });
  });
  afterAll(async () => {
    await stack.close();
    await jwks.close();
  });

  it('answers an RS256 token signed by a published key, fetching the keys once', async () => {
    const token = rs256(trusted.privateKey, 'k1');
    expect((await post(stack, `Bearer ${token}`)).json.data.zone.name).toBe('ok.');
    expect((await post(stack, `Bearer ${token}`)).json.data.zone.name).toBe('ok.');
    expect(jwks.requests).toBe(1);
  });

  it('refuses tokens signed by another key, with an unknown key id, or HS256 with the public key (401, not 500)', async () => {
    await expectRefused(stack, `Bearer ${rs256(stranger.privateKey, 'k1')}`);
    await expectRefused(stack, `Bearer ${rs256(stranger.privateKey, 'no-such-kid')}`);
    const pem = trusted.publicKey.export({ format: 'pem', type: 'spki' }).toString();
    await expectRefused(stack, `Bearer ${hs256(pem)}`);
  });
});
