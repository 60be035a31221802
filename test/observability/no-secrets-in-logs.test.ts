// No secret in any log line. Every gateway log line of this file (at debug level, the most
// verbose) is captured in-process while it exercises every path that logs: gateway auth (static
// token, JWT, refusals), forwarded VinylDNS keys (right and wrong), both OpenSRS credential kinds,
// upstream failures of every kind, abuse-limit rejections, readiness and metrics. The capture is
// also written to test-output/gateway-logs.jsonl; the last test searches it for every configured
// key, secret, password and token, every zone connection key, and `OBF:`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest';
import type { GatewayConfig } from '../../src/config.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { hs256 } from '../auth/jwt-helpers.js';

const GATEWAY_TOKEN = 'gateway-token-7Hq2xLw9Zp4Rt6Vb';
const JWT_SECRET = 'jwt-secret-Nf3Kd8Ws2Qm7Yx5Lc9Gh4Tp1Vb6Zr0Ej';
const JWT = hs256(JWT_SECRET);
const WRONG_FORWARDED_SECRET = 'forwarded-wrong-secret-Uy7Pq3Ld';
const AUTH = { authorization: `Bearer ${GATEWAY_TOKEN}` };

const captured: string[] = [];
let spies: MockInstance[] = [];
const stacks: Stack[] = [];
const secrets = new Set<string>([GATEWAY_TOKEN, JWT_SECRET, JWT, JWT.split('.')[2], WRONG_FORWARDED_SECRET]);

async function stack(change: (c: GatewayConfig) => GatewayConfig): Promise<Stack> {
  const s = await startStack({
    config: (c) => change({ ...c, logLevel: 'debug', auth: { tokens: [GATEWAY_TOKEN], jwt: { secret: JWT_SECRET }, allowAnonymous: false } }),
  });
  stacks.push(s);
  for (const value of [s.sandbox.vinyldns.admin.accessKey, s.sandbox.vinyldns.admin.secretKey, ...Object.values(s.sandbox.opensrs.credentials)]) secrets.add(value);
  for (const user of s.sandbox.vinyldns.users) secrets.add(user.secretKey).add(user.accessKey);
  for (const zone of s.sandbox.vinyldns.store.zones()) {
    for (const conn of [zone.connection, zone.transferConnection]) if (conn?.key) secrets.add(conn.key);
  }
  return s;
}

beforeAll(() => {
  const keep = (chunk: unknown) => (captured.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8')), true);
  spies = [vi.spyOn(process.stdout, 'write').mockImplementation(keep), vi.spyOn(process.stderr, 'write').mockImplementation(keep)];
});
afterAll(async () => {
  spies.forEach((s) => s.mockRestore());
  await Promise.all(stacks.map((s) => s.close()));
});

const EVERYTHING = `query Everything($after: String) {
  zones(first: 3) { nodes { name connection { name keyName primaryServer } transferConnection { name } } }
  zone(name: "ok") {
    connection { name keyName } aclRules { description }
    changes(first: 3) { nodes { summary zoneSnapshot { connection { name keyName } } } }
    recordSetChanges(first: 3, after: $after) { nodes { summary } }
    failedRecordSetChanges(first: 3) { nodes { summary systemMessage } }
    recordSets(first: 3) { nodes { name records { text } } }
    timeline(first: 5) { nodes { summary } }
  }
  failedZoneChanges(first: 5) { nodes { summary zoneSnapshot { connection { keyName } } } }
  domain(name: "example.com") { changes(first: 3) { nodes { message } } }
}`;

describe('logs during every path', () => {
  it('configured keys, gateway token and JWT: data, refusals and rejections', async () => {
    const s = await stack((c) => c);
    expect((await s.gql(EVERYTHING, {}, AUTH)).errors).toBeUndefined();
    expect((await s.gql('{ zone(name: "ok") { name } }', {}, { authorization: `Bearer ${JWT}` })).data.zone.name).toBe('ok.');
    for (const authorization of [`Bearer ${GATEWAY_TOKEN}x`, `Bearer ${hs256('another-secret-Nf3Kd8Ws2Qm7Yx5Lc9Gh4Tp1')}`, `Bearer ${JWT}x`, 'Bearer a.b.c', `Basic ${GATEWAY_TOKEN}`]) {
      expect((await s.gql('{ zone(name: "ok") { name } }', {}, { authorization })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
    // Abuse limits, batching, introspection, bad input.
    await s.gql(`{ ${'zone(name: "ok") { name } '.repeat(300)} }`, {}, AUTH);
    await s.gql('query($n: Int) { zones(first: $n) { nodes { changes(first: $n) { nodes { id } } } } }', { n: 100 }, AUTH);
    await s.gql('{ zone(name: "not a name!") { name } zones(first: 500) { nodes { name } } }', {}, AUTH);
    await s.gql('{ zone(name: "ok") { recordSetChanges(after: "forged-cursor") { nodes { id } } } }', {}, AUTH);
    await fetch(`${s.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...AUTH }, body: JSON.stringify(Array.from({ length: 9 }, () => ({ query: '{ __typename }' }))) });
    await fetch(`${s.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...AUTH }, body: '{"query": ' });
    await fetch(`${s.url}/metrics`, { headers: AUTH });
  });

  it('upstream failures of every kind, and readiness while one is down', async () => {
    const s = await stack((c) => ({ ...c, vinyldns: { ...c.vinyldns!, timeoutMs: 500 }, opensrs: { ...c.opensrs!, timeoutMs: 500 } }));
    const faults = [{ httpStatus: 500, body: 'boom' }, { malformed: true as const }, { reset: true as const }, { hang: true as const }, { httpStatus: 401 }, { httpStatus: 403 }];
    for (const fault of faults) {
      s.sandbox.vinyldns.failNext(fault, 3);
      s.sandbox.opensrs.failNext(fault, 3);
      await s.gql('{ zone(name: "ok") { name } domain(name: "example.com") { changes(first: 2) { nodes { message } } } }', {}, AUTH);
      s.sandbox.vinyldns.clearFaults();
      s.sandbox.opensrs.clearFaults();
    }
    for (const errorNumber of [1, 2, 9, 20, 99]) {
      s.sandbox.opensrs.failNext({ errorNumber }, 2);
      await s.gql('{ domain(name: "example.com") { changes(first: 2) { nodes { message } } } }', {}, AUTH);
    }
    await s.gql('{ changes(domain: "example.com", first: 5) { unavailableProviders nodes { summary } } }', {}, AUTH);
    s.sandbox.vinyldns.failNext({ httpStatus: 503 }, 50, '/ping');
    await fetch(`${s.url}/readiness`);
  });

  it('an OpenSRS session token instead of the password', async () => {
    const s = await stack((c) => ({ ...c, opensrs: { ...c.opensrs!, password: undefined, token: 'sandbox-token' } }));
    const res = await s.gql('{ domain(name: "example.com") { changes(first: 2) { nodes { message } } } }', {}, AUTH);
    expect(res.errors).toBeUndefined();
    await fetch(`${s.url}/readiness`);
  });

  it('forwarded VinylDNS keys: right, wrong and missing', async () => {
    const s = await stack((c) => ({ ...c, vinyldns: { ...c.vinyldns!, accessKey: undefined, secretKey: undefined, credentials: 'forward' } }));
    const alice = { 'x-vinyldns-access-key': 'alice-access-key', 'x-vinyldns-secret-key': 'alice-secret-key' };
    expect((await s.gql(EVERYTHING, {}, { ...AUTH, ...alice })).data.zone).toBeDefined();
    await s.gql('{ zone(name: "internal.corp") { name } }', {}, { ...AUTH, ...alice });
    await s.gql('{ zone(name: "ok") { name } }', {}, { ...AUTH, ...alice, 'x-vinyldns-secret-key': WRONG_FORWARDED_SECRET });
    await s.gql('{ zone(name: "ok") { name } }', {}, { ...AUTH, 'x-vinyldns-access-key': 'locked-access-key', 'x-vinyldns-secret-key': 'locked-secret-key' });
    await s.gql('{ zone(name: "ok") { name } }', {}, AUTH);
  });

  it('forwarded OpenSRS credentials: right, wrong and missing', async () => {
    const s = await stack((c) => ({ ...c, opensrs: { url: c.opensrs!.url, timeoutMs: 10_000, credentials: 'forward' } }));
    const { user, password, token } = s.sandbox.opensrs.credentials;
    const query = '{ domain(name: "example.com") { changes(first: 2) { nodes { message } } } }';
    expect((await s.gql(query, {}, { ...AUTH, 'x-opensrs-user': user, 'x-opensrs-password': password })).errors).toBeUndefined();
    expect((await s.gql(query, {}, { ...AUTH, 'x-opensrs-user': user, 'x-opensrs-token': token })).errors).toBeUndefined();
    await s.gql(query, {}, { ...AUTH, 'x-opensrs-user': user, 'x-opensrs-password': WRONG_FORWARDED_SECRET });
    await s.gql(query, {}, AUTH);
    await fetch(`${s.url}/readiness`);
  });
});

describe('the captured log', () => {
  it('was captured (one request line per request, warnings and debug lines included)', () => {
    const lines = captured.join('').split('\n').filter((l) => l.trim() !== '');
    mkdirSync(new URL('../../test-output/', import.meta.url), { recursive: true });
    writeFileSync(new URL('../../test-output/gateway-logs.jsonl', import.meta.url), `${lines.join('\n')}\n`);
    const parsed = lines.map((l) => JSON.parse(l) as { level: string; msg?: string; status?: number });
    expect(parsed.filter((l) => l.msg === 'request').length).toBeGreaterThan(30);
    expect(parsed.some((l) => l.msg === 'request' && l.status === 401)).toBe(true);
    expect(parsed.some((l) => l.level === 'warn')).toBe(true);
    expect(parsed.some((l) => l.level === 'debug')).toBe(true);
  });

  it('holds no configured key, secret, password or token, no zone connection key and no "OBF:"', () => {
    const text = captured.join('');
    expect(secrets.size).toBeGreaterThan(20);
    const found = [...secrets].filter((secret) => secret.length >= 6 && text.includes(secret));
    expect(found).toEqual([]);
    expect(text).not.toContain('OBF:');
  });
});
