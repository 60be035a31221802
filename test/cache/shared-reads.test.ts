// Requests of the same identity share fresh zone reads and in-flight GETs; different identities
// never do (sandbox request counts tell). Time is an injected clock: no test waits for a TTL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpUpstream } from '../../src/providers/http.js';
import { operationBudget, UNMETERED, type UpstreamBudget } from '../../src/providers/budget.js';
import { VinylDnsClient } from '../../src/providers/vinyldns/client.js';
import { SharedReads } from '../../src/providers/vinyldns/shared-reads.js';
import { startGateProxy, type GateProxy } from '../helpers/gate-proxy.js';
import { sandboxZone, startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ config: (c) => ({ ...c, cache: { zoneTtlMs: 60_000, responseCache: { ttlMs: 0 } } }) });
});
afterAll(() => stack.close());

const zoneId = (name: string) => sandboxZone(stack, name).id;
const zoneGets = (id: string) => stack.sandbox.vinyldns.count({ pathPattern: new RegExp(`^/zones/${id}$`) });
const Q = `query($id: String!) { zone(zoneId: $id) { recordSetChanges(first: 100) { nodes { zone { name } } } } }`;

describe('zones shared across requests of one identity', () => {
  it('reads a zone once while fresh: later pages cost the page alone', async () => {
    const id = zoneId('big.example.org.');
    stack.sandbox.vinyldns.clearLog();
    await stack.gql(Q, { id });
    await stack.gql(Q, { id });
    await stack.gql(Q, { id });
    expect(zoneGets(id)).toBe(1);
    expect(stack.sandbox.vinyldns.log).toHaveLength(4); // 1 zone GET + 3 pages
  });

  it('shares one upstream call among concurrent identical requests', async () => {
    const id = zoneId('shop.example.com.');
    stack.sandbox.vinyldns.clearLog();
    await Promise.all(Array.from({ length: 8 }, () => stack.gql(Q, { id })));
    expect(stack.sandbox.vinyldns.count({ pathPrefix: `/zones/${id}/recordsetchanges` })).toBeLessThan(8);
    expect(zoneGets(id)).toBe(1);
  });
});

describe('zone cache expiry, on an injected clock', () => {
  // One client per request, as the gateway makes them, sharing the identity's reads.
  let upstream: HttpUpstream;
  beforeAll(() => {
    upstream = new HttpUpstream('VINYLDNS', stack.sandbox.vinyldnsUrl, { timeoutMs: 5_000 });
  });
  afterAll(() => upstream.close());

  it('serves a zone from the cache until its TTL is up, and reads it again from then on', async () => {
    let now = 1_000_000;
    const shared = new SharedReads({ zoneTtlMs: 1500, now: () => now });
    const credentials = { accessKey: stack.sandbox.vinyldns.admin.accessKey, secretKey: stack.sandbox.vinyldns.admin.secretKey };
    const getZone = (id: string) => new VinylDnsClient(upstream, credentials, { budget: UNMETERED, shared: shared.for(credentials) }).getZone(id);
    const id = zoneId('acme.io.');
    stack.sandbox.vinyldns.clearLog();
    expect((await getZone(id))?.name).toBe('acme.io.');
    now += 1499;
    expect((await getZone(id))?.name).toBe('acme.io.');
    expect(zoneGets(id)).toBe(1);
    now += 1;
    expect((await getZone(id))?.name).toBe('acme.io.');
    expect(zoneGets(id)).toBe(2);
    now += 1499;
    await getZone(id);
    expect(zoneGets(id)).toBe(2);
  });
});

describe('never across identities', () => {
  let forwarded: Stack;
  beforeAll(async () => {
    forwarded = await startStack({
      config: (c) => ({
        ...c,
        vinyldns: { ...c.vinyldns!, credentials: 'forward', accessKey: undefined, secretKey: undefined },
        cache: { zoneTtlMs: 60_000, responseCache: { ttlMs: 0 } },
      }),
    });
  });
  afterAll(() => forwarded.close());

  it('keeps each caller\u2019s zone reads to that caller', async () => {
    const id = forwarded.sandbox.vinyldns.store.zones().find((z) => z.name === 'internal.corp.')!.id;
    const admin = { 'x-vinyldns-access-key': 'sandbox-access-key', 'x-vinyldns-secret-key': 'sandbox-secret-key' };
    const alice = { 'x-vinyldns-access-key': 'alice-access-key', 'x-vinyldns-secret-key': 'alice-secret-key' };
    const ok = await forwarded.gql(`query($id: String!) { zone(zoneId: $id) { name } }`, { id }, admin);
    expect(ok.data.zone).toEqual({ name: 'internal.corp.' });
    const denied = await forwarded.gql(`query($id: String!) { zone(zoneId: $id) { name } }`, { id }, alice);
    expect(denied.data.zone).toBeNull();
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('a shared read whose starter has ended', () => {
  // The gate holds calls at the upstream, so the test decides what was sent before the starter's
  // time ran out; the clock is injected.
  let gate: GateProxy;
  let upstream: HttpUpstream;
  beforeAll(async () => {
    gate = await startGateProxy();
    upstream = new HttpUpstream('VINYLDNS', gate.urlFor(stack.sandbox.vinyldnsUrl), { timeoutMs: 10_000 });
  });
  afterAll(async () => {
    await upstream.close();
    await gate.stop();
  });

  it('is read again by a joiner under its own budget, not failed with the starter’s time limit', async () => {
    let now = 0;
    const shared = new SharedReads({ zoneTtlMs: 0 });
    const credentials = { accessKey: stack.sandbox.vinyldns.admin.accessKey, secretKey: stack.sandbox.vinyldns.admin.secretKey };
    const client = (budget: UpstreamBudget) => new VinylDnsClient(upstream, credentials, { budget, shared: shared.for(credentials) });
    // The starter may have one call out at a time and has a minute (on the injected clock).
    const starter = client(operationBudget({ perOperation: 50, perBatch: 50, inFlight: 1, timeoutMs: 60_000 }, {}, () => now));
    const joiner = client(operationBudget({ perOperation: 50, perBatch: 50, timeoutMs: 3_600_000 }, {}, () => now));
    const [first, second] = [zoneId('example.com.'), zoneId('acme.io.')];
    stack.sandbox.vinyldns.clearLog();
    gate.close();
    const sent = starter.getZone(first); // out, held at the gate
    const waiting = starter.getZone(second); // waits for the starter's one slot
    const joined = joiner.getZone(second); // joins the waiting read
    while (gate.held < 1) await new Promise((r) => setTimeout(r, 5));
    now = 60_000; // the starter's time is up before its second call could leave
    gate.open();
    expect((await sent)?.name).toBe('example.com.');
    await expect(waiting).rejects.toMatchObject({ code: 'OPERATION_TIMEOUT' });
    expect((await joined)?.name).toBe('acme.io.');
    expect(zoneGets(second)).toBe(1); // the joiner's own call; the starter's was never sent
  });
});
