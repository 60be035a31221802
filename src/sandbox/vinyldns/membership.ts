// Users, groups and group changes of the simulated VinylDNS, with the mutations drift tests use.
// Group changes are kept newest first (created ms desc, then insertion order desc): the order the
// real repository pages through (ORDER BY created_timestamp DESC).
import { randomUUID } from 'node:crypto';
import type { GroupState, SandboxGroup, SandboxUser, StoredGroupChange } from './types.js';

const newestFirst = (a: StoredGroupChange, b: StoredGroupChange) => b.createdMs - a.createdMs || b.seq - a.seq;

export interface GroupUpdate {
  /** Default now; must not be older than the group's newest change. */
  createdMs?: number;
  /** Default: the group's first admin. */
  userId?: string;
  addMemberIds?: string[];
  removeMemberIds?: string[];
  name?: string;
  /** null removes the description. Default (no other edit given): a new description. */
  description?: string | null;
}

export class Membership {
  private readonly changesByGroup = new Map<string, StoredGroupChange[]>();
  private readonly changeById = new Map<string, StoredGroupChange>();
  private seq = 0;

  constructor(
    readonly users: SandboxUser[],
    readonly groups: SandboxGroup[],
    changes: Array<Omit<StoredGroupChange, 'seq'>>,
  ) {
    for (const c of changes) this.add({ ...c, seq: ++this.seq });
    for (const list of this.changesByGroup.values()) list.sort(newestFirst);
  }

  userById(id: string): SandboxUser | undefined {
    return this.users.find((u) => u.id === id);
  }

  /** `WHERE ? IN (id, user_name)`: an id or a user name, compared as the database collation does. */
  userByIdOrName(idOrName: string): SandboxUser | undefined {
    const wanted = idOrName.toLowerCase();
    return this.users.find((u) => u.id.toLowerCase() === wanted || u.userName.toLowerCase() === wanted);
  }

  groupById(id: string): SandboxGroup | undefined {
    return this.groups.find((g) => g.id === id);
  }

  /** A group's changes, newest first; also for deleted or unknown groups (then usually none). */
  groupChanges(groupId: string): readonly StoredGroupChange[] {
    return this.changesByGroup.get(groupId) ?? [];
  }

  groupChange(id: string): StoredGroupChange | undefined {
    return this.changeById.get(id);
  }

  /**
   * Updates a current group and records the change at the top of its activity. Membership changes
   * take effect (the users' groupIds follow), so access checks see them.
   */
  updateGroup(groupId: string, update: GroupUpdate = {}): StoredGroupChange {
    const group = this.groupById(groupId);
    if (!group) throw new Error(`group ${groupId} does not exist`);
    const newest = this.groupChanges(groupId)[0]?.createdMs;
    const ms = update.createdMs ?? Math.max(Date.now(), newest ?? 0);
    if (newest !== undefined && ms < newest) throw new Error(`createdMs ${ms} is older than the group's newest change (${newest})`);
    const before = this.state(group);
    const edits = update.addMemberIds || update.removeMemberIds || update.name !== undefined || update.description !== undefined;
    for (const id of update.addMemberIds ?? []) if (!group.memberIds.includes(id)) group.memberIds.push(id);
    for (const id of update.removeMemberIds ?? []) {
      group.memberIds = group.memberIds.filter((m) => m !== id);
      group.adminIds = group.adminIds.filter((m) => m !== id);
    }
    if (update.name !== undefined) group.name = update.name;
    const description = edits ? update.description : `updated ${new Date(ms).toISOString()}`;
    if (description === null) delete group.description;
    else if (description !== undefined) group.description = description;
    for (const user of this.users) {
      const member = group.memberIds.includes(user.id);
      if (member && !user.groupIds.includes(group.id)) user.groupIds.push(group.id);
      if (!member) user.groupIds = user.groupIds.filter((g) => g !== group.id);
    }
    const change: StoredGroupChange = {
      createdMs: ms,
      seq: ++this.seq,
      groupId,
      id: randomUUID(),
      changeType: 'Update',
      userId: update.userId ?? group.adminIds[0],
      newGroup: this.state(group),
      oldGroup: before,
    };
    this.add(change);
    this.changesByGroup.get(groupId)!.sort(newestFirst);
    return change;
  }

  private state(group: SandboxGroup): GroupState {
    return {
      id: group.id,
      name: group.name,
      email: group.email,
      ...(group.description === undefined ? {} : { description: group.description }),
      createdMs: group.createdMs,
      status: 'Active',
      memberIds: [...group.memberIds],
      adminIds: [...group.adminIds],
    };
  }

  private add(change: StoredGroupChange): void {
    let list = this.changesByGroup.get(change.groupId);
    if (!list) this.changesByGroup.set(change.groupId, (list = []));
    list.push(change);
    this.changeById.set(change.id, change);
  }
}
