// A long merged history on demand: a fresh VinylDNS zone and OpenSRS mail domain of one name,
// filled with zone changes, record set changes and OpenSRS changes interleaved at random, with
// bursts that share a millisecond (where VinylDNS's own zone change paging repeats items) and
// seconds shared across providers (where the merge's tie order decides). Used by the export tests
// and the export benchmark; deterministic for a seed.
import type { Sandbox } from './index.js';
import { mulberry32 } from './vinyldns/seed/prng.js';

export interface SeededHistory {
  count: number;
  /** Epoch seconds of the oldest and the newest change. */
  first: number;
  last: number;
}

const ACTORS = ['alice', 'bob', 'carol'];

export function seedMergedHistory(sandbox: Pick<Sandbox, 'vinyldns' | 'opensrs'>, domain: string, count: number, seed = 1): SeededHistory {
  const random = mulberry32(seed);
  const vinyl = sandbox.vinyldns.store;
  const zone = vinyl.addZone(`${domain}.`, { createdMs: 1_600_000_000_000 });
  sandbox.opensrs.store.addDomain(domain);
  let ms = 1_700_000_000_000;
  let firstMs: number | undefined;
  let written = 0;
  while (written < count) {
    ms += Math.floor(random() * 1500);
    const pick = random();
    // One change, or now and then a burst of up to 6 at the very same millisecond.
    const burst = random() < 0.08 ? 2 + Math.floor(random() * 5) : 1;
    for (let k = 0; k < burst && written < count; k++, written++) {
      firstMs ??= ms;
      const actor = ACTORS[Math.floor(random() * ACTORS.length)];
      if (pick < 0.35) vinyl.appendZoneChange(zone.id, { createdMs: ms, userId: actor });
      else if (pick < 0.7) vinyl.appendRecordSetChange(zone.id, { createdMs: ms, userId: actor });
      else {
        // Messages with a quote and a comma, or only a line break: CSV must quote both.
        const msg = written % 2 === 0 ? `changed quota [${written}], "note", a\nb` : `changed quota [${written}]\nby ticket`;
        sandbox.opensrs.store.appendChange(domain, { time: Math.floor(ms / 1000), user: actor, msg });
      }
    }
  }
  return { count, first: Math.floor((firstMs ?? ms) / 1000), last: Math.floor(ms / 1000) };
}
