// The live pollers on an injected clock, over in-memory lanes: when they poll, what one poll
// costs, what subscribers receive (each change once, oldest first), how failures are reported
// and recovered from, and how a relay fills gaps or gives up.
import { describe, expect, it } from 'vitest';
import { GatewayError } from '../../src/errors.js';
import type { SourceKey } from '../../src/feed/position.js';
import { Channel } from '../../src/live/channel.js';
import { LocalCoordinator, type Coordinator, type KeyListener } from '../../src/live/coordinator.js';
import { IDLE_POLLS, Poller } from '../../src/live/poller.js';
import { Subscriber, type CatchUp } from '../../src/live/subscriber.js';
import type { LiveBatch, LiveEvent, PollerState } from '../../src/live/types.js';
import { FakeClock, settle } from '../helpers/fake-clock.js';
import { idOf, MemoryLanes } from '../helpers/memory-lanes.js';

interface HarnessOptions {
  interval?: number;
  max?: number;
  keys?: SourceKey[];
  actor?: string;
  coordinator?: Coordinator;
}

function harness(options: HarnessOptions = {}) {
  const clock = new FakeClock();
  const lanes = new MemoryLanes(clock, options.keys);
  const coordinator = options.coordinator ?? new LocalCoordinator();
  const interval = options.interval ?? 100;
  const commits: LiveBatch[] = [];
  let closed = false;
  const channel = new Channel({
    key: 'k',
    coordinator,
    clock,
    intervalMs: interval,
    makePoller: (state: PollerState | undefined, commit, onLost) =>
      new Poller({
        lanes,
        actor: options.actor ?? null,
        encode: (p) => JSON.stringify(p),
        clock,
        intervalMs: interval,
        maxIntervalMs: options.max ?? interval,
        limit: 1000,
        state,
        commit: async (batch, next) => {
          commits.push(batch);
          return commit(batch, next);
        },
        onLost,
      }),
    onClosed: () => {
      closed = true;
    },
  });
  const subscribe = (catchUp?: CatchUp) => {
    const subscriber = new Subscriber({ catchUp, onClose: (s) => channel.remove(s), retry: (run) => clock.setTimeout(run, interval) });
    void channel.add(subscriber);
    const events: LiveEvent[] = [];
    let ended = false;
    void (async () => {
      for await (const event of subscriber.events) events.push(event);
      ended = true;
    })();
    return {
      subscriber,
      events,
      ids: () => events.flatMap((e) => ('edge' in e ? [idOf(e.edge.node)] : [])),
      cursors: () => events.flatMap((e) => ('edge' in e ? [JSON.parse(e.edge.cursor)] : [])),
      errors: () => events.flatMap((e) => ('error' in e ? [e.error] : [])),
      ended: () => ended,
      stop: () => subscriber.events.return(),
    };
  };
  return { clock, lanes, channel, subscribe, commits, closed: () => closed, interval };
}

const gaps = (times: number[]) => times.slice(1).map((t, i) => t - times[i]);

describe('a key with subscribers', () => {
  it('starts at the head, then delivers every change once, oldest first, several in one second included', async () => {
    const h = harness();
    h.lanes.land('zc');
    h.lanes.land('dc');
    const s = h.subscribe();
    await h.clock.advance(0);
    expect(s.subscriber.joined).toBe(true);

    // One second, all three lanes, found by one poll: time, then OpenSRS, record sets, zones.
    const rc1 = h.lanes.land('rc');
    const zc1 = h.lanes.land('zc');
    const zc2 = h.lanes.land('zc');
    const dc1 = h.lanes.land('dc');
    await h.clock.advance(100);
    // The same second again, found by the next poll: delivered after what was delivered.
    const zc3 = h.lanes.land('zc');
    const dc2 = h.lanes.land('dc');
    await h.clock.advance(100);
    await h.clock.advance(1000);
    const rc2 = h.lanes.land('rc');
    await h.clock.advance(100);

    expect(s.ids()).toEqual([dc1, rc1, zc1, zc2, dc2, zc3, rc2]);
    expect(s.errors()).toEqual([]);
    // Each cursor holds the event's own lane at the event, the others at what was delivered.
    const last = s.cursors().at(-1);
    expect(last.rc.i).toBe(rc2);
    expect(last.h.zc.i).toBe(zc3);
    expect(last.h.dc.i).toBe(dc2);
  });

  it('serves 200 subscribers with one poll per interval, one read per lane when nothing is new', async () => {
    const h = harness();
    const subs = Array.from({ length: 200 }, () => h.subscribe());
    await h.clock.advance(0);
    // All 200 joins were answered by the same first poll.
    expect(h.commits).toHaveLength(1);
    expect(subs.every((s) => s.subscriber.joined)).toBe(true);

    const before = { ...h.lanes.calls };
    await h.clock.advance(10 * h.interval);
    for (const key of ['zc', 'rc', 'dc'] as const) expect(h.lanes.calls[key] - before[key], key).toBe(10);

    const id = h.lanes.land('rc');
    await h.clock.advance(h.interval);
    expect(subs.every((s) => s.ids().length === 1 && s.ids()[0] === id)).toBe(true);
  });

  it('answers joins that arrive together with one poll, and a join sooner than the next interval', async () => {
    const h = harness({ interval: 1000 });
    h.subscribe();
    await h.clock.advance(0);
    const polls = h.lanes.calls.zc;
    await h.clock.advance(300);
    const late = Array.from({ length: 50 }, () => h.subscribe());
    await h.clock.advance(0);
    expect(late.every((s) => s.subscriber.joined)).toBe(true);
    expect(h.lanes.calls.zc - polls).toBe(1);
  });

  it('answers a join that arrives during a slow poll right after it', async () => {
    const h = harness({ interval: 1000 });
    h.subscribe();
    await h.clock.advance(0);
    let release!: () => void;
    h.lanes.gate = new Promise<void>((resolve) => (release = resolve));
    await h.clock.advance(1000); // a poll starts, and waits for the upstream
    const late = h.subscribe();
    await settle();
    h.lanes.gate = undefined;
    release();
    await h.clock.advance(0);
    expect(late.subscriber.joined).toBe(true);
  });

  it('reports a failing provider once, keeps the others coming, and delivers its changes when it is back', async () => {
    const h = harness({ interval: 100, max: 800 });
    const s = h.subscribe();
    await h.clock.advance(0);

    h.lanes.failing.add('dc');
    const dc1 = h.lanes.land('dc');
    const zc1 = h.lanes.land('zc');
    await h.clock.advance(100);
    expect(s.ids()).toEqual([zc1]);
    expect(s.errors().map((e) => [e.code, e.provider])).toEqual([['UPSTREAM_UNAVAILABLE', 'OPENSRS']]);

    const dc2 = h.lanes.land('dc');
    await h.clock.advance(1000);
    const zc2 = h.lanes.land('zc');
    await h.clock.advance(2000);
    expect(s.ids()).toEqual([zc1, zc2]);
    expect(s.errors()).toHaveLength(1);
    // Backing off while it fails: the interval doubles, up to the maximum.
    expect(gaps(h.lanes.readsAt.dc).slice(1, 6)).toEqual([200, 400, 800, 800, 800]);

    h.lanes.failing.delete('dc');
    await h.clock.advance(800);
    expect(s.ids()).toEqual([zc1, zc2, dc1, dc2]);
    expect(s.errors()).toHaveLength(1);
    // And back to the base interval.
    const at = h.lanes.readsAt.zc.length;
    await h.clock.advance(300);
    expect(gaps(h.lanes.readsAt.zc.slice(at - 1))).toEqual([100, 100, 100]);
  });

  it('backs off when nothing changes for a while, and is back at the base interval when a change lands', async () => {
    const h = harness({ interval: 100, max: 500 });
    h.subscribe();
    await h.clock.advance(0);
    await h.clock.advance(5000);
    // After the first poll (which found the heads), IDLE_POLLS empty polls at the base interval.
    const g = gaps(h.lanes.readsAt.zc);
    expect(g.slice(0, IDLE_POLLS + 1)).toEqual(Array(IDLE_POLLS + 1).fill(100));
    expect(g.slice(IDLE_POLLS + 1, IDLE_POLLS + 7)).toEqual([150, 225, 338, 500, 500, 500]);
    h.lanes.land('zc');
    await h.clock.advance(500);
    const at = h.lanes.readsAt.zc.length;
    await h.clock.advance(300);
    expect(gaps(h.lanes.readsAt.zc.slice(at - 1))).toEqual([100, 100, 100]);
  });

  it('tells a subscriber that joins while a provider fails', async () => {
    const h = harness();
    h.lanes.failing.add('zc');
    h.subscribe();
    await h.clock.advance(0);
    await h.clock.advance(100);
    const late = h.subscribe();
    await h.clock.advance(0);
    expect(late.errors().map((e) => e.provider)).toEqual(['VINYLDNS']);
  });

  it('filters by actor, and the filtered-out changes still move the cursors', async () => {
    const h = harness({ actor: 'BOB' });
    const s = h.subscribe();
    await h.clock.advance(0);
    h.lanes.land('zc', { user: 'alice' });
    const mine = h.lanes.land('dc', { user: 'bob' });
    const hidden = h.lanes.land('rc', { user: 'alice', time: Math.floor(h.clock.now() / 1000) + 5 });
    await h.clock.advance(100);
    expect(s.ids()).toEqual([mine]);
    const more = h.lanes.land('zc', { user: 'Bob', time: Math.floor(h.clock.now() / 1000) + 6 });
    await h.clock.advance(100);
    expect(s.ids()).toEqual([mine, more]);
    expect(s.cursors()[1].h.rc.i).toBe(hidden);
  });

  it('delivers the catch-up first and the batches that arrived meanwhile after it', async () => {
    const h = harness();
    const a = h.subscribe();
    await h.clock.advance(0);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let asked: unknown;
    const b = h.subscribe(async (to) => {
      asked = to;
      await gate;
      return [{ cursor: 'old', node: { change: { id: 'old-1' } } as never }];
    });
    await h.clock.advance(0);
    expect(asked).toEqual(h.commits.at(-1)!.frontier);
    const x = h.lanes.land('zc');
    await h.clock.advance(100);
    expect(a.ids()).toEqual([x]);
    expect(b.ids()).toEqual([]);
    release();
    await settle();
    expect(b.ids()).toEqual(['old-1', x]);
  });

  it('reports a catch-up that a provider fails once, holds what arrives, and tries again', async () => {
    const h = harness();
    h.subscribe();
    await h.clock.advance(0);
    let attempts = 0;
    const b = h.subscribe(async () => {
      if (++attempts < 3) throw new GatewayError('UPSTREAM_UNAVAILABLE', 'OpenSRS could not be reached', 'OPENSRS');
      return [{ cursor: 'old', node: { change: { id: 'old-1' } } as never }];
    });
    await h.clock.advance(0);
    const x = h.lanes.land('zc');
    await h.clock.advance(100);
    expect(b.ids()).toEqual([]);
    await h.clock.advance(200);
    expect(attempts).toBe(3);
    expect(b.ids()).toEqual(['old-1', x]);
    expect(b.errors().map((e) => [e.code, e.provider])).toEqual([['UPSTREAM_UNAVAILABLE', 'OPENSRS']]);
    expect(b.ended()).toBe(false);
  });

  it('ends a subscription whose cursor cannot be resumed from', async () => {
    const h = harness();
    h.subscribe();
    await h.clock.advance(0);
    const b = h.subscribe(async () => {
      throw new GatewayError('BAD_USER_INPUT', 'The cursor points at a change that is no longer in this list', undefined, { reason: 'STALE_CURSOR' });
    });
    await h.clock.advance(0);
    expect(b.ended()).toBe(true);
    expect(b.errors().map((e) => e.details.reason)).toEqual(['STALE_CURSOR']);
  });

  it('stops polling with the last subscriber', async () => {
    const h = harness();
    const subs = [h.subscribe(), h.subscribe()];
    await h.clock.advance(0);
    await subs[0].stop();
    await h.clock.advance(100);
    expect(h.closed()).toBe(false);
    await subs[1].stop();
    await settle();
    expect(h.closed()).toBe(true);
    const calls = h.lanes.totalCalls();
    await h.clock.advance(1000);
    expect(h.lanes.totalCalls()).toBe(calls);
  });

  it('stops polling when a commit is refused (another replica polls the key now)', async () => {
    class Stealable extends LocalCoordinator {
      stolen = false;
      async acquire(key: string, owner: string) {
        return !this.stolen && super.acquire(key, owner);
      }
      async commit(key: string, owner: string, seq: number, batch: LiveBatch, state: PollerState) {
        return !this.stolen && super.commit(key, owner, seq, batch, state);
      }
    }
    const coordinator = new Stealable();
    const h = harness({ coordinator });
    h.subscribe();
    await h.clock.advance(0);
    expect(h.channel.polling).toBe(true);
    coordinator.stolen = true;
    h.lanes.land('zc');
    await h.clock.advance(100);
    expect(h.channel.polling).toBe(false);
    const calls = h.lanes.totalCalls();
    await h.clock.advance(1000);
    expect(h.lanes.totalCalls()).toBe(calls);
  });
});

describe('a relay (a replica that does not poll the key)', () => {
  class RelayOnly implements Coordinator {
    listener!: KeyListener;
    readonly kept: LiveBatch[] = [];
    readonly wakes: string[] = [];
    async listen(_key: string, listener: KeyListener) {
      this.listener = listener;
      return async () => undefined;
    }
    async acquire() {
      return false;
    }
    async release() {}
    async load() {
      return undefined;
    }
    async commit() {
      return false;
    }
    async wake(_key: string, nonce: string) {
      this.wakes.push(nonce);
    }
    async since(_key: string, seq: number) {
      return this.kept.filter((b) => b.seq > seq);
    }
    async close() {}
  }

  const edge = (id: string) => ({ cursor: id, node: { change: { id } } as never });
  const batch = (lineage: string, seq: number, ids: string[], served: string[] = []): LiveBatch => ({
    lineage,
    seq,
    edges: ids.map(edge),
    failed: [],
    failing: [],
    frontier: {},
    served,
  });

  it('asks for its join again when no poll answered it within an interval', async () => {
    const relay = new RelayOnly();
    const h = harness({ coordinator: relay });
    h.subscribe();
    await h.clock.advance(0);
    expect(relay.wakes).toHaveLength(1);
    await h.clock.advance(99);
    expect(relay.wakes).toHaveLength(1);
    await h.clock.advance(100);
    expect(relay.wakes.length).toBeGreaterThanOrEqual(2);
    expect(new Set(relay.wakes).size).toBe(1);
  });

  it('relays in order, skips repeats, replays what pub/sub lost, and ends subscriptions when it cannot', async () => {
    const relay = new RelayOnly();
    const h = harness({ coordinator: relay });
    const s = h.subscribe();
    await h.clock.advance(0);
    relay.listener.batch(batch('A', 1, ['before'], []));
    relay.listener.batch(batch('A', 2, [], [relay.wakes[0]]));
    relay.listener.batch(batch('A', 3, ['e1']));
    relay.kept.push(batch('A', 4, ['e2']));
    relay.listener.batch(batch('A', 5, ['e3']));
    relay.listener.batch(batch('A', 4, ['e2']));
    await settle();
    expect(s.ids()).toEqual(['e1', 'e2', 'e3']);

    relay.listener.batch(batch('A', 8, ['e6']));
    await settle();
    expect(s.ended()).toBe(true);
    expect(s.errors().map((e: GatewayError) => [e.code, e.details.reason])).toEqual([['UPSTREAM_UNAVAILABLE', 'EVENTS_LOST']]);
    expect(s.ids()).toEqual(['e1', 'e2', 'e3']);
  });

  it('ends subscriptions when the key starts over at the heads (a new lineage)', async () => {
    const relay = new RelayOnly();
    const h = harness({ coordinator: relay });
    const s = h.subscribe();
    await h.clock.advance(0);
    relay.listener.batch(batch('A', 1, [], [relay.wakes[0]]));
    relay.listener.batch(batch('A', 2, ['e1']));
    relay.listener.batch(batch('B', 1, ['e9']));
    await settle();
    expect(s.ids()).toEqual(['e1']);
    expect(s.errors().map((e) => e.details.reason)).toEqual(['EVENTS_LOST']);
  });
});
