// Fault injection shared by both simulators: the next N matching requests answer with a chosen
// failure instead of the real answer, so error mapping, retries and timeouts can be tested.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Transport-level faults both upstreams can suffer. */
export type TransportFault =
  /** That HTTP status with a short non-JSON body. */
  | { httpStatus: number; body?: string; contentType?: string }
  /** HTTP 200, `application/json`, with a body cut off mid-object. */
  | { malformed: true }
  /** No answer at all until the client gives up (or the simulator closes). */
  | { hang: true }
  /** The connection is reset (TCP RST) without an answer. */
  | { reset: true }
  /** Headers at once, then the body only after this many milliseconds. */
  | { slowBodyMs: number };

export class FaultQueue<F> {
  private readonly pending: Array<{ fault: F; remaining: number; matches: (path: string) => boolean }> = [];

  /** Queues `fault` for the next `times` requests whose path matches, after those already queued. */
  add(fault: F, times = 1, pathPrefix?: string): void {
    if (!Number.isInteger(times) || times < 1) throw new Error(`failNext: times must be an integer >= 1, got ${times}`);
    this.pending.push({ fault, remaining: times, matches: (path) => pathPrefix === undefined || path.startsWith(pathPrefix) });
  }

  /** The fault for this request, if one is queued for it. */
  take(path = ''): F | undefined {
    const index = this.pending.findIndex((p) => p.matches(path));
    if (index === -1) return undefined;
    const head = this.pending[index];
    if (--head.remaining === 0) this.pending.splice(index, 1);
    return head.fault;
  }

  clear(): void {
    this.pending.length = 0;
  }
}

/**
 * Writes a transport fault. Returns the HTTP status written, or 0 when none was (hang, reset).
 * `malformedBody` is the cut-off JSON to send for `{ malformed: true }`.
 */
export function writeTransportFault(req: IncomingMessage, res: ServerResponse, fault: TransportFault, malformedBody: string): number {
  if ('httpStatus' in fault) {
    const body = fault.body ?? `<html><body><h1>${fault.httpStatus}</h1></body></html>`;
    res.writeHead(fault.httpStatus, { 'content-type': fault.contentType ?? 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(body) });
    res.end(body);
    return fault.httpStatus;
  }
  if ('malformed' in fault) {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(malformedBody) });
    res.end(malformedBody);
    return 200;
  }
  if ('slowBodyMs' in fault) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{');
    const timer = setTimeout(() => res.end('}'), fault.slowBodyMs);
    res.on('close', () => clearTimeout(timer));
    return 200;
  }
  if ('reset' in fault) req.socket.resetAndDestroy();
  return 0; // hang: leave the request open; close() or the client's timeout ends it
}
