// A zone's record sets. VinylDNS sorts them by fqdn but pages by relative name
// (`startFrom = <name><....><typeCode>`, exclusive): after `a-b` it skips `a` (after `a-b` by
// fqdn, before it by name), and after `www` it repeats `www-1` (before `www` by fqdn, after it
// by name). The collation deciding those orders is the database's, so we never compare names
// ourselves: we restart from a name prefix that nothing skippable can sort below, and drop
// everything up to and including the cursor's record set, found by id, in VinylDNS's own order.
import { BadUserInputError, UpstreamError } from '../errors.js';
import { forwardArgs, type PageArgs } from '../pagination/args.js';
import { connection, type Connection } from '../pagination/connection.js';
import type { CursorCodec, CursorScope } from '../pagination/cursor.js';
import { UPSTREAM_PAGE_LIMIT } from '../sources/range-reader.js';
import type { VinylDnsClient } from '../providers/vinyldns/client.js';
import { RECORD_TYPE_CODES, type WireRecordSet } from '../providers/vinyldns/wire.js';
import { SAFE_FILTER } from '../model/names.js';
import { recordSetModel, type RecordSetModel } from '../parents/models.js';
import { isRecord } from '../model/guards.js';

/** After the record set with this fqdn, type code, relative name and id. */
export interface RecordSetPosition {
  f: string;
  t: number;
  n: string;
  i: string;
}

const isPosition = (q: unknown): q is RecordSetPosition =>
  isRecord(q) && typeof q.f === 'string' && Number.isInteger(q.t) && typeof q.n === 'string' && typeof q.i === 'string';

/** A guard against an upstream whose keys never advance. */
const MAX_CALLS_PER_PAGE = 100;

const typeCode = (type: string) => RECORD_TYPE_CODES[type] ?? RECORD_TYPE_CODES.UNKNOWN;
const positionOf = (rs: WireRecordSet): RecordSetPosition => ({ f: rs.fqdn ?? rs.name, t: typeCode(rs.type), n: rs.name, i: rs.id });

/**
 * Only for a cursor whose record set has vanished: VinylDNS's order approximated as fqdn
 * (case-insensitive), then type code.
 */
export function compareRecordSetPositions(a: RecordSetPosition, b: RecordSetPosition): number {
  const fa = a.f.toLowerCase();
  const fb = b.f.toLowerCase();
  if (fa !== fb) return fa < fb ? -1 : 1;
  return a.t - b.t;
}

/**
 * The upstream key to re-read from so that `p` itself and everything after it is included. Names
 * sorting after `p` by fqdn but before it by name are prefixes of `p.n` ending where `p.n` has a
 * punctuation character (which sorts below `.` in any collation, unlike letters and digits); so
 * restart at the shortest such prefix, type 0 (= all types of that name).
 */
export function resumeKey(p: RecordSetPosition): string {
  const cut = [...p.n].findIndex((ch, k) => k > 0 && !/[A-Za-z0-9]/.test(ch));
  return `${cut === -1 ? p.n : p.n.slice(0, cut)}<....>0`;
}

export interface RecordSetFilters {
  nameFilter?: string | null;
  types?: readonly string[] | null;
}

export async function readRecordSets(
  client: VinylDnsClient,
  zoneId: string,
  want: number,
  filters: RecordSetFilters,
  after?: RecordSetPosition,
): Promise<WireRecordSet[]> {
  const out: WireRecordSet[] = [];
  const returned = new Set<string>();
  const recordNameFilter = filters.nameFilter ?? undefined;
  const recordTypeFilter = filters.types && filters.types.length > 0 ? filters.types.join(',') : undefined;
  // `anchor`: the record set to find (by id) before collecting; undefined once found.
  let anchor = after;
  let key = after ? resumeKey(after) : undefined;
  let lost = false;
  let triedExact = false;
  let calls = 0;
  while (out.length < want) {
    const maxItems = anchor ? UPSTREAM_PAGE_LIMIT : Math.min(UPSTREAM_PAGE_LIMIT, want - out.length);
    const res = await client.listRecordSets(zoneId, { startFrom: key, maxItems, recordNameFilter, recordTypeFilter });
    let items = res.recordSets;
    if (++calls > MAX_CALLS_PER_PAGE) throw new UpstreamError('UPSTREAM_ERROR', 'VinylDNS record set paging did not advance', 'VINYLDNS');
    if (anchor && !lost) {
      const at = items.findIndex((rs) => rs.id === anchor!.i);
      if (at === -1 && res.nextId !== undefined) {
        // More than a page of names shares the anchor's prefix. When no record is named like a
        // prefix VinylDNS could skip, its exact key (one type below, so the anchor itself is in
        // the answer) is safe and jumps straight there; otherwise read its chain up to the anchor.
        if (!triedExact && (await nothingSkippable(client, zoneId, anchor, filters))) {
          key = `${anchor.n}<....>${anchor.t - 1}`;
          triedExact = true;
          continue;
        }
        key = res.nextId;
        continue;
      }
      if (at === items.length - 1 && res.nextId !== undefined) {
        // More than a page of names shares the anchor's prefix: restarting would not advance,
        // so follow VinylDNS's own key from here (its quirks can bite only in this corner).
        anchor = undefined;
        key = res.nextId;
        continue;
      }
      if (at === -1) {
        // The anchor is gone: re-read from its key and keep what sorts after it.
        lost = true;
        key = resumeKey(anchor);
        continue;
      }
      items = items.slice(at + 1);
    } else if (anchor && lost) {
      const from = anchor;
      items = items.filter((rs) => compareRecordSetPositions(positionOf(rs), from) > 0);
    }
    anchor = undefined;
    lost = false;
    triedExact = false;
    for (const rs of items) {
      if (returned.has(rs.id)) continue;
      returned.add(rs.id);
      out.push(rs);
    }
    if (res.nextId === undefined || res.recordSets.length === 0) break;
    anchor = positionOf(res.recordSets[res.recordSets.length - 1]);
    key = resumeKey(anchor);
  }
  return out.slice(0, want);
}

/**
 * True when the zone has no record named like a prefix of `p.n` that ends before punctuation (the
 * only names VinylDNS's own key could skip). One small call per such prefix, usually one.
 */
async function nothingSkippable(client: VinylDnsClient, zoneId: string, p: RecordSetPosition, filters: RecordSetFilters): Promise<boolean> {
  if (filters.nameFilter) return false; // one name filter per call: cannot check, so do not jump
  const prefixes = [...p.n].flatMap((ch, k) => (k > 0 && !/[A-Za-z0-9]/.test(ch) ? [p.n.slice(0, k)] : []));
  const recordTypeFilter = filters.types && filters.types.length > 0 ? filters.types.join(',') : undefined;
  for (const prefix of new Set(prefixes)) {
    if (!SAFE_FILTER.test(prefix)) return false;
    // Without `*` the filter is an exact match; `_` and `.` may widen it, which only errs safe.
    const res = await client.listRecordSets(zoneId, { recordNameFilter: prefix, maxItems: 1, recordTypeFilter });
    if (res.recordSets.length > 0) return false;
  }
  return true;
}

export async function recordSetConnection(
  client: VinylDnsClient,
  codec: CursorCodec,
  zoneId: string,
  args: PageArgs & RecordSetFilters,
): Promise<Connection<RecordSetModel>> {
  if (args.nameFilter != null && !SAFE_FILTER.test(args.nameFilter)) {
    throw new BadUserInputError('`nameFilter` may only hold letters, digits, `.`, `-`, `_` and `*`', { argument: 'nameFilter' });
  }
  const filters = { nameFilter: args.nameFilter ?? null, types: args.types ? [...args.types].sort() : null };
  const scope: CursorScope = { field: 'Zone.recordSets', binding: { zoneId, ...filters } };
  const { first, after } = forwardArgs('Zone.recordSets', args);
  const position = after === undefined ? undefined : codec.decode(scope, after, 'after', isPosition);
  const items = await readRecordSets(client, zoneId, first + 1, filters, position);
  const edges = items.slice(0, first).map((rs) => ({ cursor: codec.encode(scope, positionOf(rs)), node: recordSetModel(rs) }));
  return connection(edges, false, items.length > first, after);
}
