// The two export formats: how a page of changes becomes bytes, and how each says that the stream
// ended in an error after its first bytes. NDJSON can say it in-band (a last line with the error);
// CSV cannot (a comment line is not CSV), so a CSV export that fails is cut off instead: the
// chunked transfer is aborted after the last complete row (README "Exporting a history").
import { stringify } from 'csv-stringify/sync';
import type { ChangeModel } from '../parents/models.js';
import { CSV_COLUMNS, csvRow, exportRecord } from './rows.js';

export type FormatName = 'csv' | 'ndjson';
export const FORMAT_NAMES: readonly FormatName[] = ['csv', 'ndjson'];

export interface ExportEdge {
  cursor: string;
  node: ChangeModel;
  /** `Change.actor` where it needs a lookup (a zone change's user name); else taken from the node. */
  actor?: string;
}

/** What a client learns when the stream ends in an error. */
export interface StreamError {
  code: string;
  message: string;
  provider?: string;
  /** The cursor to resume from: the last change written (or the request's own `after`). */
  after: string | null;
}

export interface ExportFormat {
  name: FormatName;
  contentType: string;
  /** What opens the file (the CSV header row). */
  head(): string;
  page(edges: readonly ExportEdge[]): string;
  /** The closing line for an error, or undefined when the format aborts the transfer instead. */
  errorLine(error: StreamError): string | undefined;
}

// RFC 4180: CRLF between records, and every field with a comma, quote or line break quoted.
// csv-stringify quotes a bare LF or CR only when told to (its default looks for the delimiter).
const CSV_OPTIONS = { record_delimiter: 'windows', quoted_match: /[\r\n]/ } as const;

const csv: ExportFormat = {
  name: 'csv',
  contentType: 'text/csv; charset=utf-8; header=present',
  head: () => stringify([[...CSV_COLUMNS]], CSV_OPTIONS),
  page: (edges) =>
    edges.length === 0
      ? ''
      : stringify(
          edges.map((e) => csvRow(e.node, e.cursor, e.actor)),
          CSV_OPTIONS,
        ),
  errorLine: () => undefined,
};

const ndjson: ExportFormat = {
  name: 'ndjson',
  contentType: 'application/x-ndjson; charset=utf-8',
  head: () => '',
  page: (edges) => edges.map((e) => `${JSON.stringify(exportRecord(e.node, e.cursor, e.actor))}\n`).join(''),
  errorLine: ({ after, ...error }) => `${JSON.stringify({ error, after })}\n`,
};

export const FORMATS: Record<FormatName, ExportFormat> = { csv, ndjson };
