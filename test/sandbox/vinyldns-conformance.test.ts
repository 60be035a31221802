// Where the simulator used to depart from the real VinylDNS server, each pinned against the behaviour
// docs/upstreams/vinyldns.md derives from the server's source (akka-http parameter handling, the
// Aws4Authenticator, the record set repository, the Zone case class).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import aws4 from 'aws4';
import { request } from 'undici';
import { STH_ZONE_ID, VinylDnsSimulator, sandboxZoneId } from '../../src/sandbox/vinyldns/index.js';

const EXAMPLE = sandboxZoneId('example.com.');
const BIG = sandboxZoneId('big.example.org.');

let sim: VinylDnsSimulator;
let base: string;

/** GET `path` signed by aws4 as the gateway signs; `headers` replace signed ones after signing. */
async function get(path: string, headers: Record<string, string> = {}) {
  const signed = aws4.sign(
    { host: new URL(base).host, path, method: 'GET', service: 'VinylDNS', region: 'us-east-1', headers: {} },
    { accessKeyId: 'sandbox-access-key', secretAccessKey: 'sandbox-secret-key' },
  );
  const sent: Record<string, string> = {};
  for (const [name, value] of Object.entries(signed.headers ?? {})) sent[name.toLowerCase()] = String(value);
  Object.assign(sent, headers);
  const res = await request(base + signed.path, { headers: sent });
  const text = await res.body.text();
  return { status: res.statusCode, text, json: () => JSON.parse(text) };
}

beforeAll(async () => {
  sim = new VinylDnsSimulator();
  base = await sim.listen();
});

afterAll(() => sim.close());

describe('an empty query value is an absent parameter (akka: optional int/boolean)', () => {
  it('maxItems= falls back to the default of 100', async () => {
    const res = await get(`/zones/${BIG}/recordsetchanges?maxItems=`);
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ maxItems: 100, nextId: 100 });
    expect(res.json().recordSetChanges).toHaveLength(100);
  });

  it('an empty integer startFrom starts at the top and is not echoed', async () => {
    const body = (await get(`/zones/${BIG}/recordsetchanges?startFrom=&maxItems=3`)).json();
    expect(body).not.toHaveProperty('startFrom');
    expect(body.recordSetChanges.map((c: { id: string }) => c.id)).toEqual(
      sim.store
        .recordSetChanges(BIG)
        .slice(0, 3)
        .map((c) => c.id),
    );
  });

  it('ignoreAccess= is false', async () => {
    const res = await get('/zones?ignoreAccess=&maxItems=1');
    expect([res.status, res.json().ignoreAccess]).toEqual([200, false]);
  });

  it('a malformed value still answers 400', async () => {
    const res = await get(`/zones/${BIG}/recordsetchanges?maxItems=x`);
    expect(res.status).toBe(400);
  });
});

describe('recordNameFilter: only * is a wildcard', () => {
  const names = async (filter: string) =>
    (await get(`/zones/${EXAMPLE}/recordsets?recordNameFilter=${encodeURIComponent(filter)}`)).json().recordSets.map((r: { name: string }) => r.name);

  it('matches a dot literally', async () => {
    expect(await names('a.b')).toEqual([]);
    expect(await names('dotted.a')).toEqual(['dotted.a']);
  });

  it('keeps SQL LIKE’s _ wildcard, which the server never escapes', async () => {
    expect(await names('a_b')).toEqual(['a-b']);
  });
});

describe('signature check of a repeated query parameter', () => {
  it('fails when the same pair is sent twice: the server canonicalises the pairs as a set', async () => {
    const res = await get('/zones?maxItems=5&maxItems=5');
    expect([res.status, res.text]).toEqual([401, 'Authentication Failed: Request signature could not be validated']);
  });

  it('passes with two different values, and the first one wins', async () => {
    const res = await get('/zones?maxItems=2&maxItems=5');
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ maxItems: 2 });
  });
});

describe('request date', () => {
  it('answers 500 for an unparseable X-Amz-Date, even with a good Date header beside it', async () => {
    const res = await get('/zones', { 'x-amz-date': 'yesterday', date: 'Tue, 17 Apr 2026 14:22:25 GMT' });
    expect([res.status, res.text]).toEqual([500, 'There was an internal server error.']);
  });
});

describe('embedded zones', () => {
  it('carry isTest in every change, also in zones whose history predates the flag', async () => {
    const zoneChanges = (await get(`/zones/${STH_ZONE_ID}/changes?maxItems=100`)).json().zoneChanges;
    expect(zoneChanges.length).toBeGreaterThan(0);
    for (const c of zoneChanges) expect(c.zone.isTest).toBe(false);
    const rsChanges = (await get(`/zones/${STH_ZONE_ID}/recordsetchanges?maxItems=100`)).json().recordSetChanges;
    for (const c of rsChanges) expect(typeof c.zone.isTest).toBe('boolean');
    for (const zone of sim.store.zones()) {
      for (const c of sim.store.zoneChanges(zone.id)) expect(typeof c.zone.isTest).toBe('boolean');
      for (const c of sim.store.recordSetChanges(zone.id)) expect(typeof c.zone.isTest).toBe('boolean');
    }
  });
});
