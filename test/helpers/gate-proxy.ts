// A loopback HTTP proxy in front of an upstream simulator that holds requests while it is
// closed, so a test decides when one provider answers (no timers): the gateway's other work
// proceeds, and the test checks what arrived before it opens the gate. Requests go on as they
// came, Host header included, so a VinylDNS signature (which covers Host) still verifies.
import { createServer, request, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface GateProxy {
  /** The proxy's base URL for `target`'s path. */
  urlFor(target: string): string;
  /** Requests waiting behind the closed gate. */
  readonly held: number;
  /** The headers of every request the proxy received, in order. */
  readonly received: IncomingHttpHeaders[];
  /** The path (and query) of every request the proxy received, in order. */
  readonly paths: string[];
  close(): void;
  open(): void;
  stop(): Promise<void>;
}

/** Starts the proxy; requests go to the origin of the last URL given to `urlFor`. */
export async function startGateProxy(): Promise<GateProxy> {
  let upstream: URL | undefined;
  let closed = false;
  const waiting: Array<() => void> = [];
  const received: IncomingHttpHeaders[] = [];
  const paths: string[] = [];
  const forward = (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    if (!upstream) return res.writeHead(502).end();
    const out = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    out.on('error', () => res.destroy());
    out.end(body);
  };
  const server = createServer((req, res) => {
    received.push(req.headers);
    paths.push(req.url ?? '');
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const go = () => forward(req, res, Buffer.concat(chunks));
      if (closed) waiting.push(go);
      else go();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const open = () => {
    closed = false;
    for (const go of waiting.splice(0)) go();
  };
  return {
    urlFor(target) {
      upstream = new URL(target);
      return `http://127.0.0.1:${port}${upstream.pathname.replace(/\/$/, '')}`;
    },
    get held() {
      return waiting.length;
    },
    received,
    paths,
    close() {
      closed = true;
    },
    open,
    async stop() {
      open();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
