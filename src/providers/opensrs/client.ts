// The OpenSRS Email API (OMA) over HTTP: the change logs of a domain, a mailbox and a company, with the
// name validated before sending, the answer checked against the contract, and API error numbers
// mapped to typed errors.
// Messages never carry the password, token, URL, request body or the upstream's error text.
import { BadUserInputError, UpstreamError, type ErrorCode } from '../../errors.js';
import type { CallBudget } from '../budget.js';
import type { HttpUpstream } from '../http.js';
import { joinOrStart } from '../in-flight.js';
import { isRecord } from '../../model/guards.js';
import { parseChangesPage, type ChangesPage } from './parse.js';
import type { ReadsInFlight } from './shared-reads.js';
import { OmaError, type GetCompanyChangesRequest, type GetDomainChangesRequest, type GetUserChangesRequest, type WireCredentials } from './wire.js';

export type { ChangesPage, DomainChangesPage, OpenSrsChange } from './parse.js';
export { newestFirstRange } from './range.js';

export interface OpenSrsCredentials {
  user: string;
  password?: string;
  token?: string;
}

export interface OpenSrsClientOptions {
  /** The upstream budget of the operation this client serves; every call sent takes from it. */
  budget: CallBudget;
  /** Wait before the single retry of a transient error, jittered ±50%. Default 200 ms. */
  retryDelayMs?: number;
  /**
   * Reads in flight shared with other requests of the same identity (OpenSrsSharedReads.for);
   * none: this client's own. Identical reads in flight within the client's request are shared either way.
   */
  inFlight?: ReadsInFlight;
  /** Asked before each read of a domain; throws to refuse it (the gateway's own access rule). */
  authorize?: (domain: string) => Promise<void>;
}

/** Largest page the client asks for; the server has no documented cap, so we set our own. */
export const MAX_PAGE_SIZE = 100;

const CLIENT_NAME = 'changegraph';
const PROVIDER = 'OPENSRS';

/** Transient errors worth one more try (contract §5.2, §7). */
const RETRYABLE = new Set<number>([OmaError.SERVER_ERROR, OmaError.TRY_AGAIN, OmaError.TEMPORARILY_UNAVAILABLE, OmaError.PROVISIONING_LOCK]);
const UNAVAILABLE = new Set<number>([...RETRYABLE, OmaError.INTERNAL_ERROR, OmaError.INTERNAL_CONNECT_ERROR, OmaError.INTERNAL_SEND_ERROR]);

export class OpenSrsClient {
  private readonly credentials: WireCredentials;
  private readonly retryDelayMs: number;
  private readonly budget: CallBudget;
  private readonly inFlight: ReadsInFlight;
  private readonly authorize?: (domain: string) => Promise<void>;

  constructor(
    private readonly upstream: HttpUpstream,
    credentials: OpenSrsCredentials,
    options: OpenSrsClientOptions,
  ) {
    const { user, password, token } = credentials;
    if (!user) throw new Error('OpenSrsClient needs a user name');
    if (token === undefined && password === undefined) throw new Error('OpenSrsClient needs a password or a token');
    // A token, when given, is used instead of the password (config allows only one of them).
    this.credentials = token !== undefined ? { user, token, client: CLIENT_NAME } : { user, password, client: CLIENT_NAME };
    this.retryDelayMs = options.retryDelayMs ?? 200;
    this.budget = options.budget;
    this.inFlight = options.inFlight ?? new Map();
    this.authorize = options.authorize;
  }

  /**
   * One page of a mail domain's change log, oldest first. `range.first` is a 0-based index into
   * the oldest-first list. Resolves to null when OpenSRS does not know the domain (error 2).
   */
  async getDomainChanges(domain: string, range: { first: number; limit: number }): Promise<ChangesPage | null> {
    const name = normaliseMailDomain(domain);
    const checked = checkedRange(range);
    await this.authorize?.(name);
    const request: GetDomainChangesRequest = { credentials: this.credentials, domain: name, range: checked };
    return this.shared(`get_domain_changes\n${name}\n${checked.first}\n${checked.limit}`, () => this.changeLog('get_domain_changes', request, checked));
  }

  /**
   * One page of a mailbox's change log (docs/upstreams/opensrs.md §3.4), with the same range rules as
   * the domain log. null when OpenSRS does not know the mailbox (error 2). Where mail logs are shown
   * only to the readers of a domain's zone, a mailbox is its domain's.
   */
  async getUserChanges(mailbox: string, range: { first: number; limit: number }): Promise<ChangesPage | null> {
    const name = normaliseMailbox(mailbox);
    const checked = checkedRange(range);
    await this.authorize?.(name.slice(name.lastIndexOf('@') + 1));
    const request: GetUserChangesRequest = { credentials: this.credentials, user: name, range: checked };
    return this.shared(`get_user_changes\n${name}\n${checked.first}\n${checked.limit}`, () => this.changeLog('get_user_changes', request, checked));
  }

  /**
   * One page of a company's change log (docs/upstreams/opensrs.md §3.5). null when OpenSRS does not
   * know the company (error 2); another company's log is FORBIDDEN (error 9). Where mail logs are
   * shown only to zone readers, the company's log (all its domains) is shown to nobody.
   */
  async getCompanyChanges(company: string, range: { first: number; limit: number }): Promise<ChangesPage | null> {
    const name = checkedCompany(company);
    const checked = checkedRange(range);
    if (this.authorize) throw new UpstreamError('FORBIDDEN', 'A company log is not shown to callers who see mail domains through their zones', PROVIDER, 403);
    const request: GetCompanyChangesRequest = { credentials: this.credentials, company: name, range: checked };
    return this.shared(`get_company_changes\n${name}\n${checked.first}\n${checked.limit}`, () => this.changeLog('get_company_changes', request, checked));
  }

  private async changeLog(method: string, request: object, range: { first: number; limit: number }): Promise<ChangesPage | null> {
    const body = await this.call(method, request);
    if (body.success === false) return null; // error 2: call() lets only that one through
    return parseChangesPage(body, range, method);
  }

  /** Joins an identical read in flight (of this request or, when shared, of the identity's others), or starts it. */
  private shared(key: string, read: () => Promise<ChangesPage | null>): Promise<ChangesPage | null> {
    return joinOrStart(this.inFlight, key, this.budget, PROVIDER, read);
  }

  /** POSTs one request; retries once on a transient API error; maps every other failure. */
  private async call(method: string, request: object): Promise<Record<string, unknown>> {
    const first = await this.post(method, request);
    const code = failureNumber(first);
    if (code === undefined || !RETRYABLE.has(code)) return checked(first);
    await sleep(this.retryDelayMs * (0.5 + Math.random()));
    return checked(await this.post(method, request));
  }

  private async post(method: string, request: object): Promise<Record<string, unknown>> {
    const res = await this.upstream.send(
      {
        method: 'POST',
        path: `${this.apiBase()}/${method}`,
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(request),
        // Every method this client calls only reads, so a failed call may be sent again.
        idempotent: true,
      },
      this.budget,
    );
    if (res.status !== 200) throw new UpstreamError('UPSTREAM_UNAVAILABLE', `OpenSRS failed with HTTP ${res.status}`, PROVIDER, res.status);
    let parsed: unknown;
    try {
      parsed = JSON.parse(res.body);
    } catch {
      throw malformed('a body that is not JSON');
    }
    if (!isRecord(parsed)) throw malformed('a body that is not a JSON object');
    const body = parsed;
    if (typeof body.success !== 'boolean') throw malformed('a body without "success"');
    if (body.success === false && !Number.isSafeInteger(body.error_number)) throw malformed('a failure without an error number');
    return body;
  }

  /**
   * The API lives under `/api` below the host. A base URL that already ends in `/api` (the form
   * the OpenSRS documentation gives, e.g. https://admin.a.hostedemail.com/api) is used as it is.
   */
  private apiBase(): string {
    const base = this.upstream.basePath;
    return base.endsWith('/api') ? base : `${base}/api`;
  }
}

const API_NAME_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * A mail domain name as OpenSRS accepts it (contract §3.1): 3–160 ASCII characters, two or more
 * dot-separated labels of 1–63 letters, digits or hyphens, no label starting or ending with a
 * hyphen. Returned lower-cased; anything else is the caller's mistake.
 */
export function normaliseMailDomain(domain: string): string {
  const name = typeof domain === 'string' ? domain.toLowerCase() : '';
  const labels = name.split('.');
  const valid = name.length >= 3 && name.length <= 160 && labels.length >= 2 && labels.every((label) => API_NAME_PATTERN.test(label));
  if (!valid) {
    throw new BadUserInputError(
      `${showValue(domain)} is not a valid mail domain name (expected 3–160 characters: two or more dot-separated labels of letters, digits and inner hyphens, e.g. "example.com")`,
    );
  }
  return name;
}

/** The caller's value, quoted and shortened, safe to put in a message. */
function showValue(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  const shown = text.length > 80 ? `${text.slice(0, 77)}...` : text;
  return JSON.stringify(shown);
}

/** Both members, always sent (the defaults of an omitted member are undocumented). */
function checkedRange(range: { first: number; limit: number }): { first: number; limit: number } {
  const { first, limit } = range;
  if (!Number.isSafeInteger(first) || first < 0) throw new Error(`OpenSrsClient: range.first must be an integer >= 0, got ${first}`);
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new Error(`OpenSrsClient: range.limit must be an integer from 1 to ${MAX_PAGE_SIZE}, got ${limit}`);
  }
  return { first, limit };
}

const MAILBOX_LOCAL_PART = /^[a-z0-9](?:[a-z0-9_-]|\.(?!\.)){0,63}$/;

/**
 * A mailbox address as OpenSRS creates them ("OMA email address", docs/upstreams/opensrs.md §3.4):
 * 1–64 characters of letters, digits, `-`, `_` and single dots, starting with a letter or digit, then
 * `@` and a mail domain name. Returned lower-cased.
 */
export function normaliseMailbox(address: string): string {
  const text = typeof address === 'string' ? address.toLowerCase() : '';
  const at = text.lastIndexOf('@');
  const local = text.slice(0, at);
  const domain = text.slice(at + 1);
  const labels = domain.split('.');
  const domainOk = domain.length >= 3 && domain.length <= 160 && labels.length >= 2 && labels.every((label) => API_NAME_PATTERN.test(label));
  if (at <= 0 || local.length > 64 || !MAILBOX_LOCAL_PART.test(local) || !domainOk) {
    throw new BadUserInputError(
      `${showValue(address)} is not a valid mailbox address (expected name@domain: the name 1–64 letters, digits, "-", "_" or single dots, the domain a mail domain name, e.g. "jane.doe@example.com")`,
    );
  }
  return `${local}@${domain}`;
}

/** OpenSRS documents no rule for company names [U]; we only refuse what cannot be a name. */
function checkedCompany(company: string): string {
  if (typeof company !== 'string' || company.trim() === '' || company.length > 255 || /[\u0000-\u001f\u007f]/.test(company)) {
    throw new BadUserInputError(`${showValue(company)} is not a valid company name (expected 1–255 printable characters)`);
  }
  return company;
}

function failureNumber(body: Record<string, unknown>): number | undefined {
  // post() lets a failure through only with a whole error number.
  return body.success === false && typeof body.error_number === 'number' ? body.error_number : undefined;
}

/** Passes successes and error 2 through; turns every other API failure into an UpstreamError. */
function checked(body: Record<string, unknown>): Record<string, unknown> {
  const code = failureNumber(body);
  if (code === undefined || code === OmaError.NO_SUCH_OBJECT) return body;
  const [errorCode, message] = describeFailure(code);
  throw new UpstreamError(errorCode, message, PROVIDER, 200);
}

function describeFailure(n: number): [ErrorCode, string] {
  switch (n) {
    case OmaError.INVALID_CREDENTIALS:
      return ['UNAUTHENTICATED', `OpenSRS rejected the credentials (error ${n})`];
    case OmaError.ADMIN_DISABLED:
      return ['UNAUTHENTICATED', `OpenSRS reports the admin account as disabled (error ${n})`];
    case OmaError.TWO_FACTOR_REQUIRED:
    case OmaError.TWO_FACTOR_CODE_WRONG:
    case OmaError.TWO_FACTOR_NOT_ENABLED:
    case OmaError.TWO_FACTOR_CHALLENGE_FAILED:
      return ['UNAUTHENTICATED', `OpenSRS requires two-factor authentication for this admin; use a session token (error ${n})`];
    case OmaError.NOT_OWNER:
      return ['FORBIDDEN', `OpenSRS denied access to this object (error ${n})`];
    case OmaError.IP_NOT_PERMITTED:
      return ['FORBIDDEN', `OpenSRS does not accept requests from this gateway's address for this admin (error ${n})`];
    case OmaError.BAD_REQUEST:
      return ['BAD_USER_INPUT', `OpenSRS rejected the request as badly formatted (error ${n})`];
    default:
      if (UNAVAILABLE.has(n)) return ['UPSTREAM_UNAVAILABLE', `OpenSRS is temporarily unable to answer (error ${n})`];
      return ['UPSTREAM_ERROR', `OpenSRS answered with error ${n}`];
  }
}

function malformed(what: string): UpstreamError {
  return new UpstreamError('UPSTREAM_UNAVAILABLE', `OpenSRS answered with ${what}`, PROVIDER, 200);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
