// The signer must produce exactly what VinylDNS recomputes (contract §2): canonical query sorted,
// only host and x-amz-date signed, empty-body hash, scope .../us-east-1/VinylDNS/aws4_request.
// The expected signature is derived here, step by step, from the contract's worked example.
import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signGet } from '../../src/providers/vinyldns/sign.js';

const credentials = { accessKey: 'AKIDEXAMPLE', secretKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const date = new Date('2026-04-17T14:22:25Z');
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const hmac = (key: Buffer | string, s: string) => createHmac('sha256', key).update(s).digest();

function expectedSignature(canonicalRequest: string): string {
  const scope = '20260417/us-east-1/VinylDNS/aws4_request';
  const stringToSign = ['AWS4-HMAC-SHA256', '20260417T142225Z', scope, sha256(canonicalRequest)].join('\n');
  let key: Buffer = hmac(`AWS4${credentials.secretKey}`, '20260417');
  for (const part of ['us-east-1', 'VinylDNS', 'aws4_request']) key = hmac(key, part);
  return createHmac('sha256', key).update(stringToSign).digest('hex');
}

describe('signGet', () => {
  it('signs the contract example exactly as the server recomputes it', () => {
    const signed = signGet('vinyldns.example.com', '/zones/Z/changes?startFrom=1587656470123&maxItems=3', credentials, date);
    const canonical = [
      'GET',
      '/zones/Z/changes',
      'maxItems=3&startFrom=1587656470123',
      'host:vinyldns.example.com',
      'x-amz-date:20260417T142225Z',
      '',
      'host;x-amz-date',
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    ].join('\n');
    expect(signed.headers.Authorization).toBe(
      `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260417/us-east-1/VinylDNS/aws4_request, SignedHeaders=host;x-amz-date, Signature=${expectedSignature(canonical)}`,
    );
    expect(signed.headers['X-Amz-Date']).toBe('20260417T142225Z');
    expect(signed.headers.Host).toBe('vinyldns.example.com');
  });

  it('signs a body-less GET with no query, and a path with a port in the host', () => {
    const signed = signGet('127.0.0.1:9000', '/zones/abc', credentials, date);
    const canonical = ['GET', '/zones/abc', '', 'host:127.0.0.1:9000', 'x-amz-date:20260417T142225Z', '', 'host;x-amz-date', sha256('')].join('\n');
    expect(signed.headers.Authorization).toContain(`Signature=${expectedSignature(canonical)}`);
    expect(signed.path).toBe('/zones/abc');
  });

  it('encodes query values RFC 3986 style, as the server canonicalises them', () => {
    const signed = signGet('h', '/zones?nameFilter=*test*&startFrom=a%20b', credentials, date);
    const canonical = [
      'GET',
      '/zones',
      'nameFilter=%2Atest%2A&startFrom=a%20b',
      'host:h',
      'x-amz-date:20260417T142225Z',
      '',
      'host;x-amz-date',
      sha256(''),
    ].join('\n');
    expect(signed.headers.Authorization).toContain(`Signature=${expectedSignature(canonical)}`);
  });
});
