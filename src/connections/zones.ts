// Zones, paged by VinylDNS by name (`startFrom` exclusive, `nextId` = last name of the page).
import { BadUserInputError } from '../errors.js';
import { forwardArgs, type PageArgs } from '../pagination/args.js';
import { connection, type Connection } from '../pagination/connection.js';
import type { CursorCodec, CursorScope } from '../pagination/cursor.js';
import type { VinylDnsClient } from '../providers/vinyldns/client.js';
import type { WireZone } from '../providers/vinyldns/wire.js';
import { SAFE_FILTER } from '../model/names.js';
import { isRecord } from '../model/guards.js';

const isPosition = (p: unknown): p is { n: string } => isRecord(p) && typeof p.n === 'string';

export async function zoneConnection(
  client: VinylDnsClient,
  codec: CursorCodec,
  args: PageArgs & { nameFilter?: string | null },
): Promise<Connection<WireZone>> {
  const nameFilter = args.nameFilter ?? undefined;
  if (nameFilter !== undefined && !SAFE_FILTER.test(nameFilter)) {
    throw new BadUserInputError('`nameFilter` may only hold letters, digits, `.`, `-`, `_` and `*`', { argument: 'nameFilter' });
  }
  const scope: CursorScope = { field: 'Query.zones', binding: { nameFilter: nameFilter ?? null } };
  const { first, after } = forwardArgs('Query.zones', args);
  const startFrom = after === undefined ? undefined : codec.decode(scope, after, 'after', isPosition).n;
  if (startFrom !== undefined && !SAFE_FILTER.test(startFrom)) throw new BadUserInputError('Invalid `after` cursor for Query.zones');
  const res = await client.listZones({ nameFilter, startFrom, maxItems: Math.max(1, first) });
  const zones = res.zones.slice(0, first);
  const hasNextPage = first === 0 ? res.zones.length > 0 : res.nextId !== undefined || res.zones.length > first;
  const edges = zones.map((zone) => ({ cursor: codec.encode(scope, { n: zone.name }), node: zone }));
  return connection(edges, false, hasNextPage, after);
}
