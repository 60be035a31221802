// What a generated zone's plan holds, and the shorthands the plans are written in
// (zones-customer.ts, zones-network.ts).
import type { WireAclRule, WireZoneConnection } from '../../../providers/vinyldns/wire.js';
import { timestampMs as at } from '../time.js';
import { stableUuid, type Rng } from './prng.js';
import type { CoreRecord, RecordHistorySpec } from './rsgen.js';
import type { GeneratedZoneSpec } from './zonegen.js';

/** Generated histories end here (fixed, so the data never depends on the clock). */
export const SEED_END_MS = at('2026-03-31T12:00:00Z');

export interface ZonePlan {
  zone: GeneratedZoneSpec;
  records: Omit<RecordHistorySpec, 'userFrom' | 'userTo'>;
}

/** The `i`-th zone's spec: its id follows from its name, and each zone's history ends a little earlier than the one before. */
export const planZone = (name: string, created: string, o: Omit<GeneratedZoneSpec, 'id' | 'name' | 'createdMs' | 'endMs'>, i: number): GeneratedZoneSpec => ({
  id: stableUuid(`zone:${name}`),
  name,
  createdMs: at(created),
  endMs: SEED_END_MS - i * 13_370_000,
  ...o,
});

const pad = (n: number, width: number) => String(n).padStart(width, '0');
/** Numbered names, e.g. range('host-', 1, 3, 2) = host-01, host-02, host-03. */
export const range = (prefix: string, from: number, to: number, width: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${pad(from + i, width)}`);
/** Every name with every type. */
export const cross = (names: string[], types: string[]): Array<[string, string]> => names.flatMap((n) => types.map((t): [string, string] => [n, t]));

/** The zone apex: SOA and NS come from syncing the zone, the other types from changes. */
export function apex(name: string, types: string[], viaSync = ['SOA', 'NS']): CoreRecord[] {
  return [...viaSync.map((type) => ({ name, type, viaSync: true })), ...types.map((type) => ({ name, type }))];
}
export const core = (pairs: Array<[string, string]>): CoreRecord[] => pairs.map(([name, type]) => ({ name, type }));

/** A TSIG connection whose key is obfuscated, as VinylDNS stores it with its default crypto. */
export function obfConnection(rng: Rng, zone: string, keyName: string, primaryServer: string, algorithm: string): WireZoneConnection {
  return { name: zone, keyName, key: `OBF:1:${rng.base64(90)}`, primaryServer, algorithm };
}

export function rule(
  accessLevel: string,
  description: string,
  who: { userId?: string; groupId?: string },
  recordTypes: string[] = [],
  recordMask?: string,
): WireAclRule {
  return { accessLevel, description, ...who, ...(recordMask === undefined ? {} : { recordMask }), recordTypes };
}
