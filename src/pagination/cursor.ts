// Opaque, versioned cursors bound to the connection field and its arguments.
//
// A cursor is base64url( 8-byte MAC || JSON [version, field, position] ). The MAC covers the
// field, the binding arguments (parent id, filters, order) and the position, so a cursor that was
// edited, or minted for another field or other arguments, is refused instead of silently paging
// somewhere else. Cursors are integrity-checked, not encrypted: positions are not secrets.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { BadUserInputError } from '../errors.js';

const VERSION = 1;
const MAC_BYTES = 8;
const MAX_CURSOR_LENGTH = 2048;

export interface CursorScope {
  /** `Type.field`, e.g. `Zone.recordSetChanges`. */
  field: string;
  /** Everything the list depends on besides the position: parent id, filters, order. */
  binding: Record<string, unknown>;
  /** The field to name in errors when several fields share one scope (the feed's three). */
  label?: string;
}

export class CursorCodec {
  /** `field\nbinding\n` per scope object: a page encodes one cursor per edge with one scope. */
  private readonly prefixes = new WeakMap<CursorScope, string>();

  constructor(private readonly secret: string) {}

  encode(scope: CursorScope, position: unknown): string {
    const body = Buffer.from(JSON.stringify([VERSION, scope.field, position]), 'utf8');
    return Buffer.concat([this.mac(scope, body), body]).toString('base64url');
  }

  /** Returns the position, or throws BAD_USER_INPUT naming the argument. */
  decode<P>(scope: CursorScope, cursor: string, argument: 'after' | 'before', isPosition: (p: unknown) => p is P): P {
    const bad = (why: string) =>
      new BadUserInputError(
        `Invalid \`${argument}\` cursor for ${scope.label ?? scope.field}: ${why}. Use a cursor returned by this field with the same arguments.`,
        {
          argument,
        },
      );
    if (cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw bad('it is not a cursor');
    const raw = Buffer.from(cursor, 'base64url');
    if (raw.length <= MAC_BYTES) throw bad('it is not a cursor');
    const mac = raw.subarray(0, MAC_BYTES);
    const body = raw.subarray(MAC_BYTES);
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      throw bad('it is not a cursor');
    }
    if (!Array.isArray(parsed) || parsed.length !== 3) throw bad('it is not a cursor');
    const [version, field, position]: unknown[] = parsed;
    if (version !== VERSION) throw bad(`it has an unsupported version`);
    if (field !== scope.field) throw bad(`it was issued for ${typeof field === 'string' ? field : 'another field'}`);
    if (!timingSafeEqual(mac, this.mac(scope, body))) throw bad('it was altered, or issued for other arguments');
    if (!isPosition(position)) throw bad('it is not a cursor');
    return position;
  }

  private mac(scope: CursorScope, body: Buffer): Buffer {
    let prefix = this.prefixes.get(scope);
    if (prefix === undefined) {
      prefix = `${scope.field}\n${stableJson(scope.binding)}\n`;
      this.prefixes.set(scope, prefix);
    }
    return createHmac('sha256', this.secret).update(prefix).update(body).digest().subarray(0, MAC_BYTES);
  }
}

/** JSON with sorted keys and undefined dropped, so equal bindings give equal bytes. */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const entries = Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
}
