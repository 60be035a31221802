// One operation cannot crowd out everybody else (issue 11): it has at most
// MAX_UPSTREAM_CALLS_IN_FLIGHT calls out at once, so another caller's call goes out next to its
// first few instead of behind all of them. A proxy in front of VinylDNS holds every call until the
// test opens it, so the order in which calls reach VinylDNS is the whole evidence.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/limits/config.js';
import { startGateProxy, type GateProxy } from '../helpers/gate-proxy.js';
import { sandboxZone, startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
let gate: GateProxy;
beforeAll(async () => {
  gate = await startGateProxy();
  stack = await startStack({
    config: (c) => ({
      ...c,
      vinyldns: { ...c.vinyldns!, url: gate.urlFor(c.vinyldns!.url) },
      limits: { ...DEFAULT_LIMITS, maxUpstreamCallsInFlight: 3 },
    }),
  });
});
afterAll(async () => {
  await stack.close();
  await gate.stop();
});

const held = async (n: number) => {
  while (gate.held < n) await new Promise((r) => setTimeout(r, 5));
};

it('sends at most MAX_UPSTREAM_CALLS_IN_FLIGHT calls of one operation at once; another caller’s call goes out beside them', async () => {
  const ids = [
    ...['example.com.', 'shop.example.com.', 'acme.io.', 'mail.example.net.', 'internal.corp.'].map((n) => sandboxZone(stack, n).id),
    ...Array.from({ length: 5 }, (_, i) => `no-such-zone-${i}`),
  ];
  const fields = ids.map((id, i) => `z${i}: zone(zoneId: "${id}") { name }`).join(' ');
  gate.close();
  const wide = stack.gql(`{ ${fields} }`);
  await held(3);
  const other = stack.gql(`{ zone(zoneId: "${sandboxZone(stack, 'big.example.org.').id}") { name } }`);
  await held(4);
  expect(gate.paths).toHaveLength(4);
  expect(gate.paths[3]).toContain(sandboxZone(stack, 'big.example.org.').id);
  gate.open();
  expect(await other).toEqual({ data: { zone: { name: 'big.example.org.' } } });
  const answer = await wide;
  // Every field was still read, three at a time.
  expect(gate.paths.filter((p) => ids.some((id) => p.endsWith(`/zones/${id}`)))).toHaveLength(10);
  expect(Object.values(answer.data as Record<string, { name: string } | null>).filter((z) => z !== null)).toHaveLength(5);
});
