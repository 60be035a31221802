// Domain.exportUrl and Zone.exportUrl: the export endpoint's URL for a domain and the timeline's
// filters, on the host the GraphQL request came to (or a path alone when that is unknown).
import type { ProviderName } from '../errors.js';
import { isRecord } from '../model/guards.js';

/** Where the export endpoint answers. */
export const EXPORT_PATH = '/export/changes';

export interface ExportUrlArgs {
  format: 'CSV' | 'NDJSON';
  providers?: readonly ProviderName[] | null;
  since?: Date | null;
  until?: Date | null;
  actor?: string | null;
}

const seconds = (d: Date) => d.toISOString().replace(/\.000Z$/, 'Z');

/** `context`: the GraphQL context; yoga puts the HTTP request in it. `domain`: without the trailing dot. */
export function exportUrl(context: unknown, domain: string, args: ExportUrlArgs): string {
  const query = new URLSearchParams({ domain, format: args.format.toLowerCase() });
  if (args.providers) query.set('providers', [...new Set(args.providers)].join(','));
  if (args.since) query.set('since', seconds(args.since));
  if (args.until) query.set('until', seconds(args.until));
  if (args.actor != null) query.set('actor', args.actor);
  const path = `${EXPORT_PATH}?${query}`;
  const requestUrl = isRecord(context) && isRecord(context.request) ? context.request.url : undefined;
  return typeof requestUrl === 'string' ? new URL(path, requestUrl).href : path;
}
