// Who an export is paced as: the verified JWT subject, else the bearer token, plus the forwarded
// VinylDNS access key (VINYLDNS_CREDENTIALS=forward: each VinylDNS user is someone else), else the
// client's address. The key is a digest, so it is safe in memory dumps and never a secret itself.
import { createHash } from 'node:crypto';
import { bearerToken, jwtPayload } from '../auth/gateway-auth.js';
import { ACCESS_KEY_HEADER } from '../auth/credentials.js';
import { isRecord } from '../model/guards.js';

export function identityOf(request: Request, serverContext: unknown, remoteAddress: string | undefined): string {
  const parts: string[] = [];
  const payload = jwtPayload(serverContext);
  const token = bearerToken(request);
  // A user's tokens change (renewal); their subject does not.
  if (isRecord(payload) && typeof payload.sub === 'string') parts.push(`jwt:${String(payload.iss ?? '')}:${payload.sub}`);
  else if (token !== undefined) parts.push(`token:${token}`);
  const accessKey = request.headers.get(ACCESS_KEY_HEADER)?.trim();
  if (accessKey) parts.push(`vinyldns:${accessKey}`);
  if (parts.length === 0) parts.push(`address:${remoteAddress ?? 'unknown'}`);
  return createHash('sha256').update(parts.join('\n')).digest('base64url');
}
