// Validation of Relay paging arguments, shared by every connection.
import { BadUserInputError } from '../errors.js';

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface ForwardArgs {
  first: number;
  after?: string;
}

export interface BidirectionalArgs {
  first?: number;
  after?: string;
  last?: number;
  before?: string;
}

function checkSize(name: 'first' | 'last', value: number | null | undefined): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 0 || value > MAX_PAGE_SIZE) {
    throw new BadUserInputError(`\`${name}\` must be between 0 and ${MAX_PAGE_SIZE}, got ${value}`, { argument: name });
  }
  return value;
}

const cursorArg = (value: string | null | undefined) => (value === null || value === undefined ? undefined : value);

/** For key-paged lists (zones, zone changes, record sets): VinylDNS can only page forward. */
export function forwardArgs(field: string, args: PageArgs): ForwardArgs {
  if ((args.last ?? null) !== null || (args.before ?? null) !== null) {
    throw new BadUserInputError(`${field} pages forward only (VinylDNS pages it by key): use \`first\` and \`after\`, not \`last\` or \`before\``, {
      argument: args.last != null ? 'last' : 'before',
    });
  }
  return { first: checkSize('first', args.first) ?? DEFAULT_PAGE_SIZE, after: cursorArg(args.after) };
}

/** For offset-paged lists: full Relay arguments; `first` defaults to 25 when neither size is given. */
export function bidirectionalArgs(args: PageArgs): BidirectionalArgs {
  const first = checkSize('first', args.first);
  const last = checkSize('last', args.last);
  return {
    first: first === undefined && last === undefined ? DEFAULT_PAGE_SIZE : first,
    last,
    after: cursorArg(args.after),
    before: cursorArg(args.before),
  };
}
