// `Query.deletedZones`: abandoned zones, forward only (the upstream pages by a zone id key).
import type { PageArgs } from '../pagination/args.js';
import type { Connection } from '../pagination/connection.js';
import type { CursorCodec } from '../pagination/cursor.js';
import { deletedZoneModel, type DeletedZoneModel } from '../parents/models.js';
import type { VinylDnsClient } from '../providers/vinyldns/client.js';
import { deletedZoneSource, type DeletedZoneFilters } from '../sources/deleted-zones.js';
import { forwardConnection } from './change-connection.js';

export const deletedZoneConnection = (
  client: VinylDnsClient,
  codec: CursorCodec,
  filters: DeletedZoneFilters,
  args: PageArgs,
): Promise<Connection<DeletedZoneModel>> =>
  forwardConnection(codec, { field: 'Query.deletedZones', binding: { ...filters } }, deletedZoneSource(client, filters), args, deletedZoneModel);
