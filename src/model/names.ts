// DNS name helpers shared by the resolvers and connections.

/** Absolute name with exactly one trailing dot. */
export const absoluteName = (name: string): string => (name.endsWith('.') ? name : `${name}.`);

/** VinylDNS record names are relative, except apex records, which carry the zone name itself. */
export function fqdnOf(recordName: string, zoneName: string): string {
  const zone = absoluteName(zoneName);
  if (recordName === zone || recordName === '@' || recordName.endsWith('.')) return recordName === '@' ? zone : absoluteName(recordName);
  return `${recordName}.${zone}`;
}

/** Characters VinylDNS filters may hold: it builds SQL from them without escaping. */
export const SAFE_FILTER = /^[A-Za-z0-9._*-]{1,253}$/;
