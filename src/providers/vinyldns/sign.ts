// AWS SigV4 signing as VinylDNS verifies it (contract §2): sign only Host and X-Amz-Date,
// empty body for GETs, service "VinylDNS", region "us-east-1".
import aws4 from 'aws4';

export interface VinylDnsCredentials {
  accessKey: string;
  secretKey: string;
}

export interface SignedRequest {
  /** The path to send: aws4 re-serialises the query string, and the server checks this form. */
  path: string;
  headers: Record<string, string>;
}

export function signGet(host: string, path: string, credentials: VinylDnsCredentials, date?: Date): SignedRequest {
  const request: aws4.Request = {
    host,
    path,
    method: 'GET',
    service: 'VinylDNS',
    region: 'us-east-1',
    headers: date ? { 'X-Amz-Date': amzDate(date) } : {},
    // Our path segments are already percent-encoded once, which is the form the server canonicalises.
    doNotEncodePath: true,
  };
  aws4.sign(request, { accessKeyId: credentials.accessKey, secretAccessKey: credentials.secretKey });
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers ?? {})) headers[name] = String(value);
  return { path: request.path ?? path, headers };
}

function amzDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}
