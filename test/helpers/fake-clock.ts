// A clock tests advance by hand: timers run when their time comes, in order, and the async work
// each one starts (in-memory reads) settles before the next.
import type { Clock } from '../../src/live/clock.js';

/** Lets pending promise chains run to completion (no timers involved). */
export async function settle(turns = 30): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

export class FakeClock implements Clock {
  private t: number;
  private readonly timers = new Map<number, { at: number; run: () => void }>();
  private next = 1;

  constructor(start = Date.UTC(2026, 0, 1, 12)) {
    this.t = start;
  }

  now(): number {
    return this.t;
  }

  setTimeout(run: () => void, ms: number): number {
    const id = this.next++;
    this.timers.set(id, { at: this.t + Math.max(0, ms), run });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  /** Moves time on by `ms`, running every timer that falls due on the way. */
  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    await settle();
    for (;;) {
      let due: [number, { at: number; run: () => void }] | undefined;
      for (const entry of this.timers) if (entry[1].at <= end && (!due || entry[1].at < due[1].at)) due = entry;
      if (!due) break;
      this.timers.delete(due[0]);
      this.t = Math.max(this.t, due[1].at);
      due[1].run();
      await settle();
    }
    this.t = end;
  }
}
