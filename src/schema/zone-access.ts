// The gateway's own access checks where VinylDNS checks none (contract §2.5, §7.5): the failure
// lists answer any signed-in user about any zone. A caller sees a zone's failed record set changes
// only when it can read the zone with its own identity, asked the way VinylDNS does check:
// GET /zones/{id} through the request's zone loader (free when the zone was already read in this
// request); and a zone's failed zone changes only when it may list that zone's changes.
import type { GraphQLContext } from '../context.js';
import { GatewayError } from '../errors.js';

/** True when the caller may read the zone; false when VinylDNS refuses it or it is gone. */
export async function canReadZone(ctx: GraphQLContext, zoneId: string): Promise<boolean> {
  try {
    return (await ctx.zones.load(zoneId)) !== null;
  } catch (error) {
    if (error instanceof GatewayError && (error.code === 'FORBIDDEN' || error.code === 'NOT_FOUND')) return false;
    throw error; // could not tell (upstream down, bad keys): fail closed, with the real reason
  }
}

/**
 * True when the caller may list the zone's changes: VinylDNS's own rule for `Zone.changes`
 * (system admin, shared zone or admin-group member; ACL rules do not grant it), the rule for a
 * zone's failed zone changes. The zone as the caller reads it (the request's loader, which
 * `zone { … }` on the same items shares) mostly tells: `accessLevel: Delete` (super user or admin
 * group) or a shared zone. Only for the rest (ACL readers, support users) one cheap list call
 * decides (VinylDnsClient.canListZoneChanges), once per zone per request.
 */
export async function canListZoneChanges(ctx: GraphQLContext, zoneId: string): Promise<boolean> {
  if (!(await canReadZone(ctx, zoneId))) return false; // every caller who may list changes may read the zone
  const zone = await ctx.zones.load(zoneId);
  if (zone && (zone.accessLevel === 'Delete' || zone.shared)) return true;
  return ctx.vinyldns().canListZoneChanges(zoneId);
}
