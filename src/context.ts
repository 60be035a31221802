// Per-request state: the upstream clients bound to the caller's credentials and the DataLoaders.
// Built fresh for every request, so no cache or batch is ever shared between two callers.
import DataLoader from 'dataloader';
import { ProviderNotConfiguredError } from './errors.js';
import type { CursorCodec } from './pagination/cursor.js';
import type { HttpUpstream } from './providers/http.js';
import { OpenSrsClient, type OpenSrsCredentials } from './providers/opensrs/client.js';
import { VinylDnsClient } from './providers/vinyldns/client.js';
import type { VinylDnsCredentials } from './providers/vinyldns/sign.js';
import type { WireZone } from './providers/vinyldns/wire.js';
import { domainModel, type DomainModel } from './schema/models.js';

export interface GraphQLContext {
  /** The VinylDNS client; throws PROVIDER_NOT_CONFIGURED when VinylDNS is not configured. */
  vinyldns(): VinylDnsClient;
  /** True when VinylDNS is configured (for fields that are null rather than errors without it). */
  hasVinylDns: boolean;
  cursors: CursorCodec;
  /** Current zones by VinylDNS id; null when the zone does not exist. */
  zones: DataLoader<string, WireZone | null>;
  /** The OpenSRS client; throws PROVIDER_NOT_CONFIGURED when OpenSRS is not configured. */
  opensrs(): OpenSrsClient;
  hasOpenSrs: boolean;
  /** OpenSRS mail domains by (normalised) name; null when OpenSRS does not know the domain. */
  domains: DataLoader<string, DomainModel | null>;
}

export interface ContextDeps {
  cursors: CursorCodec;
  vinyldns?: { upstream: HttpUpstream; credentials: VinylDnsCredentials };
  opensrs?: { upstream: HttpUpstream; credentials: OpenSrsCredentials; retryDelayMs?: number };
}

export function createContext(deps: ContextDeps): GraphQLContext {
  let client: VinylDnsClient | undefined;
  const vinyldns = () => {
    if (!deps.vinyldns) throw new ProviderNotConfiguredError('VINYLDNS', 'VINYLDNS_URL');
    client ??= new VinylDnsClient(deps.vinyldns.upstream, deps.vinyldns.credentials);
    return client;
  };
  const zones = new DataLoader<string, WireZone | null>(
    // VinylDNS has no batch read: one GET per distinct id, in parallel, each failing on its own.
    async (ids) => Promise.all(ids.map((id) => vinyldns().getZone(id).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error)))))),
  );
  let osrs: OpenSrsClient | undefined;
  const opensrs = () => {
    if (!deps.opensrs) throw new ProviderNotConfiguredError('OPENSRS', 'OPENSRS_URL');
    osrs ??= new OpenSrsClient(deps.opensrs.upstream, deps.opensrs.credentials, { retryDelayMs: deps.opensrs.retryDelayMs });
    return osrs;
  };
  // OpenSRS has no "get domain" worth a call of its own: the first change tells whether the
  // domain exists and how many changes it has, which the first newest-first page then reuses.
  const domains = new DataLoader<string, DomainModel | null>(async (names) =>
    Promise.all(
      names.map((name) =>
        opensrs()
          .getDomainChanges(name, { first: 0, limit: 1 })
          .then((page) => (page ? domainModel(name, page.totalCount) : null))
          .catch((error: unknown) => (error instanceof Error ? error : new Error(String(error)))),
      ),
    ),
  );
  return {
    vinyldns,
    hasVinylDns: deps.vinyldns !== undefined,
    cursors: deps.cursors,
    zones,
    opensrs,
    hasOpenSrs: deps.opensrs !== undefined,
    domains,
  };
}
