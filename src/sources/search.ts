// Finding where `until` falls in an upstream list without reading everything newer: galloping
// then bisecting with upstream-sized windows, so the cost grows with log(position), not position.
import { UPSTREAM_PAGE_LIMIT, type RangeReader } from './range-reader.js';

/**
 * The smallest index at or after `lo` whose item satisfies `pred`, for a predicate that is false
 * then true along the list; the list's length (or `hi`) when none does.
 */
export async function partitionPoint<T>(reader: RangeReader<T>, pred: (item: T) => boolean, lo = 0, hi = Number.POSITIVE_INFINITY): Promise<number> {
  // Gallop to an upper bound: jump twice as far each time over items known to fail.
  let step = UPSTREAM_PAGE_LIMIT;
  let probe = lo;
  // The gallop overshot the end of the list: its end lies between the items known to exist and hi.
  let pastEnd = false;
  let triedEnd = false;
  while (!Number.isFinite(hi)) {
    const window = await reader.slice(probe, probe + UPSTREAM_PAGE_LIMIT);
    if (window.length === 0 || pred(window[0])) {
      hi = probe;
      pastEnd = window.length === 0;
      break;
    }
    const inside = window.findIndex(pred);
    if (inside !== -1) return probe + inside;
    lo = probe + window.length;
    probe = lo + step;
    step *= 2;
  }
  // Bisect [lo, hi): false before lo, true from hi on (or the list ends at hi).
  while (lo < hi) {
    // When the gallop overshot the end of the list, probing where the known items stop finds the
    // end in one read; halving towards it would spend a read per halving past the end.
    // Once: when that probe does not find the end, the end is far, and halving is what finds it.
    const known = reader.existing;
    const probeEnd: boolean = pastEnd && !triedEnd && reader.knownLength === undefined && known > lo && known < hi;
    // What is left fits one upstream page: read it whole rather than halving it read by read.
    const mid = probeEnd ? known : hi - lo <= UPSTREAM_PAGE_LIMIT ? lo : Math.floor((lo + hi) / 2);
    triedEnd ||= probeEnd;
    pastEnd = false;
    const window = await reader.slice(mid, Math.min(hi, mid + UPSTREAM_PAGE_LIMIT));
    if (window.length === 0 || pred(window[0])) {
      hi = mid;
      pastEnd = window.length === 0;
      continue;
    }
    const inside = window.findIndex(pred);
    if (inside !== -1) return mid + inside;
    lo = mid + window.length;
  }
  return lo;
}
