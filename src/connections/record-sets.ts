// A zone's record sets. VinylDNS sorts them by fqdn but pages by relative name
// (`startFrom = <name><....><typeCode>`, exclusive), so a page boundary after `a-b` skips `a`
// (sorted after `a-b` by fqdn, before it by name). Our cursor keeps the fqdn position and asks
// VinylDNS to restart from the shortest name prefix that could have been skipped, then drops
// what it already returned.
import { BadUserInputError } from '../errors.js';
import { forwardArgs, type PageArgs } from '../pagination/args.js';
import { connection, type Connection } from '../pagination/connection.js';
import type { CursorCodec, CursorScope } from '../pagination/cursor.js';
import { UPSTREAM_PAGE_LIMIT } from '../pagination/range-reader.js';
import type { VinylDnsClient } from '../providers/vinyldns/client.js';
import { RECORD_TYPE_CODES, type WireRecordSet } from '../providers/vinyldns/wire.js';
import { SAFE_FILTER } from '../model/names.js';
import { recordSetModel, type RecordSetModel } from '../schema/models.js';

/** After the record set with this fqdn, type code, relative name and id. */
export interface RecordSetPosition {
  f: string;
  t: number;
  n: string;
  i: string;
}

const isPosition = (p: unknown): p is RecordSetPosition => {
  const q = p as RecordSetPosition;
  return typeof q === 'object' && q !== null && typeof q.f === 'string' && Number.isInteger(q.t) && typeof q.n === 'string' && typeof q.i === 'string';
};

const typeCode = (type: string) => RECORD_TYPE_CODES[type] ?? RECORD_TYPE_CODES.UNKNOWN;
const positionOf = (rs: WireRecordSet): RecordSetPosition => ({ f: rs.fqdn ?? rs.name, t: typeCode(rs.type), n: rs.name, i: rs.id });

/** VinylDNS's order: fqdn, then type code, compared case-insensitively (MySQL general_ci on ASCII). */
export function compareRecordSetPositions(a: RecordSetPosition, b: RecordSetPosition): number {
  const fa = a.f.toUpperCase();
  const fb = b.f.toUpperCase();
  if (fa !== fb) return fa < fb ? -1 : 1;
  return a.t - b.t;
}

/**
 * The upstream key to resume after `p`. A name sorting before `p.n` but after it by fqdn is a
 * prefix of `p.n` followed by a character that sorts at or below `.` (`-`, `*`, `.`), so restart
 * from the shortest such prefix with type 0 (= every type of that name).
 */
export function resumeKey(p: RecordSetPosition): string | undefined {
  const cut = [...p.n].findIndex((ch) => ch.charCodeAt(0) <= 0x2e);
  if (cut === -1) return `${p.n}<....>${p.t}`;
  if (cut === 0) return undefined;
  return `${p.n.slice(0, cut)}<....>0`;
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
  let position = after;
  let key = after ? resumeKey(after) : undefined;
  const recordNameFilter = filters.nameFilter ?? undefined;
  const recordTypeFilter = filters.types && filters.types.length > 0 ? filters.types.join(',') : undefined;
  while (out.length < want) {
    const exact = key !== undefined && !key.endsWith('<....>0');
    const maxItems = exact || key === undefined && !after ? Math.min(UPSTREAM_PAGE_LIMIT, want - out.length) : UPSTREAM_PAGE_LIMIT;
    const res = await client.listRecordSets(zoneId, { startFrom: key, maxItems, recordNameFilter, recordTypeFilter });
    const before = position;
    for (const rs of res.recordSets) {
      const p = positionOf(rs);
      if (position && compareRecordSetPositions(p, position) <= 0) continue;
      out.push(rs);
      position = p;
    }
    if (res.nextId === undefined || res.recordSets.length === 0) break;
    const tail = positionOf(res.recordSets[res.recordSets.length - 1]);
    let next = resumeKey(tail);
    // A prefix restart that made no progress would loop: fall back to VinylDNS's own key.
    if (next === key || (before && position === before)) next = res.nextId;
    key = next;
  }
  return out.slice(0, want);
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
  return connection(edges, false, items.length > first);
}
