// Opaque, versioned cursors bound to the connection field and its arguments.
//
// A cursor is base64url( 8-byte MAC || JSON [version, field, position] ). The MAC covers the
// field, the binding arguments (parent id, filters, order) and the position, so a cursor that was
// edited, or minted for another field or other arguments, is refused instead of silently paging
// somewhere else. Cursors are integrity-checked, not encrypted: positions are not secrets.
import { createHash, hash, timingSafeEqual } from 'node:crypto';
import { BadUserInputError } from '../errors.js';

const VERSION = 1;
const MAC_BYTES = 8;
const MAX_CURSOR_LENGTH = 2048;
/** SHA-256's block size: HMAC pads its key to it. */
const BLOCK = 64;
const DIGEST_BYTES = 32;

export interface CursorScope {
  /** `Type.field`, e.g. `Zone.recordSetChanges`. */
  field: string;
  /** Everything the list depends on besides the position: parent id, filters, order. */
  binding: Record<string, unknown>;
  /** The field to name in errors when several fields share one scope (the feed's three). */
  label?: string;
}

export class CursorCodec {
  /** `inner pad ‖ field\nbinding\n` per scope object: a page encodes one cursor per edge with one scope. */
  private readonly prefixes = new WeakMap<CursorScope, Buffer>();
  /** HMAC's inner pad (the key XOR 0x36). */
  private readonly innerPad: Buffer;
  /** HMAC's outer pad (the key XOR 0x5c), then room for the inner digest: the outer hash's input. */
  private readonly outer: Buffer;

  // The MAC is HMAC-SHA256 (RFC 2104) spelt out as two one-shot hashes over the padded key:
  // the same bytes createHmac gives, so cursors minted either way decode alike, but without
  // createHmac importing the key into a new OpenSSL context for every edge, which cost about
  // as much as everything else the gateway does per edge.
  constructor(secret: string) {
    let key = Buffer.from(secret, 'utf8');
    if (key.length > BLOCK) key = createHash('sha256').update(key).digest();
    this.innerPad = Buffer.alloc(BLOCK, 0x36);
    this.outer = Buffer.alloc(BLOCK + DIGEST_BYTES);
    this.outer.fill(0x5c, 0, BLOCK);
    for (let i = 0; i < key.length; i++) {
      this.innerPad[i] ^= key[i];
      this.outer[i] ^= key[i];
    }
  }

  encode(scope: CursorScope, position: unknown): string {
    const body = JSON.stringify([VERSION, scope.field, position]);
    const prefix = this.prefixOf(scope);
    // One buffer: the MAC's input (prefix ‖ body), whose last MAC_BYTES of prefix then take the
    // MAC, so that the cursor (MAC ‖ body) is its tail.
    const input = Buffer.allocUnsafe(prefix.length + Buffer.byteLength(body, 'utf8'));
    prefix.copy(input, 0);
    input.write(body, prefix.length, 'utf8');
    input.write(this.macOf(input), prefix.length - MAC_BYTES, MAC_BYTES, 'latin1');
    return input.toString('base64url', prefix.length - MAC_BYTES);
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
    const prefix = this.prefixOf(scope);
    return Buffer.from(this.macOf(Buffer.concat([prefix, body], prefix.length + body.length)), 'latin1').subarray(0, MAC_BYTES);
  }

  private prefixOf(scope: CursorScope): Buffer {
    let prefix = this.prefixes.get(scope);
    if (prefix === undefined) {
      prefix = Buffer.concat([this.innerPad, Buffer.from(`${scope.field}\n${stableJson(scope.binding)}\n`, 'utf8')]);
      this.prefixes.set(scope, prefix);
    }
    return prefix;
  }

  /**
   * HMAC-SHA256 of the message in `input` after its first BLOCK bytes, which hold the inner pad;
   * as a binary (latin1) string, one character a byte (a digest as a string costs a fraction of one as a
   * Buffer, which node allocates a whole ArrayBuffer for).
   */
  private macOf(input: Buffer): string {
    this.outer.write(hash('sha256', input, 'binary'), BLOCK, DIGEST_BYTES, 'latin1');
    return hash('sha256', this.outer, 'binary');
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
