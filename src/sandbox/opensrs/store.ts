// The simulator's data: change logs, oldest first, of mail domains, mailboxes (users) and companies,
// each with the company that owns it (another company's object answers error 9).
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

/** What a log belongs to: get_domain_changes, get_user_changes, get_company_changes. */
export type LogKind = 'domain' | 'user' | 'company';

interface LogRecord {
  company: string;
  changes: StoredChange[];
}

export class OpenSrsStore {
  private readonly logs: Record<LogKind, Map<string, LogRecord>> = { domain: new Map(), user: new Map(), company: new Map() };

  // ---- Mail domains (the original API of this store) ----

  /** Every known domain, including those owned by other companies. */
  domains(): string[] {
    return this.names('domain');
  }

  /** The full log, oldest first (copies). Throws for an unknown domain. */
  changes(domain: string): StoredChange[] {
    return this.copies('domain', domain);
  }

  /** The owning company, or undefined when the domain does not exist. */
  company(domain: string): string | undefined {
    return this.owner('domain', domain);
  }

  /** Adds an empty domain (no-op when it exists). */
  addDomain(domain: string, company: string = SANDBOX_COMPANY): void {
    this.add('domain', domain, company);
  }

  /**
   * Records a change; the domain is created (for the sandbox company) when unknown. `time`
   * defaults to now. The log stays ordered by time: a change is placed after every change with
   * the same or an earlier time, so appending "now" never moves existing indices.
   */
  appendChange(domain: string, change: Partial<StoredChange> = {}): void {
    this.append('domain', domain, change);
  }

  /** Length of a domain's log. */
  size(domain: string): number {
    return this.sizeOf('domain', domain);
  }

  /** Changes [first, first + limit) without copying the list (for the request handler). */
  slice(domain: string, first: number, limit: number): readonly StoredChange[] {
    return this.sliceOf('domain', domain, first, limit);
  }

  // ---- Mailboxes (get_user_changes) ----

  mailboxes(): string[] {
    return this.names('user');
  }

  /** Adds an empty mailbox (no-op when it exists). */
  addMailbox(address: string, company: string = SANDBOX_COMPANY): void {
    this.add('user', address, company);
  }

  /** A mailbox's log, oldest first (copies). Throws for an unknown mailbox. */
  userChanges(address: string): StoredChange[] {
    return this.copies('user', address);
  }

  /** As appendChange, for a mailbox (created for the sandbox company when unknown). */
  appendUserChange(address: string, change: Partial<StoredChange> = {}): void {
    this.append('user', address, change);
  }

  // ---- Companies (get_company_changes) ----

  companies(): string[] {
    return this.names('company');
  }

  /** Adds a company with an empty log; `owner` is the company whose admins may read it (itself). */
  addCompany(name: string, owner: string = name): void {
    this.add('company', name, owner);
  }

  /** A company's log, oldest first (copies). Throws for an unknown company. */
  companyChanges(name: string): StoredChange[] {
    return this.copies('company', name);
  }

  /** As appendChange, for a company (created, owned by itself, when unknown). */
  appendCompanyChange(name: string, change: Partial<StoredChange> = {}): void {
    this.add('company', name, name);
    this.append('company', name, change);
  }

  // ---- Any log, for the request handlers ----

  owner(kind: LogKind, name: string): string | undefined {
    return this.logs[kind].get(name.toLowerCase())?.company;
  }

  sizeOf(kind: LogKind, name: string): number {
    return this.record(kind, name).changes.length;
  }

  sliceOf(kind: LogKind, name: string, first: number, limit: number): readonly StoredChange[] {
    return this.record(kind, name).changes.slice(first, first + limit);
  }

  private names(kind: LogKind): string[] {
    return [...this.logs[kind].keys()];
  }

  private copies(kind: LogKind, name: string): StoredChange[] {
    return this.record(kind, name).changes.map((c) => ({ ...c }));
  }

  private add(kind: LogKind, name: string, company: string): void {
    const key = name.toLowerCase();
    if (!this.logs[kind].has(key)) this.logs[kind].set(key, { company, changes: [] });
  }

  private append(kind: LogKind, name: string, change: Partial<StoredChange>): void {
    this.add(kind, name, SANDBOX_COMPANY);
    const entry: StoredChange = {
      time: change.time ?? Math.floor(Date.now() / 1000),
      application: change.application ?? 'OMA',
      user: change.user ?? ADMINS[0],
      msg: change.msg ?? 'changed spamlevel [High]',
    };
    if (!Number.isSafeInteger(entry.time) || entry.time < 0) throw new Error(`OpenSrsStore: time must be epoch seconds, got ${entry.time}`);
    const list = this.record(kind, name).changes;
    let at = list.length;
    while (at > 0 && list[at - 1].time > entry.time) at--;
    list.splice(at, 0, entry);
  }

  private record(kind: LogKind, name: string): LogRecord {
    const found = this.logs[kind].get(name.toLowerCase());
    if (!found) throw new Error(`OpenSrsStore: no ${kind} ${JSON.stringify(name)}`);
    return found;
  }
}
