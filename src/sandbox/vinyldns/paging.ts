// Paging maths of each endpoint, pure and synchronous (no I/O), with and without the server's quirks.
import { compareText } from './collation.js';
import type { RecordRow } from './types.js';
import { toFqdn } from './shapes.js';

export interface Timed {
  createdMs: number;
}

export interface Page<T, N> {
  items: T[];
  nextId?: N;
}

/** How MySQL turns a string into a number: its leading numeric prefix, or 0. */
export function sqlNumber(text: string): number {
  const m = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(text);
  return m ? Number(m[0]) : 0;
}

/**
 * Zone changes, as the server pages them (§3.4): `created <= startFrom` (default: now), newest first,
 * maxItems + 1 rows; nextId = the ms of the extra row. The boundary is inclusive, so rows sharing that
 * millisecond show up again on the next page, and more than maxItems of them make nextId stand still.
 */
export function pageZoneChangesQuirky<T extends Timed>(items: readonly T[], startFrom: string | undefined, maxItems: number, nowMs: number): Page<T, string> {
  const bound = startFrom === undefined ? nowMs : sqlNumber(startFrom);
  const rows = items.filter((c) => c.createdMs <= bound);
  const page = rows.slice(0, maxItems);
  return rows.length > maxItems ? { items: page, nextId: String(rows[maxItems].createdMs) } : { items: page };
}

/**
 * Zone changes paged correctly (quirks off): the cursor is `<ms>` or `<ms>:<n>` = "start at <ms>, skipping
 * the first n changes of exactly that millisecond". No repeats, no loss, never stuck.
 */
export function pageZoneChangesExact<T extends Timed>(items: readonly T[], startFrom: string | undefined, maxItems: number, nowMs: number): Page<T, string> {
  const cursor = startFrom === undefined ? undefined : /^(\d+)(?::(\d+))?$/.exec(startFrom);
  const bound = startFrom === undefined ? nowMs : cursor ? Number(cursor[1]) : sqlNumber(startFrom);
  const skip = cursor?.[2] ? Number(cursor[2]) : 0;
  const rows = items.filter((c) => c.createdMs <= bound);
  let skipped = 0;
  while (skipped < skip && skipped < rows.length && rows[skipped].createdMs === bound) skipped++;
  const rest = rows.slice(skipped);
  const page = rest.slice(0, maxItems);
  if (rest.length <= maxItems) return { items: page };
  const next = rest[maxItems].createdMs;
  const sameMs = page.filter((c) => c.createdMs === next).length + (next === bound ? skipped : 0);
  return { items: page, nextId: sameMs === 0 ? String(next) : `${next}:${sameMs}` };
}

/** Offset paging (§3.6, §3.7): LIMIT maxItems + 1 OFFSET startFrom; nextId = startFrom + maxItems. */
export function pageByOffset<T>(items: readonly T[], startFrom: number | undefined, maxItems: number): Page<T, number> {
  const offset = startFrom ?? 0;
  const rows = items.slice(offset, offset + maxItems + 1);
  const page = rows.slice(0, maxItems);
  return rows.length > maxItems ? { items: page, nextId: offset + maxItems } : { items: page };
}

/**
 * Failure lists (§3.5, §3.8): skip startFrom, take maxItems; nextId is always present, 0 when fewer than
 * maxItems came back, else startFrom + maxItems (+ 1 for record set failures: the off-by-one quirk).
 */
export function pageFailures<T>(items: readonly T[], startFrom: number, maxItems: number, offByOne: boolean): { items: T[]; nextId: number } {
  const page = items.slice(Math.max(0, startFrom), Math.max(0, startFrom) + maxItems);
  return { items: page, nextId: page.length < maxItems ? 0 : startFrom + maxItems + (offByOne ? 1 : 0) };
}

/** List zones (§3.1): names strictly after startFrom; nextId = the last name of the page. */
export function pageZones<T extends { name: string }>(zones: readonly T[], startFrom: string | undefined, maxItems: number): Page<T, string> {
  const rows = startFrom === undefined ? [...zones] : zones.filter((z) => compareText(z.name, startFrom) > 0);
  const page = rows.slice(0, maxItems);
  return rows.length > maxItems ? { items: page, nextId: page[page.length - 1].name } : { items: page };
}

export const KEY_DELIMITER = '<....>';

export interface RecordKey {
  name: string;
  code: number;
}

/** Parses `<name><....><code>`; anything else means "no key" (the listing starts over, as on the server). */
export function parseRecordKey(startFrom: string | undefined): RecordKey | undefined {
  if (startFrom === undefined) return undefined;
  const parts = startFrom.split(KEY_DELIMITER);
  while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop(); // Java's split drops trailing empties
  const code = parts[1];
  if (code === undefined || !/^[+-]?\d+$/.test(code)) return undefined;
  return { name: parts[0], code: Number(code) };
}

export interface RecordPageOptions {
  startFrom?: string;
  maxItems: number;
  nameSort: 'ASC' | 'DESC';
  typeSort: 'ASC' | 'DESC' | 'NONE';
  /** true: the key compares the relative name (the server); false: it compares the fqdn (correct). */
  quirks: boolean;
  zoneName: string;
}

/**
 * Record sets of a zone (§3.10). Rows are ordered by fqdn but, with quirks, the key condition compares the
 * relative name: a page ending on `a-b` continues with names > "a-b", so `a` (fqdn `a.z.` sorts after
 * `a-b.z.`) is never returned.
 */
export function pageRecordRows(rows: readonly RecordRow[], opts: RecordPageOptions): Page<RecordRow, string> {
  const key = parseRecordKey(opts.startFrom);
  let filtered = [...rows];
  if (key) {
    const keyText = opts.quirks ? key.name : toFqdn(opts.zoneName, key.name);
    const textOf = (r: RecordRow) => (opts.quirks ? r.rs.name : r.fqdn);
    const dir = opts.nameSort === 'DESC' ? -1 : 1;
    filtered = filtered.filter((r) => {
      const cmp = compareText(textOf(r), keyText) * dir;
      return cmp > 0 || (cmp >= 0 && r.code > key.code);
    });
  }
  if (opts.typeSort !== 'NONE') {
    const dir = opts.typeSort === 'DESC' ? -1 : 1;
    filtered.sort((a, b) => (a.code - b.code) * dir);
  } else if (opts.nameSort === 'DESC') {
    filtered.sort((a, b) => compareText(b.fqdn, a.fqdn) || a.code - b.code);
  }
  const page = filtered.slice(0, opts.maxItems);
  if (filtered.length <= opts.maxItems) return { items: page };
  const last = page[page.length - 1];
  return { items: page, nextId: `${last.rs.name}${KEY_DELIMITER}${last.code}` };
}
