// /readiness: recent answers from real traffic count; otherwise each upstream is probed (VinylDNS
// GET /ping, OpenSRS authenticate); a provider that does not answer makes it 503, named in the body.
import { afterEach, describe, expect, it } from 'vitest';
import { Readiness } from '../../src/observability/readiness.js';
import { startStack, type Stack } from '../helpers/stack.js';

describe('Readiness', () => {
  const event = (status: number) => ({ provider: 'VINYLDNS' as const, method: 'GET', endpoint: '/zones', status, durationMs: 1 });

  it('trusts an answer below 500 from the last 30 s, then probes again', async () => {
    let now = 1_000_000;
    let probes = 0;
    const readiness = new Readiness([{ provider: 'VINYLDNS', probe: async () => void probes++ }], { now: () => now });
    readiness.noteResponse(event(403)); // refused, but answered
    expect((await readiness.check()).ready).toBe(true);
    expect(probes).toBe(0);
    now += 31_000;
    expect((await readiness.check()).ready).toBe(true);
    expect(probes).toBe(1);
  });

  it('does not count 5xx or network failures as answers', async () => {
    const readiness = new Readiness([{ provider: 'VINYLDNS', probe: async () => Promise.reject(new Error('down')) }]);
    readiness.noteResponse(event(503));
    readiness.noteResponse(event(0));
    expect(await readiness.check()).toEqual({ ready: false, failing: ['VINYLDNS'], providers: { VINYLDNS: 'unavailable' } });
  });

  it('cuts a hanging probe off, and runs one probe at a time per provider', async () => {
    let started = 0;
    const readiness = new Readiness([{ provider: 'OPENSRS', probe: () => (started++, new Promise<void>(() => {})) }], { probeTimeoutMs: 50 });
    const [a, b] = await Promise.all([readiness.check(), readiness.check()]);
    expect(a.failing).toEqual(['OPENSRS']);
    expect(b.failing).toEqual(['OPENSRS']);
    expect(started).toBe(1);
  });
});

describe('GET /readiness', () => {
  let stack: Stack | undefined;
  afterEach(async () => {
    await stack?.close();
    stack = undefined;
  });
  const readiness = async (s: Stack) => {
    const res = await fetch(`${s.url}/readiness`);
    return { status: res.status, body: (await res.json()) as any };
  };

  it('probes both upstreams cheaply when nothing answered recently', async () => {
    stack = await startStack();
    expect(await readiness(stack)).toEqual({ status: 200, body: { status: 'ready', providers: { VINYLDNS: 'ready', OPENSRS: 'ready' } } });
    expect(stack.sandbox.vinyldns.log.map((e) => e.path)).toEqual(['/ping']);
    expect(stack.sandbox.opensrs.log.map((e) => e.path)).toEqual(['/api/authenticate']);
  });

  it('needs no probe after real traffic answered', async () => {
    stack = await startStack();
    await stack.gql('{ zone(name: "ok") { name } domain(name: "example.com") { name } }');
    const before = stack.sandbox.vinyldns.log.length + stack.sandbox.opensrs.log.length;
    expect((await readiness(stack)).status).toBe(200);
    expect(stack.sandbox.vinyldns.log.length + stack.sandbox.opensrs.log.length).toBe(before);
  });

  it('is 503 naming VinylDNS while its probe fails with 5xx, and ready again once it answers', async () => {
    stack = await startStack();
    stack.sandbox.vinyldns.failNext({ httpStatus: 503 }, 100, '/ping');
    expect(await readiness(stack)).toEqual({
      status: 503,
      body: { status: 'unavailable', failing: ['VINYLDNS'], providers: { VINYLDNS: 'unavailable', OPENSRS: 'ready' } },
    });
    stack.sandbox.vinyldns.clearFaults();
    expect((await readiness(stack)).status).toBe(200);
  });

  it('is 503 naming OpenSRS when it cannot be reached', async () => {
    stack = await startStack();
    await stack.sandbox.opensrs.close();
    const { status, body } = await readiness(stack);
    expect(status).toBe(503);
    expect(body.failing).toEqual(['OPENSRS']);
    expect(body.providers.VINYLDNS).toBe('ready');
  });

  it('checks only the configured upstreams', async () => {
    stack = await startStack({ config: (c) => ({ ...c, opensrs: undefined }) });
    expect(await readiness(stack)).toEqual({ status: 200, body: { status: 'ready', providers: { VINYLDNS: 'ready' } } });
  });
});
