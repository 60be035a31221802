// Reading what landed since a position (what a live poll does): exactly the items after it,
// oldest first, however many landed and whichever second they share with it; one upstream call
// when nothing landed; a range bounded above by `upTo` for a catch-up.
import { UNMETERED } from '../../src/providers/budget.js';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpenSrsClient } from '../../src/providers/opensrs/client.js';
import { HttpUpstream } from '../../src/providers/http.js';
import { VinylDnsClient } from '../../src/providers/vinyldns/client.js';
import { DomainLog, domainChangeSource } from '../../src/sources/domain-changes.js';
import { TooFarBehindError } from '../../src/sources/newer.js';
import { offsetSource, type OffsetPosition } from '../../src/sources/offset-list.js';
import { zoneChangeSource } from '../../src/sources/zone-changes.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';

interface Row {
  id: string;
  created: string;
}

const iso = (s: number) => new Date(s * 1000).toISOString().replace('.000Z', 'Z');

/** A newest-first list that changes can be put on top of, read like an offset-paged upstream. */
function memoryList(rows: Row[]) {
  let calls = 0;
  const source = () =>
    offsetSource<Row>(async (offset, limit) => {
      calls++;
      return { items: rows.slice(offset, offset + limit), more: offset + limit < rows.length };
    });
  return { rows, source, calls: () => calls };
}

/** `times`: seconds, newest first (ties allowed). */
const rowsOf = (times: number[], prefix = 'r') => times.map((t, i) => ({ id: `${prefix}${times.length - i}`, created: iso(t) }));

const ids = (items: { node: Row }[]) => items.map((it) => it.node.id);

describe('readNewer over an offset-paged list (record set changes)', () => {
  it('returns exactly what lies after the position, oldest first, whatever landed on top since', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 150 }),
        fc.nat(),
        fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 150 }),
        async (gaps, pick, landedGaps) => {
          // Times newest first: the list's oldest item is at 1_000_000, each gap steps up.
          let t = 1_000_000;
          const times = gaps.map((g) => (t += g)).reverse();
          const list = memoryList(rowsOf(times));
          const k = pick % (times.length + 1); // k = times.length: nothing read yet (than: null)
          const first = list.source();
          const than = k === times.length ? null : ((await first.read({}, times.length)).items[k].position as OffsetPosition);
          const expectedOld = list.rows
            .slice(0, k)
            .map((r) => r.id)
            .reverse();
          // Changes land on top, some in the same second as the newest one.
          let top = times[0];
          const landed = landedGaps.map((g, i) => ({ id: `n${i}`, created: iso((top += g)) }));
          list.rows.unshift(...[...landed].reverse());
          const items = await list.source().readNewer({ than, limit: 10_000 });
          expect(ids(items)).toEqual([...expectedOld, ...landed.map((r) => r.id)]);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('costs one upstream call when nothing is new', async () => {
    const list = memoryList(rowsOf([50, 50, 40, 30]));
    const [head] = (await list.source().read({}, 1)).items;
    const before = list.calls();
    expect(await list.source().readNewer({ than: head.position, limit: 100 })).toEqual([]);
    expect(list.calls() - before).toBe(1);
  });

  it('stops at upTo (inclusive), for a catch-up to a frontier', async () => {
    const list = memoryList(rowsOf([60, 60, 55, 50, 50, 40]));
    const all = (await list.source().read({}, 6)).items;
    const items = await list.source().readNewer({ than: all[4].position, upTo: all[1].position, limit: 100 });
    expect(ids(items)).toEqual(['r3', 'r4', 'r5']);
  });

  it('refuses to hold more than the limit', async () => {
    const list = memoryList(rowsOf(Array.from({ length: 30 }, (_, i) => 100 - i)));
    await expect(list.source().readNewer({ than: null, limit: 29 })).rejects.toBeInstanceOf(TooFarBehindError);
    expect(await list.source().readNewer({ than: null, limit: 30 })).toHaveLength(30);
  });

  it('stops at the position’s time when its change has vanished', async () => {
    const list = memoryList(rowsOf([70, 60, 50, 40]));
    const all = (await list.source().read({}, 4)).items;
    list.rows.splice(2, 1); // r2 (time 50) is gone
    expect(ids(await list.source().readNewer({ than: all[2].position, limit: 100 }))).toEqual(['r3', 'r4']);
  });
});

describe('readNewer against the sandbox', () => {
  let sandbox: Sandbox;
  let vinyl: VinylDnsClient;
  let opensrs: OpenSrsClient;
  const upstreams: HttpUpstream[] = [];
  beforeAll(async () => {
    sandbox = await startSandbox();
    const v = new HttpUpstream('VINYLDNS', sandbox.vinyldnsUrl, { timeoutMs: 5000, retries: 0 });
    const o = new HttpUpstream('OPENSRS', sandbox.opensrsUrl, { timeoutMs: 5000, retries: 0 });
    upstreams.push(v, o);
    vinyl = new VinylDnsClient(v, { accessKey: sandbox.vinyldns.admin.accessKey, secretKey: sandbox.vinyldns.admin.secretKey }, { budget: UNMETERED });
    opensrs = new OpenSrsClient(o, { user: sandbox.opensrs.credentials.user, password: sandbox.opensrs.credentials.password }, { budget: UNMETERED });
  });
  afterAll(async () => {
    await Promise.all(upstreams.map((u) => u.close()));
    await sandbox.close();
  });

  it('zone changes: every change after the head, including many in the head’s own millisecond, and one call when none', async () => {
    const store = sandbox.vinyldns.store;
    const zone = store.addZone('newer-zc.example.', { createdMs: 1_700_000_000_000 });
    const ms = 1_700_000_100_000;
    for (let i = 0; i < 3; i++) store.appendZoneChange(zone.id, { createdMs: ms });
    const [head] = (await zoneChangeSource(vinyl, zone.id).read({}, 1)).items;
    // 60 more in the head's millisecond and 70 in the next (130 in its second: more than a
    // VinylDNS page), then a few a second later. (VinylDNS pages by millisecond key: more than a
    // page in one millisecond cannot be read by anyone.)
    const landed = [
      ...Array.from({ length: 60 }, () => store.appendZoneChange(zone.id, { createdMs: ms })),
      ...Array.from({ length: 70 }, () => store.appendZoneChange(zone.id, { createdMs: ms + 1 })),
      ...Array.from({ length: 3 }, () => store.appendZoneChange(zone.id, { createdMs: ms + 1000 })),
    ];
    const items = await zoneChangeSource(vinyl, zone.id).readNewer({ than: head.position, limit: 1000 });
    expect(items.map((it) => it.node.id)).toEqual(landed.map((c) => c.id));

    const newest = items[items.length - 1].position;
    sandbox.vinyldns.clearLog();
    expect(await zoneChangeSource(vinyl, zone.id).readNewer({ than: newest, limit: 1000 })).toEqual([]);
    expect(sandbox.vinyldns.count({ pathPrefix: `/zones/${zone.id}/changes` })).toBe(1);

    // A catch-up range: after the head, up to the 10th landed.
    const upTo = await zoneChangeSource(vinyl, zone.id).readNewer({ than: head.position, upTo: items[9].position, limit: 1000 });
    expect(upTo.map((it) => it.node.id)).toEqual(landed.slice(0, 10).map((c) => c.id));
  });

  it('the OpenSRS log: every change after the position, one call when none, and the range up to upTo', async () => {
    const store = sandbox.opensrs.store;
    const domain = 'newer-dc.example';
    store.addDomain(domain);
    for (let i = 0; i < 5; i++) store.appendChange(domain, { time: 1_700_000_000, msg: `old ${i}` });
    const [head] = (await domainChangeSource(new DomainLog(opensrs, domain)).read({}, 1)).items;
    for (let i = 0; i < 7; i++) store.appendChange(domain, { time: 1_700_000_000, msg: `new ${i}` });
    const read = () => domainChangeSource(new DomainLog(opensrs, domain));
    const items = await read().readNewer({ than: head.position, limit: 100 });
    expect(items.map((it) => it.node.msg)).toEqual(Array.from({ length: 7 }, (_, i) => `new ${i}`));

    sandbox.opensrs.clearLog();
    expect(await read().readNewer({ than: items[6].position, limit: 100 })).toEqual([]);
    expect(sandbox.opensrs.count({ domain })).toBe(1);

    const upTo = await read().readNewer({ than: head.position, upTo: items[2].position, limit: 100 });
    expect(upTo.map((it) => it.node.msg)).toEqual(['new 0', 'new 1', 'new 2']);
    expect((await read().readNewer({ than: null, limit: 100 })).map((it) => it.position.p)).toEqual(Array.from({ length: 12 }, (_, i) => i));
    await expect(read().readNewer({ than: head.position, limit: 6 })).rejects.toBeInstanceOf(TooFarBehindError);
  });
});
