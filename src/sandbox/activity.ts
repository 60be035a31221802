// Sandbox activity: changes keep landing, so live subscriptions have something to show. Each tick
// lands one change in one of the three change lists of a domain (its VinylDNS zone changes, its
// record set changes, its OpenSRS log), in turn; `land` lets tests land any mix at once.
import type { VinylStore } from './vinyldns/store.js';
import type { OpenSrsStore } from './opensrs/store.js';

export type ActivityKind = 'zone' | 'recordSet' | 'mail';

export const ACTIVITY_KINDS: readonly ActivityKind[] = ['zone', 'recordSet', 'mail'];

const MAIL_CHANGES = ['changed spamlevel [High]', 'changed spamlevel [Normal]', 'added alias [sales]', 'changed quota [2048]', 'removed alias [sales]'];

export interface ActivityOptions {
  /** Milliseconds between two changes; 0 turns activity off. */
  everyMs: number;
  /** Whose lists change (a zone `<domain>.` and a mail domain `<domain>` of the sandbox). */
  domain?: string;
}

export interface Activity {
  /** Lands one change of `kind` now; returns its VinylDNS id, or the OpenSRS log position. */
  land(kind: ActivityKind): string;
  stop(): void;
}

export function startActivity(stores: { vinyldns: VinylStore; opensrs: OpenSrsStore }, options: ActivityOptions): Activity {
  const domain = options.domain ?? 'example.com';
  const zone = stores.vinyldns.zoneByName(`${domain}.`);
  if (!zone) throw new Error(`the sandbox has no zone ${domain}.`);
  const zoneId = zone.id;
  stores.opensrs.addDomain(domain);
  let n = 0;
  const land = (kind: ActivityKind): string => {
    n++;
    if (kind === 'zone') return stores.vinyldns.appendZoneChange(zoneId).id;
    if (kind === 'recordSet') return stores.vinyldns.appendRecordSetChange(zoneId).id;
    stores.opensrs.appendChange(domain, { msg: MAIL_CHANGES[n % MAIL_CHANGES.length] });
    return String(stores.opensrs.size(domain) - 1);
  };
  let timer: NodeJS.Timeout | undefined;
  if (options.everyMs > 0) {
    let turn = 0;
    timer = setInterval(() => land(ACTIVITY_KINDS[turn++ % ACTIVITY_KINDS.length]), options.everyMs);
    timer.unref();
  }
  return { land, stop: () => clearInterval(timer) };
}
