// DNS change requests that never ran, written by hand (docs/upstreams/vinyldns.md §3.18, §3.19):
// pending review (some scheduled), rejected by a reviewer, and cancelled by their requester.
import type { WireSingleChange } from '../../../providers/vinyldns/wire-batch.js';
import { timestampMs as at } from '../time.js';
import type { SandboxGroup, SandboxUser } from '../types.js';
import type { Batch } from './batches.js';
import { DELETED_GROUP, GROUPS, USERS } from './directory.js';
import { stableUuid } from './prng.js';
import { sandboxZoneId } from './zones.js';

interface Line {
  add?: boolean;
  fqdn: string;
  type: string;
  ttl?: number;
  record?: Record<string, string | number>;
  /** [errorType, message]: a soft error that sent the request to review. */
  error?: [string, string];
  /** No zone was found for the name. */
  noZone?: boolean;
}

interface Unrun {
  user: SandboxUser;
  status: 'PendingReview' | 'ManuallyRejected' | 'Cancelled';
  created: string;
  owner?: SandboxGroup;
  comments?: string;
  scheduled?: string;
  review?: { by: SandboxUser; at: string; comment?: string };
  cancelled?: string;
  lines: Line[];
}

const manualReview = (fqdn: string): [string, string] => ['RecordRequiresManualReview', `Record set with name "${fqdn}" requires manual review.`];
const noZoneError = (fqdn: string): [string, string] => [
  'ZoneDiscoveryError',
  `Zone Discovery Failed: zone for "${fqdn}" does not exist in VinylDNS. If zone exists, then it must be connected to in VinylDNS.`,
];

const U = USERS;
const G = GROUPS;
const UNRUN: Unrun[] = [
  {
    user: U.alice,
    status: 'PendingReview',
    created: '2026-03-27T14:02:11Z',
    owner: G.exampleAdmins,
    comments: 'new landing page for the spring campaign',
    lines: [
      { fqdn: 'spring.example.com.', type: 'A', ttl: 300, record: { address: '192.0.2.80' } },
      { fqdn: 'www.spring.example.com.', type: 'CNAME', ttl: 300, record: { cname: 'spring.example.com.' } },
      { fqdn: 'promo.shop.example.com.', type: 'A', ttl: 300, record: { address: '203.0.113.9' }, error: manualReview('promo.shop.example.com.') },
    ],
  },
  {
    user: U.bob,
    status: 'PendingReview',
    created: '2026-03-29T09:30:00Z',
    scheduled: '2026-04-15T22:00:00Z',
    owner: G.netops,
    comments: 'CHG0042001: move the VPN endpoint in the maintenance window',
    lines: [
      { add: false, fqdn: 'vpn.internal.corp.', type: 'A' },
      { fqdn: 'vpn.internal.corp.', type: 'A', ttl: 300, record: { address: '10.20.0.77' } },
    ],
  },
  {
    user: U.carol,
    status: 'PendingReview',
    created: '2026-03-30T16:45:00Z',
    owner: G.platform,
    comments: 'delegate eu2 to the new provider',
    lines: [
      {
        fqdn: 'eu2.big.example.org.',
        type: 'NS',
        ttl: 3600,
        record: { nsdname: 'ns1.eu2-dns.example.net.' },
        error: ['NotApprovedNSError', 'Name Server ns1.eu2-dns.example.net. is not an approved name server.'],
      },
    ],
  },
  {
    user: U.dave,
    status: 'PendingReview',
    created: '2026-03-18T08:12:00Z',
    owner: G.mailOps,
    lines: [
      { fqdn: 'mail.example.net.', type: 'MX', ttl: 3600, record: { preference: 30, exchange: 'mx3.mail.example.net.' } },
      {
        fqdn: 'mail.example.net.',
        type: 'TXT',
        ttl: 3600,
        record: { text: 'v=spf1 include:relay.example.net -all' },
        error: manualReview('mail.example.net.'),
      },
    ],
  },
  {
    user: U.rita,
    status: 'PendingReview',
    created: '2026-03-25T11:00:00Z',
    scheduled: '2026-04-02T06:00:00Z',
    owner: G.platform,
    comments: 'status page cut-over',
    lines: [{ fqdn: 'status.big.example.org.', type: 'CNAME', ttl: 300, record: { cname: 'statuspage.example-cloud.net.' } }],
  },
  {
    user: U.ok,
    status: 'PendingReview',
    created: '2023-09-28T15:00:00Z',
    owner: G.ok,
    lines: [
      { fqdn: 'needs-review.ok.', type: 'A', ttl: 7200, record: { address: '1.2.3.4' }, error: manualReview('needs-review.ok.') },
      {
        fqdn: 'zone-discovery.not-a-zone.test.',
        type: 'A',
        ttl: 7200,
        record: { address: '1.2.3.5' },
        error: noZoneError('zone-discovery.not-a-zone.test.'),
        noZone: true,
      },
    ],
  },
  {
    user: U.bob,
    status: 'ManuallyRejected',
    created: '2025-11-03T10:00:00Z',
    owner: G.shopTeam,
    review: { by: U.rita, at: '2025-11-03T15:42:17Z', comment: 'Rejected: shop.example.com is frozen until the sale ends' },
    lines: [
      { fqdn: 'sale.shop.example.com.', type: 'A', ttl: 300, record: { address: '203.0.113.50' }, error: manualReview('sale.shop.example.com.') },
      { fqdn: '_verify.shop.example.com.', type: 'TXT', ttl: 300, record: { text: 'stripe-verification=77d1c0de' } },
    ],
  },
  {
    user: U.alice,
    status: 'ManuallyRejected',
    created: '2025-06-12T09:00:00Z',
    owner: G.acmeOps,
    comments: 'IPv6 for the API',
    review: { by: U.admin, at: '2025-06-13T08:01:02Z', comment: 'Please use the shared owner group for these records' },
    lines: [{ fqdn: 'v6.acme.io.', type: 'AAAA', ttl: 600, record: { address: '2001:db8:77::10' }, error: manualReview('v6.acme.io.') }],
  },
  {
    user: U.bob,
    status: 'ManuallyRejected',
    created: '2021-05-20T07:45:00Z',
    owner: DELETED_GROUP,
    review: { by: U.rita, at: '2021-05-20T12:00:09Z' },
    lines: [{ fqdn: 'printer-99.internal.corp.', type: 'A', ttl: 3600, record: { address: '10.20.9.99' }, error: manualReview('printer-99.internal.corp.') }],
  },
  {
    user: U.ashah,
    status: 'ManuallyRejected',
    created: '2023-09-28T16:05:00Z',
    owner: G.ok,
    comments: 'DS for ns-test-2',
    review: { by: U.admin, at: '2023-09-28T16:10:00Z', comment: 'duplicate of the request for ns-test-2' },
    lines: [{ fqdn: 'ns-test-2.ok.', type: 'NS', ttl: 7200, record: { nsdname: 'ns1.parent.com.' } }],
  },
  {
    user: U.carol,
    status: 'Cancelled',
    created: '2025-02-10T13:00:00Z',
    cancelled: '2025-02-10T13:25:44Z',
    owner: G.platform,
    lines: [{ fqdn: 'canary.big.example.org.', type: 'A', ttl: 60, record: { address: '198.51.100.200' }, error: manualReview('canary.big.example.org.') }],
  },
  {
    user: U.alice,
    status: 'Cancelled',
    created: '2024-12-02T10:11:12Z',
    cancelled: '2024-12-03T09:00:00Z',
    owner: G.acmeOps,
    comments: 'wrong zone, resubmitting',
    lines: [{ fqdn: 'docs.acme.io.', type: 'CNAME', ttl: 3600, record: { cname: 'docs.example-hosting.net.' }, error: manualReview('docs.acme.io.') }],
  },
  {
    user: U.rita,
    status: 'Cancelled',
    created: '2025-09-09T08:00:00Z',
    cancelled: '2025-09-09T08:04:31Z',
    scheduled: '2025-09-20T02:00:00Z',
    owner: G.dnsReaders,
    lines: [{ add: false, fqdn: 'old.example.com.', type: 'CNAME' }],
  },
  {
    user: U.professor,
    status: 'Cancelled',
    created: '2023-06-01T14:20:00Z',
    cancelled: '2023-06-01T14:21:30Z',
    owner: G.professor,
    lines: [{ fqdn: 'prof-test.ok.', type: 'TXT', ttl: 7200, record: { text: 'professor was here' } }],
  },
];

/** The zone a name falls in, among the sandbox zones (longest suffix). */
function zoneOf(fqdn: string): string | undefined {
  const zones = ['ok.', 'example.com.', 'shop.example.com.', 'acme.io.', 'mail.example.net.', 'internal.corp.', 'big.example.org.'];
  return zones.filter((z) => fqdn === z || fqdn.endsWith(`.${z}`)).sort((a, b) => b.length - a.length)[0];
}

function unrunLine(u: Unrun, line: Line, index: number, id: string): WireSingleChange {
  const zoneName = line.noZone ? undefined : zoneOf(line.fqdn);
  const recordName = zoneName === undefined ? '' : line.fqdn === zoneName ? zoneName : line.fqdn.slice(0, -zoneName.length - 1);
  const status = u.status === 'ManuallyRejected' ? 'Rejected' : u.status === 'Cancelled' ? 'Cancelled' : line.error ? 'NeedsReview' : 'Pending';
  const add = line.add ?? true;
  return {
    changeType: add ? 'Add' : 'DeleteRecordSet',
    inputName: line.fqdn,
    type: line.type,
    ...(add ? { ttl: line.ttl ?? 7200 } : {}),
    ...(line.record ? { record: line.record } : {}),
    status,
    recordName,
    zoneName: zoneName ?? '',
    zoneId: zoneName === undefined ? '' : sandboxZoneId(zoneName),
    validationErrors: line.error ? [{ errorType: line.error[0], message: line.error[1] }] : [],
    id: stableUuid(`single:${id}:${index}`),
  };
}

export function unrunBatchChanges(): Batch[] {
  return UNRUN.map((u) => {
    const id = stableUuid(`batch:${u.user.userName}:${u.created}`);
    return {
      id,
      userId: u.user.id,
      userName: u.user.userName,
      ...(u.comments === undefined ? {} : { comments: u.comments }),
      createdMs: at(u.created),
      ...(u.owner ? { ownerGroupId: u.owner.id } : {}),
      approvalStatus: u.status,
      ...(u.review
        ? { reviewerId: u.review.by.id, reviewMs: at(u.review.at), ...(u.review.comment === undefined ? {} : { reviewComment: u.review.comment }) }
        : {}),
      ...(u.scheduled ? { scheduledMs: at(u.scheduled) } : {}),
      ...(u.cancelled ? { cancelledMs: at(u.cancelled) } : {}),
      changes: u.lines.map((line, i) => unrunLine(u, line, i, id)),
    };
  });
}
