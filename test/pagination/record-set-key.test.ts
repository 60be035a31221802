// VinylDNS orders record sets by fqdn but resumes by relative name, so after `a-b` it would skip
// `a`. resumeKey restarts from the shortest prefix that could have been skipped.
import { describe, expect, it } from 'vitest';
import { compareRecordSetPositions, resumeKey } from '../../src/connections/record-sets.js';

const pos = (n: string, f: string, t = 1) => ({ n, f, t, i: 'id' });

describe('record set paging keys', () => {
  it('keeps the exact key when no skipped name is possible', () => {
    expect(resumeKey(pos('www', 'www.ok.', 1))).toBe('www<....>1');
  });
  it('restarts from the prefix before a "-", "." or "*"', () => {
    expect(resumeKey(pos('a-b', 'a-b.ok.'))).toBe('a<....>0');
    expect(resumeKey(pos('dotted.a', 'dotted.a.ok.'))).toBe('dotted<....>0');
    expect(resumeKey(pos('ok.', 'ok.'))).toBe('ok<....>0');
  });
  it('restarts from the beginning when the name starts with such a character', () => {
    expect(resumeKey(pos('*', '*.ok.'))).toBeUndefined();
  });
  it('orders like VinylDNS: fqdn case-insensitively, then type code', () => {
    expect(compareRecordSetPositions(pos('a-b', 'a-b.ok.'), pos('a', 'a.ok.'))).toBeLessThan(0);
    expect(compareRecordSetPositions(pos('A', 'A.ok.', 1), pos('a', 'a.ok.', 4))).toBeLessThan(0);
    expect(compareRecordSetPositions(pos('_dmarc', '_dmarc.ok.'), pos('zz', 'zz.ok.'))).toBeGreaterThan(0);
  });
});
