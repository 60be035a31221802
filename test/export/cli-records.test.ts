// Where a record ends, wherever the bytes are cut: the CLI writes whole records only and resumes
// from the last whole one, so a cut inside a quoted CSV field (which may hold line breaks, even
// CRLF) must not count as a record end.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RecordSplitter, recordCursor } from '../../src/cli/records.js';
import { resumePoint } from '../../src/cli/resume.js';

const CURSOR_A = 'A'.repeat(30);
const CURSOR_B = 'B'.repeat(30);
const HEADER = 'type,id,provider,time,summary,cursor\r\n';
const ROW_A = `DomainChange,x1,OPENSRS,2026-01-02T00:00:00Z,"two\r\nlines, and ""quotes""",${CURSOR_A}\r\n`;
const ROW_B = `DomainChange,x2,OPENSRS,2026-01-01T00:00:00Z,"a\nb",${CURSOR_B}\r\n`;
const CSV = HEADER + ROW_A + ROW_B;

describe('RecordSplitter', () => {
  it('splits CSV at CRLF outside quotes only, however the text is chunked', () => {
    for (let size = 1; size <= CSV.length; size += 7) {
      const splitter = new RecordSplitter('csv');
      const records: string[] = [];
      for (let i = 0; i < CSV.length; i += size) records.push(...splitter.push(CSV.slice(i, i + size)));
      expect(records).toEqual([HEADER, ROW_A, ROW_B]);
      expect(splitter.remainder).toBe('');
    }
  });

  it('keeps a record cut inside a quoted line break as the remainder', () => {
    const cut = HEADER + ROW_A.slice(0, ROW_A.indexOf('\r\nlines') + 2);
    const splitter = new RecordSplitter('csv');
    expect(splitter.push(cut)).toEqual([HEADER]);
    expect(splitter.remainder).not.toBe('');
  });

  it('splits NDJSON at newlines', () => {
    const splitter = new RecordSplitter('ndjson');
    expect(splitter.push('{"a":"x\\ny"}\n{"b"')).toEqual(['{"a":"x\\ny"}\n']);
    expect(splitter.push(':1}\n')).toEqual(['{"b":1}\n']);
  });

  it('reads the cursor from the last CSV column and the NDJSON field', () => {
    expect(recordCursor('csv', ROW_A)).toBe(CURSOR_A);
    expect(recordCursor('csv', HEADER)).toBeUndefined();
    expect(recordCursor('ndjson', `{"type":"ZoneChange","cursor":"${CURSOR_B}"}\n`)).toBe(CURSOR_B);
  });
});

describe('resumePoint', () => {
  const dir = mkdtempSync(join(tmpdir(), 'changegraph-resume-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const at = async (content: string, format: 'csv' | 'ndjson' = 'csv') => {
    const path = join(dir, `f.${format}`);
    writeFileSync(path, content);
    return resumePoint(path, format);
  };

  it('keeps whole rows and resumes after the last', async () => {
    expect(await at(CSV)).toEqual({ keep: Buffer.byteLength(CSV), after: CURSOR_B, changes: 2, hasHeader: true });
    for (const cut of [ROW_B.length - 1, ROW_B.indexOf('\nb'), 5]) {
      const content = HEADER + ROW_A + ROW_B.slice(0, cut);
      expect(await at(content)).toEqual({ keep: Buffer.byteLength(HEADER + ROW_A), after: CURSOR_A, changes: 1, hasHeader: true });
    }
  });

  it('starts over when not even the header is whole, and after the header when no row is', async () => {
    expect(await at(HEADER.slice(0, 10))).toEqual({ keep: 0, changes: 0, hasHeader: false });
    expect(await at(HEADER + ROW_A.slice(0, 40))).toEqual({ keep: Buffer.byteLength(HEADER), changes: 0, hasHeader: true });
  });

  it('drops the error line that ends a failed NDJSON export', async () => {
    const line = `{"type":"ZoneChange","cursor":"${CURSOR_A}"}\n`;
    const error = `{"error":{"code":"UPSTREAM_UNAVAILABLE","provider":"OPENSRS","message":"x"},"after":"${CURSOR_A}"}\n`;
    expect(await at(line + error, 'ndjson')).toEqual({ keep: Buffer.byteLength(line), after: CURSOR_A, changes: 1, hasHeader: false });
  });
});
