// Where records end in an export's bytes, so the CLI only ever writes whole records to its file
// (a cut transfer leaves a file that ends with a whole change) and can find the last one again.
// CSV (RFC 4180): a CRLF outside quotes; a quote inside a quoted field is doubled, so counting
// quotes tells inside from outside. NDJSON: a newline (JSON strings escape theirs).
import { isRecord, optionalString } from '../model/guards.js';

export type Format = 'csv' | 'ndjson';

export class RecordSplitter {
  private tail = '';
  private quoted = false;

  constructor(private readonly format: Format) {}

  /** The records that `text` completes, each with its line ending. */
  push(text: string): string[] {
    const records: string[] = [];
    const buffer = this.tail + text;
    let start = 0;
    // Only the new text needs scanning: the tail had no record end (its quote state is kept).
    for (let i = this.tail.length; i < buffer.length; i++) {
      const c = buffer.charCodeAt(i);
      if (this.format === 'csv' && c === 0x22) this.quoted = !this.quoted;
      else if (c === 0x0a && !this.quoted && (this.format === 'ndjson' || buffer.charCodeAt(i - 1) === 0x0d)) {
        records.push(buffer.slice(start, i + 1));
        start = i + 1;
      }
    }
    this.tail = buffer.slice(start);
    return records;
  }

  /** What came after the last whole record (a record cut short). */
  get remainder(): string {
    return this.tail;
  }
}

/** The time of an exported change (RFC 3339), or undefined for a header or an error line. */
export function recordTime(format: Format, record: string): string | undefined {
  if (format === 'csv') {
    // type, id, provider, time: none of them is ever quoted (no comma, quote or line break).
    const time = record.split(',', 4)[3];
    return time && /^\d{4}-/.test(time) ? time : undefined;
  }
  try {
    const parsed: unknown = JSON.parse(record);
    return isRecord(parsed) ? optionalString(parsed.time) : undefined;
  } catch {
    return undefined;
  }
}

/** The feed cursor of an exported change: the last CSV column, or the NDJSON `cursor`. */
export function recordCursor(format: Format, record: string): string | undefined {
  if (format === 'csv') {
    const line = record.replace(/\r\n$/, '');
    const cursor = line.slice(line.lastIndexOf(',') + 1);
    return /^[A-Za-z0-9_-]{20,}$/.test(cursor) ? cursor : undefined;
  }
  try {
    const parsed: unknown = JSON.parse(record);
    return isRecord(parsed) ? optionalString(parsed.cursor) : undefined;
  } catch {
    return undefined;
  }
}

/** The error line that ends a failed NDJSON export, if `record` is one. */
export function recordError(format: Format, record: string): { code?: string; provider?: string; message?: string; after?: string | null } | undefined {
  if (format !== 'ndjson') return undefined;
  try {
    const parsed: unknown = JSON.parse(record);
    if (!isRecord(parsed) || !isRecord(parsed.error)) return undefined;
    const { code, provider, message } = parsed.error;
    const after = parsed.after === null ? null : optionalString(parsed.after);
    return { code: optionalString(code), provider: optionalString(provider), message: optionalString(message), after };
  } catch {
    return undefined;
  }
}
