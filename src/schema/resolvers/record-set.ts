import { recordSetHistoryConnection } from '../../connections/change-lists.js';
import type { RecordDataResolvers, RecordSetResolvers, Resolvers } from '../../generated/resolvers-types.js';
import { encodeId } from '../../model/ids.js';
import { fqdnOf } from '../../model/names.js';
import { RECORD_DATA_TYPENAME, recordText } from '../../parents/record-text.js';
import { ACCESS_LEVELS, RECORD_SET_STATUSES, RECORD_TYPES, toEnum } from '../enums.js';
import { currentZone } from '../lookups.js';
import type { GraphQLContext } from '../../context.js';
import type { RecordSetModel } from '../../parents/models.js';

async function fqdn({ recordSet, zoneName }: RecordSetModel, ctx: GraphQLContext): Promise<string> {
  if (recordSet.fqdn) return recordSet.fqdn;
  return fqdnOf(recordSet.name, zoneName ?? (await currentZone(ctx, recordSet.zoneId)).zone.name);
}

export const RecordSet: RecordSetResolvers = {
  id: ({ recordSet, snapshot }) =>
    encodeId(
      snapshot
        ? { type: 'RecordSetSnapshot', zoneId: recordSet.zoneId, recordSetId: recordSet.id, changeId: snapshot.changeId, which: snapshot.which }
        : { type: 'RecordSet', zoneId: recordSet.zoneId, recordSetId: recordSet.id },
    ),
  recordSetId: ({ recordSet }) => recordSet.id,
  zoneId: ({ recordSet }) => recordSet.zoneId,
  zone: ({ recordSet }, _, ctx) => currentZone(ctx, recordSet.zoneId),
  name: ({ recordSet }) => recordSet.name,
  fqdn: (model, _, ctx) => fqdn(model, ctx),
  type: ({ recordSet }) => toEnum(recordSet.type, RECORD_TYPES),
  ttl: ({ recordSet }) => recordSet.ttl,
  status: ({ recordSet }) => toEnum(recordSet.status, RECORD_SET_STATUSES),
  created: ({ recordSet }) => recordSet.created,
  updated: ({ recordSet }) => recordSet.updated ?? null,
  ownerGroupId: ({ recordSet }) => recordSet.ownerGroupId ?? null,
  ownerGroupName: ({ recordSet }) => recordSet.ownerGroupName ?? null,
  accessLevel: ({ recordSet }) => (recordSet.accessLevel ? toEnum(recordSet.accessLevel, ACCESS_LEVELS) : null),
  records: ({ recordSet }) => recordSet.records.map((data) => ({ type: recordSet.type, data })),
  history: async (model, args, ctx) => {
    const name = await fqdn(model, ctx);
    const { zoneId, type } = model.recordSet;
    return recordSetHistoryConnection(ctx.vinyldns(), ctx.cursors, 'RecordSet.history', { zoneId, fqdn: name, type }, args);
  },
};

export const RecordData: RecordDataResolvers = {
  __resolveType: ({ type }) => RECORD_DATA_TYPENAME[type] ?? 'UnknownRecord',
};

const num =
  (key: string) =>
  ({ data }: { data: Record<string, string | number> }) =>
    Number(data[key]);
const str =
  (key: string) =>
  ({ data }: { data: Record<string, string | number> }) =>
    String(data[key] ?? '');
const text = ({ type, data }: { type: string; data: Record<string, string | number> }) => recordText(type, data);

/** Each record type's typed fields, read from the VinylDNS record data object. */
export const recordDataTypes: Resolvers = {
  ARecord: { text, address: str('address') },
  AAAARecord: { text, address: str('address') },
  CNAMERecord: { text, cname: str('cname') },
  DSRecord: { text, keyTag: num('keytag'), algorithm: num('algorithm'), digestType: num('digesttype'), digest: str('digest') },
  MXRecord: { text, preference: num('preference'), exchange: str('exchange') },
  NAPTRRecord: {
    text,
    order: num('order'),
    preference: num('preference'),
    flags: str('flags'),
    service: str('service'),
    regexp: str('regexp'),
    replacement: str('replacement'),
  },
  NSRecord: { text, nsdname: str('nsdname') },
  PTRRecord: { text, ptrdname: str('ptrdname') },
  SOARecord: {
    text,
    mname: str('mname'),
    rname: str('rname'),
    serial: num('serial'),
    refresh: num('refresh'),
    retry: num('retry'),
    expire: num('expire'),
    minimum: num('minimum'),
  },
  SPFRecord: { text, value: str('text') },
  SRVRecord: { text, priority: num('priority'), weight: num('weight'), port: num('port'), target: str('target') },
  SSHFPRecord: { text, algorithm: num('algorithm'), fingerprintType: num('type'), fingerprint: str('fingerprint') },
  TXTRecord: { text, value: str('text') },
  UnknownRecord: { text },
};
