// The merged change feed of one domain across providers (Query.changes, Zone.timeline,
// Domain.timeline): argument checks, the lanes, the merge, the cursor. The resolver supplies the
// upstreams and reports the failures it gets back beside the data.
import { BadUserInputError, ProviderNotConfiguredError, type ProviderName } from '../errors.js';
import { SAFE_FILTER } from '../model/names.js';
import { forwardArgs } from '../pagination/args.js';
import { connection, type Connection } from '../pagination/connection.js';
import type { CursorCodec, CursorScope } from '../pagination/cursor.js';
import { domainChangeModel, recordSetChangeModel, zoneChangeModel, type ChangeModel } from '../parents/models.js';
import { normaliseMailDomain, type OpenSrsChange } from '../providers/opensrs/client.js';
import type { VinylDnsClient } from '../providers/vinyldns/client.js';
import { domainChangeSource, isDomainChangePosition, type DomainChangePosition, type DomainLog } from '../sources/domain-changes.js';
import { isOffsetPosition } from '../sources/offset-list.js';
import { recordSetChangeSource } from '../sources/record-set-changes.js';
import { deferredSource, emptySource } from '../sources/source.js';
import { isZoneChangePosition, zoneChangeSource } from '../sources/zone-changes.js';
import { readFeed, type AnyLane } from './merge.js';
import { isFeedPosition } from './position.js';
import { failingLane, lane, type ReadRefusal } from './stream.js';
import type { FeedFilters } from './types.js';

export interface FeedArgs {
  first?: number | null;
  after?: string | null;
  providers?: readonly ProviderName[] | null;
  since?: Date | null;
  until?: Date | null;
  actor?: string | null;
}

/** What the feed reads; a provider left out is not configured. */
export interface FeedUpstreams {
  cursors: CursorCodec;
  vinyldns?: {
    client: () => VinylDnsClient;
    /** The id of the zone `<domain>.`, or null when VinylDNS has no such zone (for this caller). */
    zoneId: (domain: string) => Promise<string | null>;
    /**
     * The VinylDNS user id of a user name (or id), null when nobody has it. The `actor` filter
     * matches changes by that id too, since a zone change records only the id.
     */
    userId?: (actor: string) => Promise<string | null>;
  };
  opensrs?: { log: (mailDomain: string) => DomainLog };
  /** Why the request may make no more upstream calls (budget, time limit), once it may not: the page ends early. */
  refusal?: ReadRefusal;
}

export interface FeedResult {
  connection: Connection<ChangeModel>;
  /** The providers whose changes are missing from this page, with why (first failure each). */
  failures: Array<{ provider: ProviderName; error: unknown }>;
  /** True when every provider asked answered that it does not know the domain at all. */
  unknownDomain: boolean;
}

/** Which providers said whether they know the domain, as the lanes find out. */
type Recognition = Map<ProviderName, boolean>;

const seconds = (d: Date | null | undefined) => (d ? Math.floor(d.getTime() / 1000) : undefined);

/** The domain as the feed keys it (lower case, no trailing dot); BAD_USER_INPUT when it is none. */
export function feedDomain(domain: string): string {
  const name = domain.trim().replace(/\.$/, '').toLowerCase();
  if (!SAFE_FILTER.test(name) || name.includes('*')) throw new BadUserInputError(`"${domain}" is not a valid domain name`, { argument: 'domain' });
  return name;
}

export const feedFilters = (args: Omit<FeedArgs, 'first' | 'after'>): FeedFilters => ({
  providers: args.providers ? [...new Set(args.providers)].sort() : null,
  since: seconds(args.since),
  until: seconds(args.until),
  actor: args.actor ?? null,
});

/**
 * One scope for the three feed fields and the live subscription: their cursors are
 * interchangeable for one domain and filter set. `label`: the field named in errors.
 */
export const feedScope = (name: string, filters: FeedFilters, label: string): CursorScope => ({
  field: 'Change.timeline',
  label,
  binding: { domain: name, ...filters },
});

/** `field`: the field the caller asked for, named in errors about its arguments. */
export async function changeFeed(upstreams: FeedUpstreams, field: string, domain: string, args: FeedArgs): Promise<FeedResult> {
  const name = feedDomain(domain);
  const filters = feedFilters(args);
  const scope = feedScope(name, filters, field);
  const { first, after } = forwardArgs(field, args);
  const start = after === undefined ? {} : upstreams.cursors.decode(scope, after, 'after', isFeedPosition);

  const wants = (p: ProviderName) => !filters.providers || filters.providers.includes(p);
  const lanes: AnyLane[] = [];
  const recognition: Recognition = new Map();
  if (wants('VINYLDNS')) lanes.push(...vinylDnsLanes(upstreams, name, recognition));
  if (wants('OPENSRS')) lanes.push(openSrsLane(upstreams, name, recognition));

  // Resolved once per page, outside the cursor binding: the same actor matches the same changes.
  const actorUserId = filters.actor && wants('VINYLDNS') ? await resolveActor(upstreams, filters.actor) : undefined;
  const page = await readFeed(lanes, { ...filters, actorUserId }, start, first, upstreams.refusal);
  const failures: FeedResult['failures'] = [];
  for (const failure of page.failures) if (!failures.some((f) => f.provider === failure.provider)) failures.push(failure);
  const edges = page.edges.map((e) => ({ cursor: upstreams.cursors.encode(scope, e.position), node: e.model }));
  const result = connection(edges, false, page.hasNextPage, after);
  // A page with no edges still says where to go on from (README "Paging"): `first: 0`, or a
  // filter that matched nothing before the budget ran out.
  if (page.resume) result.pageInfo.endCursor = upstreams.cursors.encode(scope, page.resume);
  const asked = (['VINYLDNS', 'OPENSRS'] as const).filter(wants);
  const unknownDomain = edges.length === 0 && failures.length === 0 && asked.every((p) => recognition.get(p) === false);
  return { connection: result, failures, unknownDomain };
}

/** A user that cannot be resolved matches by name only (an OpenSRS user, `system`, a typo). */
async function resolveActor({ vinyldns }: FeedUpstreams, actor: string): Promise<string | undefined> {
  if (!vinyldns?.userId || actor.trim() === '') return undefined;
  return (await vinyldns.userId(actor.trim()).catch(() => null)) ?? undefined;
}

function vinylDnsLanes({ vinyldns }: FeedUpstreams, name: string, recognition: Recognition): AnyLane[] {
  if (!vinyldns) {
    const error = new ProviderNotConfiguredError('VINYLDNS', 'VINYLDNS_URL');
    return [failingLane('zc', 'VINYLDNS', error)];
  }
  // Both sources share one lookup of the zone, made only when a source is first read.
  let lookup: Promise<string | null> | undefined;
  const zoneId = () =>
    (lookup ??= vinyldns.zoneId(name).then((id) => {
      recognition.set('VINYLDNS', id !== null);
      return id;
    }));
  return [
    lane(
      'zc',
      'VINYLDNS',
      deferredSource(isZoneChangePosition, zoneId, (id) => zoneChangeSource(vinyldns.client(), id)),
      zoneChangeModel,
    ),
    lane(
      'rc',
      'VINYLDNS',
      deferredSource(isOffsetPosition, zoneId, (id) => recordSetChangeSource(vinyldns.client(), id)),
      recordSetChangeModel,
    ),
  ];
}

function openSrsLane({ opensrs }: FeedUpstreams, name: string, recognition: Recognition): AnyLane {
  if (!opensrs) return failingLane('dc', 'OPENSRS', new ProviderNotConfiguredError('OPENSRS', 'OPENSRS_URL'));
  let mailDomain: string;
  try {
    mailDomain = normaliseMailDomain(name);
  } catch (error) {
    // Not a mail domain name (a reverse zone, a single label): it has no OpenSRS log.
    if (!(error instanceof BadUserInputError)) throw error;
    recognition.set('OPENSRS', false);
    return lane('dc', 'OPENSRS', emptySource<OpenSrsChange, DomainChangePosition>(isDomainChangePosition), domainChangeModelOf(name));
  }
  const log = opensrs.log(mailDomain);
  const source = domainChangeSource(log);
  return lane(
    'dc',
    'OPENSRS',
    {
      isPosition: source.isPosition,
      async read(start, n) {
        const chunk = await source.read(start, n);
        if (log.missing || log.total !== undefined) recognition.set('OPENSRS', !log.missing);
        return chunk;
      },
    },
    domainChangeModelOf(mailDomain),
  );
}

const domainChangeModelOf = (domain: string) => (entry: OpenSrsChange, position: DomainChangePosition) => domainChangeModel(domain, position.p, entry);
