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
import { requestCredentials } from './credentials.js';
import { upstreamIdentity } from './identity.js';

/** The parts of the context's dependencies a live caller needs. */
export interface LiveSources {
  vinyldns?: { upstream: HttpUpstream; credentials?: VinylDnsCredentials; forward?: boolean; shared?: SharedReads };
  opensrs?: { upstream: HttpUpstream; credentials: OpenSrsCredentials; retryDelayMs?: number };
}

export function liveCaller(sources: LiveSources, request: Request | undefined): LiveCaller {
  const { vinyldns, opensrs } = sources;
  const vinyldnsKeys = vinyldns && (() => requestCredentials(vinyldns, request));
  const opensrsCredentials = opensrs && (() => opensrs.credentials);
  return {
    identity: upstreamIdentity({ vinyldns: vinyldnsKeys, opensrs: opensrsCredentials }),
    upstreams: {
      vinyldns:
        vinyldns &&
        (() => {
          const keys = vinyldnsKeys!();
          return new VinylDnsClient(vinyldns.upstream, keys, vinyldns.shared?.for(keys));
        }),
      opensrs: opensrs && (() => new OpenSrsClient(opensrs.upstream, opensrsCredentials!(), { retryDelayMs: opensrs.retryDelayMs })),
    },
  };
}
