// OPENSRS_ACCESS=zone-readers: a mail domain's log, read through the gateway's own OpenSRS
// account, is shown only to callers who can read the VinylDNS zone of the same name with their
// own identity. VinylDNS answers zone-by-name without checking access, so the zone found by name
// is then read by id as the caller (through the request's zone loader). One check per distinct
// domain per request; callers without VinylDNS keys are refused before any OpenSRS call.
import { GatewayError } from '../errors.js';
import type { WireZone } from '../providers/vinyldns/wire.js';

export interface ZoneReads {
  /** The zone of this absolute name, unchecked (VinylDNS's zone-by-name); null when none. Throws UNAUTHENTICATED without keys. */
  byName(name: string): Promise<WireZone | null>;
  /** The zone read by id as the caller; null when gone; FORBIDDEN when refused. */
  byId(id: string): Promise<WireZone | null>;
}

const RULE = 'OpenSRS mail logs are shown only to callers who can read the VinylDNS zone of the same name (OPENSRS_ACCESS=zone-readers)';

export function zoneReadersOnly(zones: ZoneReads): (domain: string) => Promise<void> {
  const checked = new Map<string, Promise<void>>();
  return (domain) => {
    let check = checked.get(domain);
    if (!check) {
      check = readable(zones, domain);
      checked.set(domain, check);
    }
    return check;
  };
}

async function readable(zones: ZoneReads, domain: string): Promise<void> {
  let zone: WireZone | null;
  try {
    const found = await zones.byName(`${domain}.`);
    zone = found && (await zones.byId(found.id));
  } catch (error) {
    if (error instanceof GatewayError && error.code === 'UNAUTHENTICATED') {
      throw new GatewayError('UNAUTHENTICATED', `${RULE}: send your VinylDNS keys (X-VinylDNS-Access-Key, X-VinylDNS-Secret-Key)`, 'OPENSRS');
    }
    if (error instanceof GatewayError && (error.code === 'FORBIDDEN' || error.code === 'NOT_FOUND')) zone = null;
    else throw error; // could not tell (upstream down, budget spent): fail closed, with the real reason
  }
  if (!zone) throw new GatewayError('FORBIDDEN', `${RULE}; you cannot read the zone ${domain}.`, 'OPENSRS');
}
