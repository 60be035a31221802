// DNS change requests (batch changes, docs/upstreams/vinyldns.md §3.18, §3.19, §3.21). Most are
// derived from the seeded record set changes that carry a single change id: each burst of such
// changes by one user is one request (split where a record would repeat, since the server merges
// changes of one record into one record set change), auto-approved or approved by a reviewer just
// before it ran. A hand-written set adds requests that never ran: pending review, scheduled,
// rejected and cancelled ones.
import type { WireSingleChange } from '../../../providers/vinyldns/wire-batch.js';
import { timestampMs as at } from '../time.js';
import type { SandboxGroup, SandboxUser, StoredBatchChange } from '../types.js';
import { DELETED_GROUP, GROUPS, USERS } from './directory.js';
import { Rng, deriveSeed, stableUuid } from './prng.js';
import type { TimedRsChange } from './rs-state.js';
import { sandboxZoneId } from './zones.js';

type Batch = Omit<StoredBatchChange, 'seq'>;

/** The DATETIME columns keep whole seconds; MySQL rounds the fraction (it does not truncate). */
export const roundToSecond = (ms: number): number => Math.round(ms / 1000) * 1000;

const COMMENTS = [
  'CHG0041872: add web tier for the spring release',
  'rotate verification records',
  'decommission old hosts (INC-2291)',
  'move mail to the new relay',
  'DNS for the new staging cluster',
  'requested by marketing',
  'cleanup after the datacenter migration',
  'certificate validation for the CDN',
];

const REVIEW_COMMENTS = [
  'approved, change window Tue 22:00 UTC',
  'ok - owner group confirmed',
  'approved after checking the delegation',
  'LGTM',
  'approved; please remove the temporary records next week',
];

/** The name a requester types: the FQDN, or the IP address for a PTR record in an IPv4 reverse zone. */
function inputName(zoneName: string, name: string, type: string): string {
  const fqdn = name === zoneName ? zoneName : `${name}.${zoneName}`;
  const reverse = /\.in-addr\.arpa\.$/i;
  if (type !== 'PTR' || !reverse.test(zoneName)) return fqdn;
  return fqdn.replace(reverse, '').split('.').reverse().join('.');
}

/** The single change a record set change was made from: Add for creates and updates, DeleteRecordSet for deletes. */
export function singleChangeFor(c: TimedRsChange, singleId: string): WireSingleChange {
  const { change } = c;
  const rs = change.recordSet;
  const add = change.changeType !== 'Delete';
  return {
    changeType: add ? 'Add' : 'DeleteRecordSet',
    inputName: inputName(change.zone.name, rs.name, rs.type),
    type: rs.type,
    ...(add ? { ttl: rs.ttl, record: rs.records[0] } : {}),
    status: change.status === 'Failed' ? 'Failed' : 'Complete',
    recordName: rs.name,
    zoneName: change.zone.name,
    zoneId: change.zone.id,
    ...(change.status === 'Failed' && change.systemMessage !== undefined ? { systemMessage: change.systemMessage } : {}),
    recordChangeId: change.id,
    recordSetId: rs.id,
    validationErrors: [],
    id: singleId,
  };
}

/** Bursts of batch-made changes (in time order), split where a record would occur twice. */
function requestsOf(changes: TimedRsChange[]): TimedRsChange[][] {
  const groups = new Map<string, TimedRsChange[][]>();
  for (const c of [...changes].sort((a, b) => a.ms - b.ms)) {
    if (!c.change.singleBatchChangeIds?.length) continue;
    const key = c.burst === undefined ? `single:${c.change.id}` : `${c.zoneId}:${c.burst}`;
    let parts = groups.get(key);
    if (!parts) groups.set(key, (parts = [[]]));
    const current = parts[parts.length - 1];
    const record = `${c.change.recordSet.name}|${c.change.recordSet.type}`;
    if (current.some((x) => `${x.change.recordSet.name}|${x.change.recordSet.type}` === record)) parts.push([c]);
    else current.push(c);
  }
  return [...groups.values()].flat().filter((p) => p.length > 0);
}

/** The requests behind the seeded record set changes, in the order their first change ran. */
export function deriveBatchChanges(changes: TimedRsChange[], users: SandboxUser[], seed: number): Batch[] {
  const rng = new Rng(deriveSeed(seed, 'batch-changes'));
  const reviewers = [USERS.rita.id, USERS.admin.id];
  const out: Batch[] = [];
  for (const request of requestsOf(changes).sort((a, b) => a[0].ms - b[0].ms)) {
    const first = request[0];
    const user = users.find((u) => u.id === first.change.userId);
    const singles = request.map((c) => singleChangeFor(c, c.change.singleBatchChangeIds![0]));
    const id = first.burst === undefined ? stableUuid(`batch:${singles[0].id}`) : rng.uuid();
    const comments = rng.chance(0.6) ? rng.pick(COMMENTS) : undefined;
    const groups = user?.groupIds ?? [];
    // NS changes always go to manual review; otherwise about one in five requests had a soft error.
    const needsNs = request.some((c) => c.change.recordSet.type === 'NS');
    // The example payload's own requests (no burst) ran at once, as the functional tests that made them did.
    const manual = first.burst !== undefined && groups.length > 0 && (needsNs || rng.chance(0.2));
    const owner = groups.length > 0 && (manual || rng.chance(0.3)) ? rng.pick(groups) : undefined;
    const base = {
      id,
      userId: first.change.userId,
      userName: user?.userName ?? first.change.userId,
      ...(comments === undefined ? {} : { comments }),
      ...(owner === undefined ? {} : { ownerGroupId: owner }),
      changes: singles,
    };
    if (!manual) {
      out.push({ ...base, createdMs: roundToSecond(first.ms - rng.int(40, 900)), approvalStatus: 'AutoApproved' });
      continue;
    }
    const reviewerId = rng.pick(reviewers.filter((r) => r !== base.userId));
    const reviewMs = first.ms - rng.int(200, 3000);
    const createdMs = reviewMs - rng.int(600_000, 3 * 86_400_000);
    const reviewComment = rng.chance(0.6) ? rng.pick(REVIEW_COMMENTS) : undefined;
    const scheduledMs = rng.chance(0.2) ? reviewMs - rng.int(0, 1_800_000) : undefined;
    out.push({
      ...base,
      createdMs: roundToSecond(createdMs),
      approvalStatus: 'ManuallyApproved',
      reviewerId,
      ...(reviewComment === undefined ? {} : { reviewComment }),
      reviewMs: roundToSecond(reviewMs),
      ...(scheduledMs === undefined ? {} : { scheduledMs: roundToSecond(scheduledMs) }),
    });
  }
  return out;
}

// ---- Requests that never ran ----

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
