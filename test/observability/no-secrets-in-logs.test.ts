// No secret in any log line. Each test drives one family of paths that log, through a gateway at
// debug level (the most verbose): gateway auth (static token, JWT, refusals) and abuse-limit
// rejections; upstream failures of every kind and readiness while an upstream is down; an OpenSRS
// session token instead of the password; forwarded VinylDNS keys (right, wrong and missing). Each
// checks what the caller got, that the gateway logged one request line per request, and that the
// lines logged meanwhile hold no configured key, secret, password or token, no zone connection key
// and no `OBF:`. Every line is also written to test-output/gateway-logs.jsonl for inspection.
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest';
import type { GatewayConfig } from '../../src/config.js';
import { startStack, type GraphQLResponse, type Stack } from '../helpers/stack.js';
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
  for (const value of [s.sandbox.vinyldns.admin.accessKey, s.sandbox.vinyldns.admin.secretKey, ...Object.values(s.sandbox.opensrs.credentials)])
    secrets.add(value);
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
  const lines = captured
    .join('')
    .split('\n')
    .filter((l) => l.trim() !== '');
  mkdirSync(new URL('../../test-output/', import.meta.url), { recursive: true });
  writeFileSync(new URL('../../test-output/gateway-logs.jsonl', import.meta.url), `${lines.join('\n')}\n`);
});

interface LogLine {
  level: string;
  msg?: string;
  status?: number;
  errorCodes?: string[];
}

/**
 * Runs `exercise`, which makes `requests` requests, and returns the raw text and parsed lines the
 * gateway logged meanwhile, once it has logged a request line for each (those are written as a
 * response ends, possibly after the client has it).
 */
async function logsOf(requests: number, exercise: () => Promise<void>): Promise<{ text: string; lines: LogLine[] }> {
  const from = captured.length;
  await exercise();
  const read = () => {
    const text = captured.slice(from).join('');
    const lines = text
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as LogLine);
    return { text, lines };
  };
  await vi.waitFor(() => expect(read().lines.filter((l) => l.msg === 'request')).toHaveLength(requests));
  return read();
}

/** Every secret this file has configured or seen, that appears in `text`. */
const secretsIn = (text: string) => [...secrets, 'OBF:'].filter((secret) => secret.length >= 4 && text.includes(secret));

/** Each error as `PROVIDER:CODE` (`-` for the gateway's own), for whole-result assertions. */
const codes = (res: GraphQLResponse) =>
  (res.errors ?? []).map((e) => `${(e.extensions?.provider as string | undefined) ?? '-'}:${e.extensions?.code as string}`);

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

// Each test starts its own gateway and sandbox; the failure paths wait out upstream deadlines.
describe('logs hold no secret', { timeout: 30_000 }, () => {
  it('while serving data to a static token and a JWT, refusing bad credentials and rejecting abuse', async () => {
    const s = await stack((c) => c);
    const post = (body: string) => fetch(`${s.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...AUTH }, body });
    const answers: unknown[] = [];
    const { text, lines } = await logsOf(14, async () => {
      answers.push(codes(await s.gql(EVERYTHING, {}, AUTH)));
      answers.push((await s.gql('{ zone(name: "ok") { name } }', {}, { authorization: `Bearer ${JWT}` })).data?.zone);
      for (const authorization of [
        `Bearer ${GATEWAY_TOKEN}x`,
        `Bearer ${hs256('another-secret-Nf3Kd8Ws2Qm7Yx5Lc9Gh4Tp1')}`,
        `Bearer ${JWT}x`,
        'Bearer a.b.c',
        `Basic ${GATEWAY_TOKEN}`,
      ]) {
        answers.push(codes(await s.gql('{ zone(name: "ok") { name } }', {}, { authorization })));
      }
      answers.push(codes(await s.gql(`{ ${'zone(name: "ok") { name } '.repeat(300)} }`, {}, AUTH)));
      answers.push(codes(await s.gql('query($n: Int) { zones(first: $n) { nodes { changes(first: $n) { nodes { id } } } } }', { n: 100 }, AUTH)));
      answers.push(codes(await s.gql('{ zone(name: "not a name!") { name } zones(first: 500) { nodes { name } } }', {}, AUTH)));
      answers.push(codes(await s.gql('{ zone(name: "ok") { recordSetChanges(after: "forged-cursor") { nodes { id } } } }', {}, AUTH)));
      answers.push((await post(JSON.stringify(Array.from({ length: 9 }, () => ({ query: '{ __typename }' }))))).status);
      answers.push((await post('{"query": ')).status);
      answers.push((await fetch(`${s.url}/metrics`, { headers: AUTH })).status);
    });
    expect(answers).toEqual([
      [],
      { name: 'ok.' },
      ...Array.from({ length: 5 }, () => ['-:UNAUTHENTICATED']),
      ['-:TOKEN_LIMIT_EXCEEDED'],
      ['-:COST_LIMIT_EXCEEDED'],
      ['-:BAD_USER_INPUT', '-:BAD_USER_INPUT'],
      ['-:BAD_USER_INPUT'],
      400,
      400,
      200,
    ]);
    expect(lines.filter((l) => l.msg === 'request' && l.status === 401)).toHaveLength(5);
    expect(lines.some((l) => l.level === 'debug')).toBe(true);
    expect(secretsIn(text)).toEqual([]);
  });

  it('while upstreams fail in every way, and while readiness finds one down', async () => {
    const s = await stack((c) => ({ ...c, vinyldns: { ...c.vinyldns!, timeoutMs: 500 }, opensrs: { ...c.opensrs!, timeoutMs: 500 } }));
    const faults = [
      { httpStatus: 500, body: 'boom' },
      { malformed: true as const },
      { reset: true as const },
      { hang: true as const },
      { httpStatus: 401 },
      { httpStatus: 403 },
    ];
    const answers: unknown[] = [];
    const { text, lines } = await logsOf(12, async () => {
      // First, before any traffic has shown VinylDNS alive: its probe is all readiness has to go on.
      s.sandbox.vinyldns.failNext({ httpStatus: 503 }, 50, '/ping');
      const readiness = await fetch(`${s.url}/readiness`);
      answers.push([readiness.status, ((await readiness.json()) as { failing: string[] }).failing]);
      s.sandbox.vinyldns.clearFaults();
      for (const fault of faults) {
        s.sandbox.vinyldns.failNext(fault, 3);
        s.sandbox.opensrs.failNext(fault, 3);
        answers.push(
          codes(await s.gql('{ zone(name: "ok") { name } domain(name: "example.com") { changes(first: 2) { nodes { message } } } }', {}, AUTH)).sort(),
        );
        s.sandbox.vinyldns.clearFaults();
        s.sandbox.opensrs.clearFaults();
      }
      for (const errorNumber of [1, 9, 20, 99]) {
        s.sandbox.opensrs.failNext({ errorNumber }, 2);
        answers.push(codes(await s.gql('{ domain(name: "example.com") { changes(first: 2) { nodes { message } } } }', {}, AUTH)));
        s.sandbox.opensrs.clearFaults();
      }
      s.sandbox.opensrs.failNext({ httpStatus: 503 }, 3);
      answers.push((await s.gql('{ changes(domain: "example.com", first: 5) { unavailableProviders } }', {}, AUTH)).data?.changes);
      s.sandbox.opensrs.clearFaults();
    });
    const unavailable = ['OPENSRS:UPSTREAM_UNAVAILABLE', 'VINYLDNS:UPSTREAM_UNAVAILABLE'];
    expect(answers).toEqual([
      [503, ['VINYLDNS']],
      unavailable,
      unavailable,
      unavailable,
      unavailable,
      ['OPENSRS:UPSTREAM_UNAVAILABLE', 'VINYLDNS:UNAUTHENTICATED'],
      ['OPENSRS:UPSTREAM_UNAVAILABLE', 'VINYLDNS:FORBIDDEN'],
      ['OPENSRS:UNAUTHENTICATED'],
      ['OPENSRS:FORBIDDEN'],
      ['OPENSRS:UPSTREAM_UNAVAILABLE'],
      ['OPENSRS:UPSTREAM_ERROR'],
      { unavailableProviders: ['OPENSRS'] },
    ]);
    expect(lines.filter((l) => l.msg === 'request' && (l.errorCodes?.length ?? 0) > 0)).toHaveLength(11);
    expect(secretsIn(text)).toEqual([]);
  });

  it('while OpenSRS is called with a session token instead of the password', async () => {
    const s = await stack((c) => ({ ...c, opensrs: { ...c.opensrs!, password: undefined, token: 'sandbox-token' } }));
    const answers: unknown[] = [];
    const { text } = await logsOf(2, async () => {
      const res = await s.gql('{ domain(name: "example.com") { changes(first: 2) { nodes { message } } } }', {}, AUTH);
      answers.push([codes(res), res.data?.domain?.changes.nodes.length]);
      answers.push((await fetch(`${s.url}/readiness`)).status);
    });
    expect(answers).toEqual([[[], 2], 200]);
    expect(secretsIn(text)).toEqual([]);
  });

  it('while VinylDNS keys are forwarded: right, wrong, locked and missing', async () => {
    const s = await stack((c) => ({ ...c, vinyldns: { ...c.vinyldns!, accessKey: undefined, secretKey: undefined, credentials: 'forward' } }));
    const alice = { 'x-vinyldns-access-key': 'alice-access-key', 'x-vinyldns-secret-key': 'alice-secret-key' };
    const answers: unknown[] = [];
    const { text } = await logsOf(5, async () => {
      answers.push(codes(await s.gql(EVERYTHING, {}, { ...AUTH, ...alice })));
      answers.push(codes(await s.gql('{ zone(name: "internal.corp") { name } }', {}, { ...AUTH, ...alice })));
      answers.push(codes(await s.gql('{ zone(name: "ok") { name } }', {}, { ...AUTH, ...alice, 'x-vinyldns-secret-key': WRONG_FORWARDED_SECRET })));
      answers.push(
        codes(
          await s.gql(
            '{ zone(name: "ok") { name } }',
            {},
            { ...AUTH, 'x-vinyldns-access-key': 'locked-access-key', 'x-vinyldns-secret-key': 'locked-secret-key' },
          ),
        ),
      );
      answers.push(codes(await s.gql('{ zone(name: "ok") { name } }', {}, AUTH)));
    });
    expect(answers).toEqual([[], ['VINYLDNS:FORBIDDEN'], ['VINYLDNS:UNAUTHENTICATED'], ['VINYLDNS:FORBIDDEN'], ['VINYLDNS:UNAUTHENTICATED']]);
    expect(secretsIn(text)).toEqual([]);
  });

  it('while OpenSRS credentials are forwarded: right, wrong and missing', async () => {
    const s = await stack((c) => ({ ...c, opensrs: { url: c.opensrs!.url, timeoutMs: 10_000, credentials: 'forward' } }));
    const { user, password, token } = s.sandbox.opensrs.credentials;
    const query = '{ domain(name: "example.com") { changes(first: 2) { nodes { message } } } }';
    const answers: unknown[] = [];
    const { text } = await logsOf(4, async () => {
      answers.push(codes(await s.gql(query, {}, { ...AUTH, 'x-opensrs-user': user, 'x-opensrs-password': password })));
      answers.push(codes(await s.gql(query, {}, { ...AUTH, 'x-opensrs-user': user, 'x-opensrs-token': token })));
      answers.push(codes(await s.gql(query, {}, { ...AUTH, 'x-opensrs-user': user, 'x-opensrs-password': WRONG_FORWARDED_SECRET })));
      answers.push(codes(await s.gql(query, {}, AUTH)));
    });
    expect(answers).toEqual([[], [], ['OPENSRS:UNAUTHENTICATED'], ['OPENSRS:UNAUTHENTICATED']]);
    expect(secretsIn(text)).toEqual([]);
  });
});
