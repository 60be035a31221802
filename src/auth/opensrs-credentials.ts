// Who an OpenSRS call is made as (README "Operations", "Who reaches OpenSRS"):
// - OPENSRS_CREDENTIALS=forward: as the caller, with the caller's own OpenSRS credentials from the
//   X-OpenSRS-User and X-OpenSRS-Password (or X-OpenSRS-Token) headers, so OpenSRS applies its own
//   rules. The gateway has no OpenSRS account then; a caller without the headers is UNAUTHENTICATED
//   on OpenSRS fields. The credentials live only in the request's context (its client), never in a
//   log line, and the shared reads and response cache are keyed by them.
// - OPENSRS_CREDENTIALS=configured (default): as the gateway's admin account (OPENSRS_USER). Who
//   may use that account is OPENSRS_ACCESS: `all` callers the gateway admits, or only
//   `zone-readers`: callers who can read, with their own forwarded VinylDNS keys, the VinylDNS
//   zone of the same name as the mail domain (the default when VINYLDNS_CREDENTIALS=forward, so
//   that forwarding VinylDNS keys does not hand every caller the admin's mail logs).
import { GatewayError } from '../errors.js';
import type { OpenSrsCredentials } from '../providers/opensrs/client.js';

export const OPENSRS_USER_HEADER = 'x-opensrs-user';
export const OPENSRS_PASSWORD_HEADER = 'x-opensrs-password';
export const OPENSRS_TOKEN_HEADER = 'x-opensrs-token';

/** An OpenSRS admin name (an email-like login), without spaces or control characters. */
const USER = /^[\x21-\x7e]{1,254}$/;
const SECRET = /^[\x20-\x7e]{1,512}$/;

export class MissingOpenSrsCredentialsError extends GatewayError {
  constructor(problem: string) {
    super('UNAUTHENTICATED', `OpenSRS fields need your OpenSRS credentials: ${problem}`, 'OPENSRS');
  }
}

/** The caller's OpenSRS credentials from the request headers, or the UNAUTHENTICATED error to raise on OpenSRS fields. */
export function forwardedOpenSrsCredentials(headers: Headers): OpenSrsCredentials | MissingOpenSrsCredentialsError {
  const user = headers.get(OPENSRS_USER_HEADER)?.trim();
  const password = headers.get(OPENSRS_PASSWORD_HEADER) ?? undefined;
  const token = headers.get(OPENSRS_TOKEN_HEADER)?.trim();
  if (!user || (!password && !token)) {
    return new MissingOpenSrsCredentialsError('send them in the X-OpenSRS-User and X-OpenSRS-Password (or X-OpenSRS-Token) headers');
  }
  if (password && token) return new MissingOpenSrsCredentialsError('send X-OpenSRS-Password or X-OpenSRS-Token, not both');
  // The values are never echoed: a malformed header may still be someone's secret.
  if (!USER.test(user)) return new MissingOpenSrsCredentialsError('the X-OpenSRS-User header is not a valid user name');
  if (token !== undefined ? !SECRET.test(token) : !SECRET.test(password!)) {
    return new MissingOpenSrsCredentialsError(`the X-OpenSRS-${token !== undefined ? 'Token' : 'Password'} header is not valid`);
  }
  return token !== undefined ? { user, token } : { user, password };
}

/** The credentials of one request's OpenSRS calls; throws UNAUTHENTICATED in forward mode without them. */
export function openSrsRequestCredentials(source: { credentials?: OpenSrsCredentials; forward?: boolean }, request: Request | undefined): OpenSrsCredentials {
  const credentials = source.forward ? forwardedOpenSrsCredentials(request?.headers ?? new Headers()) : source.credentials;
  if (credentials instanceof Error) throw credentials;
  if (!credentials) throw new MissingOpenSrsCredentialsError('the gateway has no OpenSRS account configured');
  return credentials;
}
