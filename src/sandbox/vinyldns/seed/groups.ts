// Group histories (docs/upstreams/vinyldns.md §3.16): each group is created small and reaches its
// current membership through updates (members added, promoted, removed; renames; new email and
// description), with contractors coming and going. One group ends deleted. Deterministic per seed.
import { timestampMs as at } from '../time.js';
import type { GroupState, SandboxGroup, StoredGroupChange } from '../types.js';
import { DELETED_GROUP, FORMER_USER_ID, GROUPS, USERS } from './directory.js';
import { Rng, deriveSeed } from './prng.js';

type Op =
  | { kind: 'add'; ids: string[] }
  | { kind: 'remove'; ids: string[] }
  | { kind: 'promote'; id: string }
  | { kind: 'demote'; id: string }
  | { kind: 'rename'; name: string }
  | { kind: 'email'; email: string }
  | { kind: 'describe'; description: string | undefined };

interface GroupPlan {
  group: SandboxGroup;
  creatorId: string;
  endMs: number;
  renamedFrom?: string;
  oldEmail?: string;
  /** Descriptions the group had before its current one ('' = none). */
  pastDescriptions?: string[];
  /** Users who join and leave again, one queue per user. */
  churn?: { pool: string[]; rounds: number; adminStintRate?: number };
  /** Chance that an update is made by the super user instead of a group admin. */
  superRate?: number;
  /** Updates made by this id (a departed user). */
  strangerUpdates?: number;
  deleted?: { ms: number; by: string };
}

const U = USERS;
const G = GROUPS;

function plans(): GroupPlan[] {
  const contractors = [U.sam.id, U.jo.id, U.max.id];
  return [
    { group: G.ok, creatorId: U.ok.id, endMs: at('2023-06-01T14:00:00Z'), pastDescriptions: [''] },
    { group: G.okLegacy, creatorId: U.ok.id, endMs: at('2020-11-17T18:41:09Z', 731) },
    { group: G.professor, creatorId: U.professor.id, endMs: at('2020-11-17T18:41:12Z', 731) },
    { group: G.history, creatorId: U.history.id, endMs: at('2016-12-30T15:35:10Z', 731) },
    {
      group: G.exampleAdmins,
      creatorId: U.alice.id,
      endMs: at('2025-10-01T00:00:00Z'),
      renamedFrom: 'example-dns',
      pastDescriptions: [''],
      churn: { pool: [U.sam.id], rounds: 3 },
    },
    {
      group: G.dnsReaders,
      creatorId: U.dave.id,
      endMs: at('2025-12-01T00:00:00Z'),
      pastDescriptions: ['Auditors'],
      churn: { pool: [U.jo.id, U.max.id, U.rita.id], rounds: 4 },
    },
    { group: G.shopTeam, creatorId: U.bob.id, endMs: at('2025-06-01T00:00:00Z'), churn: { pool: [U.alice.id], rounds: 2 } },
    {
      group: G.acmeOps,
      creatorId: U.alice.id,
      endMs: at('2025-09-15T00:00:00Z'),
      oldEmail: 'acme-dns@groups.example.com',
      churn: { pool: contractors, rounds: 5 },
    },
    { group: G.mailOps, creatorId: U.dave.id, endMs: at('2024-11-30T00:00:00Z'), churn: { pool: [U.jo.id], rounds: 2 } },
    {
      group: G.netops,
      creatorId: U.bob.id,
      endMs: at('2026-01-20T00:00:00Z'),
      pastDescriptions: ['Network team'],
      churn: { pool: [FORMER_USER_ID, U.max.id, U.sam.id], rounds: 6 },
      strangerUpdates: 2,
    },
    { group: G.corpIt, creatorId: U.bob.id, endMs: at('2023-02-01T00:00:00Z'), renamedFrom: 'it-dept' },
    {
      group: G.platform,
      creatorId: U.carol.id,
      endMs: at('2026-03-30T17:00:00Z'),
      renamedFrom: 'platform-eng',
      pastDescriptions: ['', 'Platform engineering', 'Platform engineering: big.example.org'],
      churn: { pool: [U.sam.id, U.jo.id, U.max.id, U.alice.id, U.bob.id, U.rita.id, U.tess.id], rounds: 62, adminStintRate: 0.25 },
      superRate: 0.2,
    },
    {
      group: DELETED_GROUP,
      creatorId: U.bob.id,
      endMs: at('2021-06-01T00:00:00Z'),
      churn: { pool: [U.dave.id], rounds: 2 },
      deleted: { ms: at('2021-06-30T16:20:05Z', 118), by: U.admin.id },
    },
  ];
}

/** Ops in a random order that respects each queue's own order. */
function schedule(plan: GroupPlan, rng: Rng): Op[] {
  const final = plan.group;
  const first = final.adminIds[0];
  const queues: Op[][] = [];
  for (const id of final.memberIds)
    if (id !== first) queues.push([{ kind: 'add', ids: [id] }, ...(final.adminIds.includes(id) ? [{ kind: 'promote', id } as Op] : [])]);
  if (plan.renamedFrom) queues.push([{ kind: 'rename', name: final.name }]);
  if (plan.oldEmail) queues.push([{ kind: 'email', email: final.email }]);
  if (plan.pastDescriptions) {
    const later = [...plan.pastDescriptions.slice(1), final.description ?? ''];
    queues.push(later.map((d): Op => ({ kind: 'describe', description: d === '' ? undefined : d })));
  }
  if (plan.churn) {
    const byUser = new Map<string, Op[]>();
    for (let r = 0; r < plan.churn.rounds; r++) {
      const id = plan.churn.pool[r % plan.churn.pool.length];
      const q = byUser.get(id) ?? [];
      const stint = rng.chance(plan.churn.adminStintRate ?? 0);
      q.push({ kind: 'add', ids: [id] }, ...(stint ? [{ kind: 'promote', id } as Op, { kind: 'demote', id } as Op] : []), { kind: 'remove', ids: [id] });
      byUser.set(id, q);
    }
    queues.push(...byUser.values());
  }
  const out: Op[] = [];
  for (;;) {
    const open = queues.filter((q) => q.length > 0);
    if (open.length === 0) return out;
    out.push(rng.pick(open).shift()!);
  }
}

function apply(state: GroupState, op: Op): GroupState {
  const next: GroupState = { ...state, memberIds: [...state.memberIds], adminIds: [...state.adminIds] };
  switch (op.kind) {
    case 'add':
      next.memberIds.push(...op.ids.filter((id) => !next.memberIds.includes(id)));
      break;
    case 'remove':
      next.memberIds = next.memberIds.filter((id) => !op.ids.includes(id));
      next.adminIds = next.adminIds.filter((id) => !op.ids.includes(id));
      break;
    case 'promote':
      if (!next.adminIds.includes(op.id)) next.adminIds.push(op.id);
      break;
    case 'demote':
      next.adminIds = next.adminIds.filter((id) => id !== op.id);
      break;
    case 'rename':
      next.name = op.name;
      break;
    case 'email':
      next.email = op.email;
      break;
    case 'describe':
      if (op.description === undefined) delete next.description;
      else next.description = op.description;
      break;
  }
  return next;
}

function history(plan: GroupPlan, rng: Rng): Array<Omit<StoredGroupChange, 'seq'>> {
  const final = plan.group;
  const first = final.adminIds[0];
  const past = plan.pastDescriptions?.[0];
  let state: GroupState = {
    id: final.id,
    name: plan.renamedFrom ?? final.name,
    email: plan.oldEmail ?? final.email,
    createdMs: final.createdMs,
    status: 'Active',
    memberIds: [first],
    adminIds: [first],
    ...(past === undefined ? (final.description === undefined ? {} : { description: final.description }) : past === '' ? {} : { description: past }),
  };
  const out: Array<Omit<StoredGroupChange, 'seq'>> = [
    { createdMs: final.createdMs, groupId: final.id, id: rng.uuid(), changeType: 'Create', userId: plan.creatorId, newGroup: state },
  ];
  const ops = schedule(plan, rng);
  // Adjacent additions are sometimes one update (the portal saves the whole member list at once).
  const steps: Op[][] = [];
  for (const op of ops) {
    const last = steps.at(-1);
    if (op.kind === 'add' && last?.length === 1 && last[0].kind === 'add' && rng.chance(0.25)) last.push(op);
    else steps.push([op]);
  }
  const weights = steps.map(() => rng.exp());
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  const span = plan.endMs - final.createdMs - steps.length * 1000;
  let t = final.createdMs;
  let strangers = plan.strangerUpdates ?? 0;
  steps.forEach((step, i) => {
    t += 1000 + Math.floor((weights[i] / total) * Math.max(0, span));
    const before = state;
    for (const op of step) state = apply(state, op);
    let userId = rng.chance(plan.superRate ?? 0.1) ? U.admin.id : rng.pick(before.adminIds);
    if (strangers > 0 && i % 3 === 1) {
      userId = FORMER_USER_ID;
      strangers--;
    }
    out.push({ createdMs: t, groupId: final.id, id: rng.uuid(), changeType: 'Update', userId, newGroup: state, oldGroup: before });
  });
  // The current group lists its members in directory order; the last state must read the same.
  state.memberIds = [...final.memberIds];
  state.adminIds = [...final.adminIds];
  if (plan.deleted) out.push({ createdMs: plan.deleted.ms, groupId: final.id, id: rng.uuid(), changeType: 'Delete', userId: plan.deleted.by, newGroup: state });
  return out;
}

/** Every group's changes, oldest first within a group. */
export function generateGroupChanges(seed: number): Array<Omit<StoredGroupChange, 'seq'>> {
  return plans().flatMap((plan) => history(plan, new Rng(deriveSeed(seed, `group:${plan.group.name}`))));
}
