// The simulator's data: each mail domain's change log, oldest first, and the company that owns
// the domain (a domain of another company answers error 9).
import { ADMINS } from './vocabulary.js';

export interface StoredChange {
  /** UNIX epoch seconds. */
  time: number;
  application: string;
  user: string;
  msg: string;
}

/** The company the sandbox credentials administer. */
export const SANDBOX_COMPANY = 'changegraph-sandbox';

interface DomainRecord {
  company: string;
  changes: StoredChange[];
}

export class OpenSrsStore {
  private readonly byName = new Map<string, DomainRecord>();

  /** Every known domain, including those owned by other companies. */
  domains(): string[] {
    return [...this.byName.keys()];
  }

  /** The full log, oldest first (copies). Throws for an unknown domain. */
  changes(domain: string): StoredChange[] {
    return this.record(domain).changes.map((c) => ({ ...c }));
  }

  /** The owning company, or undefined when the domain does not exist. */
  company(domain: string): string | undefined {
    return this.byName.get(domain.toLowerCase())?.company;
  }

  /** Adds an empty domain (no-op when it exists). */
  addDomain(domain: string, company: string = SANDBOX_COMPANY): void {
    const name = domain.toLowerCase();
    if (!this.byName.has(name)) this.byName.set(name, { company, changes: [] });
  }

  /**
   * Records a change; the domain is created (for the sandbox company) when unknown. `time`
   * defaults to now. The log stays ordered by time: a change is placed after every change with
   * the same or an earlier time, so appending "now" never moves existing indices.
   */
  appendChange(domain: string, change: Partial<StoredChange> = {}): void {
    this.addDomain(domain);
    const entry: StoredChange = {
      time: change.time ?? Math.floor(Date.now() / 1000),
      application: change.application ?? 'OMA',
      user: change.user ?? ADMINS[0],
      msg: change.msg ?? 'changed spamlevel [High]',
    };
    if (!Number.isSafeInteger(entry.time) || entry.time < 0) throw new Error(`OpenSrsStore: time must be epoch seconds, got ${entry.time}`);
    const list = this.record(domain).changes;
    let at = list.length;
    while (at > 0 && list[at - 1].time > entry.time) at--;
    list.splice(at, 0, entry);
  }

  /** Length of a domain's log. */
  size(domain: string): number {
    return this.record(domain).changes.length;
  }

  /** Changes [first, first + limit) without copying the list (for the request handler). */
  slice(domain: string, first: number, limit: number): readonly StoredChange[] {
    return this.record(domain).changes.slice(first, first + limit);
  }

  private record(domain: string): DomainRecord {
    const found = this.byName.get(domain.toLowerCase());
    if (!found) throw new Error(`OpenSrsStore: no domain ${JSON.stringify(domain)}`);
    return found;
  }
}
