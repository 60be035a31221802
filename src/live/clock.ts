// Time as the live pollers see it: injected, so tests advance it instead of sleeping.
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => {
    const timer = setTimeout(run, ms);
    // A poll pending must not keep a stopping process alive.
    timer.unref();
    // Handed out as its id (Node's Symbol.toPrimitive of a timer), which clearTimeout takes back.
    return Number(timer);
  },
  clearTimeout: (handle) => {
    if (typeof handle === 'number') clearTimeout(handle);
  },
};
