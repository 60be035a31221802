// The simulator: a node:http server on loopback in front of the store, logging every request.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { FaultQueue, writeTransportFault, type TransportFault } from '../faults.js';
import { tcpAddress } from '../tcp-address.js';
import { authenticate } from './auth.js';
import { Params, internalError, type Reply } from './http.js';
import { dispatch } from './router.js';
import { buildSeed } from './seed/seed.js';
import { sniffAccessKey, type SignableRequest } from './sigv4.js';
import { VinylStore } from './store.js';
import type { RequestLogEntry, SandboxUser, VinylDnsSimulatorOptions } from './types.js';

export interface RequestFilter {
  method?: string;
  pathPrefix?: string;
  pathPattern?: RegExp;
}

function splitUrl(url: string): { rawPath: string; rawQuery: string } {
  const withoutOrigin = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  const q = withoutOrigin.indexOf('?');
  const rawPath = q < 0 ? withoutOrigin : withoutOrigin.slice(0, q);
  return { rawPath: rawPath || '/', rawQuery: q < 0 ? '' : withoutOrigin.slice(q + 1) };
}

function flatHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

export class VinylDnsSimulator {
  readonly store: VinylStore;
  readonly users: SandboxUser[];
  /** The super user; the sandbox's default credentials (sandbox-access-key / sandbox-secret-key). */
  readonly admin: SandboxUser;
  /** Every request received, in arrival order; `status` is filled in when the response is written. */
  readonly log: RequestLogEntry[] = [];
  readonly quirks: boolean;
  private server: Server | undefined;
  private readonly faults = new FaultQueue<TransportFault>();

  constructor(options: VinylDnsSimulatorOptions = {}) {
    this.store = new VinylStore(buildSeed(options.seed ?? 42));
    this.users = this.store.users;
    this.admin = this.users.find((u) => u.accessKey === 'sandbox-access-key')!;
    this.quirks = options.quirks ?? true;
  }

  /** Starts listening; resolves the base URL, e.g. `http://127.0.0.1:43123`. */
  listen(port = 0, host = '127.0.0.1'): Promise<string> {
    if (this.server) return Promise.reject(new Error('the VinylDNS simulator is already listening'));
    const server = createServer((req, res) => this.handle(req, res));
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        const { port: actual } = tcpAddress(server);
        resolve(`http://${host.includes(':') ? `[${host}]` : host}:${actual}`);
      });
    });
  }

  /** Stops the server and drops idle keep-alive sockets, so nothing holds the process open. */
  close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    this.faults.clear();
    if (!server) return Promise.resolve();
    return new Promise((resolve, reject) => {
      server.close((err) => (err ? reject(err) : resolve()));
      server.closeAllConnections();
    });
  }

  clearLog(): void {
    this.log.length = 0;
  }

  /** The next `times` requests (whose path starts with `pathPrefix`, if given) fail with `fault`. */
  failNext(fault: TransportFault, times = 1, pathPrefix?: string): void {
    this.faults.add(fault, times, pathPrefix);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  /** How many logged requests match every given criterion. */
  count(filter: RequestFilter = {}): number {
    return this.log.filter(
      (e) =>
        (filter.method === undefined || e.method === filter.method.toUpperCase()) &&
        (filter.pathPrefix === undefined || e.path.startsWith(filter.pathPrefix)) &&
        (filter.pathPattern === undefined || filter.pathPattern.test(e.path)),
    ).length;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const method = (req.method ?? 'GET').toUpperCase();
    const { rawPath, rawQuery } = splitUrl(req.url ?? '/');
    const headers = flatHeaders(req);
    const params = Params.fromSearch(new URLSearchParams(rawQuery));
    const query: Record<string, string> = {};
    for (const [k, v] of new URLSearchParams(rawQuery)) if (!(k in query)) query[k] = v;
    const entry: RequestLogEntry = { method, path: rawPath, query, status: 0, headers };
    const accessKey = sniffAccessKey(headers['authorization']);
    if (accessKey !== undefined) entry.accessKey = accessKey;
    this.log.push(entry);
    const fault = this.faults.take(rawPath);
    if (fault) {
      req.resume();
      entry.status = writeTransportFault(req, res, fault, '{"zones":[{"name":"ok.","email":');
      return;
    }

    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request: SignableRequest = { method, rawPath, rawQuery, headers, body: Buffer.concat(chunks).toString('utf8') };
      let reply: Reply;
      try {
        reply = dispatch(method, rawPath, {
          store: this.store,
          params,
          quirks: this.quirks,
          nowMs: Date.now(),
          request,
          user: () => authenticate(this.store, request),
        });
      } catch {
        reply = internalError();
      }
      entry.status = reply.status;
      res.writeHead(reply.status, { 'content-type': reply.contentType, 'content-length': Buffer.byteLength(reply.body) });
      res.end(reply.body);
    });
  }
}
