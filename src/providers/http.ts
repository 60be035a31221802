// One keep-alive undici Pool per upstream, with a deadline on every request. Network failures
// become UPSTREAM_UNAVAILABLE here; status-code mapping belongs to each provider's client.
import { Pool } from 'undici';
import { UpstreamError, type ProviderName } from '../errors.js';

export interface UpstreamRequest {
  method: 'GET' | 'POST';
  /** Path below the configured base URL, starting with '/', query string included. */
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface UpstreamResponse {
  status: number;
  contentType: string;
  body: string;
}

export interface HttpUpstreamOptions {
  timeoutMs: number;
  connections?: number;
}

export class HttpUpstream {
  private readonly pool: Pool;
  /** A path prefix of the base URL (e.g. behind a reverse proxy), prepended to every request. */
  readonly basePath: string;
  readonly host: string;

  constructor(
    readonly provider: ProviderName,
    baseUrl: string,
    private readonly options: HttpUpstreamOptions,
  ) {
    const url = new URL(baseUrl);
    this.basePath = url.pathname.replace(/\/+$/, '');
    this.host = url.host;
    this.pool = new Pool(url.origin, {
      connections: options.connections ?? 16,
      keepAliveTimeout: 10_000,
      connect: { timeout: options.timeoutMs },
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    });
  }

  async send(request: UpstreamRequest): Promise<UpstreamResponse> {
    try {
      const res = await this.pool.request({
        method: request.method,
        path: request.path,
        headers: request.headers,
        body: request.body,
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      const body = await res.body.text();
      const contentType = String(res.headers['content-type'] ?? '');
      return { status: res.statusCode, contentType, body };
    } catch (error) {
      throw new UpstreamError('UPSTREAM_UNAVAILABLE', `${this.label} could not be reached (${describeNetworkError(error)})`, this.provider);
    }
  }

  get label(): string {
    return this.provider === 'VINYLDNS' ? 'VinylDNS' : 'OpenSRS';
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

/** A short, secret-free reason: the error's code or class, never its message (which may hold a URL). */
function describeNetworkError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    if (error.name === 'TimeoutError' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') {
      return 'timed out';
    }
    if (typeof code === 'string') return code;
    return error.name;
  }
  return 'unknown error';
}
