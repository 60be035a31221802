// The endpoint of an upstream call as a path template, for metric labels: ids and names become
// placeholders and the query string is dropped, so labels stay few and never carry data.
import type { ProviderName } from '../errors.js';
import { isRecord } from '../model/guards.js';

/** Every fixed path segment of the VinylDNS endpoints the gateway calls (and /ping, /health). */
const VINYLDNS_WORDS = new Set([
  'ping',
  'health',
  'zones',
  'name',
  'changes',
  'recordsets',
  'recordsetchanges',
  'recordsetchange',
  'history',
  'metrics',
  'zonechangesfailure',
  'recordsetchangesfailure',
]);
/** OpenSRS method names are ours (POST /api/<method>), never the caller's. */
const METHOD_NAME = /^[a-z][a-z_]{0,63}$/;

/** `path`: below the configured base URL, e.g. `/zones/1f…/recordsetchanges?startFrom=25`. */
export function endpointTemplate(provider: ProviderName, path: string): string {
  const segments = path.split('?')[0].split('/').slice(1);
  const out = segments.map((segment, i) => {
    const previous = segments[i - 1];
    if (provider === 'OPENSRS') return previous === 'api' && METHOD_NAME.test(segment) ? segment : segment === 'api' ? 'api' : '{segment}';
    if (previous === 'name' && segments[i - 2] === 'zones') return '{name}';
    return VINYLDNS_WORDS.has(segment) ? segment : '{id}';
  });
  return `/${out.join('/')}`;
}

/** Where in a paged upstream list one call reads: VinylDNS `startFrom`/`maxItems`, OpenSRS `range`. */
export interface PagePosition {
  /** VinylDNS `startFrom` (a key or an offset), OpenSRS `range.first`; absent on a list's first page. */
  start?: string;
  /** VinylDNS `maxItems`, OpenSRS `range.limit`. */
  size?: number;
}

/** The page position of a call, from its query string (VinylDNS) or its JSON body (OpenSRS). */
export function pagePosition(provider: ProviderName, path: string, body: string | undefined): PagePosition | undefined {
  if (provider === 'VINYLDNS') {
    const query = path.split('?')[1];
    if (query === undefined) return undefined;
    const params = new URLSearchParams(query);
    const start = params.get('startFrom') ?? undefined;
    const size = params.has('maxItems') ? Number(params.get('maxItems')) : undefined;
    return start === undefined && size === undefined ? undefined : { start, size };
  }
  if (!body) return undefined;
  let range: unknown;
  try {
    // Only `range` is read: the body also holds the credentials, which never leave this function.
    const parsed: unknown = JSON.parse(body);
    range = isRecord(parsed) ? parsed.range : undefined;
  } catch {
    return undefined;
  }
  if (typeof range !== 'object' || range === null) return undefined;
  const first = 'first' in range ? range.first : undefined;
  const limit = 'limit' in range ? range.limit : undefined;
  return { start: typeof first === 'number' ? String(first) : undefined, size: typeof limit === 'number' ? limit : undefined };
}
