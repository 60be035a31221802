import { describe, expect, it } from 'vitest';
import { recordText } from '../../src/parents/record-text.js';

describe('recordText (zone-file presentation)', () => {
  it.each([
    ['A', { address: '192.0.2.1' }, '192.0.2.1'],
    ['AAAA', { address: '2001:db8:0:0:0:0:0:3' }, '2001:db8:0:0:0:0:0:3'],
    ['CNAME', { cname: 'www.example.com.' }, 'www.example.com.'],
    [
      'DS',
      { keytag: 60485, algorithm: 5, digesttype: 1, digest: '2BB183AF5F22588179A53B0A98631FAD1A292118' },
      '60485 5 1 2BB183AF5F22588179A53B0A98631FAD1A292118',
    ],
    ['MX', { preference: 10, exchange: 'mail.example.com.' }, '10 mail.example.com.'],
    ['NS', { nsdname: 'ns1.example.com.' }, 'ns1.example.com.'],
    ['PTR', { ptrdname: 'host.example.com.' }, 'host.example.com.'],
    [
      'SOA',
      { mname: 'ns1.example.com.', rname: 'hostmaster.example.com.', serial: 4294967295, refresh: 7200, retry: 3600, expire: 1209600, minimum: 3600 },
      'ns1.example.com. hostmaster.example.com. 4294967295 7200 3600 1209600 3600',
    ],
    ['SRV', { priority: 10, weight: 60, port: 5060, target: 'sip.example.com.' }, '10 60 5060 sip.example.com.'],
    ['SSHFP', { algorithm: 1, type: 1, fingerprint: '123456789ABCDEF67890123456789ABCDEF67890' }, '1 1 123456789ABCDEF67890123456789ABCDEF67890'],
    ['TXT', { text: 'v=spf1 include:_spf.example.com ~all' }, '"v=spf1 include:_spf.example.com ~all"'],
    ['SPF', { text: 'say "hi" \\o/' }, '"say \\"hi\\" \\\\o/"'],
    [
      'NAPTR',
      { order: 100, preference: 10, flags: 'U', service: 'E2U+sip', regexp: '!^.*$!sip:info@example.com!', replacement: '.' },
      '100 10 "U" "E2U+sip" "!^.*$!sip:info@example.com!" .',
    ],
  ])('%s', (type, data, text) => {
    expect(recordText(type, data)).toBe(text);
  });

  it('splits TXT values longer than 255 characters into several strings', () => {
    const value = 'x'.repeat(300);
    expect(recordText('TXT', { text: value })).toBe(`"${'x'.repeat(255)}" "${'x'.repeat(45)}"`);
  });
});
