// The connection fields over one VinylDNS change list each: the field's cursor scope (its name and
// what the list depends on), its source, and which consumer pages it.
import type { PageArgs } from '../pagination/args.js';
import type { Connection } from '../pagination/connection.js';
import type { CursorCodec } from '../pagination/cursor.js';
import { recordSetChangeModel, zoneChangeModel, type RecordSetChangeModel, type ZoneChangeModel } from '../parents/models.js';
import type { VinylDnsClient } from '../providers/vinyldns/client.js';
import type { WireZoneChange } from '../providers/vinyldns/wire.js';
import { failedRecordSetChangeSource } from '../sources/failed-record-set-changes.js';
import { failedZoneChangeSource } from '../sources/failed-zone-changes.js';
import { recordSetChangeSource } from '../sources/record-set-changes.js';
import { recordSetHistorySource, type RecordSetHistoryTarget } from '../sources/record-set-history.js';
import { zoneChangeSource } from '../sources/zone-changes.js';
import { forwardConnection, windowedConnection } from './change-connection.js';

export const zoneChangeConnection = (client: VinylDnsClient, codec: CursorCodec, zoneId: string, args: PageArgs): Promise<Connection<ZoneChangeModel>> =>
  forwardConnection(codec, { field: 'Zone.changes', binding: { zoneId } }, zoneChangeSource(client, zoneId), args, zoneChangeModel);

export const recordSetChangeConnection = (
  client: VinylDnsClient,
  codec: CursorCodec,
  zoneId: string,
  args: PageArgs,
): Promise<Connection<RecordSetChangeModel>> =>
  windowedConnection(codec, { field: 'Zone.recordSetChanges', binding: { zoneId } }, recordSetChangeSource(client, zoneId), args, recordSetChangeModel);

export const failedRecordSetChangeConnection = (
  client: VinylDnsClient,
  codec: CursorCodec,
  zoneId: string,
  args: PageArgs,
): Promise<Connection<RecordSetChangeModel>> =>
  windowedConnection(
    codec,
    { field: 'Zone.failedRecordSetChanges', binding: { zoneId } },
    failedRecordSetChangeSource(client, zoneId),
    args,
    recordSetChangeModel,
  );

/** `visible`: whether the caller may see a failed change (VinylDNS lists all zones' to anyone). */
export const failedZoneChangeConnection = (
  client: VinylDnsClient,
  codec: CursorCodec,
  visible: (change: WireZoneChange) => Promise<boolean>,
  args: PageArgs,
): Promise<Connection<ZoneChangeModel>> =>
  windowedConnection(codec, { field: 'Query.failedZoneChanges', binding: {} }, failedZoneChangeSource(client, visible), args, zoneChangeModel);

/** One record set's history, for `Query.recordSetChangeHistory` and `RecordSet.history`. */
export function recordSetHistoryConnection(
  client: VinylDnsClient,
  codec: CursorCodec,
  field: 'Query.recordSetChangeHistory' | 'RecordSet.history',
  target: RecordSetHistoryTarget,
  args: PageArgs,
): Promise<Connection<RecordSetChangeModel>> {
  const { zoneId, fqdn, type } = target;
  return windowedConnection(
    codec,
    { field, binding: { zoneId, fqdn: fqdn.toLowerCase(), type } },
    recordSetHistorySource(client, target),
    args,
    recordSetChangeModel,
  );
}
