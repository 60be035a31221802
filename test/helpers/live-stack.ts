// A gateway on the sandbox with fast live polling, fresh domains whose three change lists tests
// fill at chosen seconds, and the checks every live test makes.
import { expect } from 'vitest';
import { DEFAULT_LIVE, type LiveConfig } from '../../src/live/config.js';
import type { GatewayConfig } from '../../src/config.js';
import { keyOf, until } from './live-clients.js';
import { startStack, type Stack } from './stack.js';

export const POLL_MS = 50;

export const fastLive = (overrides: Partial<LiveConfig> = {}): LiveConfig => ({
  ...DEFAULT_LIVE,
  pollIntervalMs: POLL_MS,
  maxPollIntervalMs: POLL_MS,
  ...overrides,
});

export function startLiveStack(live: Partial<LiveConfig> = {}, config?: (base: GatewayConfig) => GatewayConfig): Promise<Stack> {
  return startStack({ config: (c) => ({ ...(config ? config(c) : c), live: fastLive(live) }) });
}

export type Kind = 'zone' | 'recordSet' | 'mail';

export interface LiveDomain {
  domain: string;
  zoneId: string;
  /** Lands a change of `kind` at second `base + second`; returns its key (see keyOf). */
  land(kind: Kind, second: number): string;
  /** Lands one change of each kind, twice, in one second (a burst across all three lists). */
  burst(second: number): string[];
}

let made = 0;

/**
 * A zone `<domain>.` and a mail domain `<domain>` with a little history. Changes land at chosen
 * seconds of the last minute (VinylDNS lists no change "from the future"), always after the
 * newest one, as changes land upstream.
 */
export function liveDomain(stack: Stack, history = 2): LiveDomain {
  const domain = `live-${process.pid}-${++made}.example`;
  const vinyl = stack.sandbox.vinyldns.store;
  const mail = stack.sandbox.opensrs.store;
  const zone = vinyl.addZone(`${domain}.`, { createdMs: Date.now() - 86_400_000 });
  mail.addDomain(domain);
  const base = Math.floor(Date.now() / 1000) - 50;
  let n = 0;
  const land = (kind: Kind, second: number): string => {
    const ms = (base + second) * 1000 + (n % 900);
    n++;
    if (kind === 'zone') return `zc:${vinyl.appendZoneChange(zone.id, { createdMs: ms }).id}`;
    if (kind === 'recordSet') return `rc:${vinyl.appendRecordSetChange(zone.id, { createdMs: ms }).id}`;
    const msg = `change ${n} of ${domain}`;
    mail.appendChange(domain, { time: base + second, msg });
    return `dc:${msg}`;
  };
  for (let i = 0; i < history; i++) for (const kind of ['zone', 'recordSet', 'mail'] as const) land(kind, -5 + i);
  return {
    domain,
    zoneId: zone.id,
    land,
    burst: (second) => (['zone', 'recordSet', 'mail', 'recordSet', 'zone', 'mail'] as const).map((kind) => land(kind, second)),
  };
}

/** Waits until `n` subscriptions are open here and every one of them has started. */
export async function started(stack: Stack, n = 1): Promise<void> {
  await until(() => {
    const stats = stack.gateway.live.stats();
    return stats.subscriptions === n && stats.joining === 0;
  }, `${n} subscriptions to start`);
}

/** Stops the subscriptions and waits until this gateway has none left (and no poller). */
export async function stopAll(stack: Stack, ...subs: Array<{ stop(): void }>): Promise<void> {
  for (const sub of subs) sub.stop();
  await until(() => stack.gateway.live.stats().channels === 0, 'every subscription to end');
}

export async function pollsMade(stack: Stack): Promise<number> {
  return (await stack.gateway.live.metrics.polls.get()).values[0]?.value ?? 0;
}

/** Waits until the gateway has polled `n` more times (so anything still to come would have come). */
export async function afterPolls(stack: Stack, n: number): Promise<void> {
  const start = await pollsMade(stack);
  await until(async () => (await pollsMade(stack)) >= start + n, `${n} more polls`);
}

/** The newest edge's cursor of Query.changes for the domain: where a subscriber starts from. */
export async function headCursor(stack: Stack, domain: string, args = ''): Promise<string> {
  const res = await stack.gql(`{ changes(domain: "${domain}", first: 1${args}) { edges { cursor } } }`);
  expect(res.errors).toBeUndefined();
  return res.data.changes.edges[0].cursor;
}

/**
 * The events are exactly the landed changes, each once; each list's changes in the order they
 * landed; times never going back.
 */
export function expectExactlyOnce(edges: Array<{ node: any }>, landed: string[]): void {
  const keys = edges.map((e) => keyOf(e.node));
  expect(new Set(keys).size, 'no change twice').toBe(keys.length);
  expect([...keys].sort()).toEqual([...landed].sort());
  for (const lane of ['zc:', 'rc:', 'dc:'])
    expect(
      keys.filter((k) => k.startsWith(lane)),
      lane,
    ).toEqual(landed.filter((k) => k.startsWith(lane)));
  const times = edges.map((e) => Date.parse(e.node.occurredAt));
  expect(
    times.every((t, i) => i === 0 || t >= times[i - 1]),
    'oldest first',
  ).toBe(true);
}
