// The response body of an export: a pull stream that reads the next page only when the client has
// taken the previous one (the server writes a chunk, waits for the socket to drain, then asks for
// more), so upstream reads follow the client's pace and memory holds one page at a time.
import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import type { ExportFormat, ExportEdge } from './formats.js';
import type { ExportOutcome } from './metrics.js';
import { clientError, ExportInterrupted } from './pages.js';
import type { Clock } from './pacing.js';

export interface BodyOptions {
  format: ExportFormat;
  /** The first page, read before the response started (so its failure could still be an HTTP error). */
  first: ExportEdge[];
  /** The pages after it. */
  rest: AsyncIterator<ExportEdge[], void>;
  /** The cursor to resume from should the first pull fail (the request's own `after`). */
  after: string | null;
  /** The Node response, to cut the connection (CSV errors, stalled clients); absent outside Node. */
  res?: ServerResponse;
  /** Aborts when the client has gone; the body then stops asking for pages. */
  signal: AbortSignal;
  /** A client that asks for nothing for this long loses the export (its connection is cut). */
  stallTimeoutMs: number;
  clock: Clock;
  onChunk(rows: number, bytes: number): void;
  /** Called once, when the export is over for whatever reason. */
  onEnd(outcome: ExportOutcome, interrupted?: ExportInterrupted): void;
}

/** How long a failed CSV export waits for its last rows to reach the socket before cutting it. */
const FLUSH_WAIT_MS = 5_000;

export function exportBody(o: BodyOptions): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let started = false;
  let over = false;
  let stall: AbortController | undefined;
  const end = (outcome: ExportOutcome, interrupted?: ExportInterrupted) => {
    if (over) return;
    over = true;
    stall?.abort();
    o.onEnd(outcome, interrupted);
  };
  o.signal.addEventListener('abort', () => end('aborted'), { once: true });

  const watchStall = () => {
    const watch = (stall = new AbortController());
    o.clock.sleep(o.stallTimeoutMs, watch.signal).then(
      () => {
        end('aborted');
        o.res?.destroy();
      },
      () => undefined, // the client asked for more in time
    );
  };

  const push = (controller: ReadableStreamDefaultController<Uint8Array>, text: string, rows: number) => {
    const bytes = encoder.encode(text);
    controller.enqueue(bytes);
    o.onChunk(rows, bytes.byteLength);
  };

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        stall?.abort();
        if (over) return controller.close();
        try {
          if (!started) {
            started = true;
            push(controller, o.format.head() + o.format.page(o.first), o.first.length);
          } else {
            const next = await o.rest.next();
            if (o.signal.aborted) return;
            if (next.done) {
              controller.close();
              return end('complete');
            }
            push(controller, o.format.page(next.value), next.value.length);
          }
          watchStall();
        } catch (error) {
          if (o.signal.aborted) return;
          const interrupted = error instanceof ExportInterrupted ? error : new ExportInterrupted(clientError(undefined, error), o.after);
          const { code, message, provider } = interrupted.error;
          const line = o.format.errorLine({ code, message, ...(provider ? { provider } : {}), after: interrupted.after });
          end('failed', interrupted);
          if (line !== undefined) {
            push(controller, line, 0);
            return controller.close();
          }
          // Outside a Node server there is no connection to cut: erroring the stream is the
          // nearest thing (the server adapter then ends the response as it sees fit).
          if (!(await abortTransfer(o.res, o.clock))) return controller.error(interrupted);
          controller.close();
        }
      },
      cancel() {
        end('aborted');
      },
    },
    // Nothing is read ahead: a page is read when the server asks for the next chunk.
    { highWaterMark: 0 },
  );
}

/**
 * Ends the response without the chunked encoding's last chunk, so every HTTP client reports an
 * incomplete transfer; the rows already written go out first, so the body ends with a whole row.
 */
async function abortTransfer(res: ServerResponse | undefined, clock: Clock): Promise<boolean> {
  if (!res) return false;
  const socket = res.socket;
  if (socket && !socket.destroyed && socket.writableLength > 0) {
    const timeout = new AbortController();
    await Promise.race([once(socket, 'drain'), once(socket, 'close'), clock.sleep(FLUSH_WAIT_MS, timeout.signal)]).catch(() => undefined);
    timeout.abort();
  }
  res.destroy();
  return true;
}
