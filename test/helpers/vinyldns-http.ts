// Signed GETs against the VinylDNS simulator, exactly as the gateway signs them (aws4, host + date).
import aws4 from 'aws4';
import { request } from 'undici';

export interface Keys {
  accessKey: string;
  secretKey: string;
}

export interface Answer {
  status: number;
  type: string;
  text: string;
  json: () => any;
}

export const ADMIN_KEYS: Keys = { accessKey: 'sandbox-access-key', secretKey: 'sandbox-secret-key' };

/** GET `path` from `base`, signed with `keys` (default: the sandbox admin). */
export async function signedGet(base: string, path: string, keys: Keys = ADMIN_KEYS): Promise<Answer> {
  const signed = aws4.sign(
    { host: new URL(base).host, path, method: 'GET', service: 'VinylDNS', region: 'us-east-1', headers: {} },
    { accessKeyId: keys.accessKey, secretAccessKey: keys.secretKey },
  );
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(signed.headers ?? {})) headers[name] = String(value);
  const res = await request(base + signed.path, { headers });
  const text = await res.body.text();
  return { status: res.statusCode, type: String(res.headers['content-type']), text, json: () => JSON.parse(text) };
}
