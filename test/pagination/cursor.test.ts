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
});
