// Checks a change-log success body (get_domain_changes, get_user_changes, get_company_changes: one
// shape, docs/upstreams/opensrs.md §3.2, §3.4, §3.5, §4) against the contract and converts it.
// A body that breaks the contract is a protocol violation: UPSTREAM_UNAVAILABLE, and nothing of
// the body goes into the message.
import { UpstreamError } from '../../errors.js';
import { isRecord } from '../../model/guards.js';

/** One change, `time` in UNIX epoch seconds. */
export interface OpenSrsChange {
  time: number;
  application: string;
  user: string;
  msg: string;
}

export interface ChangesPage {
  /** All changes recorded for the domain, mailbox or company, whatever the range. */
  totalCount: number;
  /** The requested slice, oldest first. */
  changes: OpenSrsChange[];
}

export type DomainChangesPage = ChangesPage;

const DIGITS = /^\d{1,15}$/;

/** Epoch seconds from the wire: a string of decimal digits, or (defensively) a JSON integer. */
export function parseEpochSeconds(value: unknown): number | undefined {
  if (typeof value === 'string') return DIGITS.test(value) ? Number(value) : undefined;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  return undefined;
}

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

export function parseDomainChanges(body: Record<string, unknown>, range: { first: number; limit: number }): ChangesPage {
  return parseChangesPage(body, range, 'get_domain_changes');
}

export function parseChangesPage(body: Record<string, unknown>, range: { first: number; limit: number }, method: string): ChangesPage {
  const violation = (what: string) => new UpstreamError('UPSTREAM_UNAVAILABLE', `OpenSRS answered ${method} ${what}`, 'OPENSRS', 200);
  const { count, total_count: totalCount, changes } = body;
  if (!isCount(count) || !isCount(totalCount) || !Array.isArray(changes)) throw violation('without a valid count, total_count or changes');
  if (count !== changes.length) throw violation('with a count that differs from its list of changes');
  if (changes.length > range.limit) throw violation('with more changes than requested');
  if (changes.length > 0 && range.first + changes.length > totalCount) throw violation('with more changes than its total_count');
  return { totalCount, changes: changes.map((raw) => parseChange(raw, violation)) };
}

function parseChange(raw: unknown, violation: (what: string) => UpstreamError): OpenSrsChange {
  if (!isRecord(raw)) throw violation('with a change that is not an object');
  const { time, application, user, msg } = raw;
  const seconds = parseEpochSeconds(time);
  if (seconds === undefined) throw violation('with a change whose time is not epoch seconds');
  if (typeof application !== 'string' || typeof user !== 'string' || typeof msg !== 'string') {
    throw violation('with a change missing its application, user or msg');
  }
  return { time: seconds, application, user, msg };
}
