// The VinylDNS read side through the schema: lookups, typed records, node(id), snapshots, and
// the zone DataLoader's upstream call counts (counted by the sandbox).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, sandboxZone, startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const store = () => stack.sandbox.vinyldns.store;
const zoneNamed = (name: string) => sandboxZone(stack, name);
const vinylRequests = () => stack.sandbox.vinyldns.log.length;

describe('zone lookups', () => {
  it('finds a zone by name with or without the trailing dot, by zoneId and by global id', async () => {
    const zone = zoneNamed('example.com.');
    const res = await stack.gql(
      `query($id: String!) {
      a: zone(name: "example.com") { id zoneId name email status shared created }
      b: zone(name: "example.com.") { zoneId }
      c: zone(zoneId: $id) { id name }
    }`,
      { id: zone.id },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.a).toMatchObject({ zoneId: zone.id, name: 'example.com.', email: zone.email, status: 'ACTIVE' });
    expect(res.data.a.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(res.data.b.zoneId).toBe(zone.id);
    expect(res.data.c).toEqual({ id: res.data.a.id, name: 'example.com.' });
    const byId = await stack.gql(`query($id: ID!) { zone(id: $id) { zoneId } node(id: $id) { __typename ... on Zone { name } } }`, { id: res.data.a.id });
    expect(byId.data).toEqual({ zone: { zoneId: zone.id }, node: { __typename: 'Zone', name: 'example.com.' } });
  });

  it('answers null for a zone that does not exist', async () => {
    const res = await stack.gql(`{ a: zone(name: "nope.example.") { id } b: zone(zoneId: "00000000-0000-0000-0000-000000000000") { id } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ a: null, b: null });
  });

  it('wants exactly one of id, zoneId and name', async () => {
    for (const args of ['', 'name: "a.com", zoneId: "x"']) {
      const res = await stack.gql(`{ zone${args ? `(${args})` : ''} { id } }`);
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].message).toMatch(/exactly one of `id`, `zoneId` or `name`/);
    }
  });

  it('refuses filters with characters VinylDNS would put into SQL', async () => {
    const res = await stack.gql(`{ zones(nameFilter: "x' OR 1=1 --") { nodes { name } } }`);
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(stack.sandbox.vinyldns.log.some((e) => (e.query.nameFilter ?? '').includes("'"))).toBe(false);
  });

  it('exposes zone connections without their TSIG key', async () => {
    const keyed = store()
      .zones()
      .find((z) => z.connection?.key)!;
    const res = await stack.gql(
      `query($id: String!) { zone(zoneId: $id) { connection { name keyName primaryServer algorithm } transferConnection { keyName } aclRules { accessLevel recordTypes } } }`,
      { id: keyed.id },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.zone.connection).toEqual({
      name: keyed.connection!.name,
      keyName: keyed.connection!.keyName,
      primaryServer: keyed.connection!.primaryServer,
      algorithm: keyed.connection!.algorithm ?? null,
    });
    expect(JSON.stringify(res)).not.toContain(keyed.connection!.key!);
  });
});

describe('changes', () => {
  it('summarises record set changes on one line and links the zone now and the record set then', async () => {
    const zone = zoneNamed('example.com.');
    const update = store()
      .recordSetChanges(zone.id)
      .find((c) => c.changeType === 'Update' && c.updates && c.recordSet.type === 'A')!;
    const res = await stack.gql(
      `query($id: String!) { zone(zoneId: $id) { recordSetChanges(first: 100) { nodes {
      id changeId provider occurredAt actor summary changeType status
      zone { name } recordSet { id recordSetId fqdn records { text } } previousRecordSet { id records { text } }
    } } } }`,
      { id: zone.id },
    );
    expect(res.errors).toBeUndefined();
    const node = res.data.zone.recordSetChanges.nodes.find((n: any) => n.changeId === update.id);
    expect(node).toBeDefined();
    const fqdn = update.recordSet.name === zone.name ? zone.name : `${update.recordSet.name}.${zone.name}`;
    const before = update.updates!.records.map((r) => r.address).join(', ');
    const after = update.recordSet.records.map((r) => r.address).join(', ');
    expect(node.summary).toBe(
      before === after ? expect.stringContaining(`Update A ${fqdn}`) : `Update A ${fqdn} ${before} → ${after}${update.status === 'Failed' ? ' (failed)' : ''}`,
    );
    expect(node).toMatchObject({ provider: 'VINYLDNS', changeType: 'UPDATE', zone: { name: 'example.com.' }, recordSet: { fqdn } });
    expect(node.actor).toBe(update.userName && update.userName !== 'unknown user' ? update.userName : update.userId);
    // The snapshots have ids of their own, distinct from the record set as it is now.
    expect(node.recordSet.id).not.toBe(node.previousRecordSet.id);
    const again = await stack.gql(
      `query($a: ID!, $b: ID!) { a: node(id: $a) { ... on RecordSetChange { changeId } } b: node(id: $b) { ... on RecordSet { records { text } } } }`,
      {
        a: node.id,
        b: node.previousRecordSet.id,
      },
    );
    expect(again.data).toEqual({ a: { changeId: update.id }, b: { records: node.previousRecordSet.records } });
  });

  it('resolves zone changes, their snapshots and node(id) for them', async () => {
    const zone = zoneNamed('system-test-history.');
    const res = await stack.gql(
      `query($id: String!) { zone(zoneId: $id) { changes(first: 3) { nodes { id changeId summary changeType zoneSnapshot { id email } zone { id email } } } } }`,
      { id: zone.id },
    );
    expect(res.errors).toBeUndefined();
    const [first] = res.data.zone.changes.nodes;
    expect(first.summary).toMatch(/^(Create|Update|Delete|Sync|Automated sync) zone system-test-history\./);
    expect(first.zoneSnapshot.id).not.toBe(first.zone.id);
    const node = await stack.gql(`query($id: ID!, $s: ID!) { node(id: $id) { ... on ZoneChange { changeId } } snap: node(id: $s) { ... on Zone { email } } }`, {
      id: first.id,
      s: first.zoneSnapshot.id,
    });
    expect(node.data).toEqual({ node: { changeId: first.changeId }, snap: { email: first.zoneSnapshot.email } });
  });

  it("lists a zone's failed changes with the DNS error", async () => {
    const zone = zoneNamed('ok.');
    const res = await stack.gql(
      `query($id: String!) { zone(zoneId: $id) { failedRecordSetChanges(first: 3) { nodes { changeId status systemMessage singleBatchChangeIds } } } }`,
      { id: zone.id },
    );
    expect(res.errors).toBeUndefined();
    const expected = store().failedRecordSetChanges(zone.id).slice(0, 3);
    expect(res.data.zone.failedRecordSetChanges.nodes).toEqual(
      expected.map((c) => ({ changeId: c.id, status: 'FAILED', systemMessage: c.systemMessage ?? null, singleBatchChangeIds: c.singleBatchChangeIds ?? [] })),
    );
  });
});

describe('record sets', () => {
  it('types every record kind and presents it as zone-file text', async () => {
    const seen = new Map<string, any>();
    for (const zone of [zoneNamed('example.com.'), zoneNamed('2.0.192.in-addr.arpa.')]) {
      let after: string | null = null;
      do {
        const res: any = await stack.gql(
          `query($id: String!, $after: String) { zone(zoneId: $id) { recordSets(first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { type fqdn records { __typename text
        ... on MXRecord { preference exchange } ... on SOARecord { serial } ... on DSRecord { keyTag digest } ... on SSHFPRecord { fingerprintType }
        ... on SRVRecord { port target } ... on TXTRecord { value } ... on NAPTRRecord { flags replacement } } } } } }`,
          { id: zone.id, after },
        );
        expect(res.errors).toBeUndefined();
        for (const rs of res.data.zone.recordSets.nodes) if (rs.records.length) seen.set(rs.type, rs.records[0]);
        after = res.data.zone.recordSets.pageInfo.hasNextPage ? res.data.zone.recordSets.pageInfo.endCursor : null;
      } while (after);
    }
    expect([...seen.keys()].sort()).toEqual(['A', 'AAAA', 'CNAME', 'DS', 'MX', 'NAPTR', 'NS', 'PTR', 'SOA', 'SPF', 'SRV', 'SSHFP', 'TXT']);
    expect(seen.get('MX').text).toBe(`${seen.get('MX').preference} ${seen.get('MX').exchange}`);
    expect(seen.get('TXT').text).toBe(JSON.stringify(seen.get('TXT').value).replace(/\\\\/g, '\\'));
    expect(seen.get('SOA').__typename).toBe('SOARecord');
  });

  it('finds one record set, and null when the record set is in another zone', async () => {
    const [a, b] = [zoneNamed('example.com.'), zoneNamed('acme.io.')];
    const rs = store().recordSets(a.id)[0];
    const res = await stack.gql(
      `query($a: String!, $b: String!, $r: String!) { here: recordSet(zoneId: $a, recordSetId: $r) { recordSetId zone { name } } there: recordSet(zoneId: $b, recordSetId: $r) { recordSetId } }`,
      {
        a: a.id,
        b: b.id,
        r: rs.id,
      },
    );
    expect(res.data).toEqual({ here: { recordSetId: rs.id, zone: { name: 'example.com.' } }, there: null });
  });
});

describe('zone lookups go through one DataLoader per request', () => {
  it('resolves `zone` on 100 record set changes with one page call and one zone GET', async () => {
    const zone = zoneNamed('big.example.org.');
    stack.sandbox.vinyldns.clearLog();
    const res = await stack.gql(`query($id: String!) { zone(zoneId: $id) { recordSetChanges(first: 100) { nodes { zone { name } } } } }`, { id: zone.id });
    expect(res.errors).toBeUndefined();
    expect(res.data.zone.recordSetChanges.nodes).toHaveLength(100);
    expect(vinylRequests()).toBe(2);
  });

  it('resolves `zone` on a page of failed zone changes over several zones with the page and one GET per zone', async () => {
    stack.sandbox.vinyldns.clearLog();
    const res = await stack.gql(`{ failedZoneChanges(first: 100) { nodes { zone { name } zoneSnapshot { name } } } }`);
    expect(res.errors).toBeUndefined();
    const names = new Set(res.data.failedZoneChanges.nodes.map((n: any) => n.zone.name));
    expect(names.size).toBeGreaterThanOrEqual(3);
    expect(vinylRequests()).toBe(1 + names.size);
  });

  it('does not answer "the zone now" from the snapshots inside changes', async () => {
    const zone = zoneNamed('system-test-history.');
    stack.sandbox.vinyldns.clearLog();
    const res = await stack.gql(`query($id: String!) { zone(zoneId: $id) { changes(first: 5) { nodes { zone { email } zoneSnapshot { email } } } } }`, {
      id: zone.id,
    });
    expect(res.errors).toBeUndefined();
    for (const n of res.data.zone.changes.nodes) expect(n.zone.email).toBe(zone.email);
    expect(vinylRequests()).toBe(2);
  });
});

describe('identical reads within one request', () => {
  it('share one upstream call', async () => {
    const zone = zoneNamed('acme.io.');
    stack.sandbox.vinyldns.clearLog();
    const res = await stack.gql(
      `query($id: String!) {
      a: zone(zoneId: $id) { recordSetChanges(first: 5) { nodes { changeId } } }
      b: zone(zoneId: $id) { recordSetChanges(first: 5) { nodes { changeId } } }
    }`,
      { id: zone.id },
    );
    expect(res.data.a).toEqual(res.data.b);
    expect(stack.sandbox.vinyldns.count({ pathPrefix: `/zones/${zone.id}/recordsetchanges` })).toBe(1);
  });
});
