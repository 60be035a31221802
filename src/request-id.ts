// The request id: the caller's `X-Request-Id` when it is a safe token, else a new UUID. It is in
// every log line of the request, in the response's `X-Request-Id`, and sent to both upstreams.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';
/** Letters, digits and . _ : - (no spaces, quotes or control characters), at most 128. */
const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

const scope = new AsyncLocalStorage<string>();
const byRequest = new WeakMap<object, string>();

export function acceptRequestId(header: string | string[] | null | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return typeof value === 'string' && SAFE_ID.test(value) ? value : randomUUID();
}

/** The id of the request being handled here, if any (for log lines). */
export const currentRequestId = (): string | undefined => scope.getStore();

/** Runs the handling of one Node request with its id in scope. */
export function withRequestId<T>(req: IncomingMessage, handle: () => T): T {
  return scope.run(acceptRequestId(req.headers[REQUEST_ID_HEADER]), handle);
}

/** The id of a Fetch API request: the one in scope, else one from its header (remembered). */
export function requestIdOf(request: Request): string {
  let id = byRequest.get(request);
  if (id === undefined) {
    id = currentRequestId() ?? acceptRequestId(request.headers.get(REQUEST_ID_HEADER));
    byRequest.set(request, id);
  }
  return id;
}
