// Several replicas (REDIS_URL): per key, a lock with expiry elects the replica that polls; its
// state (frontier, sequence) lives in Redis; each poll's batch is stored and published in one
// script that first checks the lock and the sequence, so a poller that lost its lock (paused,
// cut off) can never publish a batch twice or out of turn. Every replica with subscribers of the
// key listens on its channel and relays. Key names hold only the key's hash (src/live/identity.ts).
import { Redis } from 'ioredis';
import { isRecord } from '../model/guards.js';
import type { Coordinator, KeyListener } from './coordinator.js';
import type { LiveBatch, PollerState } from './types.js';

/** Batches kept per key, for relays that missed a message. */
const KEPT_BATCHES = 100;

const ACQUIRE = `
local holder = redis.call('GET', KEYS[1])
if holder == false then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
if holder == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  redis.call('PEXPIRE', KEYS[2], ARGV[3])
  redis.call('PEXPIRE', KEYS[3], ARGV[3])
  return 1
end
return 0`;

const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 1`;

const COMMIT = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
local stored = redis.call('GET', KEYS[2])
local seq = 0
if stored then seq = tonumber(cjson.decode(stored).seq) end
if seq ~= tonumber(ARGV[2]) then return 0 end
redis.call('SET', KEYS[2], ARGV[3], 'PX', ARGV[5])
redis.call('RPUSH', KEYS[3], ARGV[4])
redis.call('LTRIM', KEYS[3], -${KEPT_BATCHES}, -1)
redis.call('PEXPIRE', KEYS[3], ARGV[5])
redis.call('PUBLISH', KEYS[4], 'b' .. ARGV[4])
return 1`;

export interface RedisCoordinatorOptions {
  /** How long a key's state and recent batches outlive their last poller (default 10 min). */
  keepMs?: number;
}

export class RedisCoordinator implements Coordinator {
  private readonly redis: Redis;
  private readonly subscriber: Redis;
  private readonly listeners = new Map<string, Set<KeyListener>>();
  private readonly keepMs: number;

  constructor(url: string, options: RedisCoordinatorOptions = {}) {
    this.keepMs = Math.max(60_000, options.keepMs ?? 600_000);
    this.redis = new Redis(url, { maxRetriesPerRequest: 2 });
    this.subscriber = new Redis(url, { maxRetriesPerRequest: 2 });
    // Failures surface on the commands; the clients reconnect (and resubscribe) by themselves.
    this.redis.on('error', () => undefined);
    this.subscriber.on('error', () => undefined);
    this.subscriber.on('message', (channel: string, message: string) => this.dispatch(channel, message));
  }

  async listen(key: string, listener: KeyListener): Promise<() => Promise<void>> {
    const channel = names(key).channel;
    let set = this.listeners.get(channel);
    if (!set) {
      this.listeners.set(channel, (set = new Set()));
      await this.subscriber.subscribe(channel);
    }
    set.add(listener);
    return async () => {
      set.delete(listener);
      if (set.size > 0 || this.listeners.get(channel) !== set) return;
      this.listeners.delete(channel);
      await this.subscriber.unsubscribe(channel);
    };
  }

  async acquire(key: string, owner: string, ttlMs: number): Promise<boolean> {
    const n = names(key);
    return (await this.redis.eval(ACQUIRE, 3, n.lock, n.state, n.log, owner, String(ttlMs), String(this.keepMs))) === 1;
  }

  async release(key: string, owner: string): Promise<void> {
    await this.redis.eval(RELEASE, 1, names(key).lock, owner);
  }

  async load(key: string): Promise<PollerState | undefined> {
    const raw = await this.redis.get(names(key).state);
    return raw ? readBack<PollerState>(raw) : undefined;
  }

  async commit(key: string, owner: string, previousSeq: number, batch: LiveBatch, state: PollerState): Promise<boolean> {
    const n = names(key);
    const done = await this.redis.eval(
      COMMIT,
      4,
      n.lock,
      n.state,
      n.log,
      n.channel,
      owner,
      String(previousSeq),
      JSON.stringify(state),
      JSON.stringify(batch),
      String(this.keepMs),
    );
    return done === 1;
  }

  async wake(key: string, nonce: string): Promise<void> {
    await this.redis.publish(names(key).channel, `w${nonce}`);
  }

  async since(key: string, seq: number): Promise<LiveBatch[]> {
    const raw = await this.redis.lrange(names(key).log, 0, -1);
    return raw.flatMap((r) => readBack<LiveBatch>(r) ?? []).filter((b) => b.seq > seq);
  }

  async close(): Promise<void> {
    this.listeners.clear();
    await Promise.all([this.redis, this.subscriber].map((r) => r.quit().catch(() => r.disconnect())));
  }

  private dispatch(channel: string, message: string): void {
    const listeners = this.listeners.get(channel);
    if (!listeners) return;
    if (message.startsWith('w')) {
      for (const l of listeners) l.wake(message.slice(1));
      return;
    }
    if (!message.startsWith('b')) return;
    let batch: LiveBatch | undefined;
    try {
      batch = readBack<LiveBatch>(message.slice(1));
    } catch {
      return;
    }
    if (!batch) return;
    for (const l of listeners) l.batch(batch);
  }
}

/**
 * A poller state or a batch read back from Redis; throws when it is not JSON. Only commit() writes
 * these keys and channels (JSON.stringify of a typed PollerState or LiveBatch), so what has their
 * outline has their type: anything else (a foreign writer) is nothing.
 */
function readBack<T extends PollerState | LiveBatch>(raw: string): T | undefined {
  const value: unknown = JSON.parse(raw);
  if (!isRecord(value) || typeof value.lineage !== 'string' || typeof value.seq !== 'number' || !isRecord(value.frontier)) return undefined;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- written by commit() from this type (above)
  return value as T;
}

/** One hash slot per key (`{…}`), so the scripts also run on Redis Cluster. */
function names(key: string) {
  const base = `changegraph:live:{${key}}`;
  return { lock: `${base}:lock`, state: `${base}:state`, log: `${base}:batches`, channel: `${base}:events` };
}
