// Tests that need something this machine may lack (a system package, shared/ beside the repo) are
// skipped with a reason rather than failed, and the reason is what `npm test` prints at its end
// (test/reporters/skipped.ts). The README lists the system packages the full suite uses.
import { existsSync } from 'node:fs';
import { beforeEach } from 'vitest';

export interface Requirement {
  available: boolean;
  /** Why tests are skipped without it, and how to get it. */
  reason: string;
}

export const systemBinary = (path: string, aptPackage: string): Requirement => ({
  available: existsSync(path),
  reason: `${path} not found (apt-get install -y ${aptPackage})`,
});

export const CHROMIUM = systemBinary('/usr/bin/chromium', 'chromium');
export const REDIS_SERVER = systemBinary('/usr/bin/redis-server', 'redis-server');

/** In a describe block: skips each of its tests, with the reason, when the requirement is missing. */
export function requireForEach(requirement: Requirement): void {
  beforeEach((context) => context.skip(!requirement.available, requirement.reason));
}
