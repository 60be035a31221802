// Checks on the values VinylDNS concatenates into its SQL unescaped or silently drops when it does not
// understand them (docs/upstreams/vinyldns.md §3.18, §3.20): refused here, before they are sent.
import { BadUserInputError } from '../../errors.js';
import type { WireApprovalStatus } from './wire-batch.js';

export const APPROVAL_STATUSES = ['AutoApproved', 'PendingReview', 'ManuallyApproved', 'ManuallyRejected', 'Cancelled'] as const;

const show = (value: unknown) => JSON.stringify(String(value).length > 80 ? `${String(value).slice(0, 77)}...` : String(value));

/** An unknown approval status would be dropped by the server: the caller would get everything. */
export function checkApprovalStatus(value: string): WireApprovalStatus {
  const found = APPROVAL_STATUSES.find((s) => s === value);
  if (!found) throw new BadUserInputError(`${show(value)} is not an approval status (expected one of ${APPROVAL_STATUSES.join(', ')})`);
  return found;
}

/** A user name goes into `bc.user_name = '<name>'`: no quote, backslash or control character. */
export function checkUserName(value: string): string {
  if (value === '' || value.length > 255 || /['\\\u0000-\u001f\u007f]/.test(value)) {
    throw new BadUserInputError(`${show(value)} is not a valid user name (expected 1–255 characters without quotes, backslashes or control characters)`);
  }
  return value;
}

const BATCH_DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/** The form the portal sends and MySQL reads as a DATETIME: `YYYY-MM-DD HH:MM:SS`, UTC. */
export function batchDateTime(at: Date | number): string {
  return new Date(at).toISOString().slice(0, 19).replace('T', ' ');
}

export function checkBatchDateTime(value: string): string {
  if (!BATCH_DATE_TIME.test(value) || Number.isNaN(Date.parse(`${value.replace(' ', 'T')}Z`))) {
    throw new BadUserInputError(`${show(value)} is not a batch change date-time (expected "YYYY-MM-DD HH:MM:SS" in UTC)`);
  }
  return value;
}

/** The characters src/model/names.ts allows in VinylDNS filters; kept here so providers import no model code that imports them back. */
const SAFE_FILTER = /^[A-Za-z0-9._*-]{1,253}$/;

/** The deleted-zone name filter is put into a LIKE unescaped: DNS name characters and `*` only. */
export function checkZoneNameFilter(value: string): string {
  if (!SAFE_FILTER.test(value)) throw new BadUserInputError(`${show(value)} is not a valid zone name filter (letters, digits, ".", "-", "_" and "*" only)`);
  return value;
}
