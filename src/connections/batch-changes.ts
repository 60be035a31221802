// `Query.batchChanges`: DNS change requests through the offset-list core, both directions, the
// filters bound into the cursor (a cursor of one filter set is refused by another).
import type { PageArgs } from '../pagination/args.js';
import type { Connection } from '../pagination/connection.js';
import type { CursorCodec } from '../pagination/cursor.js';
import { batchChangeModel, type BatchChangeModel } from '../parents/models.js';
import type { VinylDnsClient } from '../providers/vinyldns/client.js';
import { batchChangeSource, type BatchChangeFilters } from '../sources/batch-changes.js';
import { windowedConnection } from './change-connection.js';

export const batchChangeConnection = (
  client: VinylDnsClient,
  codec: CursorCodec,
  filters: BatchChangeFilters,
  args: PageArgs,
): Promise<Connection<BatchChangeModel>> =>
  windowedConnection(codec, { field: 'Query.batchChanges', binding: { ...filters } }, batchChangeSource(client, filters), args, batchChangeModel);
