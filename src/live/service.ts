// The subscription entry point: argument checks, limits, the caller's key, the resume point,
// then a subscriber on the key's channel.
import { GatewayError, SubscriptionLimitError, type ProviderName } from '../errors.js';
import { feedDomain, feedFilters, feedScope } from '../feed/index.js';
import { isFeedPosition, type FeedPosition } from '../feed/position.js';
import type { Registry } from 'prom-client';
import type { CursorCodec } from '../pagination/cursor.js';
import { Channel } from './channel.js';
import { systemClock, type Clock } from './clock.js';
import type { LiveConfig } from './config.js';
import { LocalCoordinator, type Coordinator } from './coordinator.js';
import { keyHash } from './identity.js';
import { LiveLanes, type LiveUpstreams } from './lanes.js';
import { liveMetrics, type LiveMetrics } from './metrics.js';
import { Poller } from './poller.js';
import { RedisCoordinator } from './redis-coordinator.js';
import { catchUp, frontierOfCursor } from './resume.js';
import { Subscriber, type CatchUp } from './subscriber.js';
import type { LiveEvent } from './types.js';

export interface LiveArgs {
  domain: string;
  providers?: readonly ProviderName[] | null;
  actor?: string | null;
  after?: string | null;
}

/** Who subscribes: the upstream identity its reads are made with, and its clients. */
export interface LiveCaller {
  /**
   * Everything that decides what the caller may see upstream (forwarded keys or the gateway's
   * own identity). Hashed before use; never stored or logged.
   */
  identity: string;
  upstreams: LiveUpstreams;
}

export interface LiveOptions {
  config: LiveConfig;
  cursors: CursorCodec;
  /** Keys the hashes of identities (the cursor secret: the same on every replica). */
  secret: string;
  clock?: Clock;
  /** Where the live metrics are registered. */
  registry?: Registry;
  /** Default: Redis when config.redisUrl is set, else in memory. */
  coordinator?: Coordinator;
}

export class LiveChanges {
  readonly metrics: LiveMetrics;
  private readonly channels = new Map<string, Channel>();
  private readonly perIdentity = new Map<string, number>();
  private readonly coordinator: Coordinator;
  private readonly clock: Clock;

  constructor(private readonly options: LiveOptions) {
    this.metrics = liveMetrics(options.registry);
    this.clock = options.clock ?? systemClock;
    this.coordinator =
      options.coordinator ??
      (options.config.redisUrl ? new RedisCoordinator(options.config.redisUrl, { keepMs: 20 * options.config.pollIntervalMs }) : new LocalCoordinator());
  }

  /** Open subscriptions (and how many wait for their first poll), keys, and keys polled here. */
  stats(): { subscriptions: number; joining: number; channels: number; polling: number } {
    let subscriptions = 0;
    let joining = 0;
    let polling = 0;
    for (const c of this.channels.values()) {
      subscriptions += c.size;
      joining += c.waiting;
      if (c.polling) polling++;
    }
    return { subscriptions, joining, channels: this.channels.size, polling };
  }

  async subscribe(caller: LiveCaller, args: LiveArgs): Promise<AsyncIterableIterator<LiveEvent>> {
    const { config, cursors, secret } = this.options;
    const name = feedDomain(args.domain);
    const filters = feedFilters({ providers: args.providers, actor: args.actor });
    const scope = feedScope(name, filters, 'Subscription.changes');
    const identity = keyHash(secret, ['identity', caller.identity]);
    const key = keyHash(secret, ['key', identity, name, filters.providers ?? null, filters.actor ?? null]);

    // Reserved before anything is awaited, so concurrent subscribes cannot overshoot.
    const count = this.perIdentity.get(identity) ?? 0;
    if (count >= config.maxSubscriptionsPerIdentity) throw new SubscriptionLimitError('live subscriptions per identity', config.maxSubscriptionsPerIdentity);
    if (!this.channels.has(key) && this.channels.size >= config.maxPollers)
      throw new SubscriptionLimitError('distinct domains and filters watched at a time', config.maxPollers);
    this.perIdentity.set(identity, count + 1);
    let reserved = true;
    const release = () => {
      if (!reserved) return;
      reserved = false;
      const left = (this.perIdentity.get(identity) ?? 1) - 1;
      if (left > 0) this.perIdentity.set(identity, left);
      else this.perIdentity.delete(identity);
    };

    try {
      const lanes = new LiveLanes(caller.upstreams, name, filters.providers ?? null);
      const encode = (position: FeedPosition) => cursors.encode(scope, position);
      let resume: CatchUp | undefined;
      if (args.after != null) {
        const position = cursors.decode(scope, args.after, 'after', isFeedPosition);
        const from = await frontierOfCursor(position, lanes);
        resume = (to) => catchUp(lanes, from, to, config.maxCatchUp, filters.actor ?? null, encode);
      }
      let channel = this.channels.get(key);
      if (!channel) {
        channel = new Channel({
          key,
          coordinator: this.coordinator,
          clock: this.clock,
          intervalMs: config.pollIntervalMs,
          metrics: this.metrics,
          // The key's reads are made with the identity of its first subscriber here (the same for all).
          makePoller: (state, commit, onLost) =>
            new Poller({
              lanes,
              actor: filters.actor ?? null,
              encode,
              clock: this.clock,
              intervalMs: config.pollIntervalMs,
              maxIntervalMs: config.maxPollIntervalMs,
              limit: config.maxCatchUp,
              state,
              commit,
              onLost,
              metrics: this.metrics,
            }),
          onClosed: (closed) => {
            if (this.channels.get(closed.key) === closed) this.channels.delete(closed.key);
          },
        });
        this.channels.set(key, channel);
      }
      const joined = channel;
      const subscriber = new Subscriber({
        catchUp: resume,
        onClose: (s) => {
          joined.remove(s);
          release();
          this.metrics.subscriptions.dec();
        },
        onEdges: (n) => this.metrics.events.inc(n),
        retry: (run) => this.clock.setTimeout(run, config.pollIntervalMs),
      });
      this.metrics.subscriptions.inc();
      joined
        .add(subscriber)
        .catch(() =>
          subscriber.fail(new GatewayError('UPSTREAM_UNAVAILABLE', 'Live changes are not available right now (the coordination store cannot be reached)')),
        );
      return subscriber.events;
    } catch (error) {
      release();
      throw error;
    }
  }

  /** Ends every subscription, releases the keys this replica polls, and disconnects. */
  async close(): Promise<void> {
    await Promise.all([...this.channels.values()].map((channel) => channel.closeAll()));
    await this.coordinator.close();
  }
}
