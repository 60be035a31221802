// Sandbox activity (`npm start`, SANDBOX_ACTIVITY_MS): changes keep landing in example.com's
// zone changes, record set changes and OpenSRS log, in turn; tests land changes with `land`.
import { expect, it } from 'vitest';
import { startSandbox } from '../../src/sandbox/index.js';
import { until } from '../helpers/live-clients.js';

const sizes = (s: Awaited<ReturnType<typeof startSandbox>>) => {
  const zone = s.vinyldns.store.zoneByName('example.com.')!;
  return [s.vinyldns.store.zoneChanges(zone.id).length, s.vinyldns.store.recordSetChanges(zone.id).length, s.opensrs.store.size('example.com')];
};

it('lands changes in all three lists of example.com, in turn', async () => {
  const sandbox = await startSandbox({ activityMs: 20 });
  try {
    const start = sizes(sandbox);
    await until(() => sizes(sandbox).every((n, i) => n >= start[i] + 2), 'two changes in each list');
    const now = sizes(sandbox);
    // In turn: no list is more than one change ahead of another.
    const grown = now.map((n, i) => n - start[i]);
    expect(Math.max(...grown) - Math.min(...grown)).toBeLessThanOrEqual(1);
  } finally {
    await sandbox.close();
  }
});

it('lands one change of the kind asked for', async () => {
  const sandbox = await startSandbox();
  try {
    const start = sizes(sandbox);
    sandbox.activity.land('mail');
    expect(sizes(sandbox)).toEqual([start[0], start[1], start[2] + 1]);
  } finally {
    await sandbox.close();
  }
});
