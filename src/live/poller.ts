// The poller of one key: reads the heads every interval (sooner when a subscriber joins), turns
// what is new into one batch, and commits it (locally, or fenced in Redis, which also publishes
// it). Polls never overlap. It backs off while a provider fails and while nothing changes.
import { randomUUID } from 'node:crypto';
import type { FeedPosition } from '../feed/position.js';
import type { Clock } from './clock.js';
import { edgesOf } from './edges.js';
import { failureOf, type LaneSet } from './lanes.js';
import type { LiveMetrics } from './metrics.js';
import { pollLanes } from './poll.js';
import type { LiveBatch, PollerState, ProviderFailure } from './types.js';

/** Empty polls at the base interval before the idle backoff starts. */
export const IDLE_POLLS = 12;

export interface PollerOptions {
  lanes: LaneSet;
  actor: string | null;
  encode(position: FeedPosition): string;
  clock: Clock;
  intervalMs: number;
  maxIntervalMs: number;
  /** Changes one lane may hold between two polls. */
  limit: number;
  /** Where to resume (another poller's last commit); absent: start at the heads. */
  state?: PollerState;
  /** Publishes the batch and stores the state; false: another replica polls this key now. */
  commit(batch: LiveBatch, state: PollerState): Promise<boolean>;
  /** Called once when a commit was refused. */
  onLost(): void;
  metrics?: LiveMetrics;
}

export class Poller {
  private state: PollerState | undefined;
  private readonly wakes = new Set<string>();
  private timer: unknown;
  private running = false;
  private again = false;
  private stopped = false;
  private failingPolls = 0;
  private idlePolls = 0;

  constructor(private readonly options: PollerOptions) {
    this.state = options.state;
  }

  start(): void {
    this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    this.options.clock.clearTimeout(this.timer);
  }

  /** A subscriber joined: poll now (or right after the poll under way), and answer its join. */
  wake(nonce: string): void {
    if (this.stopped) return;
    this.wakes.add(nonce);
    // A wake ends the idle backoff: someone is watching.
    this.idlePolls = 0;
    if (this.running) this.again = true;
    else this.schedule(0);
  }

  private schedule(ms: number): void {
    this.options.clock.clearTimeout(this.timer);
    this.timer = this.options.clock.setTimeout(() => void this.tick(), ms);
  }

  private async tick(): Promise<void> {
    if (this.stopped || this.running) return;
    this.running = true;
    const served = [...this.wakes];
    this.wakes.clear();
    let changed = false;
    let failed = false;
    try {
      const { lanes, actor, encode, clock, limit, metrics } = this.options;
      const previous = this.state;
      const since = previous?.since ?? Math.floor(clock.now() / 1000);
      const outcome = await pollLanes(lanes.session(), previous?.frontier ?? {}, previous ? since : undefined, limit);
      metrics?.polls.inc();
      const { edges, frontier } = edgesOf(outcome.items, outcome.base, actor, encode);
      const failing = [...lanes.unavailable, ...[...outcome.failures].map(([provider, error]) => failureOf(provider, error))];
      for (const f of failing.slice(lanes.unavailable.length)) metrics?.pollFailures.inc({ provider: f.provider, code: f.code });
      const before = previous?.failing ?? [];
      const newly = failing.filter((f) => !before.some((b) => b.provider === f.provider));
      const lineage = previous?.lineage ?? randomUUID();
      const state: PollerState = { lineage, seq: (previous?.seq ?? 0) + 1, frontier, failing, since };
      // A lane that answered for the first time moved the frontier too, though nothing is new.
      changed = outcome.items.length > 0 || Object.keys(frontier).length !== Object.keys(previous?.frontier ?? {}).length;
      failed = outcome.failures.size > 0;
      const batch: LiveBatch = { lineage, seq: state.seq, edges, failed: newly, failing, frontier, served };
      const worth = !previous || changed || served.length > 0 || newly.length > 0 || failing.length !== before.length;
      if (worth) {
        if (!(await this.options.commit(batch, state))) {
          this.stopped = true;
          this.options.onLost();
          return;
        }
        this.state = state;
      }
    } catch {
      // The commit could not be made (Redis unreachable): nothing was published, so the next
      // poll reads the same changes again, and the joins wait for it.
      for (const nonce of served) this.wakes.add(nonce);
      failed = true;
    } finally {
      this.running = false;
    }
    if (this.stopped) return;
    const again = this.again;
    this.again = false;
    this.schedule(again ? 0 : this.delay(changed, failed));
  }

  /** The base interval, doubled per failing poll, or growing by half after IDLE_POLLS empty ones. */
  private delay(changed: boolean, failed: boolean): number {
    const { intervalMs, maxIntervalMs } = this.options;
    this.failingPolls = failed ? this.failingPolls + 1 : 0;
    this.idlePolls = changed ? 0 : this.idlePolls + 1;
    let ms = intervalMs;
    if (this.failingPolls > 0) ms = intervalMs * 2 ** Math.min(this.failingPolls, 20);
    else if (this.idlePolls > IDLE_POLLS) ms = intervalMs * 1.5 ** Math.min(this.idlePolls - IDLE_POLLS, 40);
    return Math.min(Math.round(ms), maxIntervalMs);
  }
}
