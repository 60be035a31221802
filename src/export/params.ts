// The query string of GET /export/changes: the arguments of Query.changes (less `first`) plus
// `format`. Anything unknown, repeated or malformed is BAD_USER_INPUT naming the parameter, so a
// typo (`provider=`) never exports more than was asked for.
import { BadUserInputError, type ProviderName } from '../errors.js';
import { isOneOf } from '../model/guards.js';
import type { FeedArgs } from '../feed/index.js';
import { FORMAT_NAMES, type FormatName } from './formats.js';

export interface ExportParams {
  domain: string;
  format: FormatName;
  /** The feed's arguments; `first` is the export's own page size. */
  feed: Omit<FeedArgs, 'first'>;
}

const KNOWN = ['domain', 'format', 'providers', 'since', 'until', 'actor', 'after'] as const;
const PROVIDERS: readonly ProviderName[] = ['VINYLDNS', 'OPENSRS'];
/** RFC 3339 date-time, as the DateTime scalar takes it. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;
const MAX_LENGTH = 2048;

const bad = (parameter: string, message: string) => new BadUserInputError(message, { argument: parameter });
const shown = (value: string) => JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);

export function parseExportParams(search: URLSearchParams): ExportParams {
  for (const name of new Set(search.keys())) {
    if (!(KNOWN as readonly string[]).includes(name)) throw bad(name, `Unknown parameter ${shown(name)}; the export takes ${KNOWN.join(', ')}`);
    // `providers` may be repeated (providers=VINYLDNS&providers=OPENSRS) or comma-separated.
    if (name !== 'providers' && search.getAll(name).length > 1) throw bad(name, `Parameter "${name}" is given more than once`);
    if (search.getAll(name).some((v) => v.length > MAX_LENGTH)) throw bad(name, `Parameter "${name}" is longer than ${MAX_LENGTH} characters`);
  }
  const domain = search.get('domain');
  if (!domain) throw bad('domain', 'Parameter "domain" is required, e.g. domain=example.com');
  const format = search.get('format');
  const formatName = format?.toLowerCase();
  if (formatName === undefined || !isOneOf(FORMAT_NAMES, formatName)) {
    throw bad('format', `Parameter "format" must be ${FORMAT_NAMES.join(' or ')}, got ${format === null ? 'nothing' : shown(format)}`);
  }
  return {
    domain,
    format: formatName,
    feed: {
      providers: providersOf(search.getAll('providers')),
      since: dateOf('since', search.get('since')),
      until: dateOf('until', search.get('until')),
      actor: search.get('actor'),
      after: search.get('after') || null,
    },
  };
}

function providersOf(values: string[]): ProviderName[] | null {
  if (values.length === 0) return null;
  const names = values.flatMap((v) => v.split(',')).map((v) => v.trim().toUpperCase());
  const providers: ProviderName[] = [];
  for (const name of names) {
    if (!isOneOf(PROVIDERS, name)) throw bad('providers', `Parameter "providers" takes ${PROVIDERS.join(' and/or ')}, got ${shown(name)}`);
    providers.push(name);
  }
  return providers;
}

function dateOf(name: string, value: string | null): Date | null {
  if (value === null) return null;
  const time = DATE_TIME.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time)) throw bad(name, `Parameter "${name}" must be an RFC 3339 date-time such as 2026-01-31T00:00:00Z, got ${shown(value)}`);
  return new Date(time);
}
