// One key (identity, domain, filters) on this replica: its subscribers, and whether this replica
// polls it. Every replica with subscribers of a key contends for the key's lock; the holder runs
// the poller, every replica relays the batches to its own subscribers, in order, each once.
// A replica whose last subscriber leaves stops polling and lets the lock go, so another replica
// with subscribers takes over within two intervals, from the committed state.
import { randomUUID } from 'node:crypto';
import { GatewayError } from '../errors.js';
import type { Clock } from './clock.js';
import type { Coordinator } from './coordinator.js';
import type { LiveMetrics } from './metrics.js';
import type { Poller } from './poller.js';
import type { Subscriber } from './subscriber.js';
import type { LiveBatch, PollerState } from './types.js';

export interface ChannelOptions {
  key: string;
  coordinator: Coordinator;
  clock: Clock;
  intervalMs: number;
  makePoller(state: PollerState | undefined, commit: (batch: LiveBatch, state: PollerState) => Promise<boolean>, onLost: () => void): Poller;
  /** The channel has no subscriber left and closed. */
  onClosed(channel: Channel): void;
  metrics?: LiveMetrics;
}

const LOST = () =>
  new GatewayError(
    'UPSTREAM_UNAVAILABLE',
    'Live events were interrupted and some cannot be replayed; subscribe again with the cursor of the last change you received',
    undefined,
    {
      reason: 'EVENTS_LOST',
    },
  );

export class Channel {
  private readonly owner = randomUUID();
  private readonly attached = new Set<Subscriber>();
  private readonly joining = new Map<string, { subscriber: Subscriber; askedAt: number }>();
  private poller: Poller | undefined;
  private last: { lineage: string; seq: number } | undefined;
  private stopListening: (() => Promise<void>) | undefined;
  private timer: unknown;
  private closed = false;
  private closing: Promise<void> | undefined;
  private batches: Promise<void> = Promise.resolve();
  private readonly ready: Promise<void>;

  constructor(private readonly options: ChannelOptions) {
    this.ready = this.open();
  }

  get key(): string {
    return this.options.key;
  }

  get polling(): boolean {
    return this.poller !== undefined;
  }

  get size(): number {
    return this.attached.size + this.joining.size;
  }

  /** Subscribers still waiting for the poll that starts them. */
  get waiting(): number {
    return this.joining.size;
  }

  /** Joins `subscriber`: it starts with the first batch of a poll that begins after this call. */
  async add(subscriber: Subscriber): Promise<void> {
    const nonce = randomUUID();
    this.joining.set(nonce, { subscriber, askedAt: this.options.clock.now() });
    await this.ready;
    if (this.poller) this.poller.wake(nonce);
    else await this.options.coordinator.wake(this.key, nonce);
  }

  remove(subscriber: Subscriber): void {
    this.attached.delete(subscriber);
    for (const [nonce, j] of this.joining) if (j.subscriber === subscriber) this.joining.delete(nonce);
    if (this.size === 0) void this.close();
  }

  /** Ends every subscription and lets the key go (the gateway is stopping). */
  async closeAll(): Promise<void> {
    for (const subscriber of [...this.attached, ...[...this.joining.values()].map((j) => j.subscriber)]) subscriber.events.end();
    await this.close();
  }

  private async open(): Promise<void> {
    this.stopListening = await this.options.coordinator.listen(this.key, {
      batch: (batch) => {
        this.batches = this.batches.then(() => this.receive(batch)).catch(() => undefined);
      },
      wake: (nonce) => this.poller?.wake(nonce),
    });
    await this.contend();
  }

  /** Takes or keeps the lock (polling while it holds it), every quarter of an interval. */
  private async contend(): Promise<void> {
    if (this.closed) return;
    const { coordinator, clock, intervalMs } = this.options;
    try {
      // A lock of one and a half intervals, renewed (or asked for) every quarter of one: a
      // replica that stops renewing loses the key to another within 1.75 intervals, and one that
      // is merely slow has five chances to renew before it does.
      const held = await coordinator.acquire(this.key, this.owner, Math.ceil(intervalMs * 1.5));
      if (held && !this.poller && !this.closed) await this.startPolling();
      else if (!held && this.poller) this.stopPolling();
    } catch {
      // The coordinator cannot be reached: keep what we have; commits fail until it is back.
    }
    // A join whose wake went unanswered for an interval (lost, or sent before a poller listened) asks again.
    const now = clock.now();
    for (const [nonce, j] of this.joining) {
      if (now - j.askedAt < intervalMs) continue;
      j.askedAt = now;
      if (this.poller) this.poller.wake(nonce);
      else coordinator.wake(this.key, nonce).catch(() => undefined);
    }
    if (!this.closed) this.timer = clock.setTimeout(() => void this.contend(), Math.max(1, Math.floor(intervalMs / 4)));
  }

  private async startPolling(): Promise<void> {
    const { coordinator, makePoller, metrics } = this.options;
    const state = await coordinator.load(this.key);
    if (this.closed || this.poller) return;
    const poller = makePoller(
      state,
      (batch, next) => coordinator.commit(this.key, this.owner, next.seq - 1, batch, next),
      () => {
        // Another replica committed in between: it polls now, this one relays.
        if (this.poller === poller) this.stopPolling();
      },
    );
    this.poller = poller;
    metrics?.pollers.inc();
    poller.start();
    for (const nonce of this.joining.keys()) poller.wake(nonce);
  }

  private stopPolling(): void {
    this.poller?.stop();
    this.poller = undefined;
    this.options.metrics?.pollers.dec();
  }

  private async receive(batch: LiveBatch): Promise<void> {
    if (this.closed) return;
    const last = this.last;
    if (last && last.lineage === batch.lineage) {
      if (batch.seq <= last.seq) return; // seen already
      if (batch.seq > last.seq + 1) {
        // Pub/sub lost messages: replay them from the coordinator's recent batches, or give up.
        const kept = await this.options.coordinator.since(this.key, last.seq).catch(() => [] as LiveBatch[]);
        const missed = kept.filter((b) => b.lineage === batch.lineage && b.seq > last.seq && b.seq < batch.seq).sort((a, b) => a.seq - b.seq);
        if (missed.length === batch.seq - last.seq - 1) for (const b of missed) this.apply(b);
        else this.dropAttached();
      }
    } else if (last) {
      // A new lineage started at the heads: what lies between cannot be replayed here.
      this.dropAttached();
    }
    this.apply(batch);
  }

  private apply(batch: LiveBatch): void {
    this.last = { lineage: batch.lineage, seq: batch.seq };
    for (const subscriber of this.attached) subscriber.deliver(batch);
    for (const nonce of batch.served) {
      const j = this.joining.get(nonce);
      if (!j) continue;
      this.joining.delete(nonce);
      this.attached.add(j.subscriber);
      j.subscriber.attach(batch);
    }
  }

  private dropAttached(): void {
    for (const subscriber of [...this.attached]) subscriber.fail(LOST());
  }

  private close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    this.closed = true;
    this.options.onClosed(this);
    this.options.clock.clearTimeout(this.timer);
    await this.ready.catch(() => undefined);
    const wasPolling = this.poller !== undefined;
    if (wasPolling) this.stopPolling();
    try {
      if (wasPolling) await this.options.coordinator.release(this.key, this.owner);
      await this.stopListening?.();
    } catch {
      // The lock expires by itself.
    }
  }
}
