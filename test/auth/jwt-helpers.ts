// Test-only JWTs, made with node:crypto (HS256 and RS256), and a JWKS server on loopback.
import { createHmac, createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

export function hs256(secret: string, claims: Record<string, unknown> = {}): string {
  const body = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: 'tester', iat: now(), exp: now() + 300, ...claims })}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

export function rs256(key: KeyObject, kid: string, claims: Record<string, unknown> = {}): string {
  const body = `${b64({ alg: 'RS256', typ: 'JWT', kid })}.${b64({ sub: 'tester', iat: now(), exp: now() + 300, ...claims })}`;
  return `${body}.${createSign('RSA-SHA256').update(body).sign(key, 'base64url')}`;
}

export const rsaKeys = () => generateKeyPairSync('rsa', { modulusLength: 2048 });

export interface JwksServer {
  url: string;
  requests: number;
  close(): Promise<void>;
}

/** Serves `{ keys: [...] }` with the given public keys under their kids. */
export async function startJwks(keys: Array<{ kid: string; publicKey: KeyObject }>): Promise<JwksServer> {
  const body = JSON.stringify({ keys: keys.map(({ kid, publicKey }) => ({ ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' })) });
  const state = { requests: 0 };
  const server: Server = createServer((_req, res) => {
    state.requests++;
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    get requests() {
      return state.requests;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
