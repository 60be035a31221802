// Identical reads in flight are shared (within a request, and between the concurrent requests of
// one identity): the first caller sends the call, later ones join it. The call is sent under its
// starter's budget, so when the starter's own limits stop it (its budget spent, its time up, its
// client gone) a joiner has not failed: it reads again under its own budget.
import type { ProviderName } from '../errors.js';
import { isBudgetRefusal, type CallBudget } from './budget.js';

export function joinOrStart<T>(
  inFlight: Map<string, Promise<unknown>>,
  key: string,
  budget: CallBudget,
  provider: ProviderName,
  read: () => Promise<T>,
): Promise<T> {
  // The map holds reads of this type under this key only (keys name the call).
  // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion
  const joined = inFlight.get(key) as Promise<T> | undefined;
  if (joined) return joined.catch((error: unknown) => (isBudgetRefusal(error) ? start(true) : Promise.reject(error)));
  return start(false);

  function start(alone: boolean): Promise<T> {
    // Refused before the read is shared: another request joining it must not inherit this
    // request's spent budget. (send takes the unit synchronously, so this check cannot race.)
    try {
      budget.ensure(provider);
    } catch (error) {
      return Promise.reject(error);
    }
    if (alone) return read();
    const pending = read().finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
    return pending;
  }
}
