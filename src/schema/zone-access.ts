// The gateway's own access checks where VinylDNS checks none (contract §2.5, §7.5): the failure
// lists answer any signed-in user about any zone. A caller sees a zone's failures only when it
// can read the zone with its own identity, asked the way VinylDNS does check: GET /zones/{id}
// through the request's zone loader (free when the zone was already read in this request).
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
