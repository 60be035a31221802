// VinylDNS orders record sets by fqdn but resumes by relative name, so after `a-b` it would skip
// `a`. resumeKey restarts from the shortest prefix that could have been skipped, and never from
// a key that excludes the cursor's own record set (which is then found by id).
import { describe, expect, it } from 'vitest';
import { compareRecordSetPositions, resumeKey } from '../../src/connections/record-sets.js';

const pos = (n: string, f: string, t = 1) => ({ n, f, t, i: 'id' });

describe('record set paging keys', () => {
  it('restarts at the name itself, all types, when no skipped name is possible', () => {
    expect(resumeKey(pos('www', 'www.ok.', 1))).toBe('www<....>0');
  });
  it('restarts from the prefix before punctuation', () => {
    expect(resumeKey(pos('a-b', 'a-b.ok.'))).toBe('a<....>0');
    expect(resumeKey(pos('dotted.a', 'dotted.a.ok.'))).toBe('dotted<....>0');
    expect(resumeKey(pos('ok.', 'ok.'))).toBe('ok<....>0');
    expect(resumeKey(pos('_sip._tcp', '_sip._tcp.ok.'))).toBe('_sip<....>0');
  });
  it('keeps a leading punctuation character (no record is named "")', () => {
    expect(resumeKey(pos('*', '*.ok.'))).toBe('*<....>0');
    expect(resumeKey(pos('_dmarc', '_dmarc.ok.'))).toBe('_dmarc<....>0');
  });
  it('approximates VinylDNS order for vanished anchors: fqdn case-insensitively, then type code', () => {
    expect(compareRecordSetPositions(pos('a-b', 'a-b.ok.'), pos('a', 'a.ok.'))).toBeLessThan(0);
    expect(compareRecordSetPositions(pos('A', 'A.ok.', 1), pos('a', 'a.ok.', 4))).toBeLessThan(0);
  });
});
