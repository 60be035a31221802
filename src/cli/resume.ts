// `--resume`: where an export file left off. The file is read through once; what follows its last
// whole change (a record cut short, the error line of a failed NDJSON export) is dropped, and the
// export continues after that change's cursor.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { RecordSplitter, recordCursor, recordError, type Format } from './records.js';

export interface ResumePoint {
  /** Bytes of the file to keep (up to the end of its last whole change, or of its CSV header). */
  keep: number;
  /** The cursor of the last change kept; undefined: start from the beginning. */
  after?: string;
  /** Changes kept. */
  changes: number;
  /** The CSV header row is there already (the resumed response's own is then skipped). */
  hasHeader: boolean;
}

export async function resumePoint(path: string, format: Format): Promise<ResumePoint> {
  const size = await stat(path).then(
    (s) => s.size,
    () => -1,
  );
  if (size <= 0) return { keep: 0, changes: 0, hasHeader: false };
  const splitter = new RecordSplitter(format);
  const point: ResumePoint = { keep: 0, changes: 0, hasHeader: false };
  let offset = 0;
  let first = true;
  for await (const chunk of createReadStream(path, { encoding: 'utf8' })) {
    for (const record of splitter.push(String(chunk))) {
      const end = offset + Buffer.byteLength(record);
      offset = end;
      if (format === 'csv' && first) {
        first = false;
        point.hasHeader = true;
        point.keep = end;
        continue;
      }
      first = false;
      if (recordError(format, record)) break; // the end of a failed export: not a change
      const cursor = recordCursor(format, record);
      if (cursor === undefined) throw new Error(`${path} does not look like a ${format.toUpperCase()} export of changegraph (a record has no cursor)`);
      point.keep = end;
      point.after = cursor;
      point.changes++;
    }
  }
  return point;
}
