// Per-request state: the upstream clients bound to the caller's credentials and the DataLoaders.
// Built fresh for every request, so no cache or batch is ever shared between two callers.
import DataLoader from 'dataloader';
import type { GraphQLError } from 'graphql';
import { ProviderNotConfiguredError } from './errors.js';
import type { CursorCodec } from './pagination/cursor.js';
import type { HttpUpstream } from './providers/http.js';
import { OpenSrsClient, type OpenSrsCredentials } from './providers/opensrs/client.js';
import { VinylDnsClient } from './providers/vinyldns/client.js';
import type { SharedReads } from './providers/vinyldns/shared-reads.js';
import type { VinylDnsCredentials } from './providers/vinyldns/sign.js';
import type { WireZone } from './providers/vinyldns/wire.js';
import { DomainLog } from './sources/domain-changes.js';
import { requestCredentials } from './auth/credentials.js';
import { liveCaller } from './auth/live-caller.js';
import type { LiveCaller, LiveChanges } from './live/index.js';

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
  /** The request's view of one mail domain's change log (by normalised name). */
  domainLog(name: string): DomainLog;
  /** Errors to report beside data that is still returned (a provider missing from the feed). */
  partialErrors: GraphQLError[];
  /** Live subscriptions: the service, and this caller's identity and clients for its pollers. */
  live?: { service: LiveChanges; caller(): LiveCaller };
}

export interface ContextDeps {
  cursors: CursorCodec;
  /** `forward`: each request is signed with the caller's keys (its X-VinylDNS-* headers), not `credentials`. */
  vinyldns?: { upstream: HttpUpstream; credentials?: VinylDnsCredentials; forward?: boolean; shared?: SharedReads };
  opensrs?: { upstream: HttpUpstream; credentials: OpenSrsCredentials; retryDelayMs?: number };
  live?: LiveChanges;
}

/** `request`: the HTTP request being answered (forwarded credentials come from its headers). */
export function createContext(deps: ContextDeps, request?: Request): GraphQLContext {
  let client: VinylDnsClient | undefined;
  const vinyldns = () => {
    if (!deps.vinyldns) throw new ProviderNotConfiguredError('VINYLDNS', 'VINYLDNS_URL');
    if (!client) {
      const credentials = requestCredentials(deps.vinyldns, request);
      // Requests of the same identity share in-flight reads and fresh zones; other identities never.
      client = new VinylDnsClient(deps.vinyldns.upstream, credentials, deps.vinyldns.shared?.for(credentials));
    }
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
  // OpenSRS has no "get domain" call: the domain's log, shared by everything in the request that
  // asks about the domain, tells whether it exists with the same read that serves its changes.
  const logs = new Map<string, DomainLog>();
  const domainLog = (name: string) => {
    let log = logs.get(name);
    if (!log) logs.set(name, (log = new DomainLog(opensrs(), name)));
    return log;
  };
  return {
    vinyldns,
    hasVinylDns: deps.vinyldns !== undefined,
    cursors: deps.cursors,
    zones,
    opensrs,
    hasOpenSrs: deps.opensrs !== undefined,
    domainLog,
    partialErrors: [],
    live: deps.live && { service: deps.live, caller: () => liveCaller(deps, request) },
  };
}
