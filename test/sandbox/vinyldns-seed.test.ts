// The simulator's data and its signature check, without HTTP: the example payloads are reproduced
// byte for byte, the generated history is consistent with the record sets, and the quirks have material.
import { describe, it, expect } from 'vitest';
import { requireForEach } from '../helpers/requires.js';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  VinylDnsSimulator,
  OK_ZONE_ID,
  OLD_OK_ZONE_ID,
  STH_ZONE_ID,
  sandboxZoneId,
  canonicalPath,
  canonicalQuery,
  canonicalRequest,
  parseAuthorization,
  requestDateTime,
  verifySignature,
} from '../../src/sandbox/vinyldns/index.js';
import { pageRecordRows, pageZoneChangesExact, pageZoneChangesQuirky } from '../../src/sandbox/vinyldns/paging.js';
import { buildSeed } from '../../src/sandbox/vinyldns/seed/seed.js';

const sim = new VinylDnsSimulator();
const store = sim.store;
// shared/ sits beside the repository, in development and in CI.
const SEEDS = fileURLToPath(new URL('../../../shared/seeds', import.meta.url));

function seedJson(file: string): any {
  const text = readFileSync(`${SEEDS}/${file}`, 'utf8');
  const fenced = /```json\n([\s\S]*?)```/.exec(text);
  return JSON.parse(fenced ? fenced[1] : text.slice(text.indexOf('{', text.indexOf('EXAMPLE RESPONSE'))));
}

describe('the example payloads of shared/seeds', () => {
  requireForEach({ available: existsSync(SEEDS), reason: `${SEEDS} not found (shared/ beside the repository)` });
  it('000: the failed changes of "ok." come back exactly, field order included', () => {
    const expected = seedJson('000_d86b0988a098ac56.txt').failedRecordSetChanges;
    expect(JSON.stringify(store.failedRecordSetChanges(OK_ZONE_ID))).toBe(JSON.stringify(expected));
  });

  it('001: the history of ok./A holds the deleted zone’s two changes exactly', () => {
    const expected = seedJson('001_1afade98c10d6e37.txt').recordSetChanges;
    const foreign = store.history(OK_ZONE_ID, 'ok.', 'A').filter((c) => c.zone.id === OLD_OK_ZONE_ID);
    expect(JSON.stringify(foreign)).toBe(JSON.stringify(expected));
  });

  it('002: the two zone changes of system-test-history. are among its changes', () => {
    // The example predates the zone's isTest flag, which today's server always writes (a plain Boolean).
    const expected = seedJson('002_547df6bd027ec85e.txt').zoneChanges.map((c: any) => ({ ...c, zone: { ...c.zone, isTest: false } }));
    const changes = store.zoneChanges(STH_ZONE_ID);
    expect(changes.slice(0, 2)).toEqual(expected);
    expect(changes.at(-1)?.changeType).toBe('Create');
  });
});

describe('generated data', () => {
  it('is deterministic for a seed; ids of zones and users do not depend on it', () => {
    const again = buildSeed(42);
    const other = buildSeed(7);
    expect(JSON.stringify(again.recordSetChanges)).toBe(JSON.stringify(buildSeed(42).recordSetChanges));
    expect(other.zones.map((z) => z.zone.id)).toEqual(again.zones.map((z) => z.zone.id));
    expect(other.recordSetChanges[100].change.id).not.toBe(again.recordSetChanges[100].change.id);
  });

  it('has a busy zone, thousands of changes and every record type', () => {
    const big = sandboxZoneId('big.example.org');
    expect(store.zones()).toHaveLength(9);
    expect(store.recordSetChanges(big).length).toBeGreaterThanOrEqual(1500);
    expect(store.zoneChanges(big)).toHaveLength(300);
    const total = store.zones().reduce((n, z) => n + store.recordSetChanges(z.id).length, 0);
    expect(total).toBeGreaterThan(3000);
    const types = new Set(store.zones().flatMap((z) => store.recordSets(z.id).map((r) => r.type)));
    expect([...types].sort()).toEqual(['A', 'AAAA', 'CNAME', 'DS', 'MX', 'NAPTR', 'NS', 'PTR', 'SOA', 'SPF', 'SRV', 'SSHFP', 'TXT']);
    expect(store.failedRecordSetChanges(big).length).toBeGreaterThanOrEqual(24);
  });

  it('lists exactly the record sets its history leaves behind', () => {
    for (const zone of store.zones()) {
      const latest = new Map<string, ReturnType<typeof store.recordSetChanges>[number]>();
      for (const c of store.recordSetChanges(zone.id)) if (c.status === 'Complete' && !latest.has(c.recordSet.id)) latest.set(c.recordSet.id, c);
      const listed = store.recordSets(zone.id);
      for (const rs of listed) {
        const { fqdn, ...bare } = rs;
        expect(fqdn?.endsWith(zone.name)).toBe(true);
        expect(latest.get(rs.id)?.recordSet).toEqual(bare);
      }
      const gone = [...latest.values()].filter((c) => !listed.some((r) => r.id === c.recordSet.id));
      for (const c of gone) expect(['Delete', 'Sync']).toContain(c.changeType);
    }
  });

  it('has same-millisecond zone changes straddling page boundaries, never more than 60', () => {
    const rows = store.storedZoneChanges(sandboxZoneId('big.example.org'));
    const counts = new Map<number, number>();
    for (const r of rows) counts.set(r.createdMs, (counts.get(r.createdMs) ?? 0) + 1);
    expect(Math.max(...counts.values())).toBeLessThanOrEqual(60);
    for (const size of [10, 25, 50, 100]) expect(rows[size - 1].createdMs).toBe(rows[size].createdMs);
  });

  it('resolves user names, with "unknown user" for system and AutomatedSync ids', () => {
    const changes = store.recordSetChanges(sandboxZoneId('big.example.org'));
    expect(changes.find((c) => c.userId === 'system')?.userName).toBe('unknown user');
    expect(changes.find((c) => c.userId === sim.admin.id)?.userName).toBe('sandbox-admin');
    const automated = store.zoneChanges(sandboxZoneId('big.example.org')).find((c) => c.changeType === 'AutomatedSync');
    expect(automated?.userId).toBe('carol');
  });
});

describe('paging maths', () => {
  const rows = [5, 4, 4, 4, 3, 2].map((createdMs, i) => ({ createdMs, id: `c${i}` }));

  it('zone changes: inclusive ms boundary with quirks, exact cursor without', () => {
    expect(pageZoneChangesQuirky(rows, '4', 2, 99)).toEqual({ items: rows.slice(1, 3), nextId: '4' });
    const first = pageZoneChangesExact(rows, undefined, 2, 99);
    expect(first).toEqual({ items: rows.slice(0, 2), nextId: '4:1' });
    expect(pageZoneChangesExact(rows, '4:1', 2, 99)).toEqual({ items: rows.slice(2, 4), nextId: '3' });
    expect(pageZoneChangesExact(rows, '4:1', 1, 99)).toEqual({ items: rows.slice(2, 3), nextId: '4:2' });
    expect(pageZoneChangesQuirky(rows, 'abc', 2, 99)).toEqual({ items: [] });
  });

  it('record sets: the quirky key compares names, the exact one fqdns', () => {
    const row = (name: string) => ({ rs: { name } as never, fqdn: `${name}.z.`, code: 1 });
    const list = [row('a-b'), row('a-c'), row('a'), row('b')];
    const opts = { maxItems: 10, nameSort: 'ASC' as const, typeSort: 'NONE' as const, zoneName: 'z.' };
    expect(pageRecordRows(list, { ...opts, startFrom: 'a-b<....>1', quirks: true }).items.map((r) => r.fqdn)).toEqual(['a-c.z.', 'b.z.']);
    expect(pageRecordRows(list, { ...opts, startFrom: 'a-b<....>1', quirks: false }).items.map((r) => r.fqdn)).toEqual(['a-c.z.', 'a.z.', 'b.z.']);
    expect(pageRecordRows(list, { ...opts, startFrom: 'garbage', quirks: true }).items).toHaveLength(4);
  });
});

describe('SigV4 verification (§2.1)', () => {
  it('verifies AWS’s published example request (IAM ListUsers)', () => {
    const req = {
      method: 'GET',
      rawPath: '/',
      rawQuery: 'Action=ListUsers&Version=2010-05-08',
      body: '',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', host: 'iam.amazonaws.com', 'x-amz-date': '20150830T123600Z' },
    };
    const auth = parseAuthorization(
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7',
    )!;
    expect(verifySignature(req, auth, 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', '20150830T123600Z')).toBe(true);
    expect(verifySignature(req, auth, 'wrong', '20150830T123600Z')).toBe(false);
  });

  it('builds the contract’s worked canonical request', () => {
    const req = {
      method: 'GET',
      rawPath: '/zones/Z/changes',
      rawQuery: 'startFrom=1587656470123&maxItems=3',
      body: '',
      headers: { host: 'vinyldns.example.com', 'x-amz-date': '20260417T142225Z' },
    };
    expect(canonicalRequest(req, 'host;x-amz-date').split('\n')).toEqual([
      'GET',
      '/zones/Z/changes',
      'maxItems=3&startFrom=1587656470123',
      'host:vinyldns.example.com',
      'x-amz-date:20260417T142225Z',
      '',
      'host;x-amz-date',
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    ]);
  });

  it('canonicalises query, path and date like the server', () => {
    expect(canonicalQuery('b=x+y&a=%2a&a=!&flag')).toBe('a=%21&a=%2A&b=x%20y&flag=');
    expect(canonicalPath('/zones/name/0%2F25.2.0.192.in-addr.arpa.')).toBe('/zones/name/0%2F25.2.0.192.in-addr.arpa.');
    expect(canonicalPath('/zones/a/../b/./c')).toBe('/zones/b/c');
    expect(requestDateTime({ date: 'Fri, 17 Apr 2026 14:22:25 GMT' })).toBe('20260417T142225Z');
    expect(requestDateTime({})).toBeUndefined();
    expect(parseAuthorization('AWS4-HMAC-SHA256 Credential=k/20260417//VinylDNS/aws4_request, SignedHeaders=host, Signature=abc')).toBeUndefined();
  });
});
