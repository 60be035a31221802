// The network's own generated zones: a reverse zone, the corporate zone and the big platform zone
// (the one with thousands of changes).
import { GROUPS as G, USERS as U } from './directory.js';
import type { Rng } from './prng.js';
import { apex, core, cross, obfConnection, planZone, range, rule, type ZonePlan } from './zone-plan.js';

/** Drawn from `rng` after customerZones (zones.ts). */
export function networkZones(rng: Rng): ZonePlan[] {
  return [
    {
      zone: planZone(
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
      zone: planZone(
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
      zone: planZone(
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
