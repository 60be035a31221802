// A zone's failed record set changes: `GET /metrics/health/zones/{id}/recordsetchangesfailure`,
// offset-paged newest first. Its `nextId` is off by one, so one extra item is asked for instead.
// VinylDNS answers it for any zone and any caller: the resolver checks access first.
import type { VinylDnsClient } from '../providers/vinyldns/client.js';
import type { WireRecordSetChange } from '../providers/vinyldns/wire.js';
import { askingOneMore, offsetSource, type OffsetPosition } from './offset-list.js';
import type { WindowedSource } from './source.js';

export const failedRecordSetChangeSource = (client: VinylDnsClient, zoneId: string): WindowedSource<WireRecordSetChange, OffsetPosition> =>
  offsetSource(askingOneMore(async (startFrom, maxItems) => (await client.listFailedRecordSetChanges(zoneId, { startFrom, maxItems })).failedRecordSetChanges));
