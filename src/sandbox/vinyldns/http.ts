// Replies and query-parameter parsing with the server's error conventions (§1): business errors are
// JSON string literals (application/json); parameter, auth, path and 500 errors are text/plain.

export interface Reply {
  status: number;
  contentType: string;
  body: string;
}

export const TEXT = 'text/plain; charset=UTF-8';
export const JSON_TYPE = 'application/json';

export const text = (status: number, body: string): Reply => ({ status, contentType: TEXT, body });
export const json = (status: number, value: unknown): Reply => ({ status, contentType: JSON_TYPE, body: JSON.stringify(value) });
/** A route error: the message as a JSON string literal, e.g. `"Zone with id x does not exists"`. */
export const message = (status: number, msg: string): Reply => json(status, msg);
export const internalError = (): Reply => text(500, 'There was an internal server error.');

/** Thrown while parsing parameters; carries the reply to send. */
export class ReplyError extends Error {
  constructor(readonly reply: Reply) {
    super(reply.body);
  }
}

const INT32 = /^[+-]?\d+$/;
const TRUE = new Set(['true', 'yes', 'on', '1']);
const FALSE = new Set(['false', 'no', 'off', '0']);

/**
 * Query parameters, first occurrence wins (akka's `query.get`). Parsing errors throw ReplyError with
 * akka's default texts. Every int and boolean parameter of the real routes is optional (`.as[T].?`), and
 * akka turns an empty value into "absent" for those (docs/upstreams/vinyldns.md §1, empty values).
 */
export class Params {
  constructor(private readonly values: Map<string, string>) {}

  static fromSearch(search: URLSearchParams): Params {
    const values = new Map<string, string>();
    for (const [k, v] of search) if (!values.has(k)) values.set(k, v);
    return new Params(values);
  }

  has(name: string): boolean {
    return this.values.has(name);
  }

  string(name: string): string | undefined {
    return this.values.get(name);
  }

  int(name: string): number | undefined {
    const raw = this.values.get(name);
    if (raw === undefined || raw === '') return undefined;
    const n = INT32.test(raw) ? Number(raw) : NaN;
    if (!Number.isInteger(n) || n < -2147483648 || n > 2147483647) {
      throw new ReplyError(text(400, `The query parameter '${name}' was malformed:\n'${raw}' is not a valid 32-bit signed integer value`));
    }
    return n;
  }

  bool(name: string): boolean | undefined {
    const raw = this.values.get(name);
    if (raw === undefined || raw === '') return undefined;
    const lower = raw.toLowerCase();
    if (TRUE.has(lower)) return true;
    if (FALSE.has(lower)) return false;
    throw new ReplyError(text(400, `The query parameter '${name}' was malformed:\n'${raw}' is not a valid Boolean value`));
  }
}

export const MAX_ITEMS_LIMIT = 100;

/**
 * The maxItems range check (1..100), which runs before authentication. `style` picks the endpoint's text:
 * 'plain' for list zones / list record sets, 'exclusive' for the change and failure lists.
 */
export function checkMaxItems(maxItems: number, style: 'plain' | 'exclusive'): void {
  if (maxItems >= 1 && maxItems <= MAX_ITEMS_LIMIT) return;
  const range = style === 'plain' ? `between 0 and ${MAX_ITEMS_LIMIT}` : `between 0 exclusive and ${MAX_ITEMS_LIMIT} inclusive`;
  throw new ReplyError(message(400, `maxItems was ${maxItems}, maxItems must be ${range}`));
}

/** The same range check for endpoints with their own limit and text (membership, batch changes). */
export function checkMaxItemsWithin(maxItems: number, limit: number, textFor: (n: number) => string): void {
  if (maxItems >= 1 && maxItems <= limit) return;
  throw new ReplyError(message(400, textFor(maxItems)));
}
