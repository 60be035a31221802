// Zone-file presentation of one record (RFC 1035 master-file syntax), per record type.
import type { WireRecordData } from '../providers/vinyldns/wire.js';

/** A character-string: quoted, with `"` and `\` escaped. */
const quote = (s: string) => `"${s.replace(/["\\]/g, (c) => `\\${c}`)}"`;

/** TXT/SPF values longer than 255 characters are written as several strings. */
function quoteChunks(value: string): string {
  if (value.length <= 255) return quote(value);
  const parts: string[] = [];
  for (let i = 0; i < value.length; i += 255) parts.push(quote(value.slice(i, i + 255)));
  return parts.join(' ');
}

const str = (data: WireRecordData, key: string) => String(data[key] ?? '');

export function recordText(type: string, data: WireRecordData): string {
  switch (type) {
    case 'A':
    case 'AAAA':
      return str(data, 'address');
    case 'CNAME':
      return str(data, 'cname');
    case 'DS':
      return `${str(data, 'keytag')} ${str(data, 'algorithm')} ${str(data, 'digesttype')} ${str(data, 'digest')}`;
    case 'MX':
      return `${str(data, 'preference')} ${str(data, 'exchange')}`;
    case 'NAPTR':
      return [
        str(data, 'order'),
        str(data, 'preference'),
        quote(str(data, 'flags')),
        quote(str(data, 'service')),
        quote(str(data, 'regexp')),
        str(data, 'replacement'),
      ].join(' ');
    case 'NS':
      return str(data, 'nsdname');
    case 'PTR':
      return str(data, 'ptrdname');
    case 'SOA':
      return ['mname', 'rname', 'serial', 'refresh', 'retry', 'expire', 'minimum'].map((k) => str(data, k)).join(' ');
    case 'SPF':
    case 'TXT':
      return quoteChunks(str(data, 'text'));
    case 'SRV':
      return `${str(data, 'priority')} ${str(data, 'weight')} ${str(data, 'port')} ${str(data, 'target')}`;
    case 'SSHFP':
      return `${str(data, 'algorithm')} ${str(data, 'type')} ${str(data, 'fingerprint')}`;
    default:
      return JSON.stringify(data);
  }
}

/** The GraphQL type implementing RecordData for a VinylDNS record type. */
/** The GraphQL type of each record type's data; any other record type is an `UnknownRecord`. */
export type RecordDataTypename =
  | 'ARecord'
  | 'AAAARecord'
  | 'CNAMERecord'
  | 'DSRecord'
  | 'MXRecord'
  | 'NAPTRRecord'
  | 'NSRecord'
  | 'PTRRecord'
  | 'SOARecord'
  | 'SPFRecord'
  | 'SRVRecord'
  | 'SSHFPRecord'
  | 'TXTRecord'
  | 'UnknownRecord';

export const RECORD_DATA_TYPENAME: Partial<Record<string, RecordDataTypename>> = {
  A: 'ARecord',
  AAAA: 'AAAARecord',
  CNAME: 'CNAMERecord',
  DS: 'DSRecord',
  MX: 'MXRecord',
  NAPTR: 'NAPTRRecord',
  NS: 'NSRecord',
  PTR: 'PTRRecord',
  SOA: 'SOARecord',
  SPF: 'SPFRecord',
  SRV: 'SRVRecord',
  SSHFP: 'SSHFPRecord',
  TXT: 'TXTRecord',
};
