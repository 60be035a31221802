// Who sees what (issue 11), against the sandbox with each caller's own keys:
// - failedZoneChanges shows a zone's failures only to callers VinylDNS lets list that zone's
//   changes (an ACL rule grants the zone, not its changes), one cheap check per zone per request;
// - forwarding VinylDNS keys no longer hands every caller the gateway's OpenSRS admin account
//   (OPENSRS_ACCESS=zone-readers by default), and OPENSRS_CREDENTIALS=forward uses the caller's
//   own OpenSRS credentials;
// - no upstream path gets a `.` or `..` segment; `_entities` takes at most 100 representations.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityKey } from '../../src/cache/response-cache.js';
import { DEFAULT_LIMITS } from '../../src/limits/config.js';
import { sandboxZoneId } from '../../src/sandbox/vinyldns/seed/zones.js';
import { errorCode, startStack, type GraphQLResponse, type Stack } from '../helpers/stack.js';

const keys = (user: string) => ({ 'x-vinyldns-access-key': `${user}-access-key`, 'x-vinyldns-secret-key': `${user}-secret-key` });
const ADMIN = keys('sandbox');
const ALICE = keys('alice');
const DAVE = keys('dave'); // reads example.com through its ACL rule for dns-readers, nothing more there
const EXAMPLE = sandboxZoneId('example.com.');

const forwardVinylDns = (c: any) => ({ ...c, vinyldns: { ...c.vinyldns!, accessKey: undefined, secretKey: undefined, credentials: 'forward' } });

async function allFailures(stack: Stack, headers: Record<string, string>) {
  const out: Array<{ id: string; zoneId: string }> = [];
  let after: string | undefined;
  for (let page = 0; page < 50; page++) {
    const res: GraphQLResponse = await stack.gql(
      'query($after: String) { failedZoneChanges(first: 100, after: $after) { nodes { changeId zoneSnapshot { zoneId } } pageInfo { hasNextPage endCursor } } }',
      { after },
      headers,
    );
    expect(res.errors).toBeUndefined();
    out.push(...res.data.failedZoneChanges.nodes.map((n: any) => ({ id: n.changeId, zoneId: n.zoneSnapshot.zoneId })));
    if (!res.data.failedZoneChanges.pageInfo.hasNextPage) return out;
    after = res.data.failedZoneChanges.pageInfo.endCursor;
  }
  throw new Error('did not end');
}

describe('VINYLDNS_CREDENTIALS=forward', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ config: forwardVinylDns });
  });
  afterAll(() => stack.close());

  it('failedZoneChanges: refused to the ACL-only caller, as Zone.changes is', async () => {
    // Dave may read the zone (its ACL rule) but VinylDNS refuses him its changes.
    const zone = await stack.gql(`{ zone(zoneId: "${EXAMPLE}") { name } }`, {}, DAVE);
    expect(zone.data.zone.name).toBe('example.com.');
    const changes = await stack.gql(`{ zone(zoneId: "${EXAMPLE}") { changes(first: 1) { nodes { id } } } }`, {}, DAVE);
    expect(errorCode(changes)).toBe('FORBIDDEN');

    const everyone = await allFailures(stack, ADMIN);
    expect(everyone.some((c) => c.zoneId === EXAMPLE)).toBe(true);
    const davesView = await allFailures(stack, DAVE);
    expect(davesView.some((c) => c.zoneId === EXAMPLE)).toBe(false);
    expect(davesView.length).toBeGreaterThan(0); // the zones he administers still show
    expect(davesView).toEqual(everyone.filter((c) => davesView.some((d) => d.zoneId === c.zoneId)));
  });

  it('checks each zone once per request, with one cheap call', async () => {
    const from = stack.sandbox.vinyldns.log.length;
    await stack.gql('{ failedZoneChanges(first: 100) { nodes { changeId } } }', {}, DAVE);
    const checks = stack.sandbox.vinyldns.log.slice(from).filter((c) => /^\/zones\/[^/]+\/changes$/.test(c.path));
    const zones = checks.map((c) => c.path);
    expect(zones.length).toBeGreaterThan(1);
    expect(new Set(zones).size).toBe(zones.length);
    expect(checks.every((c) => c.query.maxItems === '1')).toBe(true);
  });

  it('mail logs through the gateway’s OpenSRS account only for readers of the zone of the same name', async () => {
    const query = (name: string) => `{ domain(name: "${name}") { name changes(first: 1) { totalCount } } }`;
    const own = await stack.gql(query('example.com'), {}, ALICE);
    expect(own.errors).toBeUndefined();
    expect(own.data.domain.changes.totalCount).toBeGreaterThan(0);
    // Through an ACL rule is reading too.
    expect((await stack.gql(query('example.com'), {}, DAVE)).errors).toBeUndefined();

    const opensrsBefore = stack.sandbox.opensrs.count({ domain: 'big.example.org' });
    const other = await stack.gql(query('big.example.org'), {}, ALICE);
    expect(other.data.domain).toBeNull();
    expect(other.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', provider: 'OPENSRS' });
    expect(other.errors![0].message).toMatch(/zone-readers/);
    expect(stack.sandbox.opensrs.count({ domain: 'big.example.org' })).toBe(opensrsBefore);

    // The timeline of a domain she may not read: neither provider's changes.
    const timeline = await stack.gql('{ changes(domain: "big.example.org", first: 3) { unavailableProviders nodes { provider } } }', {}, ALICE);
    expect(timeline.data.changes.nodes).toEqual([]);
    expect([...timeline.data.changes.unavailableProviders].sort()).toEqual(['OPENSRS', 'VINYLDNS']);
    expect(stack.sandbox.opensrs.count({ domain: 'big.example.org' })).toBe(opensrsBefore);
  });
});

describe('VINYLDNS_CREDENTIALS=forward with OPENSRS_ACCESS=all', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ config: (c) => forwardVinylDns({ ...c, opensrs: { ...c.opensrs!, access: 'all' } }) });
  });
  afterAll(() => stack.close());

  it('lets every caller the gateway admits read every mail log, as configured', async () => {
    const res = await stack.gql('{ domain(name: "big.example.org") { changes(first: 1) { totalCount } } }', {}, ALICE);
    expect(res.errors).toBeUndefined();
    expect(res.data.domain.changes.totalCount).toBeGreaterThan(0);
  });
});

describe('OPENSRS_CREDENTIALS=forward', () => {
  let stack: Stack;
  let own: Record<string, string>;
  beforeAll(async () => {
    stack = await startStack({ config: (c) => ({ ...c, opensrs: { url: c.opensrs!.url, timeoutMs: 10_000, credentials: 'forward' } }) });
    const { user, password } = stack.sandbox.opensrs.credentials;
    own = { 'x-opensrs-user': user, 'x-opensrs-password': password };
  });
  afterAll(() => stack.close());

  const QUERY = '{ domain(name: "acme.io") { changes(first: 2) { totalCount } } }';

  it('without the headers, OpenSRS fields are UNAUTHENTICATED and OpenSRS is not called', async () => {
    const before = stack.sandbox.opensrs.log.length;
    const res = await stack.gql(QUERY);
    expect(res.data.domain).toBeNull();
    expect(res.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', provider: 'OPENSRS' });
    expect(res.errors![0].message).toMatch(/X-OpenSRS-User/);
    expect(stack.sandbox.opensrs.log.length).toBe(before);
  });

  it('calls OpenSRS as the caller, with a password or a token', async () => {
    const before = stack.sandbox.opensrs.log.length;
    const res = await stack.gql(QUERY, {}, own);
    expect(res.errors).toBeUndefined();
    expect(res.data.domain.changes.totalCount).toBeGreaterThan(0);
    const made = stack.sandbox.opensrs.log.slice(before);
    expect(made.length).toBeGreaterThan(0);
    expect(made.every((e) => e.user === stack.sandbox.opensrs.credentials.user)).toBe(true);
    const { user, token } = stack.sandbox.opensrs.credentials;
    expect((await stack.gql(QUERY, {}, { 'x-opensrs-user': user, 'x-opensrs-token': token })).errors).toBeUndefined();
  });

  it('a wrong password is OpenSRS’s refusal, and is never echoed', async () => {
    const wrong = { ...own, 'x-opensrs-password': 'WRONG-PASSWORD-VALUE' };
    const res = await stack.gql(QUERY, {}, wrong);
    expect(res.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', provider: 'OPENSRS' });
    expect(JSON.stringify(res)).not.toContain('WRONG-PASSWORD-VALUE');
  });

  it('keys the response cache by the OpenSRS credentials too', () => {
    const a = new Headers({ 'x-opensrs-user': 'u', 'x-opensrs-password': 'one' });
    const b = new Headers({ 'x-opensrs-user': 'u', 'x-opensrs-password': 'two' });
    expect(identityKey(a)).not.toBe(identityKey(b));
    expect(identityKey(a)).not.toContain('one');
  });
});

describe('ids and representations', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  it('never sends . or .. as a path segment', async () => {
    stack.sandbox.vinyldns.clearLog();
    const res = await stack.gql(
      '{ a: zone(zoneId: "..") { name } b: zone(zoneId: ".") { name } c: recordSet(zoneId: "..", recordSetId: ".") { name } d: zone(zoneId: "") { name } }',
    );
    expect(res.data).toEqual({ a: null, b: null, c: null, d: null });
    expect(new Set(res.errors!.map((e) => e.extensions?.code))).toEqual(new Set(['BAD_USER_INPUT']));
    expect(res.errors![0].message).toMatch(/is not a valid VinylDNS id or name/);
    const entities = await stack.gql('query($r: [_Any!]!) { _entities(representations: $r) { ... on Zone { name } } }', {
      r: [{ __typename: 'Zone', zoneId: '..' }],
    });
    expect(entities.data?._entities).toEqual([null]);
    expect(stack.sandbox.vinyldns.log.filter((c) => c.path.split('/').some((s) => s === '.' || s === '..' || s === '%2E%2E' || s === '%2e%2e'))).toEqual([]);
    expect(stack.sandbox.vinyldns.log).toHaveLength(0);
  });

  it(`refuses _entities with more than ${DEFAULT_LIMITS.maxRepresentations} representations before reading anything`, async () => {
    const query = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Domain { name } } }';
    const reps = (n: number) => Array.from({ length: n }, (_, i) => ({ __typename: 'Domain', name: `d${i}.example.com` }));
    const before = stack.sandbox.opensrs.log.length + stack.sandbox.vinyldns.log.length;
    const res = await fetch(`${stack.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables: { r: reps(101) } }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as GraphQLResponse;
    expect(body.errors![0].extensions).toMatchObject({ code: 'REPRESENTATIONS_LIMIT_EXCEEDED', limit: 100, found: 101 });
    expect(stack.sandbox.opensrs.log.length + stack.sandbox.vinyldns.log.length).toBe(before);
    const ok = await stack.gql('query($r: [_Any!]!) { _entities(representations: $r) { ... on Domain { name } } }', { r: reps(3) });
    expect(ok.errors).toBeUndefined();
  });
});
