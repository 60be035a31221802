// Realistic record data per type, in the server's JSON field names (§5.10).
import type { WireRecordData } from '../../../providers/vinyldns/wire.js';
import type { Rng } from './prng.js';

export interface RecordContext {
  rng: Rng;
  zoneName: string;
  /** Relative record name (apex = zone name). */
  name: string;
  /** Epoch ms of the change, for SOA serials. */
  ms: number;
}

const NS_PROVIDERS = ['ns1.dnsprovider.net.', 'ns2.dnsprovider.net.', 'ns3.dnsprovider.net.'];
const TTLS = [300, 600, 1800, 3600, 7200, 38400, 86400];

export function pickTtl(rng: Rng, type: string): number {
  if (type === 'SOA' || type === 'NS') return rng.pick([3600, 86400]);
  return rng.pick(TTLS);
}

function ipv4(rng: Rng): string {
  const net = rng.pick(['192.0.2', '198.51.100', '203.0.113', `10.${rng.int(0, 40)}.${rng.int(0, 255)}`]);
  return `${net}.${rng.int(1, 254)}`;
}

function ipv6(rng: Rng): string {
  const groups = ['2001', 'db8', rng.int(0, 0xffff).toString(16), '0', '0', '0', '0', rng.int(1, 0xffff).toString(16)];
  // Stored as the client sent it: sometimes compressed, sometimes not.
  return rng.chance(0.5) ? groups.join(':') : `2001:db8:${groups[2]}::${groups[7]}`;
}

function host(ctx: RecordContext, label: string): string {
  return `${label}.${ctx.zoneName}`;
}

function count(rng: Rng, max: number): number {
  return rng.chance(0.6) ? 1 : rng.int(2, max);
}

function soaSerial(ms: number): number {
  const d = new Date(ms);
  const ymd = d.getUTCFullYear() * 10000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate();
  return ymd * 100 + (d.getUTCHours() % 100);
}

const TXT_VALUES = [
  'v=DMARC1; p=quarantine; rua=mailto:dmarc-reports@example.com; pct=100',
  'google-site-verification=4ibFUgB5wEPmM2cwJgXb2FQwLBGQcTDaC3nPFlnaA0o',
  'MS=ms84625391',
  'atlassian-domain-verification=Q7u0b9lXrWZ8M5fHk2bq3T6e',
  'v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAx0hk3jM2Wv9L8fPq',
  '"heritage=external-dns,external-dns/owner=k8s-prod"',
  'stripe-verification=2d5f8a1c9e7b4036',
];

/** Record data for one record set of `type`. */
export function recordsFor(type: string, ctx: RecordContext): WireRecordData[] {
  const { rng } = ctx;
  const many = <T extends WireRecordData>(max: number, make: (i: number) => T): T[] => Array.from({ length: count(rng, max) }, (_, i) => make(i));
  switch (type) {
    case 'A':
      return many(3, () => ({ address: ipv4(rng) }));
    case 'AAAA':
      return many(2, () => ({ address: ipv6(rng) }));
    case 'CNAME':
      return [
        {
          cname: rng.chance(0.5)
            ? host(ctx, rng.pick(['www', 'app', 'lb', 'edge']))
            : rng.pick(['d1a2b3c4.cloudfront.net.', 'lb-prod.elb.example-cloud.net.', 'ghs.googlehosted.com.']),
        },
      ];
    case 'DS': {
      const digesttype = rng.pick([1, 2, 2]);
      return [{ keytag: rng.int(0, 65535), algorithm: rng.pick([8, 13, 13]), digesttype, digest: rng.hex(digesttype === 1 ? 40 : 64, true) }];
    }
    case 'MX':
      return many(3, (i) => ({ preference: (i + 1) * 10, exchange: host(ctx, i === 0 ? 'mail' : `mx${i}`) }));
    case 'NS':
      if (ctx.name === ctx.zoneName) return NS_PROVIDERS.slice(0, rng.int(2, 3)).map((nsdname) => ({ nsdname }));
      return [{ nsdname: `ns1.${ctx.name}.${ctx.zoneName}` }, { nsdname: `ns2.${ctx.name}.${ctx.zoneName}` }];
    case 'PTR':
      return [{ ptrdname: `${rng.pick(['host', 'srv', 'gw', 'printer'])}-${rng.int(1, 250)}.example.com.` }];
    case 'SOA':
      return [
        { mname: NS_PROVIDERS[0], rname: `hostmaster.${ctx.zoneName}`, serial: soaSerial(ctx.ms), refresh: 7200, retry: 3600, expire: 1209600, minimum: 300 },
      ];
    case 'SPF':
      return [{ text: rng.pick(['v=spf1 mx include:_spf.google.com ~all', 'v=spf1 ip4:192.0.2.0/24 -all', 'v=spf1 include:mailgun.org ?all']) }];
    case 'SRV':
      return many(2, (i) => ({
        priority: 10 * (i + 1),
        weight: rng.pick([0, 5, 50]),
        port: rng.pick([389, 443, 5060, 5061, 587, 993, 88]),
        target: host(ctx, `srv${i + 1}`),
      }));
    case 'NAPTR':
      return [
        {
          order: 100,
          preference: rng.pick([10, 20]),
          flags: rng.pick(['U', 'S']),
          service: rng.pick(['E2U+sip', 'SIP+D2U', 'SIPS+D2T']),
          regexp: rng.chance(0.5) ? `!^.*$!sip:info@${ctx.zoneName.slice(0, -1)}!` : '',
          replacement: rng.chance(0.5) ? '.' : host(ctx, '_sip._udp'),
        },
      ];
    case 'SSHFP': {
      const fpType = rng.pick([1, 2]);
      return [{ algorithm: rng.pick([1, 3, 4]), type: fpType, fingerprint: rng.hex(fpType === 1 ? 40 : 64) }];
    }
    case 'TXT':
      return many(2, () => ({ text: rng.pick(TXT_VALUES) }));
    default:
      throw new Error(`no record generator for type ${type}`);
  }
}

/** Next SOA data after a sync: same record, serial bumped. */
export function bumpSoa(records: WireRecordData[], rng: Rng): WireRecordData[] {
  return records.map((r) => ({ ...r, serial: Number(r.serial) + rng.int(1, 4) }));
}
