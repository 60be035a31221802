// GET /zones/deleted/changes in the VinylDNS simulator over loopback HTTP (docs/upstreams/vinyldns.md
// §3.20): one row per deleted name that is not in use again, newest first, an inclusive zone-id key,
// the name filter, and access through the zone links that outlive the zone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OK_ZONE_ID, USERS, VinylDnsSimulator, sandboxZoneId } from '../../src/sandbox/vinyldns/index.js';
import { ADMIN_KEYS, signedGet, type Keys } from '../helpers/vinyldns-http.js';

let sim: VinylDnsSimulator;
let base: string;
const get = (path: string, keys: Keys = ADMIN_KEYS) => signedGet(base, path, keys);
const ALICE: Keys = { accessKey: USERS.alice.accessKey, secretKey: USERS.alice.secretKey };
const LIST = '/zones/deleted/changes';
type Item = {
  zoneChange: { zone: { id: string; name: string; connection?: { key?: string } }; changeType: string; created: string };
  accessLevel: string;
  userName: string;
  adminGroupName: string;
};
const names = (items: Item[]) => items.map((i) => i.zoneChange.zone.name);

beforeAll(async () => {
  sim = new VinylDnsSimulator();
  base = await sim.listen();
});

afterAll(() => sim.close());

describe('the list', () => {
  it('shows each deleted name once, newest first, as its Delete change with names resolved', async () => {
    const body = (await get(LIST)).json();
    const items: Item[] = body.zonesDeletedInfo;
    expect(items).toHaveLength(23);
    expect(new Set(names(items)).size).toBe(items.length);
    const times = items.map((i) => Date.parse(i.zoneChange.created));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    for (const i of items) expect(i.zoneChange.changeType).toBe('Delete');
    expect(items[0]).toMatchObject({
      userName: 'bob',
      adminGroupName: 'netops',
      accessLevel: 'Delete',
      zoneChange: { zone: { name: 'everyone.example.', status: 'Deleted', isTest: false } },
    });
    expect(body).toEqual({ zonesDeletedInfo: items, maxItems: 100, ignoreAccess: false });
  });

  it('falls back to "Unknown user name" and "Unknown group name"', async () => {
    const promo = (await get(`${LIST}?nameFilter=promo2019`)).json().zonesDeletedInfo;
    expect(promo).toEqual([expect.objectContaining({ userName: 'Unknown user name', adminGroupName: 'Unknown group name' })]);
  });

  it('leaves out a name that is in use again ("ok."), and keeps one row of a name deleted twice', async () => {
    const items: Item[] = (await get(LIST)).json().zonesDeletedInfo;
    expect(names(items)).not.toContain('ok.');
    expect(names(items).filter((n) => n === 'staging.acme.io.')).toHaveLength(1);
  });

  it('hands out the zone snapshot with its TSIG key, like every zone-bearing payload', async () => {
    const legacy: Item[] = (await get(`${LIST}?nameFilter=legacy`)).json().zonesDeletedInfo;
    expect(legacy[0].zoneChange.zone.connection?.key).toMatch(/^OBF:1:/);
  });

  it('keeps deleted zones out of every other endpoint', async () => {
    const id = (await get(`${LIST}?nameFilter=legacy`)).json().zonesDeletedInfo[0].zoneChange.zone.id;
    expect((await get(`/zones/${id}`)).status).toBe(404);
    expect((await get(`/zones/${id}/changes`)).status).toBe(404);
  });
});

describe('paging', () => {
  it('uses the id of the next page’s first zone as nextId (inclusive), and a walk sees every row once', async () => {
    const all = names((await get(LIST)).json().zonesDeletedInfo);
    for (const size of [1, 7]) {
      const seen: string[] = [];
      let startFrom: string | undefined;
      for (;;) {
        const body = (await get(`${LIST}?maxItems=${size}${startFrom ? `&startFrom=${startFrom}` : ''}`)).json();
        seen.push(...names(body.zonesDeletedInfo));
        if (body.nextId === undefined) break;
        const next = (await get(`${LIST}?maxItems=1&startFrom=${body.nextId}`)).json().zonesDeletedInfo[0];
        expect(next.zoneChange.zone.id).toBe(body.nextId);
        startFrom = body.nextId;
      }
      expect(seen).toEqual(all);
    }
  });

  it('answers an empty page for a startFrom that is not in the list', async () => {
    expect((await get(`${LIST}?startFrom=${OK_ZONE_ID}`)).json().zonesDeletedInfo).toEqual([]);
  });

  it('checks maxItems against 1..100 with the zone routes’ text', async () => {
    const res = await get(`${LIST}?maxItems=101`);
    expect([res.status, res.json()]).toEqual([400, 'maxItems was 101, maxItems must be between 0 and 100']);
  });
});

describe('nameFilter', () => {
  const filtered = async (f: string) => names((await get(`${LIST}?nameFilter=${encodeURIComponent(f)}`)).json().zonesDeletedInfo);

  it('is a prefix without *, a LIKE pattern with it, and is echoed as zoneChangeFilter', async () => {
    expect(await filtered('test-zone')).toHaveLength(12);
    expect(await filtered('test-zone-0*')).toHaveLength(9);
    expect((await filtered('*.big.example.org.')).sort()).toEqual(['eu-old.big.example.org.', 'qa.big.example.org.']);
    expect((await get(`${LIST}?nameFilter=qa`)).json().zoneChangeFilter).toBe('qa');
  });

  it('answers 500 for a quote (the filter goes into the SQL unescaped)', async () => {
    expect((await get(`${LIST}?nameFilter=${encodeURIComponent("x'")}`)).status).toBe(500);
  });
});

describe('access', () => {
  it('shows an ordinary user the zones linked to them (admin group, ACL rule, everyone), not shared ones', async () => {
    const items: Item[] = (await get(LIST, ALICE)).json().zonesDeletedInfo;
    expect(items.map((i) => [i.zoneChange.zone.name, i.accessLevel])).toEqual([
      ['everyone.example.', 'Read'],
      ['acl.example.net.', 'Read'],
      ['legacy.example.com.', 'Delete'],
      ['staging.acme.io.', 'Delete'],
    ]);
  });

  it('shows everything with ignoreAccess, with NoAccess where the user has none', async () => {
    const items: Item[] = (await get(`${LIST}?ignoreAccess=true`, ALICE)).json().zonesDeletedInfo;
    expect(items).toHaveLength(23);
    expect(items.find((i) => i.zoneChange.zone.name === 'shared-zone.example.')?.accessLevel).toBe('Read');
    expect(items.find((i) => i.zoneChange.zone.name === 'qa.big.example.org.')?.accessLevel).toBe('NoAccess');
  });
});

describe('a zone deleted between pages', () => {
  it('goes on top of the list and answers 404 from then on', async () => {
    const s = new VinylDnsSimulator();
    const b = await s.listen();
    try {
      const zoneId = sandboxZoneId('shop.example.com.');
      const deleted = s.store.deleteZone(zoneId, { userId: USERS.bob.id });
      const top = (await signedGet(b, `${LIST}?maxItems=1`)).json().zonesDeletedInfo[0];
      expect(top).toMatchObject({ userName: 'bob', zoneChange: { id: deleted.id, zone: { id: zoneId, status: 'Deleted' } } });
      expect((await signedGet(b, `/zones/${zoneId}`)).status).toBe(404);
    } finally {
      await s.close();
    }
  });
});
