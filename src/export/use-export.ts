// GET /export/changes: a domain's merged timeline (Query.changes) as one CSV or NDJSON download,
// streamed newest first as it is read. It runs inside yoga, after the gateway's own request
// plugins (authentication, request log, CORS), so it is guarded, logged and identified like
// /graphql; its upstream calls go through the same clients, built from the request the way a
// GraphQL request builds them (credentials, access checks), but paced by the export limits.
import { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'graphql-yoga';
import type { Registry } from 'prom-client';
import { GatewayError } from '../errors.js';
import { changeFeed, type FeedUpstreams } from '../feed/index.js';
import type { GatewayLogger } from '../logger.js';
import { isRecord } from '../model/guards.js';
import { requestIdOf } from '../request-id.js';
import { exportBody } from './body.js';
import type { ExportConfig } from './config.js';
import { FORMATS, type ExportEdge } from './formats.js';
import { identityOf } from './identity.js';
import { ExportMetrics, type ExportOutcome } from './metrics.js';
import { ExportPacing, systemClock, type Clock } from './pacing.js';
import { ExportInterrupted, feedPages, type ReadPage } from './pages.js';
import { parseExportParams, type ExportParams } from './params.js';
import { EXPORT_PATH } from './url.js';

export { EXPORT_PATH };

/** How errors name the endpoint (`Invalid \`after\` cursor for GET /export/changes: …`). */
const FIELD = `GET ${EXPORT_PATH}`;
/** Seconds a refused client is told to wait (Retry-After) when the export limits are reached. */
const RETRY_AFTER_S = 10;

export interface UseExportOptions {
  config: ExportConfig;
  /**
   * The feed's upstreams for one page of an export, built from the request as a GraphQL request
   * builds them (the caller's credentials and access checks), with every upstream call first
   * waiting for `pace`. Called once per page, so no per-request cache outlives a page.
   */
  upstreams(request: Request, pace: () => Promise<void>): FeedUpstreams;
  /** The gateway's metrics registry (served at /metrics). */
  registry: Registry;
  logger: GatewayLogger;
  /** Default: the system clock. */
  clock?: Clock;
}

/** Why an export was answered with an HTTP error instead of a body. */
interface Refusal {
  code: string;
  message: string;
  /** Default: the code's (STATUS). */
  status?: number;
  provider?: string;
  details?: Record<string, unknown>;
}

const refusalOf = (error: GatewayError): Refusal => ({ code: error.code, message: error.message, provider: error.provider, details: error.details });

/** The Node request and response yoga's Node adapter puts on the server context (none under plain fetch). */
const nodeOf = (context: unknown): { req?: IncomingMessage; res?: ServerResponse } =>
  isRecord(context)
    ? { req: context.req instanceof IncomingMessage ? context.req : undefined, res: context.res instanceof ServerResponse ? context.res : undefined }
    : {};

type Fetch = Pick<typeof globalThis, 'Response'>;

/** HTTP status of an error code; codes of ours an export can meet, else 500. */
const STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  EXPORT_LIMIT_EXCEEDED: 429,
  PROVIDER_NOT_CONFIGURED: 501,
  UPSTREAM_ERROR: 502,
  UPSTREAM_UNAVAILABLE: 503,
};

export function useExport(options: UseExportOptions): Plugin {
  const clock = options.clock ?? systemClock;
  const pacing = new ExportPacing(options.config, clock);
  const metrics = new ExportMetrics(options.registry, () => pacing.active);

  const errorResponse = (
    fetchAPI: Fetch,
    request: Request,
    status: number,
    code: string,
    message: string,
    extra: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ) =>
    new fetchAPI.Response(JSON.stringify({ errors: [{ message, extensions: { code, ...extra } }] }), {
      status,
      headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-request-id': requestIdOf(request), ...headers },
    });

  const log = (request: Request, fields: Record<string, unknown>) => options.logger.event('info', 'export', { requestId: requestIdOf(request), ...fields });

  async function handle(request: Request, serverContext: unknown, fetchAPI: Fetch): Promise<Response> {
    const node = nodeOf(serverContext);
    const startedAt = clock.now();
    const refuse = (format: string, refusal: Refusal, headers: Record<string, string> = {}) => {
      metrics.ended(format === 'csv' || format === 'ndjson' ? format : 'unknown', 'refused');
      log(request, { format, outcome: 'refused', code: refusal.code, ...(refusal.provider ? { provider: refusal.provider } : {}) });
      const extensions = { ...(refusal.provider ? { provider: refusal.provider } : {}), ...refusal.details };
      return errorResponse(fetchAPI, request, refusal.status ?? STATUS[refusal.code] ?? 500, refusal.code, refusal.message, extensions, headers);
    };

    if (request.method !== 'GET') {
      const message = `${EXPORT_PATH} answers GET only, got ${request.method.slice(0, 10)}`;
      return refuse('unknown', { code: 'BAD_USER_INPUT', status: 405, message }, { allow: 'GET' });
    }
    let params: ExportParams;
    try {
      params = parseExportParams(new URL(request.url).searchParams);
    } catch (error) {
      if (error instanceof GatewayError) return refuse('unknown', refusalOf(error));
      throw error;
    }
    const format = FORMATS[params.format];

    const ticket = pacing.admit(identityOf(request, serverContext, node.req?.socket.remoteAddress));
    if ('refused' in ticket) {
      const who = ticket.refused === 'identity' ? 'you already have' : 'the gateway already streams';
      const message = `Too many exports: ${who} ${ticket.limit} running; try again when one has finished`;
      return refuse(
        format.name,
        { code: 'EXPORT_LIMIT_EXCEEDED', message, details: { limit: ticket.limit, scope: ticket.refused } },
        { 'retry-after': String(RETRY_AFTER_S) },
      );
    }

    // The export's own lifetime: the client leaving (or stalling) stops its pacing waits too.
    const lifetime = new AbortController();
    const onGone = () => lifetime.abort(new Error('the client went away'));
    request.signal.addEventListener('abort', onGone, { once: true });
    const pace = () => ticket.pace(lifetime.signal);
    const read = pageReader(request, params, (r, p) => options.upstreams(r, p), pace);
    const pages = feedPages(read, params.feed.after ?? null);

    let rows = 0;
    let bytes = 0;
    const end = (outcome: ExportOutcome, interrupted?: ExportInterrupted) => {
      ticket.release();
      request.signal.removeEventListener('abort', onGone);
      lifetime.abort(new Error('the export is over'));
      metrics.ended(format.name, outcome);
      const error = interrupted?.error;
      log(request, {
        format: format.name,
        outcome,
        rows,
        bytes,
        durationMs: Math.round(clock.now() - startedAt),
        ...(error ? { code: error.code, provider: error.provider } : {}),
      });
    };

    let first: ExportEdge[];
    try {
      const head = await pages.next();
      first = head.done ? [] : head.value;
    } catch (error) {
      ticket.release();
      request.signal.removeEventListener('abort', onGone);
      if (lifetime.signal.aborted) {
        metrics.ended(format.name, 'aborted');
        log(request, { format: format.name, outcome: 'aborted', rows: 0, bytes: 0 });
        return errorResponse(fetchAPI, request, 499, 'CLIENT_CLOSED_REQUEST', 'The client went away');
      }
      if (error instanceof ExportInterrupted) return refuse(format.name, refusalOf(error.error));
      throw error;
    }

    const body = exportBody({
      format,
      first,
      rest: pages,
      after: params.feed.after ?? null,
      res: node.res,
      signal: lifetime.signal,
      stallTimeoutMs: options.config.stallTimeoutMs,
      clock,
      onChunk: (r, b) => {
        rows += r;
        bytes += b;
        metrics.written(format.name, r, b);
      },
      onEnd: end,
    });
    const file = `${params.domain
      .trim()
      .replace(/\.$/, '')
      .toLowerCase()
      .replace(/[^a-z0-9.-]/g, '_')}.${format.name}`;
    return new fetchAPI.Response(body, {
      status: 200,
      headers: {
        'content-type': format.contentType,
        'content-disposition': `attachment; filename="${file}"`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        'x-request-id': requestIdOf(request),
      },
    });
  }

  return {
    // After the authentication plugins (they end a refused request before this runs), and before
    // yoga's own "unhandled route" 404, which answers every path but /graphql.
    async onRequest({ request, url, serverContext, endResponse, fetchAPI }) {
      if (url.pathname !== EXPORT_PATH) return;
      endResponse(await handle(request, serverContext, fetchAPI));
    },
  };
}

/**
 * Reads one page of the feed with fresh upstreams (fresh per-request caches), except the zone
 * lookup: the first page checks that the caller may read the zone, and later pages reuse it.
 */
function pageReader(request: Request, params: ExportParams, upstreams: UseExportOptions['upstreams'], pace: () => Promise<void>): ReadPage {
  let zoneLookup: Promise<string | null> | undefined;
  // A zone change records only the user id; `Change.actor` shows the user name: one read per
  // person for the whole export, a user that cannot be read keeps its id.
  const names = new Map<string, Promise<string>>();
  return async (args) => {
    const fresh = upstreams(request, pace);
    const vinyldns = fresh.vinyldns;
    const bound: FeedUpstreams = vinyldns ? { ...fresh, vinyldns: { ...vinyldns, zoneId: (name) => (zoneLookup ??= vinyldns.zoneId(name)) } } : fresh;
    const result = await changeFeed(bound, FIELD, params.domain, { ...params.feed, ...args });
    if (vinyldns) {
      const nameOf = (id: string) => {
        let name = names.get(id);
        if (!name)
          names.set(
            id,
            (name = vinyldns
              .client()
              .getUser(id)
              .then(
                (u) => u?.userName ?? id,
                () => id,
              )),
          );
        return name;
      };
      await Promise.all(
        result.connection.edges.map(async (edge) => {
          if (edge.node.__typename === 'ZoneChange') (edge as ExportEdge).actor = await nameOf(edge.node.change.userId);
        }),
      );
    }
    return result;
  };
}
