// An OpenSRS Email API (OMA) simulator on loopback: POST /api/<method>, JSON in and out, the
// seeded store behind it, a request log without secrets, and fault injection for tests.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Sessions, type SandboxCredentials } from './auth.js';
import { failure } from './failures.js';
import { FaultQueue, type OpenSrsFault } from './faults.js';
import { writeTransportFault } from '../faults.js';
import { tcpAddress } from '../tcp-address.js';
import { isRecord } from '../../model/guards.js';
import { CHANGE_LOG_METHODS, METHODS, type MethodContext } from './methods.js';
import { seededStore } from './seed.js';
import { SANDBOX_COMPANY, type OpenSrsStore } from './store.js';

export interface OpenSrsRequestLogEntry {
  /** The X-Request-Id the caller sent (the gateway sends its request's), to attribute calls. */
  requestId?: string;
  method: string;
  path: string;
  /** The HTTP status sent; 0 when no answer was sent (hang, reset). */
  status: number;
  domain?: string;
  /** The mailbox of get_user_changes (`user` in the body; not the credentials' user). */
  mailbox?: string;
  /** The company of get_company_changes. */
  company?: string;
  range?: unknown;
  /** `credentials.user`; never the password or token. */
  user?: string;
}

export interface OpenSrsSimulatorOptions {
  /** Seed of the generated data; default 7. */
  seed?: number;
  /** The clock session tokens expire on (epoch ms). Default `Date.now`; tests pass their own. */
  now?: () => number;
}

const MAX_BODY_BYTES = 1 << 20;

export class OpenSrsSimulator {
  readonly credentials: SandboxCredentials = { user: 'sandbox@changegraph.adm', password: 'sandbox-password', token: 'sandbox-token' };
  readonly store: OpenSrsStore;
  readonly log: OpenSrsRequestLogEntry[] = [];
  private readonly faults = new FaultQueue<OpenSrsFault>();
  private readonly context: MethodContext;
  private server: Server | undefined;

  constructor(options: OpenSrsSimulatorOptions = {}) {
    this.store = seededStore(options.seed ?? 7);
    this.context = { store: this.store, sessions: new Sessions(this.credentials, options.now), company: SANDBOX_COMPANY };
  }

  /** Starts listening; resolves to the base URL (the API lives under `<base>/api/<method>`). */
  async listen(port = 0, host = '127.0.0.1'): Promise<string> {
    if (this.server) throw new Error('OpenSrsSimulator is already listening');
    const server = createServer((req, res) => void this.handle(req, res));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const address = tcpAddress(server);
    const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return `http://${shownHost}:${address.port}`;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    this.faults.clear();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  clearLog(): void {
    this.log.length = 0;
  }

  /** Logged requests, optionally only those naming this domain, mailbox or company (case-insensitive). */
  count(filter: { domain?: string; mailbox?: string; company?: string } = {}): number {
    const same = (wanted: string | undefined, got: string | undefined) => wanted === undefined || got?.toLowerCase() === wanted.toLowerCase();
    return this.log.filter((e) => same(filter.domain, e.domain) && same(filter.mailbox, e.mailbox) && same(filter.company, e.company)).length;
  }

  /** The next `times` (default 1) calls to a change-log method (domain, user, company) answer with `fault`. */
  failNext(fault: OpenSrsFault, times = 1): void {
    this.faults.add(fault, times);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '/').split('?')[0];
    const requestId = req.headers['x-request-id'];
    const entry: OpenSrsRequestLogEntry = { method: req.method ?? '', path, status: 0, ...(typeof requestId === 'string' ? { requestId } : {}) };
    let raw: string;
    try {
      raw = await readBody(req);
    } catch {
      req.socket.destroy();
      return;
    }
    const name = /^\/api\/([A-Za-z0-9_]+)$/.exec(path)?.[1];
    if (name === undefined || !Object.hasOwn(METHODS, name)) return this.answer(res, entry, 404, 'text/plain', 'Not Found');
    if (req.method !== 'POST') return this.answer(res, entry, 405, 'text/plain', 'Method Not Allowed', { allow: 'POST' });

    let request: unknown;
    try {
      request = JSON.parse(raw);
    } catch {
      return this.answer(res, entry, 400, 'text/plain', 'Bad Request');
    }
    if (!isRecord(request)) return this.answer(res, entry, 400, 'text/plain', 'Bad Request');
    const body = request;
    if (typeof body.domain === 'string') entry.domain = body.domain;
    if (typeof body.user === 'string') entry.mailbox = body.user;
    if (typeof body.company === 'string') entry.company = body.company;
    if (body.range !== undefined) entry.range = body.range;
    const user = isRecord(body.credentials) ? body.credentials.user : undefined;
    if (typeof user === 'string') entry.user = user;

    const fault = CHANGE_LOG_METHODS.has(name) ? this.faults.take() : undefined;
    if (fault) return this.inject(req, res, entry, fault);
    return this.answer(res, entry, 200, 'application/json', JSON.stringify(METHODS[name](body, this.context)));
  }

  private inject(req: IncomingMessage, res: ServerResponse, entry: OpenSrsRequestLogEntry, fault: OpenSrsFault): void {
    if ('errorNumber' in fault) return this.answer(res, entry, 200, 'application/json', JSON.stringify(failure(fault.errorNumber)));
    entry.status = writeTransportFault(req, res, fault, '{"success":true,"count":3,"total_count":18,"changes":[{"time":"13219');
    this.log.push(entry);
  }

  private answer(res: ServerResponse, entry: OpenSrsRequestLogEntry, status: number, type: string, body: string, headers: Record<string, string> = {}): void {
    entry.status = status;
    this.log.push(entry);
    res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'content-length': Buffer.byteLength(body), ...headers });
    res.end(body);
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new Error('request body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
