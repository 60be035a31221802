// VINYLDNS_CREDENTIALS=forward: each request is signed with the caller's own VinylDNS keys, sent
// in X-VinylDNS-Access-Key and X-VinylDNS-Secret-Key, so VinylDNS applies its own access rules.
// The keys live only in the request's context (its client and loaders), never in a log line.
import { GatewayError } from '../errors.js';
import type { VinylDnsCredentials } from '../providers/vinyldns/sign.js';

export const ACCESS_KEY_HEADER = 'x-vinyldns-access-key';
export const SECRET_KEY_HEADER = 'x-vinyldns-secret-key';

/** Visible ASCII; no "/" (it separates the SigV4 credential scope) and no ",". */
const ACCESS_KEY = /^[\x21-\x2b\x2d\x2e\x30-\x7e]{1,256}$/;
const SECRET_KEY = /^[\x21-\x7e]{1,512}$/;

export class MissingCredentialsError extends GatewayError {
  constructor(problem: string) {
    super('UNAUTHENTICATED', `VinylDNS fields need your VinylDNS keys: ${problem}`, 'VINYLDNS');
  }
}

/** The caller's keys, or the UNAUTHENTICATED error (provider VINYLDNS) to raise on VinylDNS fields. */
export function forwardedCredentials(headers: Headers): VinylDnsCredentials | MissingCredentialsError {
  const accessKey = headers.get(ACCESS_KEY_HEADER)?.trim();
  const secretKey = headers.get(SECRET_KEY_HEADER)?.trim();
  if (!accessKey || !secretKey) {
    return new MissingCredentialsError('send them in the X-VinylDNS-Access-Key and X-VinylDNS-Secret-Key headers');
  }
  // The values are never echoed: a malformed header may still be someone's secret.
  if (!ACCESS_KEY.test(accessKey)) return new MissingCredentialsError('the X-VinylDNS-Access-Key header is not a valid access key');
  if (!SECRET_KEY.test(secretKey)) return new MissingCredentialsError('the X-VinylDNS-Secret-Key header is not a valid secret key');
  return { accessKey, secretKey };
}

/** The keys one request's VinylDNS calls are signed with; throws UNAUTHENTICATED in forward mode without them. */
export function requestCredentials(source: { credentials?: VinylDnsCredentials; forward?: boolean }, request: Request | undefined): VinylDnsCredentials {
  const credentials = source.forward ? forwardedCredentials(request?.headers ?? new Headers()) : source.credentials;
  if (credentials instanceof Error) throw credentials;
  if (!credentials) throw new MissingCredentialsError('the gateway has no VinylDNS keys configured');
  return credentials;
}
