// The generated zones: names, owners, access rules, TSIG connections and how busy each one is.
// The plans themselves are in zones-customer.ts and zones-network.ts, their shorthands in zone-plan.ts.
import { OK_ZONE_ID } from './fixtures-ok.js';
import { STH_ZONE_ID } from './fixtures-sth.js';
import { stableUuid, type Rng } from './prng.js';
import type { ZonePlan } from './zone-plan.js';
import { customerZones } from './zones-customer.js';
import { networkZones } from './zones-network.js';

/** Every generated zone's plan. The order matters: the plans draw their TSIG keys from `rng`. */
export function zonePlans(rng: Rng): ZonePlan[] {
  return [...customerZones(rng), ...networkZones(rng)];
}

/** The id of a current sandbox zone by name, e.g. sandboxZoneId('big.example.org.'); stable across seeds. */
export function sandboxZoneId(name: string): string {
  const absolute = name.endsWith('.') ? name : `${name}.`;
  if (absolute === 'ok.') return OK_ZONE_ID;
  if (absolute === 'system-test-history.') return STH_ZONE_ID;
  return stableUuid(`zone:${absolute}`);
}
