// One poll of a key: each lane read from its frontier to its head, in parallel. A lane that
// fails keeps its frontier, so the next poll that reaches it delivers what it missed.
import { GatewayError, type ProviderName } from '../errors.js';
import { TooFarBehindError } from '../sources/newer.js';
import { oldestFirst } from './edges.js';
import type { LiveLane } from './lanes.js';
import type { LiveFrontier, LiveItem } from './types.js';

export interface PollOutcome {
  /** New changes, oldest first. */
  items: LiveItem[];
  /** The frontier before the new changes, with the lanes that answered for the first time at their heads. */
  base: LiveFrontier;
  /** Providers a lane of which failed, with the first error each. */
  failures: Map<ProviderName, unknown>;
}

/**
 * `since` (epoch seconds): where a lane starts that has no frontier yet; undefined on the very
 * first poll, which starts every lane at its newest change.
 */
export async function pollLanes(lanes: LiveLane[], frontier: LiveFrontier, since: number | undefined, limit: number): Promise<PollOutcome> {
  const next: LiveFrontier = { ...frontier };
  const failures = new Map<ProviderName, unknown>();
  const read = await Promise.all(
    lanes.map(async (lane): Promise<LiveItem[]> => {
      try {
        const reader = await lane.open();
        const than = frontier[lane.key];
        if (than === undefined) {
          // No frontier yet: on the first poll the lane starts at its head; a lane that answers
          // only later starts before the second polling began, so nothing since then is lost.
          const [head] = await reader.read(since === undefined ? {} : { until: since - 1 }, 1);
          (next as Record<string, unknown>)[lane.key] = head?.position ?? null;
          return [];
        }
        let items: LiveItem[];
        try {
          items = await reader.readNewer({ than, limit });
        } catch (error) {
          if (!(error instanceof TooFarBehindError)) throw error;
          // More landed between two polls than a poll may hold (an outage of the gateway's
          // reads, a bulk import): skip to the head and say so, rather than stall for ever.
          const [head] = await reader.read({}, 1);
          (next as Record<string, unknown>)[lane.key] = head?.position ?? null;
          failures.set(
            lane.provider,
            new GatewayError(
              'UPSTREAM_ERROR',
              `More than ${limit} changes landed between two polls; live events skip them (page them with Query.changes)`,
              lane.provider,
              { reason: 'TOO_MANY_CHANGES' },
            ),
          );
          return [];
        }
        return items;
      } catch (error) {
        if (!failures.has(lane.provider)) failures.set(lane.provider, error);
        return [];
      }
    }),
  );
  return { items: oldestFirst(read), base: next, failures };
}
