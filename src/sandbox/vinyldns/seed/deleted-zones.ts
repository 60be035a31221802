// Abandoned zones (docs/upstreams/vinyldns.md §3.20): zones that were created, lived a while and were
// deleted. Their zone changes end in a Delete whose snapshot has status Deleted; that change is all
// GET /zones/deleted/changes shows of them. One name was deleted twice (the server shows one row per
// name), one zone's admin group and one deleting user no longer exist, and a row of short-lived
// functional-test zones makes the list long enough to page.
import type { WireAclRule } from '../../../providers/vinyldns/wire.js';
import { zoneChange } from '../shapes.js';
import { formatTimestamp as ts, timestampMs as at } from '../time.js';
import { DELETED_GROUP, FORMER_USER_ID, GROUPS as G, USERS as U } from './directory.js';
import { Rng, deriveSeed, stableUuid } from './prng.js';
import { TimelineBuilder, type ZoneTimeline } from './timeline.js';

interface DeletedZonePlan {
  name: string;
  /** Distinguishes two zones of the same name. */
  generation?: number;
  created: string;
  deleted: string;
  adminGroupId: string;
  by: string;
  shared?: boolean;
  acl?: WireAclRule[];
  tsig?: boolean;
  updates?: number;
}

const testZones: DeletedZonePlan[] = Array.from({ length: 12 }, (_, i) => ({
  name: `test-zone-${String(i + 1).padStart(2, '0')}.example.org.`,
  created: `2024-06-03T10:${String(2 * i).padStart(2, '0')}:11Z`,
  deleted: `2024-06-03T10:${String(2 * i + 1).padStart(2, '0')}:47Z`,
  adminGroupId: G.ok.id,
  by: U.ok.id,
}));

const PLANS: DeletedZonePlan[] = [
  {
    name: 'legacy.example.com.',
    created: '2019-09-02T08:00:00Z',
    deleted: '2024-02-14T17:30:05Z',
    adminGroupId: G.exampleAdmins.id,
    by: U.alice.id,
    tsig: true,
    updates: 3,
  },
  { name: 'old-shop.example.com.', created: '2021-01-10T12:00:00Z', deleted: '2022-05-03T09:12:44Z', adminGroupId: G.shopTeam.id, by: U.bob.id, updates: 1 },
  {
    name: 'staging.acme.io.',
    generation: 1,
    created: '2021-03-01T09:00:00Z',
    deleted: '2022-09-30T18:00:01Z',
    adminGroupId: G.acmeOps.id,
    by: U.carol.id,
    updates: 2,
  },
  {
    name: 'staging.acme.io.',
    generation: 2,
    created: '2023-01-15T09:00:00Z',
    deleted: '2025-07-01T07:45:30Z',
    adminGroupId: G.acmeOps.id,
    by: U.alice.id,
    tsig: true,
    updates: 2,
  },
  { name: 'dev.internal.corp.', created: '2020-06-01T10:00:00Z', deleted: '2023-03-20T11:11:11Z', adminGroupId: G.corpIt.id, by: U.bob.id, updates: 2 },
  { name: '10.0.10.in-addr.arpa.', created: '2020-02-01T10:00:00Z', deleted: '2021-11-11T11:00:00Z', adminGroupId: G.netops.id, by: U.bob.id },
  { name: 'promo2019.example.net.', created: '2019-10-01T10:00:00Z', deleted: '2020-01-31T23:59:58Z', adminGroupId: DELETED_GROUP.id, by: FORMER_USER_ID },
  {
    name: 'qa.big.example.org.',
    created: '2020-04-01T10:00:00Z',
    deleted: '2025-12-12T12:12:12Z',
    adminGroupId: G.platform.id,
    by: U.dave.id,
    tsig: true,
    updates: 4,
  },
  { name: 'eu-old.big.example.org.', created: '2021-05-05T10:00:00Z', deleted: '2023-10-10T10:10:10Z', adminGroupId: G.platform.id, by: U.carol.id },
  { name: 'shared-zone.example.', created: '2022-02-02T10:00:00Z', deleted: '2025-01-20T15:00:00Z', adminGroupId: G.platform.id, by: U.admin.id, shared: true },
  {
    name: 'acl.example.net.',
    created: '2022-08-08T10:00:00Z',
    deleted: '2026-02-02T08:30:00Z',
    adminGroupId: G.mailOps.id,
    by: U.carol.id,
    acl: [{ accessLevel: 'Read', description: 'alice reads the zone', userId: U.alice.id, recordTypes: [] }],
  },
  {
    name: 'everyone.example.',
    created: '2023-04-04T10:00:00Z',
    deleted: '2026-03-01T09:00:00Z',
    adminGroupId: G.netops.id,
    by: U.bob.id,
    acl: [{ accessLevel: 'Read', description: 'everyone may look', recordTypes: [] }],
  },
  ...testZones,
];

/** The id of a seeded deleted zone: stable across seeds. */
export function deletedZoneId(name: string, generation = 1): string {
  const absolute = name.endsWith('.') ? name : `${name}.`;
  return stableUuid(`deleted-zone:${absolute}:${generation}`);
}

function timeline(plan: DeletedZonePlan, rng: Rng): ZoneTimeline {
  const id = deletedZoneId(plan.name, plan.generation);
  const createdMs = at(plan.created, rng.int(0, 999));
  const deletedMs = at(plan.deleted, rng.int(0, 999));
  const b = new TimelineBuilder(id, plan.name, createdMs);
  const connection = plan.tsig
    ? { name: plan.name, keyName: 'vinyldns.', key: `OBF:1:${rng.base64(60)}`, primaryServer: '10.9.0.53', algorithm: 'HMAC-SHA256' }
    : undefined;
  let zone = b.version(createdMs, {
    name: plan.name,
    email: `hostmaster@${plan.name.slice(0, -1)}`,
    status: 'Active',
    created: ts(createdMs),
    id,
    connection,
    account: 'system',
    shared: plan.shared ?? false,
    acl: { rules: plan.acl ?? [] },
    adminGroupId: plan.adminGroupId,
    latestSync: ts(createdMs + 800),
    isTest: false,
  });
  b.change(createdMs, zoneChange({ zone, userId: plan.by, changeType: 'Create', status: 'Synced', created: ts(createdMs), id: rng.uuid() }));
  const n = plan.updates ?? 0;
  for (let i = 1; i <= n; i++) {
    const ms = createdMs + Math.floor(((deletedMs - createdMs) * i) / (n + 1));
    const sync = rng.chance(0.5);
    zone = b.version(ms, { ...zone, updated: ts(ms), ...(sync ? { latestSync: ts(ms) } : { email: `dns-${i}@${plan.name.slice(0, -1)}` }) });
    b.change(ms, zoneChange({ zone, userId: plan.by, changeType: sync ? 'Sync' : 'Update', status: 'Synced', created: ts(ms), id: rng.uuid() }));
  }
  const gone = b.version(deletedMs, { ...zone, status: 'Deleted', updated: ts(deletedMs) });
  b.change(deletedMs, zoneChange({ zone: gone, userId: plan.by, changeType: 'Delete', status: 'Synced', created: ts(deletedMs), id: rng.uuid() }));
  return b.build(true);
}

export function deletedZoneTimelines(seed: number): ZoneTimeline[] {
  const rng = new Rng(deriveSeed(seed, 'deleted-zones'));
  return PLANS.map((plan) => timeline(plan, rng));
}
