// What requests signed with the same VinylDNS credentials share: identical GETs in flight (one
// upstream call serves them all), and short-lived caches of current zones and of whether the
// identity may list a zone's changes, which both change rarely.
// Keyed by the credentials, so nothing ever crosses from one caller's identity to another's.
import { createHash } from 'node:crypto';
import type { VinylDnsCredentials } from './sign.js';
import type { WireZone } from './wire.js';

export interface SharedReadsOptions {
  /** How long a zone read stays fresh; 0 disables the cache. Default 5 s. */
  zoneTtlMs?: number;
  /** Share identical GETs in flight between requests. Default true. */
  coalesce?: boolean;
  /** Bounds memory when many identities call (credential forwarding). */
  maxIdentities?: number;
  maxZonesPerIdentity?: number;
  /** The clock the TTL is measured on (epoch ms). Default `Date.now`; tests pass their own. */
  now?: () => number;
}

/** The reads one identity shares between its concurrent requests. */
export class IdentityReads {
  /** Undefined when coalescing across requests is off: each request then keeps its own. */
  readonly inFlight: Map<string, Promise<unknown>> | undefined;
  private readonly zones = new Map<string, { zone: WireZone; expires: number }>();
  private readonly changeLists = new Map<string, { allowed: boolean; expires: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxZones: number,
    coalesce: boolean,
    private readonly now: () => number = Date.now,
  ) {
    this.inFlight = coalesce ? new Map() : undefined;
  }

  zone(id: string): WireZone | undefined {
    const hit = this.zones.get(id);
    if (!hit) return undefined;
    if (hit.expires > this.now()) return hit.zone;
    this.zones.delete(id);
    return undefined;
  }

  /** Whether this identity may list the zone's changes, when known and fresh. */
  changeAccess(zoneId: string): boolean | undefined {
    const hit = this.changeLists.get(zoneId);
    if (!hit) return undefined;
    if (hit.expires > Date.now()) return hit.allowed;
    this.changeLists.delete(zoneId);
    return undefined;
  }

  rememberChangeAccess(zoneId: string, allowed: boolean): void {
    if (this.ttlMs <= 0) return;
    if (this.changeLists.size >= this.maxZones) this.changeLists.delete(this.changeLists.keys().next().value!);
    this.changeLists.set(zoneId, { allowed, expires: Date.now() + this.ttlMs });
  }

  /** Only zones read as they are now (get zone, list zones), never snapshots inside changes. */
  rememberZone(zone: WireZone): void {
    if (this.ttlMs <= 0) return;
    if (this.zones.size >= this.maxZones) this.zones.delete(this.zones.keys().next().value!);
    this.zones.set(zone.id, { zone, expires: this.now() + this.ttlMs });
  }
}

export class SharedReads {
  private readonly identities = new Map<string, IdentityReads>();
  /**
   * Each credentials object's identity key, while the object lives: the gateway's own keys are one
   * object used by every request, whose secret need not be hashed again for each. The keys it was
   * computed from are checked too, should the object ever change; the entry, and with it its
   * reference to the secret, lives no longer than the object that holds the secret anyway.
   */
  private readonly keys = new WeakMap<VinylDnsCredentials, { accessKey: string; secretKey: string; key: string }>();

  constructor(private readonly options: SharedReadsOptions = {}) {}

  for(credentials: VinylDnsCredentials): IdentityReads {
    const key = this.keyOf(credentials);
    let reads = this.identities.get(key);
    if (!reads) {
      if (this.identities.size >= (this.options.maxIdentities ?? 1000)) this.identities.delete(this.identities.keys().next().value!);
      reads = new IdentityReads(this.options.zoneTtlMs ?? 5_000, this.options.maxZonesPerIdentity ?? 10_000, this.options.coalesce ?? true, this.options.now);
      this.identities.set(key, reads);
    }
    return reads;
  }

  private keyOf(credentials: VinylDnsCredentials): string {
    const { accessKey, secretKey } = credentials;
    const known = this.keys.get(credentials);
    if (known && known.accessKey === accessKey && known.secretKey === secretKey) return known.key;
    // The secret is part of the identity (a wrong secret must not reuse a right one's reads), but
    // only as a hash: no map here is keyed by it.
    const key = `${accessKey}\n${createHash('sha256').update(secretKey).digest('base64url')}`;
    this.keys.set(credentials, { accessKey, secretKey, key });
    return key;
  }
}
