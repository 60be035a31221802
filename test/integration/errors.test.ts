// Every upstream failure maps to a stable code with the provider named, never a stack trace,
// an upstream URL, a key or an upstream body; and one provider failing leaves the other working.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxZone, startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
let slow: Stack;
const bodies: string[] = [];

const recorded = (s: Stack) => {
  const gql = s.gql;
  s.gql = async (...args) => {
    const res = await gql(...args);
    bodies.push(JSON.stringify(res));
    return res;
  };
  return s;
};

beforeAll(async () => {
  stack = recorded(await startStack());
  // A short upstream deadline, for the hang and slow-body cases.
  slow = recorded(
    await startStack({
      config: (c) => ({ ...c, vinyldns: { ...c.vinyldns!, timeoutMs: 400 }, opensrs: { ...c.opensrs!, timeoutMs: 400 } }),
    }),
  );
});
afterAll(async () => {
  await stack.close();
  await slow.close();
});

const zoneId = (s: Stack, name: string) => sandboxZone(s, name).id;
const ZONE = `query($id: String!) { zone(zoneId: $id) { name } domain(name: "example.com") { name } }`;

function expectClean(res: { errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }, s: Stack) {
  const text = JSON.stringify(res);
  expect(text).not.toContain(new URL(s.sandbox.vinyldnsUrl).host);
  expect(text).not.toContain(new URL(s.sandbox.opensrsUrl).host);
  expect(text).not.toMatch(/\bat .*\.(ts|js):\d+/); // no stack frames
  expect(text).not.toContain('<html>');
}

describe('VinylDNS failures', () => {
  const cases: Array<[string, Parameters<Stack['sandbox']['vinyldns']['failNext']>[0], string]> = [
    ['HTTP 500', { httpStatus: 500, body: 'There was an internal server error.' }, 'UPSTREAM_UNAVAILABLE'],
    ['HTTP 503', { httpStatus: 503 }, 'UPSTREAM_UNAVAILABLE'],
    ['a malformed JSON body', { malformed: true }, 'UPSTREAM_UNAVAILABLE'],
    ['a connection reset', { reset: true }, 'UPSTREAM_UNAVAILABLE'],
    ['HTTP 400', { httpStatus: 400, body: '"maxItems was 0"', contentType: 'application/json' }, 'BAD_USER_INPUT'],
    ['HTTP 401', { httpStatus: 401, body: 'Authentication Failed: Request signature could not be validated' }, 'UNAUTHENTICATED'],
    ['HTTP 403', { httpStatus: 403, body: '"User x cannot access zone"', contentType: 'application/json' }, 'FORBIDDEN'],
  ];
  for (const [what, fault, code] of cases) {
    // 5xx, resets and timeouts are retried twice (three attempts); other failures never.
    const attempts = code === 'UPSTREAM_UNAVAILABLE' && !('malformed' in fault) ? 3 : 1;
    it(`maps ${what} to ${code} after ${attempts} attempt(s), and OpenSRS still answers`, async () => {
      stack.sandbox.vinyldns.failNext(fault, attempts, '/zones/');
      stack.sandbox.vinyldns.clearLog();
      const res = await stack.gql(ZONE, { id: zoneId(stack, 'example.com.') });
      expect(stack.sandbox.vinyldns.count({ pathPrefix: '/zones/' })).toBe(attempts);
      expect(res.errors?.[0].extensions).toMatchObject({ code, provider: 'VINYLDNS' });
      expect(res.errors![0].path).toEqual(['zone']);
      expect(res.data).toEqual({ zone: null, domain: { name: 'example.com' } });
      expectClean(res, stack);
      if ('body' in fault && fault.body) expect(JSON.stringify(res)).not.toContain(fault.body);
    });
  }

  it('recovers from a single 503 by retrying', async () => {
    stack.sandbox.vinyldns.failNext({ httpStatus: 503 }, 1, '/zones/');
    const res = await stack.gql(ZONE, { id: zoneId(stack, 'example.com.') });
    expect(res).toEqual({ data: { zone: { name: 'example.com.' }, domain: { name: 'example.com' } } });
  });

  it('maps an upstream that never answers to UPSTREAM_UNAVAILABLE within the deadline', async () => {
    slow.sandbox.vinyldns.failNext({ hang: true }, 1, '/zones/');
    const started = Date.now();
    const res = await slow.gql(ZONE, { id: zoneId(slow, 'example.com.') });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', provider: 'VINYLDNS' });
    expect(res.errors![0].message).toMatch(/timed out/);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(res.data.domain).toEqual({ name: 'example.com' });
  });

  it('maps a body that stalls past the deadline to UPSTREAM_UNAVAILABLE', async () => {
    slow.sandbox.vinyldns.failNext({ slowBodyMs: 2000 }, 1, '/zones/');
    const res = await slow.gql(ZONE, { id: zoneId(slow, 'example.com.') });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', provider: 'VINYLDNS' });
  });

  it('maps an HTTP 404 on a lookup to null, without an error', async () => {
    stack.sandbox.vinyldns.failNext({ httpStatus: 404, body: '"Zone with id x does not exists"', contentType: 'application/json' }, 1, '/zones/');
    const res = await stack.gql(ZONE, { id: zoneId(stack, 'example.com.') });
    expect(res).toEqual({ data: { zone: null, domain: { name: 'example.com' } } });
  });

  it('maps a missing zone to null on lookups and NOT_FOUND on lists', async () => {
    const res = await stack.gql(`{ zone(zoneId: "missing") { name } recordSetChangeHistory(zoneId: "missing", fqdn: "www.example.com", type: A) { nodes { changeId } } }`);
    expect(res.data).toBeNull();
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', provider: 'VINYLDNS' });
  });

  it('keeps serving after every failure above', async () => {
    const res = await stack.gql(ZONE, { id: zoneId(stack, 'example.com.') });
    expect(res).toEqual({ data: { zone: { name: 'example.com.' }, domain: { name: 'example.com' } } });
  });
});

describe('credentials VinylDNS refuses', () => {
  it('maps a wrong secret key to UNAUTHENTICATED', async () => {
    const s = await startStack({ config: (c) => ({ ...c, vinyldns: { ...c.vinyldns!, secretKey: 'wrong-secret' } }) });
    try {
      const res = recorded(s) && (await s.gql(`{ zones(first: 1) { nodes { name } } }`));
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', provider: 'VINYLDNS' });
      expect(JSON.stringify(res)).not.toContain('wrong-secret');
    } finally {
      await s.close();
    }
  });

  it('maps a zone the caller may not read to FORBIDDEN', async () => {
    const s = await startStack({ config: (c) => ({ ...c, vinyldns: { ...c.vinyldns!, accessKey: 'alice-access-key', secretKey: 'alice-secret-key' } }) });
    try {
      const res = await s.gql(`query($id: String!) { zone(zoneId: $id) { name } }`, { id: zoneId(s, 'internal.corp.') });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', provider: 'VINYLDNS' });
      // Zone-by-name has no access check upstream; the gateway checks by reading the zone by id.
      const byName = await s.gql(`{ zone(name: "internal.corp") { name email } }`);
      expect(byName.data.zone).toBeNull();
      expect(byName.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    } finally {
      await s.close();
    }
  });
});

describe('OpenSRS failures', () => {
  const cases: Array<[string, Parameters<Stack['sandbox']['opensrs']['failNext']>[0], string]> = [
    ['HTTP 500', { httpStatus: 500 }, 'UPSTREAM_UNAVAILABLE'],
    ['a malformed body', { malformed: true }, 'UPSTREAM_UNAVAILABLE'],
    ['a connection reset', { reset: true }, 'UPSTREAM_UNAVAILABLE'],
    // OpenSRS reports refusals in the body with HTTP 200; another status is a broken transport.
    ['HTTP 401', { httpStatus: 401 }, 'UPSTREAM_UNAVAILABLE'],
    ['HTTP 403', { httpStatus: 403 }, 'UPSTREAM_UNAVAILABLE'],
    ['HTTP 404 (no such method)', { httpStatus: 404 }, 'UPSTREAM_UNAVAILABLE'],
    ['error 1 (credentials)', { errorNumber: 1 }, 'UNAUTHENTICATED'],
    ['error 9 (not yours)', { errorNumber: 9 }, 'FORBIDDEN'],
    ['error 5 (bad request)', { errorNumber: 5 }, 'BAD_USER_INPUT'],
  ];
  for (const [what, fault, code] of cases) {
    const attempts = ('httpStatus' in fault && fault.httpStatus >= 500) || 'reset' in fault ? 3 : 1;
    it(`maps ${what} to ${code}, and VinylDNS still answers`, async () => {
      stack.sandbox.opensrs.failNext(fault, attempts);
      const res = await stack.gql(ZONE, { id: zoneId(stack, 'example.com.') });
      expect(res.errors?.[0].extensions).toMatchObject({ code, provider: 'OPENSRS' });
      expect(res.data).toEqual({ zone: { name: 'example.com.' }, domain: null });
      expectClean(res, stack);
    });
  }

  it('retries a transient error once, then answers', async () => {
    stack.sandbox.opensrs.failNext({ errorNumber: 20 });
    stack.sandbox.opensrs.clearLog();
    const res = await stack.gql(`{ domain(name: "example.com") { name } }`);
    expect(res).toEqual({ data: { domain: { name: 'example.com' } } });
    expect(stack.sandbox.opensrs.log).toHaveLength(2);
  });

  it('maps an OpenSRS body that stalls past the deadline to UPSTREAM_UNAVAILABLE', async () => {
    slow.sandbox.opensrs.failNext({ slowBodyMs: 2000 });
    const res = await slow.gql(ZONE, { id: zoneId(slow, 'example.com.') });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', provider: 'OPENSRS' });
    expect(res.data.zone).toEqual({ name: 'example.com.' });
  });

  it('maps an OpenSRS that never answers to UPSTREAM_UNAVAILABLE within the deadline', async () => {
    slow.sandbox.opensrs.failNext({ hang: true });
    const res = await slow.gql(ZONE, { id: zoneId(slow, 'example.com.') });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', provider: 'OPENSRS' });
    expect(res.data.zone).toEqual({ name: 'example.com.' });
  });
});

describe('a provider that is not configured', () => {
  it('answers PROVIDER_NOT_CONFIGURED on its fields and serves the other', async () => {
    const onlyOpenSrs = await startStack({ config: (c) => ({ ...c, vinyldns: undefined }) });
    const onlyVinyl = await startStack({ config: (c) => ({ ...c, opensrs: undefined }) });
    try {
      const a = await onlyOpenSrs.gql(`{ zones(first: 1) { nodes { name } } }`);
      expect(a.errors?.[0].extensions).toMatchObject({ code: 'PROVIDER_NOT_CONFIGURED', provider: 'VINYLDNS' });
      expect(a.errors![0].message).toContain('VINYLDNS_URL');
      const b = await onlyOpenSrs.gql(`{ domain(name: "example.com") { name zone { name } } }`);
      expect(b).toEqual({ data: { domain: { name: 'example.com', zone: null } } });
      const c = await onlyVinyl.gql(`{ domain(name: "example.com") { name } zone(name: "example.com") { name domain { name } } }`);
      expect(c.errors?.[0].extensions).toMatchObject({ code: 'PROVIDER_NOT_CONFIGURED', provider: 'OPENSRS' });
      expect(c.data.zone).toEqual({ name: 'example.com.', domain: null });
    } finally {
      await onlyOpenSrs.close();
      await onlyVinyl.close();
    }
  });
});

describe('bad input', () => {
  it.each([
    ['first above 100', `{ zones(first: 250) { nodes { name } } }`, /`first` must be between 0 and 100, got 250/],
    ['negative last', `{ zone(name: "ok") { recordSetChanges(last: -1) { nodes { changeId } } } }`, /`last` must be between 0 and 100, got -1/],
    ['last on a forward-only list', `{ zone(name: "ok") { changes(last: 2) { nodes { changeId } } } }`, /pages forward only/],
    ['a garbage cursor', `{ zones(after: "garbage!") { nodes { name } } }`, /Invalid `after` cursor/],
    ['a garbage id', `{ node(id: "nope") { id } }`, /not a valid id/],
  ])('%s is BAD_USER_INPUT with the rule in the message', async (_, query, message) => {
    const res = await stack.gql(query);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toMatch(message);
  });

  it('refuses a cursor from another connection', async () => {
    const a = await stack.gql(`{ zone(name: "ok") { recordSetChanges(first: 1) { pageInfo { endCursor } } } }`);
    const cursor = a.data.zone.recordSetChanges.pageInfo.endCursor;
    const res = await stack.gql(`query($c: String) { zone(name: "ok") { failedRecordSetChanges(after: $c) { nodes { changeId } } } }`, { c: cursor });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toMatch(/issued for Zone.recordSetChanges/);
  });
});

describe('secrets', () => {
  it('never put a zone connection key, the VinylDNS secret or the OpenSRS password in a response', () => {
    const keys = stack.sandbox.vinyldns.store
      .zones()
      .flatMap((z) => [z.connection?.key, z.transferConnection?.key])
      .filter((k): k is string => !!k);
    expect(keys.length).toBeGreaterThan(0);
    const all = bodies.join('\n');
    for (const secret of [...keys, stack.sandbox.vinyldns.admin.secretKey, stack.sandbox.opensrs.credentials.password, 'OBF:']) {
      expect(all).not.toContain(secret);
    }
  });
});
