// The OpenSRS simulator on its own, over raw HTTP: routing, credentials, authenticate, the
// get_domain_changes rules of contract §4/§9, the seed data, the request log and fault injection.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { OpenSrsSimulator } from '../../src/sandbox/opensrs/index.js';
import { EXAMPLE_COM_SHIFT_S } from '../../src/sandbox/opensrs/seed.js';

/** A time of the documentation's example as the sandbox serves it (moved into 2026, see seed.ts). */
const documented = (time: number) => String(time + EXAMPLE_COM_SHIFT_S);

/** The simulator's clock (epoch ms): session tokens expire on it, so no test waits for one. */
let now = Date.UTC(2024, 0, 1);
const sim = new OpenSrsSimulator({ now: () => now });
let baseUrl: string;

async function post(method: string, body: unknown, init: { raw?: string; httpMethod?: string } = {}): Promise<{ status: number; body: any; text: string }> {
  const res = await fetch(`${baseUrl}/api/${method}`, {
    method: init.httpMethod ?? 'POST',
    headers: { 'content-type': 'application/json' },
    body: init.httpMethod === 'GET' ? undefined : (init.raw ?? JSON.stringify(body)),
  });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: res.status, body: parsed, text };
}

const creds = () => ({ user: sim.credentials.user, password: sim.credentials.password });
const changes = (body: object) => post('get_domain_changes', { credentials: creds(), ...body });

beforeAll(async () => {
  baseUrl = await sim.listen(0);
});
afterEach(() => sim.clearLog());
afterAll(() => sim.close());

describe('OpenSRS simulator: routing', () => {
  it('answers 404 for an unknown method, 405 for GET, 400 for unparseable JSON', async () => {
    expect((await post('no_such_method', { credentials: creds() })).status).toBe(404);
    expect((await post('constructor', { credentials: creds() })).status).toBe(404);
    expect((await post('get_domain_changes', undefined, { httpMethod: 'GET' })).status).toBe(405);
    expect((await post('get_domain_changes', undefined, { raw: '{"credentials":' })).status).toBe(400);
    expect((await post('get_domain_changes', undefined, { raw: '[1,2]' })).status).toBe(400);
    expect(sim.log.map((e) => e.status)).toEqual([404, 404, 405, 400, 400]);
  });
});

describe('OpenSRS simulator: credentials', () => {
  const domain = 'single.example';
  it.each([
    ['a wrong password', { user: 'sandbox@changegraph.adm', password: 'nope' }],
    ['a wrong token', { user: 'sandbox@changegraph.adm', token: 'nope' }],
    ['another user', { user: 'someone@else.adm', password: 'sandbox-password' }],
    ['no secret', { user: 'sandbox@changegraph.adm' }],
    ['no credentials', undefined],
  ])('rejects %s with error 1', async (_what, credentials) => {
    const res = await post('get_domain_changes', { credentials, domain });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: false, error_number: 1, error: 'Invalid credentials supplied in request' });
  });

  it('accepts the password and the fixed token', async () => {
    for (const credentials of [creds(), { user: sim.credentials.user, token: sim.credentials.token }]) {
      expect((await post('get_domain_changes', { credentials, domain })).body.success).toBe(true);
    }
  });

  it('issues session tokens through authenticate and lets them expire', async () => {
    expect((await post('authenticate', { credentials: creds() })).body).toEqual({ success: true });
    const issued = await post('authenticate', { credentials: creds(), generate_session_token: true, session_token_duration: 1 });
    expect(issued.body).toEqual({ success: true, session_token: expect.any(String), session_token_duration: 1 });
    const credentials = { user: sim.credentials.user, token: issued.body.session_token };
    expect((await post('get_domain_changes', { credentials, domain })).body.success).toBe(true);
    now += 999;
    expect((await post('get_domain_changes', { credentials, domain })).body.success).toBe(true);
    now += 1;
    expect((await post('get_domain_changes', { credentials, domain })).body.error_number).toBe(1);

    const defaulted = await post('authenticate', { credentials: creds(), generate_session_token: true, token: 'chosen-token' });
    expect(defaulted.body).toEqual({ success: true, session_token: 'chosen-token', session_token_duration: 10800 });
    const bad = await post('authenticate', { credentials: creds(), generate_session_token: true, session_token_duration: 86401 });
    expect(bad.body.error_number).toBe(5);
    expect((await post('authenticate', { credentials: { user: sim.credentials.user, password: 'x' } })).body.error_number).toBe(1);
  });
});

describe('OpenSRS simulator: get_domain_changes', () => {
  it('answers the documentation example for example.com, range {15, 5}', async () => {
    const res = await changes({ domain: 'example.com', range: { first: 15, limit: 5 } });
    expect(res.body).toEqual({
      success: true,
      count: 3,
      total_count: 18,
      changes: [
        { time: documented(1321901972), application: 'OMA', user: 'OpenSRS', msg: 'changed language [en]' },
        { time: documented(1323812345), application: 'OMA', user: 'admin@example.adm', msg: 'changed aliases [schmemoco.com]' },
        { time: documented(1323814260), application: 'OMA', user: 'admin@example.adm', msg: 'changed allow\n[*@example.com,friend@example.org]' },
      ],
    });
  });

  it('applies the sandbox range rules', async () => {
    const all = sim.store.changes('acme.io').map((c) => ({ ...c, time: String(c.time) }));
    const cases: Array<[object | undefined, number, number]> = [
      [undefined, 0, all.length],
      [{}, 0, all.length],
      [{ limit: 10 }, 0, 10],
      [{ first: 300 }, 300, all.length],
      [{ first: 305, limit: 10 }, 305, all.length],
      [{ first: 312, limit: 10 }, 312, all.length],
      [{ first: 10_000, limit: 10 }, 10_000, 10_000],
    ];
    for (const [range, from, to] of cases) {
      const res = await changes({ domain: 'acme.io', ...(range ? { range } : {}) });
      const expected = all.slice(from, to);
      expect(res.body).toEqual({ success: true, count: expected.length, total_count: all.length, changes: expected });
    }
  });

  it.each([{ first: -1 }, { first: 1.5 }, { first: '0' }, { first: null }, { limit: 0 }, { limit: -3 }, { limit: 2.5 }, { limit: '10' }])(
    'rejects range %j with error 5',
    async (range) => {
      expect((await changes({ domain: 'acme.io', range })).body).toMatchObject({ success: false, error_number: 5 });
    },
  );

  it('rejects a range that is not an object, and a missing or non-string domain, with error 5', async () => {
    for (const body of [{ domain: 'acme.io', range: [0, 5] }, { domain: 'acme.io', range: 'all' }, {}, { domain: 42 }, { domain: '' }]) {
      expect((await changes(body)).body).toMatchObject({ success: false, error_number: 5 });
    }
  });

  it('answers error 2 for an unknown domain and error 9 for another company’s', async () => {
    expect((await changes({ domain: 'unknown.example' })).body).toEqual({ success: false, error_number: 2, error: 'The requested object does not exist' });
    expect((await changes({ domain: 'other-company.com' })).body).toMatchObject({ success: false, error_number: 9 });
  });

  it('is case-insensitive in the domain name', async () => {
    expect((await changes({ domain: 'Example.COM', range: { first: 0, limit: 1 } })).body.total_count).toBe(18);
  });
});

describe('OpenSRS simulator: seed data', () => {
  const expectedCounts = {
    'example.com': 18,
    'acme.io': 312,
    'mail.example.net': 25,
    'big.example.org': 407,
    'empty.example': 0,
    'single.example': 1,
    'other-company.com': 6,
  };

  it('seeds the documented domains with fixed sizes, whatever the seed', () => {
    for (const s of [sim, new OpenSrsSimulator({ seed: 99 })]) {
      expect(Object.fromEntries(s.store.domains().map((d) => [d, s.store.changes(d).length]))).toEqual(expectedCounts);
    }
  });

  it('is deterministic per seed', () => {
    const again = new OpenSrsSimulator({ seed: 7 });
    const other = new OpenSrsSimulator({ seed: 8 });
    for (const d of sim.store.domains()) expect(again.store.changes(d)).toEqual(sim.store.changes(d));
    expect(other.store.changes('acme.io')).not.toEqual(sim.store.changes('acme.io'));
    expect(other.store.changes('example.com')).toEqual(sim.store.changes('example.com'));
  });

  it('keeps every log ordered by time, with realistic times and varied entries', () => {
    const everything = sim.store.domains().flatMap((d) => {
      const list = sim.store.changes(d);
      list.forEach((c, i) => {
        expect(Number.isSafeInteger(c.time)).toBe(true);
        if (i > 0) expect(c.time).toBeGreaterThanOrEqual(list[i - 1].time);
        if (d !== 'example.com') {
          expect(c.time).toBeGreaterThanOrEqual(Date.parse('2021-01-01T00:00:00Z') / 1000);
          expect(c.time).toBeLessThan(Date.parse('2027-01-01T00:00:00Z') / 1000);
        }
      });
      return list.map((c, i) => ({ ...c, sameSecond: i > 0 && list[i - 1].time === c.time }));
    });
    expect(everything.filter((c) => c.user === 'OpenSRS').length).toBeGreaterThan(20);
    expect(new Set(everything.map((c) => c.user)).size).toBeGreaterThanOrEqual(4);
    expect(everything.filter((c) => c.sameSecond).length).toBeGreaterThan(10);
    const apps = everything.map((c) => c.application);
    expect(apps.filter((a) => a === 'OMA').length / apps.length).toBeGreaterThan(0.7);
    expect(new Set(apps).size).toBeGreaterThan(2);
    const msgs = everything.map((c) => c.msg);
    for (const pattern of [/\[\d+ bytes\]$/, /\n/, /,/, /@/, /\*/, /\[\[/]) expect(msgs.some((m) => pattern.test(m))).toBe(true);
    expect(sim.store.changes('mail.example.net').some((c, i, l) => i > 0 && l[i - 1].time === c.time)).toBe(true);
  });
});

describe('OpenSRS simulator: store, log and faults', () => {
  it('appends changes: now at the end, older ones in time order, new domains on demand', async () => {
    const s = new OpenSrsSimulator();
    const before = Math.floor(Date.now() / 1000);
    s.store.appendChange('single.example');
    const list = s.store.changes('single.example');
    expect(list).toHaveLength(2);
    expect(list[1].time).toBeGreaterThanOrEqual(before);
    s.store.appendChange('single.example', { time: list[0].time, user: 'OpenSRS', msg: 'changed language [de]' });
    expect(s.store.changes('single.example').map((c) => c.msg)).toEqual([list[0].msg, 'changed language [de]', list[1].msg]);
    s.store.appendChange('fresh.example', { time: 1_700_000_000 });
    expect(s.store.domains()).toContain('fresh.example');
    expect(s.store.changes('fresh.example')).toEqual([{ time: 1_700_000_000, application: 'OMA', user: expect.any(String), msg: expect.any(String) }]);
    expect(() => s.store.changes('nope.example')).toThrow();
  });

  it('logs requests without secrets and counts them per domain', async () => {
    await changes({ domain: 'acme.io', range: { first: 0, limit: 1 } });
    await post('get_domain_changes', { credentials: { user: sim.credentials.user, token: sim.credentials.token }, domain: 'ACME.io' });
    await changes({ domain: 'single.example' });
    await post('authenticate', { credentials: creds(), generate_session_token: true });
    expect(sim.count()).toBe(4);
    expect(sim.count({ domain: 'acme.io' })).toBe(2);
    expect(sim.log[0]).toEqual({
      method: 'POST',
      path: '/api/get_domain_changes',
      status: 200,
      domain: 'acme.io',
      range: { first: 0, limit: 1 },
      user: sim.credentials.user,
    });
    const logged = JSON.stringify(sim.log);
    expect(logged).not.toContain(sim.credentials.password);
    expect(logged).not.toContain(sim.credentials.token);
    sim.clearLog();
    expect(sim.count()).toBe(0);
  });

  it('injects faults into the next calls of get_domain_changes only, in order', async () => {
    sim.failNext({ errorNumber: 20 }, 2);
    sim.failNext({ httpStatus: 503 });
    sim.failNext({ malformed: true });
    expect((await post('authenticate', { credentials: creds() })).body).toEqual({ success: true });
    expect((await changes({ domain: 'acme.io' })).body).toMatchObject({ success: false, error_number: 20 });
    expect((await changes({ domain: 'acme.io' })).body).toMatchObject({ success: false, error_number: 20 });
    expect((await changes({ domain: 'acme.io' })).status).toBe(503);
    const malformed = await changes({ domain: 'acme.io' });
    expect([malformed.status, malformed.body]).toEqual([200, undefined]);
    expect((await changes({ domain: 'acme.io', range: { limit: 1 } })).body.count).toBe(1);
    expect(sim.log.map((e) => e.status)).toEqual([200, 200, 200, 503, 200, 200]);
  });

  it('resets the connection, and hangs until closed', async () => {
    sim.failNext({ reset: true });
    await expect(changes({ domain: 'acme.io' })).rejects.toThrow();
    const s = new OpenSrsSimulator();
    const url = await s.listen(0);
    s.failNext({ hang: true });
    const pending = fetch(`${url}/api/get_domain_changes`, { method: 'POST', body: JSON.stringify({ credentials: creds(), domain: 'acme.io' }) });
    // Logged once the request has arrived: wait for that, not for a guessed delay.
    await vi.waitFor(() => expect(s.log).toEqual([expect.objectContaining({ status: 0, domain: 'acme.io' })]));
    await s.close();
    await expect(pending).rejects.toThrow();
  });
});
