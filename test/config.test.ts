import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

const fails = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.message;
    throw e;
  }
  throw new Error('expected a ConfigError');
};

describe('loadConfig', () => {
  it('runs the sandbox with nothing configured, on 127.0.0.1:4000', () => {
    expect(loadConfig({})).toMatchObject({ sandbox: true, port: 4000, host: '127.0.0.1', vinyldns: undefined, opensrs: undefined });
  });

  it('reads a full VinylDNS and OpenSRS configuration', () => {
    const config = loadConfig({
      VINYLDNS_URL: 'https://vinyldns.example.com/',
      VINYLDNS_ACCESS_KEY: 'ak',
      VINYLDNS_SECRET_KEY: 'sk',
      OPENSRS_URL: 'https://admin.test.hostedemail.com',
      OPENSRS_USER: 'me@reseller.adm',
      OPENSRS_TOKEN: 'tok',
      PORT: '8080',
    });
    expect(config.sandbox).toBe(false);
    expect(config.vinyldns).toMatchObject({ url: 'https://vinyldns.example.com', accessKey: 'ak', secretKey: 'sk' });
    expect(config.opensrs).toMatchObject({ url: 'https://admin.test.hostedemail.com', user: 'me@reseller.adm', token: 'tok' });
    expect(config.port).toBe(8080);
  });

  it('names the variable in one line for each invalid setting, without echoing secrets', () => {
    expect(fails({ VINYLDNS_URL: 'not a url', VINYLDNS_ACCESS_KEY: 'a', VINYLDNS_SECRET_KEY: 's' })).toMatch(/^Invalid configuration: VINYLDNS_URL /);
    expect(fails({ VINYLDNS_URL: 'ftp://x', VINYLDNS_ACCESS_KEY: 'a', VINYLDNS_SECRET_KEY: 's' })).toMatch(/VINYLDNS_URL must be an http/);
    const missingSecret = fails({ VINYLDNS_URL: 'http://x', VINYLDNS_ACCESS_KEY: 'AKIA-SECRET-LOOKING' });
    expect(missingSecret).toMatch(/VINYLDNS_SECRET_KEY is required/);
    expect(missingSecret).not.toContain('AKIA-SECRET-LOOKING');
    expect(fails({ OPENSRS_URL: 'http://x', OPENSRS_USER: 'u' })).toMatch(/OPENSRS_PASSWORD \(or OPENSRS_TOKEN\) is required/);
    expect(fails({ OPENSRS_URL: 'http://x', OPENSRS_USER: 'u', OPENSRS_PASSWORD: 'p', OPENSRS_TOKEN: 't' })).toMatch(/set only one/);
    expect(fails({ OPENSRS_URL: 'http://x', OPENSRS_PASSWORD: 'hunter2' })).toMatch(/OPENSRS_USER is required/);
    expect(fails({ PORT: '99999' })).toMatch(/PORT must be a whole number from 0 to 65535/);
    expect(fails({ VINYLDNS_URL: 'https://user:pw@x', VINYLDNS_ACCESS_KEY: 'a', VINYLDNS_SECRET_KEY: 's' })).not.toContain('pw');
  });
});
