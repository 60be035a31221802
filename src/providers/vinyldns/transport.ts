// How every VinylDNS read travels: one signed GET, metered against the operation's budget, shared
// with identical GETs in flight, its status mapped to a typed error. The endpoint methods
// (client.ts, audit-client.ts) build on this and never send anything themselves.
import { BadUserInputError, GatewayError, UpstreamError } from '../../errors.js';
import type { CallBudget } from '../budget.js';
import type { HttpUpstream, UpstreamResponse } from '../http.js';
import type { IdentityReads } from './shared-reads.js';
import { signGet, type VinylDnsCredentials } from './sign.js';
import { joinOrStart } from '../in-flight.js';

export type Query = Record<string, string | number | undefined>;

export interface VinylDnsClientOptions {
  /** The upstream budget of the operation this client serves; every GET sent takes from it. */
  budget: CallBudget;
  /** Reads shared with other requests of the same identity; none: this client's own. */
  shared?: IdentityReads;
}

export abstract class VinylDnsTransport {
  /** GETs in flight, by path: identical reads share one upstream call. */
  private readonly inFlight: Map<string, Promise<unknown>>;
  protected readonly shared?: IdentityReads;
  private readonly budget: CallBudget;

  constructor(
    private readonly upstream: HttpUpstream,
    private readonly credentials: VinylDnsCredentials,
    options: VinylDnsClientOptions,
  ) {
    this.shared = options.shared;
    this.budget = options.budget;
    this.inFlight = this.shared?.inFlight ?? new Map();
  }

  /** null when the server answers `nullStatus` (404 unless told otherwise). */
  protected async getOrNull<T>(path: string, query: Query = {}, nullStatus = 404): Promise<T | null> {
    try {
      return await this.get<T>(path, query);
    } catch (error) {
      if (error instanceof UpstreamError && error.status === nullStatus) return null;
      if (error instanceof GatewayError && error.code === 'NOT_FOUND' && nullStatus === 404) return null;
      throw error;
    }
  }

  protected get<T>(path: string, query: Query = {}): Promise<T> {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) if (value !== undefined) search.set(name, String(value));
    const qs = search.toString();
    const target = this.upstream.basePath + path + (qs ? `?${qs}` : '');
    const pending = joinOrStart(this.inFlight, target, this.budget, 'VINYLDNS', () => this.fetchJson(target));
    // The one place a VinylDNS body becomes its wire type: the wire types (wire*.ts) are the
    // upstream's documented contract (docs/upstreams/vinyldns.md), trusted here as a whole rather
    // than re-validated field by field on every read.
    // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion
    return pending as Promise<T>;
  }

  private async fetchJson(target: string): Promise<unknown> {
    const signed = signGet(this.upstream.host, target, this.credentials);
    const res = await this.upstream.send({ method: 'GET', path: signed.path, headers: { ...signed.headers, accept: 'application/json' } }, this.budget);
    if (res.status !== 200) throw statusError(res);
    try {
      return JSON.parse(res.body) as unknown;
    } catch {
      throw new UpstreamError('UPSTREAM_UNAVAILABLE', 'VinylDNS answered with a malformed body', 'VINYLDNS', res.status);
    }
  }
}

/**
 * One path segment, percent-encoded once (the form VinylDNS canonicalises for SigV4). `.` and `..`
 * survive encodeURIComponent and would walk the upstream path (`GET /zones/..`), and an empty
 * segment changes which endpoint is meant: no VinylDNS id or name is any of them.
 */
export function seg(value: string): string {
  if (value === '' || value === '.' || value === '..') {
    throw new BadUserInputError(`${JSON.stringify(value)} is not a valid VinylDNS id or name`);
  }
  return encodeURIComponent(value);
}

function statusError(res: UpstreamResponse): UpstreamError {
  const s = res.status;
  if (s === 401) return new UpstreamError('UNAUTHENTICATED', 'VinylDNS rejected the credentials', 'VINYLDNS', s);
  if (s === 403) return new UpstreamError('FORBIDDEN', 'VinylDNS denied access to this resource', 'VINYLDNS', s);
  if (s === 404) return new UpstreamError('NOT_FOUND', 'VinylDNS has no such resource', 'VINYLDNS', s);
  if (s === 400 || s === 422) return new UpstreamError('BAD_USER_INPUT', 'VinylDNS rejected the request as invalid', 'VINYLDNS', s);
  if (s >= 500) return new UpstreamError('UPSTREAM_UNAVAILABLE', `VinylDNS failed with HTTP ${s}`, 'VINYLDNS', s);
  return new UpstreamError('UPSTREAM_ERROR', `VinylDNS answered with unexpected HTTP ${s}`, 'VINYLDNS', s);
}
