// Export metrics, in the gateway's own registry (served at /metrics with the others). Labels are
// bounded: the format and an outcome from our own set.
import { Counter, Gauge, type Registry } from 'prom-client';
import type { FormatName } from './formats.js';

/**
 * complete: streamed to the end; failed: ended by an upstream error after the first bytes;
 * refused: answered with an HTTP error before any byte (bad input, limits, provider down at the
 * start); aborted: the client went away (or stopped reading) first.
 */
export type ExportOutcome = 'complete' | 'failed' | 'refused' | 'aborted';

export class ExportMetrics {
  private readonly exports: Counter<'format' | 'outcome'>;
  private readonly rows: Counter<'format'>;
  private readonly bytes: Counter<'format'>;

  constructor(registry: Registry, active: () => number) {
    const registers = [registry];
    this.exports = new Counter({
      name: 'changegraph_exports_total',
      help: 'Exports (GET /export/changes) by format and outcome (complete, failed, refused, aborted)',
      labelNames: ['format', 'outcome'],
      registers,
    });
    this.rows = new Counter({ name: 'changegraph_export_rows_total', help: 'Changes written by exports, by format', labelNames: ['format'], registers });
    this.bytes = new Counter({
      name: 'changegraph_export_bytes_total',
      help: 'Bytes of export bodies handed to clients, by format',
      labelNames: ['format'],
      registers,
    });
    new Gauge({
      name: 'changegraph_exports_active',
      help: 'Exports streaming now',
      registers,
      collect() {
        this.set(active());
      },
    });
  }

  written(format: FormatName, rows: number, bytes: number): void {
    if (rows > 0) this.rows.inc({ format }, rows);
    if (bytes > 0) this.bytes.inc({ format }, bytes);
  }

  ended(format: FormatName | 'unknown', outcome: ExportOutcome): void {
    this.exports.inc({ format, outcome });
  }
}
