// GET /metrics: operations by name and outcome, errors by code, upstream calls by provider,
// endpoint template and status (0 for no answer) with latency histograms, and the breaker state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayMetrics } from '../../src/observability/metrics.js';
import { startStack, type Stack } from '../helpers/stack.js';

const scrape = async (s: Stack) => {
  const res = await fetch(`${s.url}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
  return res.text();
};
/** The value of the sample with exactly these labels. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = text.split('\n').find((l) => {
    const m = /^([a-z_]+)\{(.*)\} (\S+)$/.exec(l);
    return (
      m !== null &&
      m[1] === name &&
      m[2]
        .split(/,(?=[a-z_]+=)/)
        .sort()
        .join(',') === [...wanted].sort().join(',')
    );
  });
  return line === undefined ? undefined : Number(line.split(' ').pop());
}

describe('GET /metrics', () => {
  let stack: Stack;
  let text: string;
  beforeAll(async () => {
    stack = await startStack();
    await stack.gql('query ZoneByName { zone(name: "ok") { name changes(first: 2) { nodes { id } } } }');
    await stack.gql('query ZoneByName { zone(name: "ok") { name } }');
    await stack.gql('query Partial { zone(name: "ok") { name } bad: zone(name: "not a name!") { name } }');
    await stack.gql('query TooBig { zones(first: 500) { nodes { name } } }');
    await stack.gql(`query Deep { zones(first: 1) { nodes { ${'zone { changes(first: 1) { nodes { '.repeat(4)}id${' } } }'.repeat(4)} } } }`);
    stack.sandbox.vinyldns.failNext({ reset: true }, 1, '/zones');
    await stack.gql('query Listing { zones(first: 1) { nodes { name } } }');
    await stack.gql('{ domain(name: "example.com") { name } }');
    text = await scrape(stack);
  });
  afterAll(() => stack.close());

  it('counts operations by name and outcome', () => {
    const op = (operation: string, outcome: string) => sample(text, 'changegraph_graphql_operations_total', { operation, outcome });
    expect(op('ZoneByName', 'success')).toBe(2);
    expect(op('Partial', 'partial')).toBe(1);
    expect(op('TooBig', 'error')).toBe(1);
    expect(op('Deep', 'rejected')).toBe(1);
    expect(op('Listing', 'success')).toBe(1);
    expect(op('anonymous', 'success')).toBe(1);
  });

  it('counts errors by code', () => {
    expect(sample(text, 'changegraph_graphql_errors_total', { code: 'BAD_USER_INPUT' })).toBe(2);
    expect(sample(text, 'changegraph_graphql_errors_total', { code: 'DEPTH_LIMIT_EXCEEDED' })).toBe(1);
  });

  it('counts upstream calls by provider, endpoint template and status, with latency histograms', () => {
    const calls = (provider: string, endpoint: string, status: string) => sample(text, 'changegraph_upstream_requests_total', { provider, endpoint, status });
    expect(calls('VINYLDNS', '/zones/name/{name}', '200')).toBeGreaterThanOrEqual(1);
    expect(calls('VINYLDNS', '/zones/{id}', '200')).toBeGreaterThanOrEqual(1);
    expect(calls('VINYLDNS', '/zones/{id}/changes', '200')).toBe(1);
    expect(calls('VINYLDNS', '/zones', '0')).toBe(1); // the reset: no answer, then the retry
    expect(calls('VINYLDNS', '/zones', '200')).toBe(1);
    expect(calls('OPENSRS', '/api/get_domain_changes', '200')).toBeGreaterThanOrEqual(1);
    const count = sample(text, 'changegraph_upstream_request_duration_seconds_count', { provider: 'VINYLDNS', endpoint: '/zones/{id}/changes', status: '200' });
    expect(count).toBe(1);
    expect(
      sample(text, 'changegraph_upstream_request_duration_seconds_bucket', {
        provider: 'VINYLDNS',
        endpoint: '/zones/{id}/changes',
        status: '200',
        le: '+Inf',
      }),
    ).toBe(1);
  });

  it('never puts an id, a zone name or a query string in a label', () => {
    const ours = text.split('\n').filter((l) => l.startsWith('changegraph_upstream'));
    expect(ours.length).toBeGreaterThan(0);
    for (const line of ours) {
      expect(line).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
      expect(line).not.toMatch(/ok\.|\?|maxItems/);
    }
  });

  it('shows each upstream breaker as closed (0)', () => {
    expect(sample(text, 'changegraph_upstream_breaker_state', { provider: 'VINYLDNS' })).toBe(0);
    expect(sample(text, 'changegraph_upstream_breaker_state', { provider: 'OPENSRS' })).toBe(0);
  });
});

describe('breaker gauge', () => {
  it('reads 2 while the breaker is open', async () => {
    const stack = await startStack({
      config: (c) => ({ ...c, resilience: { retries: 0, retryBaseDelayMs: 1, maxConcurrent: 8, breaker: { failureThreshold: 1, resetAfterMs: 60_000 } } }),
    });
    try {
      stack.sandbox.vinyldns.failNext({ httpStatus: 500 }, 1);
      await stack.gql('{ zone(name: "ok") { name } }');
      const text = await scrape(stack);
      expect(sample(text, 'changegraph_upstream_breaker_state', { provider: 'VINYLDNS' })).toBe(2);
      expect(sample(text, 'changegraph_upstream_breaker_state', { provider: 'OPENSRS' })).toBe(0);
    } finally {
      await stack.close();
    }
  });
});

describe('GatewayMetrics operation labels', () => {
  it('keep at most 200 distinct names, and only GraphQL names', async () => {
    const metrics = new GatewayMetrics(() => [], { processMetrics: false });
    for (let i = 0; i < 250; i++) metrics.observeOperation(`Op${i}`, 'success');
    metrics.observeOperation('not a name"}', 'success');
    metrics.observeOperation(undefined, 'rejected');
    const text = await metrics.registry.metrics();
    expect(sample(text, 'changegraph_graphql_operations_total', { operation: 'Op199', outcome: 'success' })).toBe(1);
    expect(sample(text, 'changegraph_graphql_operations_total', { operation: 'Op200', outcome: 'success' })).toBeUndefined();
    expect(sample(text, 'changegraph_graphql_operations_total', { operation: 'other', outcome: 'success' })).toBe(51);
    expect(sample(text, 'changegraph_graphql_operations_total', { operation: 'anonymous', outcome: 'rejected' })).toBe(1);
  });
});
