// The VinylDNS simulator over real loopback HTTP, signed with aws4 exactly as the gateway signs.
// Each block pins one behaviour of the real server (shared/upstreams/vinyldns.md) that clients must survive.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import aws4 from 'aws4';
import { request } from 'undici';
import { VinylDnsSimulator, OK_ZONE_ID, OLD_OK_ZONE_ID, sandboxZoneId, type SandboxUser } from '../../src/sandbox/vinyldns/index.js';

interface Keys {
  accessKey: string;
  secretKey: string;
}
interface Answer {
  status: number;
  type: string;
  text: string;
  json: () => any;
}

async function call(base: string, path: string, opts: { keys?: Keys | null; method?: string; drop?: string[] } = {}): Promise<Answer> {
  const headers: Record<string, string> = {};
  let sendPath = path;
  if (opts.keys !== null) {
    const keys = opts.keys ?? { accessKey: 'sandbox-access-key', secretKey: 'sandbox-secret-key' };
    const signed = aws4.sign(
      { host: new URL(base).host, path, method: 'GET', service: 'VinylDNS', region: 'us-east-1', headers: {} },
      { accessKeyId: keys.accessKey, secretAccessKey: keys.secretKey },
    );
    sendPath = signed.path!;
    for (const [name, value] of Object.entries(signed.headers ?? {})) {
      if (!opts.drop?.includes(name.toLowerCase())) headers[name] = String(value);
    }
  }
  const res = await request(base + sendPath, { method: (opts.method ?? 'GET') as 'GET', headers });
  const text = await res.body.text();
  return { status: res.statusCode, type: String(res.headers['content-type']), text, json: () => JSON.parse(text) };
}

const ids = (items: Array<{ id: string }>) => items.map((i) => i.id);
const BIG = sandboxZoneId('big.example.org.');
const EXAMPLE = sandboxZoneId('example.com.');
const INTERNAL = sandboxZoneId('internal.corp.');
const SHOP = sandboxZoneId('shop.example.com.');

let sim: VinylDnsSimulator;
let exact: VinylDnsSimulator;
let base: string;
let exactBase: string;
let alice: SandboxUser;
const get = (path: string, opts?: Parameters<typeof call>[2]) => call(base, path, opts);

beforeAll(async () => {
  sim = new VinylDnsSimulator();
  exact = new VinylDnsSimulator({ quirks: false });
  base = await sim.listen();
  exactBase = await exact.listen();
  alice = sim.users.find((u) => u.userName === 'alice')!;
});

afterAll(async () => {
  await sim.close();
  await exact.close();
});

describe('authentication (§2)', () => {
  it('accepts an aws4-signed request and logs it with its access key', async () => {
    sim.clearLog();
    const res = await get('/zones');
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/json');
    expect(res.json().zones.map((z: { name: string }) => z.name)).toEqual(sim.store.zones().map((z) => z.name));
    expect(sim.log).toHaveLength(1);
    expect(sim.log[0]).toMatchObject({ method: 'GET', path: '/zones', status: 200, accessKey: 'sandbox-access-key' });
    expect(sim.count({ pathPrefix: '/zones' })).toBe(1);
  });

  it('answers 401 text/plain without an Authorization header', async () => {
    const res = await get('/zones', { keys: null });
    expect([res.status, res.type, res.text]).toEqual([401, 'text/plain; charset=UTF-8', 'Authentication Failed: Authorization header not found']);
  });

  it('answers 401 for a wrong secret and for an unknown access key', async () => {
    const wrong = await get('/zones', { keys: { accessKey: 'sandbox-access-key', secretKey: 'nope' } });
    expect([wrong.status, wrong.text]).toEqual([401, 'Authentication Failed: Request signature could not be validated']);
    const unknown = await get('/zones', { keys: { accessKey: 'who', secretKey: 'x' } });
    expect([unknown.status, unknown.text]).toEqual([401, 'Authentication Failed: Account with accessKey who specified was not found']);
  });

  it('answers 401 when the header does not parse', async () => {
    const res = await request(`${base}/zones`, { headers: { authorization: 'Bearer abc' } });
    expect([res.statusCode, await res.body.text()]).toEqual([401, 'Authentication Failed: Authorization header could not be parsed']);
  });

  it('answers 403 for a locked account, even with a valid signature', async () => {
    const res = await get('/zones', { keys: { accessKey: 'locked-access-key', secretKey: 'locked-secret-key' } });
    expect([res.status, res.type, res.text]).toEqual([403, 'text/plain; charset=UTF-8', 'Authentication Failed: Account with username locked-user is locked']);
  });

  it('answers 500, not 401, when the date header is missing (the server calls .get on it)', async () => {
    const res = await get('/zones', { drop: ['x-amz-date'] });
    expect([res.status, res.text]).toEqual([500, 'There was an internal server error.']);
  });

  it('accepts the empty service scope that vinyldns-js produces (region/service are not checked)', async () => {
    const signed = aws4.sign(
      { host: new URL(base).host, path: '/zones?maxItems=1', method: 'GET', headers: {} },
      { accessKeyId: 'sandbox-access-key', secretAccessKey: 'sandbox-secret-key' },
    );
    expect(String(signed.headers?.Authorization)).toContain('/us-east-1//aws4_request');
    const res = await request(base + signed.path, { headers: signed.headers as Record<string, string> });
    expect(res.statusCode).toBe(200);
    await res.body.text();
  });

  it('serves /ping and /health without a signature', async () => {
    expect((await get('/ping', { keys: null })).text).toBe('PONG');
    expect((await get('/health', { keys: null })).status).toBe(200);
  });
});

describe('routing and validation order (§1)', () => {
  it('answers unknown paths (and trailing slashes) with the 404 text, without auth', async () => {
    const res = await get('/zonez?x=1', { keys: null });
    expect([res.status, res.type, res.text]).toEqual([404, 'text/plain; charset=UTF-8', 'The requested path [/zonez] does not exist.']);
    expect((await get('/zones/', { keys: null })).status).toBe(404);
  });

  it('answers a wrong method with 405 and the methods the real server supports', async () => {
    const res = await get('/zones', { keys: null, method: 'PUT' });
    expect([res.status, res.text]).toEqual([405, 'HTTP method not allowed, supported methods: GET, POST']);
  });

  it('rejects maxItems=101 with 400 before authenticating', async () => {
    const changes = await get(`/zones/${BIG}/changes?maxItems=101`, { keys: null });
    expect([changes.status, changes.type]).toEqual([400, 'application/json']);
    expect(changes.json()).toBe('maxItems was 101, maxItems must be between 0 exclusive and 100 inclusive');
    const zones = await get('/zones?maxItems=0', { keys: null });
    expect(zones.json()).toBe('maxItems was 0, maxItems must be between 0 and 100');
  });

  it('rejects a malformed integer with akka’s text/plain message', async () => {
    const res = await get(`/zones/${BIG}/recordsetchanges?startFrom=abc`, { keys: null });
    expect([res.status, res.type]).toEqual([400, 'text/plain; charset=UTF-8']);
    expect(res.text).toBe("The query parameter 'startFrom' was malformed:\n'abc' is not a valid 32-bit signed integer value");
  });

  it('answers a missing zone with a JSON string literal, also for a deleted zone', async () => {
    for (const id of ['nope', OLD_OK_ZONE_ID]) {
      const res = await get(`/zones/${id}`);
      expect([res.status, res.type, res.text]).toEqual([404, 'application/json', `"Zone with id ${id} does not exists"`]);
    }
  });
});

describe('zone change paging (§3.4)', () => {
  it('repeats the changes that share the boundary millisecond on the next page', async () => {
    const all = ids(sim.store.zoneChanges(BIG));
    const p1 = (await get(`/zones/${BIG}/changes?maxItems=100`)).json();
    expect(ids(p1.zoneChanges)).toEqual(all.slice(0, 100));
    expect(p1.nextId).toMatch(/^\d+$/);
    const p2 = (await get(`/zones/${BIG}/changes?maxItems=100&startFrom=${p1.nextId}`)).json();
    expect(p2.startFrom).toBe(p1.nextId);
    const repeated = ids(p2.zoneChanges).filter((id) => ids(p1.zoneChanges).includes(id));
    expect(repeated.length).toBeGreaterThan(0);
    expect(repeated).toEqual(ids(p1.zoneChanges).slice(-repeated.length));
  });

  it('never advances when more than maxItems changes share one millisecond', async () => {
    let startFrom: string | undefined;
    for (let page = 0; page < 60; page++) {
      const body = (await get(`/zones/${BIG}/changes?maxItems=10${startFrom ? `&startFrom=${startFrom}` : ''}`)).json();
      if (body.nextId === undefined) throw new Error('paging ended without getting stuck');
      if (body.nextId === startFrom) return; // stuck: the real server's infinite loop
      startFrom = body.nextId;
    }
    throw new Error('expected a stuck cursor within 60 pages');
  });

  it('pages without repeats or loss when quirks are off', async () => {
    const seen: string[] = [];
    let startFrom: string | undefined;
    for (let page = 0; page < 100; page++) {
      const body = (await call(exactBase, `/zones/${BIG}/changes?maxItems=10${startFrom ? `&startFrom=${encodeURIComponent(startFrom)}` : ''}`)).json();
      seen.push(...ids(body.zoneChanges));
      startFrom = body.nextId;
      if (startFrom === undefined) break;
    }
    expect(seen).toEqual(ids(exact.store.zoneChanges(BIG)));
  });
});

describe('failed record set changes (§3.8)', () => {
  it('returns nextId = startFrom + maxItems + 1, so following it skips one change per page', async () => {
    const all = ids(sim.store.failedRecordSetChanges(OK_ZONE_ID));
    const p1 = (await get(`/metrics/health/zones/${OK_ZONE_ID}/recordsetchangesfailure?maxItems=2`)).json();
    expect([ids(p1.failedRecordSetChanges), p1.nextId, p1.startFrom, p1.maxItems]).toEqual([all.slice(0, 2), 3, 0, 2]);
    const p2 = (await get(`/metrics/health/zones/${OK_ZONE_ID}/recordsetchangesfailure?maxItems=2&startFrom=3`)).json();
    expect(ids(p2.failedRecordSetChanges)).toEqual(all.slice(3, 5));
    expect(ids(p2.failedRecordSetChanges)).not.toContain(all[2]);
    const fixed = (await call(exactBase, `/metrics/health/zones/${OK_ZONE_ID}/recordsetchangesfailure?maxItems=2`)).json();
    expect(fixed.nextId).toBe(2);
  });

  it('answers for any zone id and any user (no existence or access check)', async () => {
    const unknown = (await get('/metrics/health/zones/nope/recordsetchangesfailure')).json();
    expect(unknown).toEqual({ failedRecordSetChanges: [], nextId: 0, startFrom: 0, maxItems: 100 });
    const hole = await get(`/metrics/health/zones/${BIG}/recordsetchangesfailure`, { keys: alice });
    expect(hole.status).toBe(200);
    expect(hole.json().failedRecordSetChanges.length).toBeGreaterThan(10);
  });
});

describe('record set listing (§3.10)', () => {
  async function walk(b: string, maxItems: number): Promise<string[]> {
    const names: string[] = [];
    let startFrom: string | undefined;
    for (let page = 0; page < 50; page++) {
      const body = (
        await call(b, `/zones/${EXAMPLE}/recordsets?recordNameFilter=a*&maxItems=${maxItems}${startFrom ? `&startFrom=${encodeURIComponent(startFrom)}` : ''}`)
      ).json();
      names.push(...body.recordSets.map((r: { name: string }) => r.name));
      startFrom = body.nextId;
      if (startFrom === undefined) break;
    }
    return names;
  }

  it('skips `a` when a page ends on `a-b` (fqdn order, name-based key)', async () => {
    const full = await walk(base, 100);
    expect(full.slice(0, 3)).toEqual(['a-b', 'a-c', 'a']);
    const first = (await get(`/zones/${EXAMPLE}/recordsets?recordNameFilter=a*&maxItems=1`)).json();
    expect(first.nextId).toBe('a-b<....>1');
    const walked = await walk(base, 1);
    expect(walked).not.toContain('a');
    expect(walked).toEqual(full.filter((n) => n !== 'a'));
    expect(await walk(exactBase, 1)).toEqual(full);
  });

  it('lists record sets with fqdn and accessLevel in the store order', async () => {
    const body = (await get(`/zones/${EXAMPLE}/recordsets?maxItems=100`)).json();
    expect(body.recordSets.map((r: { fqdn: string }) => r.fqdn)).toEqual(
      sim.store
        .recordSets(EXAMPLE)
        .slice(0, 100)
        .map((r) => r.fqdn),
    );
    expect(body.recordSets[0]).toMatchObject({ accessLevel: 'Delete' });
    expect(body).toMatchObject({ nameSort: 'ASC', recordTypeSort: 'NONE', maxItems: 100 });
  });
});

describe('record set change history (§3.7)', () => {
  it('mixes in the changes of the deleted zone that had the same name', async () => {
    const body = (await get(`/recordsetchange/history?zoneId=${OK_ZONE_ID}&fqdn=ok.&recordType=A`)).json();
    expect(body.zoneId).toBe(OK_ZONE_ID);
    const foreign = body.recordSetChanges.filter((c: { zone: { id: string } }) => c.zone.id === OLD_OK_ZONE_ID);
    expect(ids(foreign)).toEqual(['55994cb7-9dcb-41ff-980c-44385d1d2cfa', '3575868a-ccde-40ec-aaeb-b33cb8410eaf']);
    expect(body.recordSetChanges.some((c: { zone: { id: string } }) => c.zone.id === OK_ZONE_ID)).toBe(true);
    expect(ids(body.recordSetChanges)).toEqual(ids(sim.store.history(OK_ZONE_ID, 'ok.', 'A')));
  });

  it('degrades an unknown record type to every change of the zone', async () => {
    const body = (await get(`/recordsetchange/history?zoneId=${OK_ZONE_ID}&fqdn=whatever.&recordType=FOO`)).json();
    expect(ids(body.recordSetChanges)).toEqual(ids(sim.store.recordSetChanges(OK_ZONE_ID)).slice(0, 100));
    expect(body.nextId).toBe(100);
  });

  it('requires zoneId, fqdn and recordType before anything else', async () => {
    const res = await get(`/recordsetchange/history?zoneId=${OK_ZONE_ID}&maxItems=500`, { keys: null });
    expect([res.status, res.json()]).toEqual([400, 'recordType, fqdn and zoneId cannot be empty']);
  });
});

describe('access model (§2.5) and its holes', () => {
  it('denies alice a zone she has no link to, but get-by-name still hands it out, keys included', async () => {
    const denied = await get(`/zones/${INTERNAL}`, { keys: alice });
    expect([denied.status, denied.json()]).toEqual([403, "User alice cannot access zone 'internal.corp.'"]);
    expect((await get(`/zones/${INTERNAL}/changes`, { keys: alice })).json()).toBe("User alice cannot access zone 'internal.corp.' changes");
    expect((await get(`/zones/${INTERNAL}/recordsets`, { keys: alice })).status).toBe(403);
    const byName = await get('/zones/name/internal.corp', { keys: alice });
    expect(byName.status).toBe(200);
    expect(byName.json().zone).toMatchObject({ id: INTERNAL, accessLevel: 'NoAccess', connection: { key: expect.stringMatching(/^OBF:1:/) } });
  });

  it('lets an ACL rule grant the zone and its records but not its zone changes', async () => {
    expect((await get(`/zones/${SHOP}`, { keys: alice })).json().zone.accessLevel).toBe('Read');
    expect((await get(`/zones/${SHOP}/recordsetchanges?maxItems=1`, { keys: alice })).status).toBe(200);
    expect((await get(`/zones/${SHOP}/changes`, { keys: alice })).status).toBe(403);
  });

  it('lists only linked zones unless ignoreAccess=true', async () => {
    const mine = (await get('/zones', { keys: alice })).json().zones.map((z: { name: string }) => z.name);
    expect(mine).toEqual(['2.0.192.in-addr.arpa.', 'acme.io.', 'example.com.', 'shop.example.com.']);
    const everything = (await get('/zones?ignoreAccess=true', { keys: alice })).json();
    expect(everything.zones).toHaveLength(sim.store.zones().length);
    expect(everything.zones.find((z: { id: string }) => z.id === INTERNAL).accessLevel).toBe('NoAccess');
  });

  it('returns TSIG keys in every zone-bearing payload, like the real server', async () => {
    const zone = (await get(`/zones/${EXAMPLE}`)).json().zone;
    expect(zone.connection.key).toMatch(/^OBF:1:/);
    expect(zone.transferConnection.key).toMatch(/^OBF:1:/);
    const change = (await get(`/zones/${BIG}/changes?maxItems=1`)).json().zoneChanges[0];
    expect(change.zone.connection.key).toEqual(expect.any(String));
  });
});

describe('single objects (§3.9, §3.11)', () => {
  it('wraps a record set and ignores the record set id of a change path', async () => {
    const rs = sim.store.recordSets(EXAMPLE)[0];
    const body = (await get(`/zones/${EXAMPLE}/recordsets/${rs.id}`)).json();
    expect(body.recordSet).toMatchObject({ id: rs.id, fqdn: rs.fqdn });
    expect(body.recordSet.accessLevel).toBeUndefined();
    const missing = await get(`/zones/${EXAMPLE}/recordsets/nope`);
    expect([missing.status, missing.json()]).toEqual([404, 'RecordSet with id nope does not exist.']);
    const change = sim.store.recordSetChanges(EXAMPLE)[0];
    const single = (await get(`/zones/${EXAMPLE}/recordsets/ignored/changes/${change.id}`)).json();
    expect(single).toMatchObject({ id: change.id, singleBatchChangeIds: expect.any(Array) });
    expect(single.userName).toBeUndefined();
  });
});

describe('drift between page requests', () => {
  it('shifts offset pages when a change lands on top (duplicates across pages)', async () => {
    const drift = new VinylDnsSimulator();
    const driftBase = await drift.listen();
    try {
      const p1 = (await call(driftBase, `/zones/${EXAMPLE}/recordsetchanges?maxItems=5`)).json();
      const added = drift.store.appendRecordSetChange(EXAMPLE);
      const p2 = (await call(driftBase, `/zones/${EXAMPLE}/recordsetchanges?maxItems=5&startFrom=${p1.nextId}`)).json();
      expect(p2.recordSetChanges[0].id).toBe(p1.recordSetChanges[4].id);
      expect(drift.store.recordSetChanges(EXAMPLE)[0].id).toBe(added.id);
      expect(drift.store.recordSets(EXAMPLE).some((r) => r.name === added.recordSet.name)).toBe(true);
      const zc = drift.store.appendZoneChange(EXAMPLE);
      expect(drift.store.zoneChanges(EXAMPLE)[0].id).toBe(zc.id);
    } finally {
      await drift.close();
    }
  });
});
