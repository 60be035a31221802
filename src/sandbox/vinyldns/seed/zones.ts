// The generated zones: names, owners, access rules, TSIG connections and how busy each one is.
import type { WireAclRule, WireZoneConnection } from '../../../providers/vinyldns/wire.js';
import { timestampMs as at } from '../time.js';
import { GROUPS as G, USERS as U } from './directory.js';
import { OK_ZONE_ID } from './fixtures-ok.js';
import { STH_ZONE_ID } from './fixtures-sth.js';
import { stableUuid, type Rng } from './prng.js';
import type { CoreRecord, RecordHistorySpec } from './rsgen.js';
import type { GeneratedZoneSpec } from './zonegen.js';

/** Generated histories end here (fixed, so the data never depends on the clock). */
export const SEED_END_MS = at('2026-03-31T12:00:00Z');

export interface ZonePlan {
  zone: GeneratedZoneSpec;
  records: Omit<RecordHistorySpec, 'userFrom' | 'userTo'>;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const range = (prefix: string, from: number, to: number, width: number) => Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${pad(from + i, width)}`);
const cross = (names: string[], types: string[]): Array<[string, string]> => names.flatMap((n) => types.map((t): [string, string] => [n, t]));

function apex(name: string, types: string[], viaSync = ['SOA', 'NS']): CoreRecord[] {
  return [...viaSync.map((type) => ({ name, type, viaSync: true })), ...types.map((type) => ({ name, type }))];
}
const core = (pairs: Array<[string, string]>): CoreRecord[] => pairs.map(([name, type]) => ({ name, type }));

function obfConnection(rng: Rng, zone: string, keyName: string, primaryServer: string, algorithm: string): WireZoneConnection {
  return { name: zone, keyName, key: `OBF:1:${rng.base64(90)}`, primaryServer, algorithm };
}

function rule(
  accessLevel: string,
  description: string,
  who: { userId?: string; groupId?: string },
  recordTypes: string[] = [],
  recordMask?: string,
): WireAclRule {
  return { accessLevel, description, ...who, ...(recordMask === undefined ? {} : { recordMask }), recordTypes };
}

export function zonePlans(rng: Rng): ZonePlan[] {
  const zone = (name: string, created: string, o: Omit<GeneratedZoneSpec, 'id' | 'name' | 'createdMs' | 'endMs'>, i: number): GeneratedZoneSpec => ({
    id: stableUuid(`zone:${name}`),
    name,
    createdMs: at(created),
    endMs: SEED_END_MS - i * 13_370_000,
    ...o,
  });
  const words = ['api', 'app', 'blog', 'cdn', 'dev', 'docs', 'ftp', 'git', 'jenkins', 'jira', 'portal', 'staging', 'status', 'test', 'webmail', 'wiki'];
  return [
    {
      zone: zone(
        'example.com.',
        '2021-03-14T10:22:31Z',
        {
          emails: ['dns-admin@example.com', 'hostmaster@example.com', 'netops@example.com'],
          adminGroupId: G.exampleAdmins.id,
          shared: false,
          acl: [rule('Read', 'DNS readers can browse every record', { groupId: G.dnsReaders.id })],
          connection: obfConnection(rng, 'example.com.', 'vinyldns-example.', '10.1.0.53', 'HMAC-SHA256'),
          transferConnection: obfConnection(rng, 'example.com.', 'vinyldns-xfr.', '10.1.0.54', 'HMAC-SHA256'),
          creatorId: U.bob.id,
          actorIds: [U.alice.id, U.bob.id],
          zoneChangeCount: 48,
          bulkGroups: [
            [8, 4],
            [17, 6],
          ],
          extraBulkGroups: 1,
          failedSyncRate: 0.05,
        },
        0,
      ),
      records: {
        totalChanges: 420,
        failRate: 0.04,
        batchRate: 0.3,
        actorIds: [U.alice.id, U.bob.id],
        syncChangeRate: 0.4,
        desiredChurn: 70,
        core: [
          ...apex('example.com.', ['A', 'AAAA', 'MX', 'TXT', 'SPF']),
          ...core([
            ['www', 'CNAME'],
            ['a', 'A'],
            ['a-b', 'A'],
            ['a-c', 'A'],
            ['dotted', 'A'],
            ['dotted.a', 'A'],
            ['mail', 'A'],
            ['mail', 'AAAA'],
            ['mail-2', 'A'],
            ['_sip._tcp', 'SRV'],
            ['_ldap._tcp', 'SRV'],
            ['sip', 'NAPTR'],
            ['gateway', 'A'],
            ['gateway', 'SSHFP'],
            ['sub', 'NS'],
            ['sub', 'DS'],
            ['_dmarc', 'TXT'],
          ]),
        ],
        churn: [...cross(words.slice(0, 8), ['A', 'TXT']), ...cross(words.slice(8), ['CNAME']), ...cross(range('host-', 1, 60, 2), ['A', 'AAAA', 'SSHFP'])],
        ownerGroupIds: [G.exampleAdmins.id],
        ownerGroupRate: 0.3,
      },
    },
    {
      zone: zone(
        'shop.example.com.',
        '2022-05-02T08:01:12Z',
        {
          emails: ['shop-ops@example.com', 'ecommerce@example.com'],
          adminGroupId: G.shopTeam.id,
          shared: false,
          acl: [
            rule('Read', 'alice may look at the storefront names', { userId: U.alice.id }, [], 'www.*'),
            rule('Write', 'platform team manages the CDN aliases', { groupId: G.platform.id }, ['CNAME']),
          ],
          creatorId: U.bob.id,
          actorIds: [U.bob.id, U.carol.id],
          zoneChangeCount: 22,
          bulkGroups: [],
          extraBulkGroups: 1,
          failedSyncRate: 0.05,
        },
        1,
      ),
      records: {
        totalChanges: 160,
        failRate: 0.03,
        batchRate: 0.2,
        actorIds: [U.bob.id, U.carol.id],
        syncChangeRate: 0.3,
        desiredChurn: 25,
        core: [
          ...apex('shop.example.com.', ['A', 'AAAA']),
          ...core([
            ['www', 'CNAME'],
            ['cdn', 'CNAME'],
            ['api', 'A'],
            ['pay', 'A'],
            ['checkout', 'CNAME'],
            ['_dmarc', 'TXT'],
          ]),
        ],
        churn: [
          ...cross(['promo-2023', 'promo-2024', 'promo-2025', 'blackfriday', 'staging', 'www-staging'], ['A', 'TXT']),
          ...cross(['img', 'static', 'search', 'cart', 'stock', 'gift'], ['CNAME']),
        ],
      },
    },
    {
      zone: zone(
        'acme.io.',
        '2021-09-01T15:45:09Z',
        {
          emails: ['ops@acme.io', 'dns@acme.io'],
          adminGroupId: G.acmeOps.id,
          shared: false,
          acl: [],
          // A key that looks like a plain TSIG secret (what a NoOpCrypto server returns).
          connection: { name: 'acme.io.', keyName: 'acme-tsig.', key: rng.base64(32), primaryServer: 'ns-master.acme.io', algorithm: 'HMAC-SHA512' },
          recurrenceSchedule: '0 0 3 ? * *',
          scheduleRequestor: U.carol.userName,
          creatorId: U.alice.id,
          actorIds: [U.alice.id, U.carol.id],
          zoneChangeCount: 36,
          bulkGroups: [[18, 5]],
          extraBulkGroups: 1,
          failedSyncRate: 0.06,
        },
        2,
      ),
      records: {
        totalChanges: 300,
        failRate: 0.03,
        batchRate: 0.25,
        actorIds: [U.alice.id, U.carol.id],
        syncChangeRate: 0.35,
        desiredChurn: 45,
        core: [
          ...apex('acme.io.', ['A', 'MX', 'TXT']),
          ...core([
            ['www', 'CNAME'],
            ['api', 'A'],
            ['app', 'CNAME'],
            ['status', 'CNAME'],
            ['_acme-challenge', 'TXT'],
            ['vpn', 'A'],
            ['mail', 'A'],
            ['mail', 'AAAA'],
            ['mail-2', 'A'],
          ]),
        ],
        churn: [...cross(range('svc-', 1, 40, 2), ['A', 'AAAA']), ...cross(range('preview-', 1, 30, 2), ['CNAME'])],
      },
    },
    {
      zone: zone(
        'mail.example.net.',
        '2022-11-20T19:30:00Z',
        {
          emails: ['postmaster@example.net', 'mail-ops@example.net'],
          adminGroupId: G.mailOps.id,
          shared: true,
          acl: [],
          connection: obfConnection(rng, 'mail.example.net.', 'mail-tsig.', '203.0.113.53', 'HMAC-SHA1'),
          creatorId: U.dave.id,
          actorIds: [U.dave.id, U.carol.id],
          zoneChangeCount: 26,
          bulkGroups: [],
          extraBulkGroups: 2,
          failedSyncRate: 0.04,
        },
        3,
      ),
      records: {
        totalChanges: 220,
        failRate: 0.03,
        batchRate: 0.3,
        actorIds: [U.dave.id, U.carol.id],
        syncChangeRate: 0.3,
        desiredChurn: 35,
        core: [
          ...apex('mail.example.net.', ['MX', 'TXT', 'SPF']),
          ...core([
            ['mx1', 'A'],
            ['mx2', 'A'],
            ['mx1', 'AAAA'],
            ['imap', 'CNAME'],
            ['smtp', 'CNAME'],
            ['autodiscover', 'CNAME'],
            ['_submission._tcp', 'SRV'],
            ['_imaps._tcp', 'SRV'],
            ['default._domainkey', 'TXT'],
            ['_dmarc', 'TXT'],
            ['_mta-sts', 'TXT'],
          ]),
        ],
        churn: [
          ...cross(range('relay-', 1, 30, 2), ['A', 'AAAA']),
          ...cross(range('list-', 1, 20, 2), ['MX', 'TXT']),
          ...cross(['s2023._domainkey', 's2024._domainkey', 's2025._domainkey'], ['TXT']),
        ],
        ownerGroupIds: [G.mailOps.id, G.dnsReaders.id],
        ownerGroupRate: 0.5,
        groupChangeStatus: true,
      },
    },
    {
      zone: zone(
        '2.0.192.in-addr.arpa.',
        '2021-06-10T11:11:11Z',
        {
          emails: ['netops@example.com'],
          adminGroupId: G.netops.id,
          shared: false,
          acl: [rule('Read', 'everyone may read reverse records', {})],
          creatorId: U.bob.id,
          actorIds: [U.bob.id],
          zoneChangeCount: 16,
          bulkGroups: [],
          extraBulkGroups: 0,
          failedSyncRate: 0.05,
        },
        4,
      ),
      records: {
        totalChanges: 130,
        failRate: 0.02,
        batchRate: 0.4,
        actorIds: [U.bob.id],
        syncChangeRate: 0.3,
        desiredChurn: 40,
        core: [
          ...apex('2.0.192.in-addr.arpa.', []),
          ...core([
            ['1', 'PTR'],
            ['10', 'PTR'],
            ['53', 'PTR'],
          ]),
        ],
        churn: cross(
          Array.from({ length: 250 }, (_, i) => String(i + 2)).filter((n) => n !== '10' && n !== '53'),
          ['PTR'],
        ),
      },
    },
    {
      zone: zone(
        'internal.corp.',
        '2020-02-03T07:00:13Z',
        {
          emails: ['it@internal.corp', 'helpdesk@internal.corp'],
          adminGroupId: G.corpIt.id,
          shared: false,
          acl: [rule('Write', 'netops manages printers', { groupId: G.netops.id }, ['A'], 'printer-.*')],
          connection: obfConnection(rng, 'internal.corp.', 'corp-update.', '10.20.0.53', 'HMAC-SHA256'),
          transferConnection: obfConnection(rng, 'internal.corp.', 'corp-xfr.', '10.20.0.54', 'HMAC-SHA256'),
          recurrenceSchedule: '0 0/30 * ? * *',
          scheduleRequestor: U.bob.userName,
          creatorId: U.bob.id,
          actorIds: [U.bob.id],
          zoneChangeCount: 64,
          bulkGroups: [
            [24, 3],
            [45, 11],
          ],
          extraBulkGroups: 2,
          failedSyncRate: 0.05,
        },
        5,
      ),
      records: {
        totalChanges: 360,
        failRate: 0.05,
        batchRate: 0.2,
        actorIds: [U.bob.id],
        syncChangeRate: 0.3,
        desiredChurn: 80,
        core: [
          ...apex('internal.corp.', []),
          ...core([
            ['dc01', 'A'],
            ['dc02', 'A'],
            ['_ldap._tcp', 'SRV'],
            ['_kerberos._udp', 'SRV'],
            ['fileserver', 'A'],
            ['vpn', 'A'],
            ['git', 'A'],
            ['git', 'SSHFP'],
            ['intranet', 'CNAME'],
          ]),
        ],
        churn: [...cross(range('ws-', 1, 150, 4), ['A']), ...cross(range('printer-', 1, 25, 2), ['A']), ...cross(range('srv-', 1, 30, 2), ['A', 'SSHFP'])],
      },
    },
    {
      zone: zone(
        'big.example.org.',
        '2019-08-01T09:00:00Z',
        {
          emails: ['platform@example.org', 'dns-team@example.org', 'noc@example.org'],
          adminGroupId: G.platform.id,
          shared: false,
          acl: [],
          connection: obfConnection(rng, 'big.example.org.', 'platform-update.', '198.51.100.53', 'HMAC-SHA512'),
          transferConnection: obfConnection(rng, 'big.example.org.', 'platform-xfr.', '198.51.100.54', 'HMAC-SHA512'),
          recurrenceSchedule: '0 0/15 * ? * *',
          scheduleRequestor: U.carol.userName,
          backendId: 'primary-bind',
          creatorId: U.carol.id,
          actorIds: [U.carol.id, U.dave.id, U.admin.id],
          zoneChangeCount: 300,
          bulkGroups: [
            [7, 5],
            [23, 5],
            [47, 6],
            [96, 30],
            [148, 5],
            [196, 8],
            [245, 17],
          ],
          extraBulkGroups: 5,
          failedSyncRate: 0.06,
        },
        6,
      ),
      records: {
        totalChanges: 2000,
        failRate: 0.02,
        batchRate: 0.35,
        actorIds: [U.carol.id, U.dave.id, U.admin.id],
        syncChangeRate: 0.35,
        desiredChurn: 380,
        core: [
          ...apex('big.example.org.', ['A', 'AAAA', 'MX', 'TXT', 'SPF']),
          ...core([
            ['www', 'CNAME'],
            ['a', 'A'],
            ['a-b', 'A'],
            ['a-c', 'A'],
            ['mail', 'A'],
            ['mail-2', 'A'],
            ['dotted', 'A'],
            ['dotted.a', 'A'],
            ['sip', 'NAPTR'],
            ['_sip._udp', 'SRV'],
            ['bastion', 'A'],
            ['bastion', 'SSHFP'],
            ['eu', 'NS'],
            ['eu', 'DS'],
            ['_dmarc', 'TXT'],
          ]),
        ],
        churn: [
          ...cross(range('host-', 1, 800, 4), ['A', 'AAAA']),
          ...cross(range('svc-', 0, 199, 3), ['CNAME']),
          ...cross(range('verify-', 0, 49, 2), ['TXT']),
          ...cross(range('node-', 1, 40, 3), ['SSHFP']),
        ],
      },
    },
  ];
}

/** The id of a current sandbox zone by name, e.g. sandboxZoneId('big.example.org.'); stable across seeds. */
export function sandboxZoneId(name: string): string {
  const absolute = name.endsWith('.') ? name : `${name}.`;
  if (absolute === 'ok.') return OK_ZONE_ID;
  if (absolute === 'system-test-history.') return STH_ZONE_ID;
  return stableUuid(`zone:${absolute}`);
}
