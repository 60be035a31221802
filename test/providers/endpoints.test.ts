// Endpoint templates for metric labels: the fixed words stay, every id or name becomes a placeholder.
import { describe, expect, it } from 'vitest';
import { endpointTemplate } from '../../src/providers/endpoints.js';

describe('endpointTemplate', () => {
  it('keeps VinylDNS route words and replaces ids, names and the query', () => {
    const id = '9ffcc04b-c036-41f2-95c0-0e52f593246a';
    expect(endpointTemplate('VINYLDNS', '/zones?maxItems=100&nameFilter=secret')).toBe('/zones');
    expect(endpointTemplate('VINYLDNS', `/zones/${id}`)).toBe('/zones/{id}');
    expect(endpointTemplate('VINYLDNS', '/zones/name/internal.corp.')).toBe('/zones/name/{name}');
    expect(endpointTemplate('VINYLDNS', '/zones/name/changes')).toBe('/zones/name/{name}'); // a zone named like a route word
    expect(endpointTemplate('VINYLDNS', `/zones/${id}/recordsetchanges?startFrom=25`)).toBe('/zones/{id}/recordsetchanges');
    expect(endpointTemplate('VINYLDNS', `/zones/${id}/recordsets/${id}/changes/${id}`)).toBe('/zones/{id}/recordsets/{id}/changes/{id}');
    expect(endpointTemplate('VINYLDNS', `/metrics/health/zones/${id}/recordsetchangesfailure`)).toBe('/metrics/health/zones/{id}/recordsetchangesfailure');
    expect(endpointTemplate('VINYLDNS', '/recordsetchange/history?fqdn=www.example.com.')).toBe('/recordsetchange/history');
    expect(endpointTemplate('VINYLDNS', '/ping')).toBe('/ping');
  });

  it('keeps OpenSRS method names and nothing else', () => {
    expect(endpointTemplate('OPENSRS', '/api/get_domain_changes')).toBe('/api/get_domain_changes');
    expect(endpointTemplate('OPENSRS', '/api/authenticate')).toBe('/api/authenticate');
    expect(endpointTemplate('OPENSRS', '/api/Not-A-Method.x')).toBe('/api/{segment}');
    expect(endpointTemplate('OPENSRS', '/other/thing')).toBe('/{segment}/{segment}');
  });
});
