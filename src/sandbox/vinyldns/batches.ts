// The batch changes ("DNS change requests") of the simulated VinylDNS, newest first: created desc, then
// insertion order desc. created is a DATETIME (whole seconds), so requests of one second tie; the
// real ORDER BY leaves their order open, the simulator keeps the later-inserted one first.
import type { StoredBatchChange } from './types.js';

const newestFirst = (a: StoredBatchChange, b: StoredBatchChange) => b.createdMs - a.createdMs || b.seq - a.seq;

export class BatchStore {
  private readonly list: StoredBatchChange[] = [];
  private readonly byId = new Map<string, StoredBatchChange>();
  private readonly bySingleChange = new Map<string, StoredBatchChange>();
  private seq = 0;

  constructor(batches: Array<Omit<StoredBatchChange, 'seq'>>) {
    for (const b of batches) this.index({ ...b, seq: ++this.seq });
    this.list.sort(newestFirst);
  }

  /** Every batch change, newest first (no copies; do not mutate). */
  all(): readonly StoredBatchChange[] {
    return this.list;
  }

  get(id: string): StoredBatchChange | undefined {
    return this.byId.get(id);
  }

  /** The batch change holding a single change id (what a record set change lists in singleBatchChangeIds). */
  ofSingleChange(singleChangeId: string): StoredBatchChange | undefined {
    return this.bySingleChange.get(singleChangeId);
  }

  newestMs(): number | undefined {
    return this.list[0]?.createdMs;
  }

  add(batch: Omit<StoredBatchChange, 'seq'>): StoredBatchChange {
    const stored = { ...batch, seq: ++this.seq };
    this.index(stored);
    this.list.sort(newestFirst);
    return stored;
  }

  private index(b: StoredBatchChange): void {
    this.list.push(b);
    this.byId.set(b.id, b);
    for (const c of b.changes) this.bySingleChange.set(c.id, b);
  }
}
