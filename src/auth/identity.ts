// Who a request reads upstream as: the forwarded VinylDNS keys (or the gateway's own) and the
// gateway's OpenSRS user. Two requests with the same identity see the same upstream data, so a
// live poller serves them both; the value holds secrets and is only ever hashed (src/live/).
import type { VinylDnsCredentials } from '../providers/vinyldns/sign.js';
import { requestCredentials } from './credentials.js';

interface Sources {
  vinyldns?: { credentials?: VinylDnsCredentials; forward?: boolean };
  opensrs?: { credentials: { user: string } };
}

export function upstreamIdentity(sources: Sources, request: Request | undefined): string {
  const parts: string[] = [];
  if (sources.vinyldns) {
    try {
      const { accessKey, secretKey } = requestCredentials(sources.vinyldns, request);
      parts.push(`vinyldns\n${accessKey}\n${secretKey}`);
    } catch {
      // No usable keys: every such caller gets the same (failing) VinylDNS answers.
      parts.push('vinyldns\n-');
    }
  }
  if (sources.opensrs) parts.push(`opensrs\n${sources.opensrs.credentials.user}`);
  return parts.join('\n');
}
