// OpenSrsClient against the sandbox simulator over real loopback HTTP: parsing, error mapping,
// the single retry, input validation before sending, and secrets kept out of every message.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BadUserInputError, GatewayError, UpstreamError, type ErrorCode } from '../../src/errors.js';
import { UNMETERED } from '../../src/providers/budget.js';
import { HttpUpstream } from '../../src/providers/http.js';
import { newestFirstRange, OpenSrsClient } from '../../src/providers/opensrs/client.js';
import { OpenSrsSimulator } from '../../src/sandbox/opensrs/index.js';
import { EXAMPLE_COM_SHIFT_S } from '../../src/sandbox/opensrs/seed.js';

const sim = new OpenSrsSimulator();
let baseUrl: string;
let upstream: HttpUpstream;
let client: OpenSrsClient;
const upstreams: HttpUpstream[] = [];

function makeClient(credentials: { user: string; password?: string; token?: string }, url = baseUrl): OpenSrsClient {
  const u = new HttpUpstream('OPENSRS', url, { timeoutMs: 1000, retries: 0 });
  upstreams.push(u);
  return new OpenSrsClient(u, credentials, { retryDelayMs: 5, budget: UNMETERED });
}

/** The rejection of `promise`, asserted to be an UpstreamError from OpenSRS with `code`. */
async function upstreamFailure(promise: Promise<unknown>, code: ErrorCode): Promise<UpstreamError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UpstreamError);
  const e = error as UpstreamError;
  expect({ code: e.code, provider: e.provider, message: e.message }).toMatchObject({ code, provider: 'OPENSRS' });
  return e;
}

beforeAll(async () => {
  baseUrl = await sim.listen(0);
  upstream = new HttpUpstream('OPENSRS', baseUrl, { timeoutMs: 1000, retries: 0, breaker: { failureThreshold: 1000 } });
  upstreams.push(upstream);
  client = new OpenSrsClient(upstream, { user: sim.credentials.user, password: sim.credentials.password }, { retryDelayMs: 5, budget: UNMETERED });
});

afterEach(() => sim.clearLog());

afterAll(async () => {
  await Promise.all(upstreams.map((u) => u.close()));
  await sim.close();
});

describe('OpenSrsClient.getDomainChanges', () => {
  it('returns the documentation example as a parsed page', async () => {
    const page = await client.getDomainChanges('example.com', { first: 15, limit: 5 });
    expect(page).toEqual({
      totalCount: 18,
      changes: [
        // The documentation's example, its times moved into 2026 by the sandbox (seed.ts).
        { time: 1321901972 + EXAMPLE_COM_SHIFT_S, application: 'OMA', user: 'OpenSRS', msg: 'changed language [en]' },
        { time: 1323812345 + EXAMPLE_COM_SHIFT_S, application: 'OMA', user: 'admin@example.adm', msg: 'changed aliases [schmemoco.com]' },
        { time: 1323814260 + EXAMPLE_COM_SHIFT_S, application: 'OMA', user: 'admin@example.adm', msg: 'changed allow\n[*@example.com,friend@example.org]' },
      ],
    });
    expect(sim.log).toEqual([
      { method: 'POST', path: '/api/get_domain_changes', status: 200, domain: 'example.com', range: { first: 15, limit: 5 }, user: sim.credentials.user },
    ]);
  });

  it('reads a full page identical to the store, with a token too', async () => {
    const byToken = makeClient({ user: sim.credentials.user, token: sim.credentials.token });
    const expected = sim.store.changes('mail.example.net');
    for (const c of [client, byToken]) {
      const page = await c.getDomainChanges('mail.example.net', { first: 0, limit: 25 });
      expect(page).toEqual({ totalCount: 25, changes: expected });
    }
  });

  it('lower-cases the domain before sending it', async () => {
    const page = await client.getDomainChanges('Single.EXAMPLE', { first: 0, limit: 10 });
    expect(page?.totalCount).toBe(1);
    expect(sim.log[0].domain).toBe('single.example');
  });

  it('returns empty pages for an empty log and past the end', async () => {
    expect(await client.getDomainChanges('empty.example', { first: 0, limit: 10 })).toEqual({ totalCount: 0, changes: [] });
    expect(await client.getDomainChanges('example.com', { first: 18, limit: 10 })).toEqual({ totalCount: 18, changes: [] });
  });

  it('returns null for a domain OpenSRS does not know (error 2)', async () => {
    expect(await client.getDomainChanges('no-such-domain.example', { first: 0, limit: 10 })).toBeNull();
    expect(sim.count()).toBe(1);
  });

  it('accepts a base URL that already ends in /api', async () => {
    const page = await makeClient({ user: sim.credentials.user, password: sim.credentials.password }, `${baseUrl}/api`).getDomainChanges('single.example', {
      first: 0,
      limit: 1,
    });
    expect(page?.changes).toHaveLength(1);
  });
});

describe('OpenSrsClient error mapping', () => {
  it('maps bad credentials (error 1) to UNAUTHENTICATED, with a password and with a token', async () => {
    const badPassword = makeClient({ user: sim.credentials.user, password: 'wrong-password' });
    const badToken = makeClient({ user: sim.credentials.user, token: 'wrong-token' });
    for (const c of [badPassword, badToken]) {
      const e = await upstreamFailure(c.getDomainChanges('example.com', { first: 0, limit: 5 }), 'UNAUTHENTICATED');
      expect(e.message).toBe('OpenSRS rejected the credentials (error 1)');
    }
    expect(sim.count()).toBe(2); // no retry
  });

  it('maps another company’s domain (error 9) to FORBIDDEN', async () => {
    await upstreamFailure(client.getDomainChanges('other-company.com', { first: 0, limit: 5 }), 'FORBIDDEN');
  });

  it('maps error 5 to BAD_USER_INPUT', async () => {
    sim.failNext({ errorNumber: 5 });
    await upstreamFailure(client.getDomainChanges('example.com', { first: 0, limit: 5 }), 'BAD_USER_INPUT');
  });

  it.each([
    [32, 'UNAUTHENTICATED'],
    [33, 'UNAUTHENTICATED'],
    [35, 'UNAUTHENTICATED'],
    [42, 'UNAUTHENTICATED'],
    [43, 'UNAUTHENTICATED'],
    [21, 'FORBIDDEN'],
    [28, 'UPSTREAM_UNAVAILABLE'],
    [29, 'UPSTREAM_UNAVAILABLE'],
    [30, 'UPSTREAM_UNAVAILABLE'],
    [3, 'UPSTREAM_ERROR'],
    [39, 'UPSTREAM_ERROR'],
    [47, 'UPSTREAM_ERROR'],
  ] as const)('maps error %i to %s without retrying', async (errorNumber, code) => {
    sim.failNext({ errorNumber });
    const e = await upstreamFailure(client.getDomainChanges('example.com', { first: 0, limit: 5 }), code);
    expect(e.message).toContain(`error ${errorNumber}`);
    expect(sim.count()).toBe(1);
  });

  it('retries error 20 once and then succeeds', async () => {
    sim.failNext({ errorNumber: 20 });
    const page = await client.getDomainChanges('example.com', { first: 0, limit: 2 });
    expect(page?.changes).toHaveLength(2);
    expect(sim.log.map((e) => e.status)).toEqual([200, 200]);
  });

  it.each([0, 20, 22, 25])('gives up after a second error %i: UPSTREAM_UNAVAILABLE, exactly 2 requests', async (errorNumber) => {
    sim.failNext({ errorNumber }, 2);
    await upstreamFailure(client.getDomainChanges('example.com', { first: 0, limit: 5 }), 'UPSTREAM_UNAVAILABLE');
    expect(sim.count({ domain: 'example.com' })).toBe(2);
    expect(sim.count()).toBe(2);
  });

  it('maps HTTP 500 to UPSTREAM_UNAVAILABLE without retrying', async () => {
    sim.failNext({ httpStatus: 500 });
    const e = await upstreamFailure(client.getDomainChanges('example.com', { first: 0, limit: 5 }), 'UPSTREAM_UNAVAILABLE');
    expect(e.status).toBe(500);
    expect(sim.count()).toBe(1);
  });

  it('maps a non-JSON 200 body to UPSTREAM_UNAVAILABLE', async () => {
    sim.failNext({ malformed: true });
    await upstreamFailure(client.getDomainChanges('example.com', { first: 0, limit: 5 }), 'UPSTREAM_UNAVAILABLE');
  });

  it('maps a hanging upstream to UPSTREAM_UNAVAILABLE within the timeout', async () => {
    sim.failNext({ hang: true });
    const started = Date.now();
    const e = await upstreamFailure(client.getDomainChanges('example.com', { first: 0, limit: 5 }), 'UPSTREAM_UNAVAILABLE');
    expect(Date.now() - started).toBeLessThan(2500);
    expect(e.message).toContain('timed out');
  });

  it('maps a reset connection to UPSTREAM_UNAVAILABLE', async () => {
    sim.failNext({ reset: true });
    await upstreamFailure(client.getDomainChanges('example.com', { first: 0, limit: 5 }), 'UPSTREAM_UNAVAILABLE');
    // The pool recovers: the next call works.
    expect((await client.getDomainChanges('example.com', { first: 0, limit: 1 }))?.totalCount).toBe(18);
  });
});

describe('OpenSrsClient input validation', () => {
  const invalid = [
    '',
    'com',
    'a.',
    '.example.com',
    'example.com.',
    'a..example',
    '-bad.example',
    'bad-.example',
    'exa mple.com',
    'ex_ample.com',
    'bücher.de',
    'example.com/x',
    `${'a'.repeat(64)}.com`,
    `${'abcdefghi.'.repeat(16)}com`, // 163 characters
  ];

  it.each(invalid)('rejects %j before sending anything', async (domain) => {
    const error = await client.getDomainChanges(domain, { first: 0, limit: 5 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadUserInputError);
    expect((error as Error).message).toContain(JSON.stringify(domain.length > 80 ? domain.slice(0, 77) : domain).slice(0, -1));
    expect(sim.count()).toBe(0);
  });

  it('accepts the longest valid names', async () => {
    const name = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(32)}`; // 160 characters
    expect(name).toHaveLength(160);
    expect(await client.getDomainChanges(name, { first: 0, limit: 1 })).toBeNull();
    expect(await client.getDomainChanges('x-1.b2', { first: 0, limit: 1 })).toBeNull();
  });

  it.each([
    { first: -1, limit: 5 },
    { first: 1.5, limit: 5 },
    { first: Number.NaN, limit: 5 },
    { first: 0, limit: 0 },
    { first: 0, limit: 101 },
    { first: 0, limit: 2.5 },
  ])('treats range %j as a programming error', async (range) => {
    const error = await client.getDomainChanges('example.com', range).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(GatewayError);
    expect(sim.count()).toBe(0);
  });
});

describe('OpenSrsClient secrets', () => {
  it('never puts the password, token, URL or upstream text into an error message', async () => {
    const secrets = ['wrong-secret-password', 'wrong-secret-token', sim.credentials.password, sim.credentials.token];
    const clients = [
      client,
      makeClient({ user: sim.credentials.user, token: sim.credentials.token }),
      makeClient({ user: sim.credentials.user, password: 'wrong-secret-password' }),
      makeClient({ user: sim.credentials.user, token: 'wrong-secret-token' }),
    ];
    // [fault, how many requests it takes: 2 for the retried ones]
    const faults = [
      [{ errorNumber: 1 }, 1],
      [{ errorNumber: 5 }, 1],
      [{ errorNumber: 20 }, 2],
      [{ errorNumber: 44 }, 1],
      [{ httpStatus: 502 }, 1],
      [{ malformed: true as const }, 1],
      [{ reset: true as const }, 1],
    ] as const;
    const messages: string[] = [];
    const record = (p: Promise<unknown>) =>
      p.then(
        () => undefined,
        (e: Error) => messages.push(`${e.name} ${e.message} ${JSON.stringify(e)}`),
      );
    for (const c of clients) {
      await record(c.getDomainChanges('other-company.com', { first: 0, limit: 5 }));
      await record(c.getDomainChanges('example.com', { first: 0, limit: 5 }));
      for (const [fault, times] of faults) {
        sim.failNext(fault, times);
        await record(c.getDomainChanges('example.com', { first: 0, limit: 5 }));
      }
    }
    expect(messages).toHaveLength(clients.length * (faults.length + 1) + 2); // + wrong-credential failures on example.com
    expect(await client.getDomainChanges('single.example', { first: 0, limit: 1 })).not.toBeNull(); // no fault left over
    const host = new URL(baseUrl).host;
    for (const m of messages) {
      for (const s of [...secrets, host, 'Invalid credentials supplied', 'credentials"', 'try again later']) expect(m).not.toContain(s);
    }
  });
});

describe('OpenSrsClient response checks', () => {
  // A loopback server answering every request with a canned 200 body.
  let server: Server;
  let cannedBody = '';
  let fake: OpenSrsClient;

  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(cannedBody));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    fake = makeClient({ user: 'u', password: 'p' }, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const change = { time: '1700000000', application: 'OMA', user: 'OpenSRS', msg: 'changed language [fr]' };
  const ok = (extra: object) => JSON.stringify({ success: true, count: 1, total_count: 7, changes: [change], ...extra });

  it('accepts numeric times and ignores unknown keys', async () => {
    cannedBody = ok({ changes: [{ ...change, time: 1700000000 }], audit: { id: 1 } });
    expect(await fake.getDomainChanges('example.com', { first: 5, limit: 10 })).toEqual({
      totalCount: 7,
      changes: [{ time: 1700000000, application: 'OMA', user: 'OpenSRS', msg: 'changed language [fr]' }],
    });
  });

  it.each([
    ['a JSON array', '[]'],
    ['no success', '{"count":1}'],
    ['a failure without error_number', '{"success":false,"error":"x"}'],
    ['no count', JSON.stringify({ success: true, total_count: 1, changes: [change] })],
    ['a string count', ok({ count: '1' })],
    ['no total_count', JSON.stringify({ success: true, count: 1, changes: [change] })],
    ['a negative total_count', ok({ total_count: -1 })],
    ['changes not an array', ok({ changes: {} })],
    ['count different from changes.length', ok({ count: 2 })],
    ['more changes than total_count', ok({ total_count: 1 })],
    ['more changes than the limit', ok({ count: 11, total_count: 20, changes: Array(11).fill(change) })],
    ['a time with a sign', ok({ changes: [{ ...change, time: '-1700000000' }] })],
    ['a time with a fraction', ok({ changes: [{ ...change, time: 1700000000.5 }] })],
    ['a time in ISO form', ok({ changes: [{ ...change, time: '2023-11-14T22:13:20Z' }] })],
    ['a change without msg', ok({ changes: [{ ...change, msg: undefined }] })],
    ['a change that is null', ok({ changes: [null] })],
  ])('maps a 200 body with %s to UPSTREAM_UNAVAILABLE', async (_what, body) => {
    cannedBody = body;
    const e = await upstreamFailure(fake.getDomainChanges('example.com', { first: 5, limit: 10 }), 'UPSTREAM_UNAVAILABLE');
    expect(e.message).not.toContain('1700000000');
  });
});

describe('newestFirstRange', () => {
  it.each([
    [0, 0, 10, null],
    [18, 0, 5, { first: 13, limit: 5 }],
    [18, 5, 5, { first: 8, limit: 5 }],
    [18, 15, 5, { first: 0, limit: 3 }], // partial last page
    [18, 17, 5, { first: 0, limit: 1 }],
    [18, 18, 5, null],
    [18, 40, 5, null],
    [18, 0, 0, null],
    [25, 0, 25, { first: 0, limit: 25 }],
    [25, 0, 100, { first: 0, limit: 25 }],
    [1, 0, 1, { first: 0, limit: 1 }],
  ])('total %i, offset %i, count %i → %j', (total, offset, count, expected) => {
    expect(newestFirstRange(total, offset, count)).toEqual(expected);
  });

  it('covers exactly the requested newest-first slice', () => {
    fc.assert(
      fc.property(fc.nat(60), fc.nat(70), fc.nat(30), (total, offset, count) => {
        const oldestFirst = Array.from({ length: total }, (_, i) => i);
        const wanted = [...oldestFirst].reverse().slice(offset, offset + count);
        const range = newestFirstRange(total, offset, count);
        const got = range ? oldestFirst.slice(range.first, range.first + range.limit).reverse() : [];
        expect(got).toEqual(wanted);
        if (range) expect(range.limit).toBeGreaterThan(0);
      }),
    );
  });

  it.each([
    [-1, 0, 1],
    [1, -1, 1],
    [1, 0, -1],
    [1.5, 0, 1],
    [Number.NaN, 0, 1],
  ])('rejects (%d, %d, %d)', (total, offset, count) => {
    expect(() => newestFirstRange(total, offset, count)).toThrow(/newestFirstRange/);
  });
});
