// Who a live subscription polls as: the caller's upstream identity (hashed by src/live/) and
// clients of its own. A poller outlives the request that started it, so its clients are made here
// rather than taken from the request's context: nothing per-operation (loaders, caches of one
// request) is kept alive by it, and nothing of one caller's is used for another's.
import type { LiveCaller } from '../live/index.js';
import type { HttpUpstream } from '../providers/http.js';
import { OpenSrsClient, type OpenSrsCredentials } from '../providers/opensrs/client.js';
import { VinylDnsClient } from '../providers/vinyldns/client.js';
import type { SharedReads } from '../providers/vinyldns/shared-reads.js';
import type { VinylDnsCredentials } from '../providers/vinyldns/sign.js';
import { UNMETERED } from '../providers/budget.js';
import { requestCredentials } from './credentials.js';
import { upstreamIdentity } from './identity.js';
import { zoneReadersOnly } from './mail-access.js';
import { openSrsRequestCredentials } from './opensrs-credentials.js';

/** The parts of the context's dependencies a live caller needs. */
export interface LiveSources {
  vinyldns?: { upstream: HttpUpstream; credentials?: VinylDnsCredentials; forward?: boolean; shared?: SharedReads };
  opensrs?: { upstream: HttpUpstream; credentials?: OpenSrsCredentials; forward?: boolean; access?: 'all' | 'zone-readers'; retryDelayMs?: number };
}

export function liveCaller(sources: LiveSources, request: Request | undefined): LiveCaller {
  const { vinyldns, opensrs } = sources;
  const vinyldnsKeys = vinyldns && (() => requestCredentials(vinyldns, request));
  const opensrsCredentials = opensrs && (() => openSrsRequestCredentials(opensrs, request));
  return {
    identity: upstreamIdentity({ vinyldns: vinyldnsKeys, opensrs: opensrsCredentials }),
    upstreams: {
      vinyldns:
        vinyldns &&
        (() => {
          const keys = vinyldnsKeys!();
          // A poller is no GraphQL operation: its pace (the poll interval) bounds its calls, not the budget.
          return new VinylDnsClient(vinyldns.upstream, keys, { budget: UNMETERED, shared: vinyldns.shared?.for(keys) });
        }),
      opensrs:
        opensrs &&
        (() => {
          // With OPENSRS_ACCESS=zone-readers the poller checks, as the caller, that it may read the zone.
          const authorize =
            opensrs.access === 'zone-readers' && !opensrs.forward && vinyldns
              ? (() => {
                  const keys = requestCredentials(vinyldns, request);
                  const client = new VinylDnsClient(vinyldns.upstream, keys, { budget: UNMETERED });
                  return zoneReadersOnly({ byName: (name) => client.getZoneByName(name), byId: (id) => client.getZone(id) });
                })()
              : undefined;
          return new OpenSrsClient(opensrs.upstream, opensrsCredentials!(), { budget: UNMETERED, retryDelayMs: opensrs.retryDelayMs, authorize });
        }),
    },
  };
}
