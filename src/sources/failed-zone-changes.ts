// Every zone's failed zone changes: `GET /metrics/health/zonechangesfailure`, offset-paged newest
// first, `nextId` unreliable (one extra item is asked for instead). VinylDNS lists every zone's
// failures to any caller, so the source keeps only the items the caller may see, and counts
// offsets over those: pages stay full and the anchored positions keep their exactly-once
// guarantee. The price: the upstream list has no filter, so reaching offset N reads it from its
// start (one upstream call per 100 items up to the N-th visible one), once per source.
import type { VinylDnsClient } from '../providers/vinyldns/client.js';
import type { WireZoneChange } from '../providers/vinyldns/wire.js';
import { askingOneMore, offsetSource, type OffsetPosition } from './offset-list.js';
import { UPSTREAM_PAGE_LIMIT, type FetchOffsetPage } from './range-reader.js';
import type { WindowedSource } from './source.js';

export const failedZoneChangePages = (client: VinylDnsClient): FetchOffsetPage<WireZoneChange> =>
  askingOneMore(async (startFrom, maxItems) => (await client.listFailedZoneChanges({ startFrom, maxItems })).failedZoneChanges);

/** `visible`: whether the caller may see a change (asked once per item; cache per zone outside). */
export const failedZoneChangeSource = (
  client: VinylDnsClient,
  visible: (change: WireZoneChange) => Promise<boolean>,
): WindowedSource<WireZoneChange, OffsetPosition> => offsetSource(visibleOnly(failedZoneChangePages(client), visible));

/** The items of an offset-paged list that pass `visible`, as an offset-paged list of its own. */
export function visibleOnly<T>(fetchPage: FetchOffsetPage<T>, visible: (item: T) => Promise<boolean>): FetchOffsetPage<T> {
  const kept: T[] = [];
  let scanned = 0;
  let ended = false;
  let queue: Promise<void> = Promise.resolve();
  const fill = async (wanted: number) => {
    while (!ended && kept.length < wanted) {
      const page = await fetchPage(scanned, UPSTREAM_PAGE_LIMIT);
      const verdicts = await Promise.all(page.items.map(visible));
      page.items.forEach((item, k) => verdicts[k] && kept.push(item));
      scanned += page.items.length;
      ended = page.items.length === 0 || page.items.length < UPSTREAM_PAGE_LIMIT || page.more === false;
    }
  };
  return async (offset, limit) => {
    // One more than asked, to say whether more follow; calls run one after another.
    const run = queue.then(() => fill(offset + limit + 1));
    queue = run.catch(() => undefined);
    await run;
    return { items: kept.slice(offset, offset + limit), more: kept.length > offset + limit ? true : ended ? false : undefined };
  };
}
