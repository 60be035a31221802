// Who polls a key, and how its batches reach the subscribers. In one process (LocalCoordinator)
// the first channel of a key polls it and batches are handed over in memory; with Redis
// (src/live/redis-coordinator.ts) a lock elects one replica per key and pub/sub relays.
import type { LiveBatch, PollerState } from './types.js';

export interface KeyListener {
  batch(batch: LiveBatch): void;
  /** A subscriber somewhere asked to join: the key's poller polls for it. */
  wake(nonce: string): void;
}

export interface Coordinator {
  /** Receives the key's batches and wakes until the returned function is called. */
  listen(key: string, listener: KeyListener): Promise<() => Promise<void>>;
  /** Takes the key's lock for `ttlMs`, or extends it when `owner` holds it; false when another does. */
  acquire(key: string, owner: string, ttlMs: number): Promise<boolean>;
  release(key: string, owner: string): Promise<void>;
  /** The last committed state of the key, if any. */
  load(key: string): Promise<PollerState | undefined>;
  /** Stores the state and publishes the batch, only while `owner` holds the lock and the state is still `previousSeq`. */
  commit(key: string, owner: string, previousSeq: number, batch: LiveBatch, state: PollerState): Promise<boolean>;
  wake(key: string, nonce: string): Promise<void>;
  /** Batches after `seq` still kept (to fill a gap in what a replica received). */
  since(key: string, seq: number): Promise<LiveBatch[]>;
  close(): Promise<void>;
}

/** One process: a lock per key in memory, batches handed to the listeners directly. */
export class LocalCoordinator implements Coordinator {
  private readonly listeners = new Map<string, Set<KeyListener>>();
  private readonly locks = new Map<string, string>();
  private readonly states = new Map<string, PollerState>();

  async listen(key: string, listener: KeyListener): Promise<() => Promise<void>> {
    let set = this.listeners.get(key);
    if (!set) this.listeners.set(key, (set = new Set()));
    set.add(listener);
    return async () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(key);
    };
  }

  async acquire(key: string, owner: string): Promise<boolean> {
    const holder = this.locks.get(key);
    if (holder !== undefined && holder !== owner) return false;
    this.locks.set(key, owner);
    return true;
  }

  async release(key: string, owner: string): Promise<void> {
    if (this.locks.get(key) !== owner) return;
    this.locks.delete(key);
    // Nobody polls the key any more: a later subscriber starts from the heads again.
    this.states.delete(key);
  }

  async load(key: string): Promise<PollerState | undefined> {
    return this.states.get(key);
  }

  async commit(key: string, owner: string, previousSeq: number, batch: LiveBatch, state: PollerState): Promise<boolean> {
    if (this.locks.get(key) !== owner || (this.states.get(key)?.seq ?? 0) !== previousSeq) return false;
    this.states.set(key, state);
    for (const listener of this.listeners.get(key) ?? []) listener.batch(batch);
    return true;
  }

  async wake(key: string, nonce: string): Promise<void> {
    for (const listener of this.listeners.get(key) ?? []) listener.wake(nonce);
  }

  async since(): Promise<LiveBatch[]> {
    return [];
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }
}
