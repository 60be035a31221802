import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CursorCodec } from '../../src/pagination/cursor.js';
import { GatewayError } from '../../src/errors.js';

const codec = new CursorCodec('test-secret');
const scope = { field: 'Zone.recordSetChanges', binding: { zoneId: 'z1' } };
const isPos = (p: unknown): p is { o: number } => typeof (p as { o?: unknown })?.o === 'number';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof GatewayError ? `${e.code}: ${e.message}` : 'other';
  }
  return undefined;
}

describe('CursorCodec', () => {
  it('round-trips a position as opaque base64url', () => {
    const cursor = codec.encode(scope, { o: 12 });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursor).not.toContain('12');
    expect(codec.decode(scope, cursor, 'after', isPos)).toEqual({ o: 12 });
  });

  it('refuses a cursor minted for another field, naming that field', () => {
    const other = codec.encode({ field: 'Zone.failedRecordSetChanges', binding: { zoneId: 'z1' } }, { o: 1 });
    expect(codeOf(() => codec.decode(scope, other, 'after', isPos))).toMatch(/^BAD_USER_INPUT: .*issued for Zone.failedRecordSetChanges/);
  });

  it('refuses a cursor minted for other arguments', () => {
    const other = codec.encode({ field: scope.field, binding: { zoneId: 'z2' } }, { o: 1 });
    expect(codeOf(() => codec.decode(scope, other, 'after', isPos))).toMatch(/^BAD_USER_INPUT: .*other arguments/);
  });

  it('refuses an edited cursor', () => {
    const raw = Buffer.from(codec.encode(scope, { o: 1 }), 'base64url');
    const edited = Buffer.from(raw.toString('latin1').replace('"o":1', '"o":9'), 'latin1').toString('base64url');
    expect(codeOf(() => codec.decode(scope, edited, 'after', isPos))).toMatch(/^BAD_USER_INPUT/);
  });

  it('refuses garbage, empty and oversized cursors with BAD_USER_INPUT naming the argument', () => {
    for (const bad of ['', 'x', '!!!', 'AAAAAAAAAAAAAAAA', 'a'.repeat(5000), Buffer.from('[1,"Zone.recordSetChanges",{"o":1}]').toString('base64url')]) {
      expect(codeOf(() => codec.decode(scope, bad, 'before', isPos))).toMatch(/^BAD_USER_INPUT: Invalid `before` cursor/);
    }
  });

  it('refuses a cursor signed with another secret', () => {
    const foreign = new CursorCodec('other-secret').encode(scope, { o: 1 });
    expect(codeOf(() => codec.decode(scope, foreign, 'after', isPos))).toMatch(/^BAD_USER_INPUT/);
  });

  it('signs with HMAC-SHA256 over field, binding and body, so cursors minted by earlier versions still decode', () => {
    // The format as first minted: createHmac(secret) over `field\nbinding\n` then the JSON body, first 8 bytes.
    const minted = (secret: string, position: unknown) => {
      const body = Buffer.from(JSON.stringify([1, scope.field, position]), 'utf8');
      const mac = createHmac('sha256', secret).update(`${scope.field}\n{"zoneId":"z1"}\n`).update(body).digest().subarray(0, 8);
      return Buffer.concat([mac, body]).toString('base64url');
    };
    for (const secret of ['test-secret', 'a secret longer than the 64 bytes of a SHA-256 block, which HMAC hashes first', 'é→ü']) {
      const own = new CursorCodec(secret);
      for (const position of [{ o: 0 }, { o: 7, i: 'c-→', t: 1774845134, y: null }]) {
        expect(own.encode(scope, position)).toBe(minted(secret, position));
        expect(own.decode(scope, minted(secret, position), 'after', isPos)).toEqual(position);
      }
    }
  });
});
