// Per-request state: the upstream clients bound to the caller's credentials and the DataLoaders.
// Built fresh for every request, so no cache or batch is ever shared between two callers.
import DataLoader from 'dataloader';
import type { GraphQLError } from 'graphql';
import { ProviderNotConfiguredError } from './errors.js';
import type { CursorCodec } from './pagination/cursor.js';
import type { HttpUpstream } from './providers/http.js';
import { DEFAULT_BUDGET, operationBudget, type BudgetLimits, type UpstreamBudget } from './providers/budget.js';
import { OpenSrsClient, type OpenSrsCredentials } from './providers/opensrs/client.js';
import type { OpenSrsSharedReads } from './providers/opensrs/shared-reads.js';
import { VinylDnsClient } from './providers/vinyldns/client.js';
import type { SharedReads } from './providers/vinyldns/shared-reads.js';
import type { VinylDnsCredentials } from './providers/vinyldns/sign.js';
import type { WireZone } from './providers/vinyldns/wire.js';
import type { WireUser } from './providers/vinyldns/wire-membership.js';
import type { WireBatchChange } from './providers/vinyldns/wire-batch.js';
import { DomainLog, OpenSrsLog } from './sources/domain-changes.js';
import { requestCredentials } from './auth/credentials.js';
import { zoneReadersOnly } from './auth/mail-access.js';
import { openSrsRequestCredentials } from './auth/opensrs-credentials.js';
import { liveCaller } from './auth/live-caller.js';
import type { LiveCaller, LiveChanges } from './live/index.js';
import type { FeedResult } from './feed/index.js';

export interface GraphQLContext {
  /** The VinylDNS client; throws PROVIDER_NOT_CONFIGURED when VinylDNS is not configured. */
  vinyldns(): VinylDnsClient;
  /** True when VinylDNS is configured (for fields that are null rather than errors without it). */
  hasVinylDns: boolean;
  cursors: CursorCodec;
  /** Current zones by VinylDNS id; null when the zone does not exist. */
  zones: DataLoader<string, WireZone | null>;
  /**
   * VinylDNS users by id (or user name): one GET per distinct key in the request. A user that
   * cannot be read (gone, `system`, a failed call) is null: one unreadable user never fails a change.
   */
  users: DataLoader<string, WireUser | null>;
  /** DNS change requests with their single changes, by id; null when missing (FORBIDDEN is an error). */
  batchChanges: DataLoader<string, WireBatchChange | null>;
  /** The OpenSRS client; throws PROVIDER_NOT_CONFIGURED when OpenSRS is not configured. */
  opensrs(): OpenSrsClient;
  hasOpenSrs: boolean;
  /** The request's view of one mail domain's change log (by normalised name). */
  domainLog(name: string): DomainLog;
  /** The request's view of a mailbox's (`user`) or a company's change log, by normalised name. */
  mailLog(kind: 'user' | 'company', name: string): OpenSrsLog;
  /** Errors to report beside data that is still returned (a provider missing from the feed). */
  partialErrors: GraphQLError[];
  /**
   * Feed pages read in this request, by field, domain and arguments: the same timeline asked for
   * under every node of a list is read once (it would read the same upstream lists each time).
   */
  feedPages: Map<string, Promise<FeedResult>>;
  /**
   * This operation's upstream budget: every call sent to VinylDNS or OpenSRS takes one unit (reads
   * served from memory take none). `budget.remaining()` tells lower layers how many calls are left
   * (also counting the batch's), so an optional scan can stop with what it has instead of failing.
   */
  budget: UpstreamBudget;
  /** Live subscriptions: the service, and this caller's identity and clients for its pollers. */
  live?: { service: LiveChanges; caller(): LiveCaller };
}

export interface ContextDeps {
  cursors: CursorCodec;
  /** `forward`: each request is signed with the caller's keys (its X-VinylDNS-* headers), not `credentials`. */
  vinyldns?: { upstream: HttpUpstream; credentials?: VinylDnsCredentials; forward?: boolean; shared?: SharedReads };
  /**
   * `forward`: each request's OpenSRS calls use the caller's credentials (X-OpenSRS-* headers), not
   * `credentials`. `access` (with the gateway's own account): `zone-readers` shows a mail domain
   * only to callers who can read the VinylDNS zone of the same name; default `all`.
   */
  opensrs?: {
    upstream: HttpUpstream;
    credentials?: OpenSrsCredentials;
    forward?: boolean;
    access?: 'all' | 'zone-readers';
    shared?: OpenSrsSharedReads;
    retryDelayMs?: number;
  };
  /** MAX_UPSTREAM_CALLS and MAX_UPSTREAM_CALLS_PER_BATCH; default 50 and 50. */
  budget?: BudgetLimits;
  live?: LiveChanges;
}

/** `request`: the HTTP request being answered (forwarded credentials come from its headers). */
export function createContext(deps: ContextDeps, request?: Request): GraphQLContext {
  const budget = operationBudget(deps.budget ?? DEFAULT_BUDGET, request);
  let client: VinylDnsClient | undefined;
  const vinyldns = () => {
    if (!deps.vinyldns) throw new ProviderNotConfiguredError('VINYLDNS', 'VINYLDNS_URL');
    if (!client) {
      const credentials = requestCredentials(deps.vinyldns, request);
      // Requests of the same identity share in-flight reads and fresh zones; other identities never.
      client = new VinylDnsClient(deps.vinyldns.upstream, credentials, { budget, shared: deps.vinyldns.shared?.for(credentials) });
    }
    return client;
  };
  const zones = new DataLoader<string, WireZone | null>(
    // VinylDNS has no batch read: one GET per distinct id, in parallel, each failing on its own.
    async (ids) =>
      Promise.all(
        ids.map((id) =>
          vinyldns()
            .getZone(id)
            .catch((error: unknown) => (error instanceof Error ? error : new Error(String(error)))),
        ),
      ),
  );
  const users = new DataLoader<string, WireUser | null>(async (keys) =>
    Promise.all(
      keys.map((key) =>
        vinyldns()
          .getUser(key)
          .catch(() => null),
      ),
    ),
  );
  const batchChanges = new DataLoader<string, WireBatchChange | null>(async (ids) =>
    Promise.all(
      ids.map((id) =>
        vinyldns()
          .getBatchChange(id)
          .catch((error: unknown) => (error instanceof Error ? error : new Error(String(error)))),
      ),
    ),
  );
  let osrs: OpenSrsClient | undefined;
  const opensrs = () => {
    const source = deps.opensrs;
    if (!source) throw new ProviderNotConfiguredError('OPENSRS', 'OPENSRS_URL');
    if (!osrs) {
      const credentials = openSrsRequestCredentials(source, request);
      const authorize =
        !source.forward && source.access === 'zone-readers'
          ? zoneReadersOnly({ byName: (name) => vinyldns().getZoneByName(name), byId: (id) => zones.load(id) })
          : undefined;
      // Requests of the same identity share identical reads in flight; other identities never.
      osrs = new OpenSrsClient(source.upstream, credentials, {
        budget,
        retryDelayMs: source.retryDelayMs,
        inFlight: source.shared?.for(credentials),
        authorize,
      });
    }
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
  const mailLogs = new Map<string, OpenSrsLog>();
  const mailLog = (kind: 'user' | 'company', name: string) => {
    const key = `${kind}\n${name}`;
    let log = mailLogs.get(key);
    if (!log) {
      log =
        kind === 'user'
          ? new OpenSrsLog(name, 'MailUser.changes', (range) => opensrs().getUserChanges(name, range))
          : new OpenSrsLog(name, 'Company.changes', (range) => opensrs().getCompanyChanges(name, range));
      mailLogs.set(key, log);
    }
    return log;
  };
  return {
    vinyldns,
    hasVinylDns: deps.vinyldns !== undefined,
    cursors: deps.cursors,
    zones,
    users,
    batchChanges,
    opensrs,
    hasOpenSrs: deps.opensrs !== undefined,
    domainLog,
    mailLog,
    partialErrors: [],
    feedPages: new Map(),
    budget,
    live: deps.live && { service: deps.live, caller: () => liveCaller(deps, request) },
  };
}
