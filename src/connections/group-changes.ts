// `Group.activity`: one group's change history through the offset-list core, both directions.
import type { PageArgs } from '../pagination/args.js';
import type { Connection } from '../pagination/connection.js';
import type { CursorCodec } from '../pagination/cursor.js';
import { groupChangeModel, type GroupChangeModel } from '../parents/models.js';
import type { VinylDnsClient } from '../providers/vinyldns/client.js';
import { groupChangeSource } from '../sources/group-changes.js';
import { windowedConnection } from './change-connection.js';

export const groupChangeConnection = (client: VinylDnsClient, codec: CursorCodec, groupId: string, args: PageArgs): Promise<Connection<GroupChangeModel>> =>
  windowedConnection(codec, { field: 'Group.activity', binding: { groupId } }, groupChangeSource(client, groupId), args, groupChangeModel);
