// OpenTelemetry: with tracing on (an in-process InMemorySpanExporter in place of OTLP), each
// operation is a SERVER span, a child of the caller's `traceparent`, and each upstream call a
// CLIENT span under it (provider, endpoint template, status, page position, retries) whose id
// the upstream received in its own `traceparent`. With tracing off, no `traceparent` goes out.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startGateProxy, type GateProxy } from '../helpers/gate-proxy.js';
import { postIncremental, rest } from '../helpers/incremental.js';
import { startStack, type Stack } from '../helpers/stack.js';

const CALLER_TRACE = '0af7651916cd43dd8448eb211c80319c';
const CALLER_SPAN = 'b7ad6b7169203331';
const TRACEPARENT = `00-${CALLER_TRACE}-${CALLER_SPAN}-01`;

const TIMELINE = `query Timeline($domain: String!) {
  changes(domain: $domain, first: 5) { unavailableProviders edges { node { id provider } } }
}`;

const exporter = new InMemorySpanExporter();
let stack: Stack;
// In front of OpenSRS, whose simulator keeps no request headers: records what OpenSRS receives.
let opensrs: GateProxy;
beforeAll(async () => {
  opensrs = await startGateProxy();
  stack = await startStack({
    config: (c) => ({ ...c, opensrs: { ...c.opensrs!, url: opensrs.urlFor(c.opensrs!.url) }, tracing: { serviceName: 'changegraph-test', exporter } }),
  });
});
afterAll(async () => {
  await stack.close();
  await opensrs.stop();
});
beforeEach(() => {
  exporter.reset();
  stack.sandbox.vinyldns.clearLog();
  opensrs.received.length = 0;
  stack.sandbox.vinyldns.clearFaults();
  stack.sandbox.opensrs.clearFaults();
});

const spans = () => exporter.getFinishedSpans();
const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;

/** The operation span named `name`, once it has ended. */
async function operationSpan(name: string): Promise<ReadableSpan> {
  await expect.poll(() => spans().some((s) => s.name === name)).toBe(true);
  return spans().find((s) => s.name === name)!;
}

describe('tracing on', () => {
  it("traces the operation under the caller's span, and each upstream call under the operation", async () => {
    const res = await stack.gql(TIMELINE, { domain: 'example.com' }, { traceparent: TRACEPARENT });
    expect(res.errors).toBeUndefined();
    const operation = await operationSpan('query Timeline');
    expect(operation.kind).toBe(SpanKind.SERVER);
    expect(operation.spanContext().traceId).toBe(CALLER_TRACE);
    expect(parentOf(operation)).toBe(CALLER_SPAN);
    expect(operation.attributes).toMatchObject({ 'graphql.operation.type': 'query', 'graphql.operation.name': 'Timeline' });
    expect(operation.resource.attributes['service.name']).toBe('changegraph-test');
    expect(operation.status.code).not.toBe(SpanStatusCode.ERROR);

    const calls = spans().filter((s) => s.kind === SpanKind.CLIENT);
    expect(new Set(calls.map((s) => s.attributes['changegraph.provider']))).toEqual(new Set(['VINYLDNS', 'OPENSRS']));
    for (const call of calls) {
      expect(parentOf(call)).toBe(operation.spanContext().spanId);
      expect(call.spanContext().traceId).toBe(CALLER_TRACE);
      expect(call.attributes['http.response.status_code']).toBe(200);
      expect(call.name).toBe(`${call.attributes['http.request.method']} ${call.attributes['url.template']}`);
    }
    const zoneChanges = calls.find((s) => s.attributes['url.template'] === '/zones/{id}/changes');
    expect(zoneChanges?.attributes).toMatchObject({ 'http.request.method': 'GET', 'changegraph.page.size': expect.any(Number) });
    const mail = calls.find((s) => s.attributes['url.template'] === '/api/get_domain_changes');
    expect(mail?.attributes).toMatchObject({
      'http.request.method': 'POST',
      'changegraph.page.start': expect.stringMatching(/^\d+$/),
      'changegraph.page.size': expect.any(Number),
    });

    // No secret of either upstream is in any span.
    const recorded = JSON.stringify(spans().map((s) => ({ name: s.name, attributes: s.attributes, status: s.status })));
    const upstreams = stack.sandbox.gatewayConfig();
    for (const secret of [upstreams.vinyldns!.secretKey!, upstreams.opensrs!.password!]) expect(recorded).not.toContain(secret);

    // Each upstream received its call's own span as its parent.
    for (const [provider, sent] of [
      ['VINYLDNS', stack.sandbox.vinyldns.log.map((e) => e.headers.traceparent)],
      ['OPENSRS', opensrs.received.map((h) => h.traceparent as string | undefined)],
    ] as const) {
      expect(sent.length).toBeGreaterThan(0);
      const ids = new Set(calls.filter((s) => s.attributes['changegraph.provider'] === provider).map((s) => s.spanContext().spanId));
      for (const header of sent) {
        const [, traceId, spanId] = /^00-([0-9a-f]{32})-([0-9a-f]{16})-01$/.exec(header ?? '') ?? [];
        expect(traceId).toBe(CALLER_TRACE);
        expect(ids.has(spanId)).toBe(true);
      }
    }
  });

  it("counts retries on the call's span and marks a failing provider's calls and the operation", async () => {
    stack.sandbox.vinyldns.failNext({ httpStatus: 503 }, 1, '/zones/name/');
    stack.sandbox.opensrs.failNext({ httpStatus: 503 }, 10);
    const res = await stack.gql(TIMELINE, { domain: 'example.com' });
    expect(res.data.changes.unavailableProviders).toEqual(['OPENSRS']);
    const operation = await operationSpan('query Timeline');
    expect(operation.status.code).toBe(SpanStatusCode.ERROR);
    expect(operation.attributes['changegraph.error_codes']).toEqual(['UPSTREAM_UNAVAILABLE']);
    const calls = spans().filter((s) => s.kind === SpanKind.CLIENT);
    const retried = calls.find((s) => s.attributes['url.template'] === '/zones/name/{name}');
    expect(retried?.attributes).toMatchObject({ 'http.response.status_code': 200, 'http.request.resend_count': 1 });
    const mail = calls.filter((s) => s.attributes['changegraph.provider'] === 'OPENSRS');
    expect(mail.length).toBeGreaterThan(0);
    for (const call of mail) expect(call.status).toMatchObject({ code: SpanStatusCode.ERROR });
  });

  it("ends a streamed operation's span with its last part, its deferred calls under it", async () => {
    const query = `query Deferred { zone(name: "example.com") { name ... @defer { domain { changes(first: 2) { totalCount } } } } }`;
    const payloads = await rest((await postIncremental(stack.url, query)).parts);
    expect(payloads.length).toBeGreaterThan(1);
    const operation = await operationSpan('query Deferred');
    const mail = spans().find((s) => s.attributes['changegraph.provider'] === 'OPENSRS');
    expect(parentOf(mail!)).toBe(operation.spanContext().spanId);
    // The span covers the deferred call.
    const end = (s: ReadableSpan) => s.endTime[0] * 1e9 + s.endTime[1];
    expect(end(operation)).toBeGreaterThanOrEqual(end(mail!));
  });

  it('traces an operation refused before it runs', async () => {
    await stack.gql('query Broken { nosuchfield }');
    const operation = await operationSpan('graphql.operation');
    expect(operation.status.code).toBe(SpanStatusCode.ERROR);
    expect(operation.attributes['changegraph.error_codes']).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(spans().filter((s) => s.kind === SpanKind.CLIENT)).toEqual([]);
  });
});

describe('OTLP export', () => {
  it('posts the spans to the collector at OTEL_EXPORTER_OTLP_ENDPOINT/v1/traces, at the latest when the gateway closes', async () => {
    const received: Array<{ path: string; type: string; body: Buffer }> = [];
    const collector = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ path: req.url ?? '', type: String(req.headers['content-type']), body: Buffer.concat(chunks) });
        res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    try {
      const endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
      const { tracing } = loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_SERVICE_NAME: 'changegraph-otlp-test' });
      const exporting = await startStack({ config: (c) => ({ ...c, tracing }) });
      const res = await exporting.gql(TIMELINE, { domain: 'example.com' });
      expect(res.errors).toBeUndefined();
      await exporting.close();
      expect(received.length).toBeGreaterThan(0);
      expect(received[0].path).toBe('/v1/traces');
      expect(received[0].type).toMatch(/application\/x-protobuf|application\/json/);
      const all = Buffer.concat(received.map((r) => r.body)).toString('latin1');
      for (const text of ['changegraph-otlp-test', 'query Timeline', 'GET /zones/{id}/changes', 'POST /api/get_domain_changes']) expect(all).toContain(text);
    } finally {
      collector.close();
    }
  });
});

describe('tracing off', () => {
  let plain: Stack;
  beforeAll(async () => {
    plain = await startStack();
  });
  afterAll(() => plain.close());

  it('sends no traceparent upstream', async () => {
    const res = await plain.gql(TIMELINE, { domain: 'example.com' }, { traceparent: TRACEPARENT });
    expect(res.errors).toBeUndefined();
    expect(plain.sandbox.vinyldns.log.length).toBeGreaterThan(0);
    expect(plain.sandbox.vinyldns.log.every((e) => e.headers.traceparent === undefined)).toBe(true);
  });

  it('is the default: tracing is configured only by an OTLP endpoint', () => {
    expect(loadConfig({}).tracing).toBeUndefined();
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' }).tracing).toEqual({
      serviceName: 'changegraph',
      exporter: { otlpUrl: 'http://127.0.0.1:4318/v1/traces' },
    });
    expect(loadConfig({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/custom', OTEL_SERVICE_NAME: 'edge' }).tracing).toEqual({
      serviceName: 'edge',
      exporter: { otlpUrl: 'http://collector:4318/custom' },
    });
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'not a url' })).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT/);
  });
});
