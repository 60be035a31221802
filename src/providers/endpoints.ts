// The endpoint of an upstream call as a path template, for metric labels: ids and names become
// placeholders and the query string is dropped, so labels stay few and never carry data.
import type { ProviderName } from '../errors.js';

/** Every fixed path segment of the VinylDNS endpoints the gateway calls (and /ping, /health). */
const VINYLDNS_WORDS = new Set([
  'ping', 'health', 'zones', 'name', 'changes', 'recordsets', 'recordsetchanges', 'recordsetchange', 'history', 'metrics', 'zonechangesfailure', 'recordsetchangesfailure',
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
