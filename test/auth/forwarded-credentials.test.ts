// VINYLDNS_CREDENTIALS=forward against the sandbox: every VinylDNS call is signed with the caller's
// keys, VinylDNS's access rules apply, nothing is shared between identities, and the two access
// holes VinylDNS leaves open (zone by name, the failure lists) are closed by the gateway.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxZoneId } from '../../src/sandbox/vinyldns/seed/zones.js';
import { errorCode, startStack, type GraphQLResponse, type Stack } from '../helpers/stack.js';

const keys = (user: string) => ({ 'x-vinyldns-access-key': `${user}-access-key`, 'x-vinyldns-secret-key': `${user}-secret-key` });
const ALICE = keys('alice');
const ADMIN = keys('sandbox');
const INTERNAL = sandboxZoneId('internal.corp.');
const BIG = sandboxZoneId('big.example.org.');

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ config: (c) => ({ ...c, vinyldns: { ...c.vinyldns!, accessKey: undefined, secretKey: undefined, credentials: 'forward' } }) });
});
afterAll(() => stack.close());

const log = () => stack.sandbox.vinyldns.log;
/** Runs a query and returns it with the VinylDNS requests it made. */
async function traced(query: string, headers: Record<string, string>, variables: Record<string, unknown> = {}) {
  const from = log().length;
  const res = await stack.gql(query, variables, headers);
  return { res, calls: log().slice(from) };
}

describe('forwarded VinylDNS credentials', () => {
  it('signs every VinylDNS call with the caller’s access key', async () => {
    const { res, calls } = await traced('{ zone(name: "example.com") { name accessLevel recordSets(first: 2) { nodes { name } } } }', ALICE);
    expect(res.errors).toBeUndefined();
    expect(res.data.zone).toMatchObject({ name: 'example.com.', accessLevel: 'DELETE' });
    expect(calls.length).toBeGreaterThanOrEqual(3);
    expect(new Set(calls.map((c) => c.accessKey))).toEqual(new Set(['alice-access-key']));
  });

  it('without the headers, VinylDNS fields are UNAUTHENTICATED (provider VINYLDNS), and so are mail logs read through the gateway’s OpenSRS account', async () => {
    const opensrsCalls = stack.sandbox.opensrs.log.length;
    const { res, calls } = await traced('{ zone(name: "example.com") { name } domain(name: "example.com") { name } }', {});
    expect(calls).toHaveLength(0);
    expect(stack.sandbox.opensrs.log.length).toBe(opensrsCalls);
    expect(res.data.zone).toBeNull();
    expect(res.data.domain).toBeNull();
    expect(res.errors).toHaveLength(2);
    const byField = Object.fromEntries(res.errors!.map((e) => [e.path![0], e]));
    expect(byField.zone.extensions).toMatchObject({ code: 'UNAUTHENTICATED', provider: 'VINYLDNS' });
    expect(byField.zone.message).toMatch(/X-VinylDNS-Access-Key/);
    expect(byField.domain.extensions).toMatchObject({ code: 'UNAUTHENTICATED', provider: 'OPENSRS' });
    // Only one of the two headers is the same as none.
    const half = await stack.gql('{ zone(name: "ok") { name } }', {}, { 'x-vinyldns-access-key': 'alice-access-key' });
    expect(half.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', provider: 'VINYLDNS' });
  });

  it('a wrong secret is VinylDNS’s 401: UNAUTHENTICATED, and the secret is never echoed', async () => {
    const res = await stack.gql('{ zone(name: "example.com") { name } }', {}, { ...ALICE, 'x-vinyldns-secret-key': 'WRONG-SECRET-VALUE' });
    expect(res.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', provider: 'VINYLDNS' });
    expect(JSON.stringify(res)).not.toContain('WRONG-SECRET-VALUE');
  });

  it('VinylDNS’s access rules apply: alice reads her zones, not internal.corp', async () => {
    const own = await stack.gql(`{ zone(zoneId: "${sandboxZoneId('acme.io.')}") { name } }`, {}, ALICE);
    expect(own.data.zone.name).toBe('acme.io.');
    const other = await stack.gql(`{ zone(zoneId: "${INTERNAL}") { name } }`, {}, ALICE);
    expect(other.data.zone).toBeNull();
    expect(errorCode(other)).toBe('FORBIDDEN');
    const admin = await stack.gql(`{ zone(zoneId: "${INTERNAL}") { name } }`, {}, ADMIN);
    expect(admin.data.zone.name).toBe('internal.corp.');
  });

  it('shares nothing between identities: interleaved identical reads keep each caller’s answer', async () => {
    const query = `{ zone(zoneId: "${INTERNAL}") { name } byName: zone(name: "internal.corp") { name } }`;
    const runs = await Promise.all(Array.from({ length: 12 }, (_, i) => stack.gql(query, {}, i % 2 === 0 ? ADMIN : ALICE)));
    runs.forEach((res, i) => {
      if (i % 2 === 0) expect(res.data).toEqual({ zone: { name: 'internal.corp.' }, byName: { name: 'internal.corp.' } });
      else expect(res.data).toEqual({ zone: null, byName: null });
    });
    // And after the admin's read is fresh in any cache, alice still asks VinylDNS herself.
    await stack.gql(query, {}, ADMIN);
    const { res, calls } = await traced(query, ALICE);
    expect(res.data).toEqual({ zone: null, byName: null });
    expect(calls.some((c) => c.path === `/zones/${INTERNAL}` && c.accessKey === 'alice-access-key' && c.status === 403)).toBe(true);
  });
});

describe('the access holes, as a caller without access (alice)', () => {
  it('zone by name: VinylDNS answers it to anyone, the gateway re-reads it by id as the caller', async () => {
    for (const [name, id] of [
      ['internal.corp', INTERNAL],
      ['big.example.org', BIG],
    ]) {
      const { res, calls } = await traced(`{ zone(name: "${name}") { name connection { name primaryServer } aclRules { description } } }`, ALICE);
      expect(res.data.zone).toBeNull();
      expect(errorCode(res)).toBe('FORBIDDEN');
      expect(JSON.stringify(res)).not.toContain(name === 'internal.corp' ? 'corp-update' : 'platform-update');
      // The hole: the by-name read succeeds for alice; the by-id read is what VinylDNS refuses.
      expect(calls.map((c) => [c.path, c.status, c.accessKey])).toEqual([
        [`/zones/name/${name}.`, 200, 'alice-access-key'],
        [`/zones/${id}`, 403, 'alice-access-key'],
      ]);
    }
  });

  it('failedZoneChanges: alice sees exactly the failures of zones whose changes she may list, in order, in full pages', async () => {
    const walk = async (headers: Record<string, string>, first: number) => {
      const ids: { id: string; zoneId: string }[] = [];
      let after: string | null = null;
      for (let page = 0; page < 100; page++) {
        const res: GraphQLResponse = await stack.gql(
          'query($first: Int, $after: String) { failedZoneChanges(first: $first, after: $after) { nodes { changeId zone { zoneId } zoneSnapshot { zoneId } } pageInfo { hasNextPage endCursor } } }',
          { first, after },
          headers,
        );
        expect(res.errors).toBeUndefined();
        const conn = res.data.failedZoneChanges as { nodes: any[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
        ids.push(...conn.nodes.map((n: any) => ({ id: n.changeId, zoneId: n.zoneSnapshot.zoneId })));
        if (!conn.pageInfo.hasNextPage) return ids;
        expect(conn.nodes).toHaveLength(first); // every page but the last is full
        after = conn.pageInfo.endCursor;
      }
      throw new Error('did not end');
    };
    const all = await walk(ADMIN, 100);
    const zoneIds = [...new Set(all.map((c) => c.zoneId))];
    expect(zoneIds).toContain(BIG); // failures alice must not see exist
    // Those whose changes she may list, as Zone.changes decides (ACL rules grant the zone, not its changes).
    const readable = new Set<string>();
    const aclOnly = new Set<string>();
    for (const zoneId of zoneIds) {
      const zone = await stack.gql(`{ zone(zoneId: "${zoneId}") { zoneId } }`, {}, ALICE);
      const changes = await stack.gql(`{ zone(zoneId: "${zoneId}") { changes(first: 1) { nodes { id } } } }`, {}, ALICE);
      if (changes.data.zone && !changes.errors) readable.add(zoneId);
      else if (zone.data.zone) aclOnly.add(zoneId); // she reads the zone, VinylDNS refuses her its changes
    }
    expect(readable.has(BIG)).toBe(false);
    expect(aclOnly.size).toBeGreaterThan(0); // zones whose failures she must not see although she reads them
    const expected = all.filter((c) => readable.has(c.zoneId));
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.length);
    expect(await walk(ALICE, 1)).toEqual(expected);
    // Paging backwards counts the same readable positions.
    const last = await stack.gql('{ failedZoneChanges(last: 3) { nodes { changeId } } }', {}, ALICE);
    expect(last.data.failedZoneChanges.nodes.map((n: any) => n.changeId)).toEqual(expected.slice(-3).map((c) => c.id));
  });

  it('Zone.failedRecordSetChanges: read for a zone the caller can read, refused through a snapshot it cannot', async () => {
    const own = await stack.gql('{ zone(name: "example.com") { failedRecordSetChanges(first: 3) { nodes { changeId } } } }', {}, ALICE);
    expect(own.errors).toBeUndefined();
    expect(own.data.zone.failedRecordSetChanges.nodes.length).toBeGreaterThan(0);

    const admin = await stack.gql(`{ zone(zoneId: "${INTERNAL}") { changes(first: 1) { nodes { zoneSnapshot { id } } } } }`, {}, ADMIN);
    const snapshotId = admin.data.zone.changes.nodes[0].zoneSnapshot.id;
    const { res, calls } = await traced(`{ node(id: "${snapshotId}") { ... on Zone { name failedRecordSetChanges { nodes { changeId } } } } }`, ALICE);
    expect(res.data.node).toBeNull();
    expect(errorCode(res)).toBe('FORBIDDEN');
    expect(calls.some((c) => c.path.includes('recordsetchangesfailure'))).toBe(false);
  });
});
