// One JSON log line per HTTP request, the response's X-Request-Id, and the operation and error
// metrics. The line holds the request id, method, path (never the query string), status,
// duration, each operation's name and outcome, and the error codes: never a header, variable,
// token or upstream body. Probe endpoints (/health, /readiness, /metrics) log at debug level.
import type { Plugin } from 'graphql-yoga';
import type { GatewayLogger } from '../logger.js';
import type { GatewayMetrics, Outcome } from './metrics.js';
import { READINESS_PATH } from './readiness.js';
import { REQUEST_ID_HEADER, requestIdOf } from '../request-id.js';

const PROBE_PATHS = new Set(['/health', READINESS_PATH, '/metrics']);
/** The first named operation of a document, past leading whitespace, commas and comments. */
const FIRST_OPERATION = /^(?:[\s,]|#[^\n\r]*)*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/;

interface RequestRecord {
  start: number;
  /** From the URL yoga parsed on arrival (parsing it again for the log line costs as much). */
  path?: string;
  /** Per operation of the request (several when batched), in order. */
  names: (string | undefined)[];
  operations: { name?: string; outcome: Outcome }[];
  codes: string[];
}

interface ResultLike {
  data?: unknown;
  errors?: readonly { message?: string; extensions?: Record<string, unknown> }[];
}

export function operationNameOf(params: { operationName?: string | null; query?: string | null }): string | undefined {
  const name = params.operationName ?? (typeof params.query === 'string' ? FIRST_OPERATION.exec(params.query)?.[1] : undefined);
  return typeof name === 'string' && name !== '' ? name.slice(0, 100) : undefined;
}

function outcomeOf(result: ResultLike): Outcome {
  if (!result.errors?.length) return 'success';
  if (!('data' in result) || result.data === undefined) return 'rejected';
  return result.data === null ? 'error' : 'partial';
}

function codeOf(error: { message?: string; extensions?: Record<string, unknown> }, executed: boolean): string {
  const code = error.extensions?.code;
  if (typeof code === 'string') return code;
  if (executed) return 'INTERNAL_SERVER_ERROR';
  return error.message?.startsWith('Syntax Error') ? 'GRAPHQL_PARSE_FAILED' : 'GRAPHQL_VALIDATION_FAILED';
}

export function useRequestLog(logger: GatewayLogger, metrics: GatewayMetrics): Plugin {
  const records = new WeakMap<Request, RequestRecord>();
  const recordOf = (request: Request): RequestRecord => {
    let record = records.get(request);
    if (!record) records.set(request, (record = { start: performance.now(), names: [], operations: [], codes: [] }));
    return record;
  };
  return {
    onRequest({ request, url }) {
      recordOf(request).path = url.pathname;
    },
    onParams({ params, request }) {
      recordOf(request).names.push(operationNameOf(params));
    },
    onResultProcess({ request, result }) {
      const record = recordOf(request);
      const results = (Array.isArray(result) ? result : [result]) as unknown[];
      results.forEach((r, i) => {
        if (typeof r !== 'object' || r === null || Symbol.asyncIterator in r) return; // streamed: not used here
        const res = r as ResultLike;
        const outcome = outcomeOf(res);
        // Operations are counted once their parameters were read; earlier failures are errors only.
        if (i < record.names.length) record.operations.push({ name: record.names[i], outcome });
        for (const error of res.errors ?? []) record.codes.push(codeOf(error, outcome === 'error' || outcome === 'partial'));
      });
    },
    onResponse({ request, response }) {
      const record = recordOf(request);
      if (record.codes.length === 0 && response.status === 401) record.codes.push('UNAUTHENTICATED');
      for (const op of record.operations) metrics.observeOperation(op.name, op.outcome);
      for (const code of record.codes) metrics.observeError(code);
      const requestId = requestIdOf(request);
      try {
        response.headers.set(REQUEST_ID_HEADER, requestId);
      } catch {
        // An immutable response (none of ours) keeps its headers.
      }
      const path = record.path ?? new URL(request.url, 'http://localhost').pathname;
      logger.event(PROBE_PATHS.has(path) ? 'debug' : 'info', 'request', {
        requestId,
        method: request.method,
        path: path.slice(0, 200),
        status: response.status,
        durationMs: Math.round((performance.now() - record.start) * 10) / 10,
        operations: record.operations,
        errorCodes: [...new Set(record.codes)],
      });
    },
  };
}
