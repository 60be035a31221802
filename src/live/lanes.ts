// The lanes a live key polls: the VinylDNS zone and record set changes of the zone `<domain>.`
// and the OpenSRS log of `<domain>`, as in the merged feed (src/feed/index.ts), with sources made
// fresh for every read (their range readers cache only within one read). The zone is looked up
// once and remembered, so a poll costs one call per lane when nothing is new.
import { BadUserInputError, GatewayError, ProviderNotConfiguredError, type ProviderName } from '../errors.js';
import type { SourceKey } from '../feed/position.js';
import { absoluteName } from '../model/names.js';
import { domainChangeModel, recordSetChangeModel, zoneChangeModel, type ChangeModel } from '../parents/models.js';
import { normaliseMailDomain, type OpenSrsClient } from '../providers/opensrs/client.js';
import type { VinylDnsClient } from '../providers/vinyldns/client.js';
import { DomainLog, domainChangeSource } from '../sources/domain-changes.js';
import { recordSetChangeSource } from '../sources/record-set-changes.js';
import type { NewerRead, NewerSource, ReadStart } from '../sources/source.js';
import { zoneChangeSource } from '../sources/zone-changes.js';
import type { LanePosition, LiveItem, ProviderFailure } from './types.js';

/** The caller's upstream clients; each throws when its provider cannot be used by this caller. */
export interface LiveUpstreams {
  vinyldns?: () => VinylDnsClient;
  opensrs?: () => OpenSrsClient;
}

/** One read's view of a lane. */
export interface LaneReader {
  readNewer(read: NewerRead<LanePosition>): Promise<LiveItem[]>;
  /** Newest first, like ChangeSource.read. */
  read(start: ReadStart<LanePosition>, n: number): Promise<LiveItem[]>;
}

/** A lane of the key, opened for one read (one poll, one catch-up). */
export interface LiveLane {
  key: SourceKey;
  provider: ProviderName;
  open(): Promise<LaneReader>;
}

export const RANK: Record<SourceKey, number> = { zc: 0, rc: 1, dc: 2 };

export const failureOf = (provider: ProviderName, error: unknown): ProviderFailure =>
  error instanceof GatewayError
    ? { provider, code: error.code, message: error.message }
    : { provider, code: 'UPSTREAM_UNAVAILABLE', message: `${provider === 'VINYLDNS' ? 'VinylDNS' : 'OpenSRS'} could not be read` };

function reader<T, P extends LanePosition>(key: SourceKey, source: NewerSource<T, P> | undefined, model: (node: T, position: P) => ChangeModel): LaneReader {
  const items = (list: { node: T; time: number; position: P }[]): LiveItem[] =>
    list.map((it) => ({ key, time: it.time, position: it.position, model: model(it.node, it.position) }));
  if (!source) return { readNewer: () => Promise.resolve([]), read: () => Promise.resolve([]) };
  // Positions come from this lane's own frontier or a cursor checked when it was decoded, so
  // another lane's position here is a bug.
  const own = (p: LanePosition): P => {
    if (!source.isPosition(p)) throw new Error(`the ${key} lane was given a position of another lane`);
    return p;
  };
  const start = (s: ReadStart<LanePosition>): ReadStart<P> => ('after' in s ? { after: own(s.after) } : 'at' in s ? { at: own(s.at) } : s);
  return {
    readNewer: async (read) =>
      items(await source.readNewer({ ...read, than: read.than === null ? null : own(read.than), upTo: read.upTo === undefined ? undefined : own(read.upTo) })),
    read: async (s, n) => items((await source.read(start(s), n)).items),
  };
}

/** What a poller and a catch-up read: the lanes of a key, opened afresh for each read. */
export interface LaneSet {
  /** Providers this caller cannot use at all: reported to subscribers, never polled. */
  readonly unavailable: ProviderFailure[];
  /** The lanes for one read, in the feed's order. */
  session(): LiveLane[];
}

/** The lanes of one (identity, domain, providers) key. */
export class LiveLanes implements LaneSet {
  /** The lanes polled, in the feed's order. */
  readonly keys: { key: SourceKey; provider: ProviderName }[] = [];
  /** Providers this caller cannot use at all (not configured, no keys): reported, never polled. */
  readonly unavailable: ProviderFailure[] = [];
  private readonly vinyldns: VinylDnsClient | undefined;
  private readonly opensrs: OpenSrsClient | undefined;
  /** The mail domain of the OpenSRS lane; undefined when the name is none (it has no log). */
  private readonly mailDomain: string | undefined;
  private zoneId: string | undefined;

  constructor(
    upstreams: LiveUpstreams,
    readonly domain: string,
    providers: readonly ProviderName[] | null,
  ) {
    const wants = (p: ProviderName) => !providers || providers.includes(p);
    if (wants('VINYLDNS')) this.vinyldns = this.usable('VINYLDNS', upstreams.vinyldns, 'VINYLDNS_URL');
    if (wants('OPENSRS')) this.opensrs = this.usable('OPENSRS', upstreams.opensrs, 'OPENSRS_URL');
    if (this.vinyldns) this.keys.push({ key: 'zc', provider: 'VINYLDNS' }, { key: 'rc', provider: 'VINYLDNS' });
    if (this.opensrs) this.keys.push({ key: 'dc', provider: 'OPENSRS' });
    try {
      this.mailDomain = normaliseMailDomain(domain);
    } catch (error) {
      // Not a mail domain name (a reverse zone, a single label): it has no OpenSRS log.
      if (!(error instanceof BadUserInputError)) throw error;
    }
  }

  /** The lanes for one read; the two VinylDNS lanes share one zone lookup. */
  session(): LiveLane[] {
    let lookup: Promise<string | null> | undefined;
    const zoneId = (client: VinylDnsClient) => (lookup ??= this.lookupZone(client));
    return this.keys.map(({ key, provider }): LiveLane => {
      const open = async (): Promise<LaneReader> => {
        if (key === 'dc') {
          const name = this.mailDomain;
          const source = name === undefined ? undefined : domainChangeSource(new DomainLog(this.opensrs!, name));
          return reader('dc', source, (entry, position) => domainChangeModel(name!, position.p, entry));
        }
        const client = this.vinyldns!;
        const id = await zoneId(client).catch((error: unknown) => this.forgetZone(error));
        const lane =
          key === 'zc'
            ? reader('zc', id === null ? undefined : zoneChangeSource(client, id), (c) => zoneChangeModel(c))
            : reader('rc', id === null ? undefined : recordSetChangeSource(client, id), (c) => recordSetChangeModel(c));
        return {
          readNewer: (read) => lane.readNewer(read).catch((e: unknown) => this.forgetZone(e)),
          read: (start, n) => lane.read(start, n).catch((e: unknown) => this.forgetZone(e)),
        };
      };
      return { key, provider, open };
    });
  }

  /** The client, or undefined (with the reason recorded) when this caller cannot use the provider. */
  private usable<C>(provider: ProviderName, clientOf: (() => C) | undefined, variable: string): C | undefined {
    try {
      if (!clientOf) throw new ProviderNotConfiguredError(provider, variable);
      return clientOf();
    } catch (error) {
      if (!(error instanceof GatewayError)) throw error;
      this.unavailable.push(failureOf(provider, error));
      return undefined;
    }
  }

  /**
   * The zone `<domain>.` as the caller may read it: VinylDNS answers zone-by-name without checking
   * access, so the zone is then read by id with the caller's keys (as Query.changes does).
   * Remembered once found; looked up again on each poll while there is none.
   */
  private async lookupZone(client: VinylDnsClient): Promise<string | null> {
    if (this.zoneId !== undefined) return this.zoneId;
    const found = await client.getZoneByName(absoluteName(this.domain));
    const zone = found && (await client.getZone(found.id));
    if (zone) this.zoneId = zone.id;
    return zone?.id ?? null;
  }

  /** A zone that is gone (deleted, or re-created under another id) is looked up again. */
  private forgetZone(error: unknown): never {
    if (error instanceof GatewayError && error.code === 'NOT_FOUND') this.zoneId = undefined;
    throw error;
  }
}
