// The wait between two attempts of a call: a backoff that gives up as soon as the call's deadline passes.

/** Waits `ms` unless the deadline passes first; false when it did. */
export function pause(ms: number, deadline: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      deadline.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    deadline.addEventListener('abort', onAbort, { once: true });
  });
}
