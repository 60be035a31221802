// The Host allow-list, against DNS rebinding: a web page whose name an attacker points at
// 127.0.0.1 would otherwise reach a loopback gateway as a same-origin page, with no CORS or CSRF
// check in the way. Checked on the raw Node request, before anything else answers (GraphiQL,
// CORS preflights). The probes stay open: an orchestrator calls them by IP address.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isLoopback } from '../auth/config.js';

const OPEN_PATHS = new Set(['/health', '/readiness']);

/** The host name of a Host header, lower-cased, without port, brackets or trailing dot. */
export function hostName(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const h = header.trim().toLowerCase();
  const name = h.startsWith('[') ? h.slice(1, h.indexOf(']') === -1 ? undefined : h.indexOf(']')) : h.split(':')[0];
  return name.replace(/\.$/, '') || undefined;
}

export function isHostAllowed(header: string | undefined, allowed: string[] | '*'): boolean {
  if (allowed === '*') return true;
  const name = hostName(header);
  return name !== undefined && (isLoopback(name) || allowed.includes(name));
}

/** Answers 421 and returns true when the request's Host is not served here. */
export function refuseForeignHost(req: IncomingMessage, res: ServerResponse, allowed: string[] | '*'): boolean {
  if (isHostAllowed(req.headers.host, allowed)) return false;
  if (OPEN_PATHS.has((req.url ?? '/').split('?')[0])) return false;
  const shown = JSON.stringify((req.headers.host ?? '').slice(0, 100));
  const body = JSON.stringify({
    errors: [
      {
        message: `This gateway does not serve the host ${shown}; its operator lists the names it answers to in ALLOWED_HOSTS`,
        extensions: { code: 'HOST_NOT_ALLOWED' },
      },
    ],
  });
  res.writeHead(421, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), connection: 'close' });
  res.end(body);
  return true;
}
