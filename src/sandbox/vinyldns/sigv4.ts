// Server-side verification of the AWS Signature V4 look-alike VinylDNS uses (contract §2.1).
// Written against node:crypto only (not the aws4 package), so it checks clients independently.
import { createHash, createHmac } from 'node:crypto';

export interface ParsedAuthorization {
  accessKey: string;
  /** `<date>/<region>/<service>/aws4_request`, exactly as sent. */
  scope: string;
  scopeParts: string[];
  signedHeaders: string;
  signature: string;
}

// Anchored at both ends; region and service are free-form (any text without '/'), the date is 8 digits.
const AUTHORIZATION = /^AWS4-HMAC-SHA256 *Credential=([^/]*)\/(\d{8})\/([^/]*)\/([^/]*)\/aws4_request, *SignedHeaders=([^,]*), *Signature=([0-9a-f]{64})$/;

export function parseAuthorization(value: string): ParsedAuthorization | undefined {
  const m = AUTHORIZATION.exec(value);
  if (!m) return undefined;
  const [, accessKey, date, region, service, signedHeaders, signature] = m;
  const scopeParts = [date, region, service, 'aws4_request'];
  return { accessKey, scope: scopeParts.join('/'), scopeParts, signedHeaders, signature };
}

/** The access key named in an Authorization header, even when the header does not parse (for logs). */
export function sniffAccessKey(value: string | undefined): string | undefined {
  return value ? /Credential=([^/,\s]*)\//.exec(value)?.[1] : undefined;
}

/** RFC 3986 encoding: unreserved characters kept, everything else %XX upper-case. */
export function rfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

// pchar = unreserved / pct-encoded / sub-delims / ":" / "@" (RFC 3986 §3.3). Anything else is escaped.
const PCHAR = /[A-Za-z0-9\-._~!$&'()*+,;=:@]/;

function encodeSegment(segment: string): string {
  let out = '';
  for (const byte of Buffer.from(safeDecode(segment), 'utf8')) {
    const ch = String.fromCharCode(byte);
    out += byte < 0x80 && PCHAR.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** The path as the server re-renders it (each segment percent-encoded once), dot-segments removed. */
export function canonicalPath(rawPath: string): string {
  const segments = rawPath.split('/').map(encodeSegment);
  const out: string[] = [];
  segments.forEach((s, i) => {
    const last = i === segments.length - 1;
    if (s === '.' || s === '..') {
      if (s === '..' && out.length > 1) out.pop();
      if (last) out.push('');
      return;
    }
    out.push(s);
  });
  return out.join('/') || '/';
}

/**
 * Every pair decoded (`+` = space), re-encoded RFC 3986 style, sorted by key then value. The server
 * collects the pairs in a sorted *set*, so a pair sent twice counts once: a client that signs both
 * copies (aws4 does) fails the check (docs/upstreams/vinyldns.md §2.1, repeated parameters).
 */
export function canonicalQuery(rawQuery: string): string {
  if (rawQuery === '') return '';
  const pairs = rawQuery
    .split('&')
    .filter((p) => p !== '')
    .map((p) => {
      const eq = p.indexOf('=');
      const k = eq < 0 ? p : p.slice(0, eq);
      const v = eq < 0 ? '' : p.slice(eq + 1);
      return [rfc3986(safeDecode(k.replace(/\+/g, ' '))), rfc3986(safeDecode(v.replace(/\+/g, ' ')))] as const;
    });
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  const unique = pairs.filter((p, i) => i === 0 || p[0] !== pairs[i - 1][0] || p[1] !== pairs[i - 1][1]);
  return unique.map(([k, v]) => `${k}=${v}`).join('&');
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function amzFormat(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}${pad2(d.getUTCMonth() + 1)}${pad2(d.getUTCDate())}T${pad2(d.getUTCHours())}${pad2(d.getUTCMinutes())}${pad2(d.getUTCSeconds())}Z`;
}

/** `yyyyMMdd'T'HHmmss` plus a zone name; only the UTC spellings are modelled. */
function parseAmzDate(value: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(?:Z|UTC|GMT)$/.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number);
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  return Number.isNaN(ms) ? undefined : ms;
}

function parseRfc822(value: string): number | undefined {
  if (!/^[A-Za-z]{3}, \d{1,2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} (GMT|UTC|[+-]\d{4})$/.test(value.trim())) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * The request time for the string to sign: X-Amz-Date when the header is there (unparseable → undefined:
 * the Date header is not consulted), else Date (either form). Undefined → the server 500s (§2.4).
 */
export function requestDateTime(headers: Record<string, string | undefined>): string | undefined {
  const amz = headers['x-amz-date'];
  if (amz !== undefined) {
    const fromAmz = parseAmzDate(amz);
    return fromAmz === undefined ? undefined : amzFormat(fromAmz);
  }
  const date = headers['date'];
  if (date === undefined) return undefined;
  const ms = parseAmzDate(date) ?? parseRfc822(date);
  return ms === undefined ? undefined : amzFormat(ms);
}

export interface SignableRequest {
  method: string;
  rawPath: string;
  rawQuery: string;
  /** Lower-case header names. */
  headers: Record<string, string | undefined>;
  body: string;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export function canonicalRequest(req: SignableRequest, signedHeaders: string): string {
  const names = signedHeaders
    .split(';')
    .map((n) => n.toLowerCase())
    .sort();
  // A signed header the request does not carry is silently left out (and the signature then mismatches).
  const headerLines = names.filter((n) => req.headers[n] !== undefined).map((n) => `${n}:${req.headers[n]}`);
  return [req.method, canonicalPath(req.rawPath), canonicalQuery(req.rawQuery), ...headerLines, '', signedHeaders, sha256(req.body)].join('\n');
}

export function computeSignature(secret: string, scopeParts: string[], stringToSign: string): string {
  let key: Buffer = Buffer.from(`AWS4${secret}`, 'utf8');
  for (const part of scopeParts) key = createHmac('sha256', key).update(part, 'utf8').digest();
  return createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex');
}

/** True when the signature matches. `dateTime` comes from requestDateTime (checked by the caller). */
export function verifySignature(req: SignableRequest, auth: ParsedAuthorization, secret: string, dateTime: string): boolean {
  const stringToSign = ['AWS4-HMAC-SHA256', dateTime, auth.scope, sha256(canonicalRequest(req, auth.signedHeaders))].join('\n');
  return computeSignature(secret, auth.scopeParts, stringToSign) === auth.signature;
}
