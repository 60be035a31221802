// GET /readiness: 200 when every configured upstream answered recently (any HTTP answer below 500
// in the last RECENT_MS, from real traffic) or answers a cheap probe now (VinylDNS `GET /ping`;
// OpenSRS `authenticate`); else 503 with a JSON body naming the failing providers. A probe runs
// at most once at a time per provider and is cut off after PROBE_TIMEOUT_MS.
import type { Plugin } from 'graphql-yoga';
import type { ProviderName } from '../errors.js';
import type { HttpUpstream } from '../providers/http.js';
import type { UpstreamEvent } from '../providers/upstream-events.js';
import { UNMETERED } from '../providers/budget.js';

export const READINESS_PATH = '/readiness';
export const RECENT_MS = 30_000;
export const PROBE_TIMEOUT_MS = 3_000;

export interface ReadinessTarget {
  provider: ProviderName;
  /** Resolves when the upstream answered (any HTTP status below 500); rejects otherwise. */
  probe(): Promise<void>;
}

export interface ReadinessReport {
  ready: boolean;
  /** Providers that neither answered recently nor answered the probe. */
  failing: ProviderName[];
  providers: Partial<Record<ProviderName, 'ready' | 'unavailable'>>;
}

export class Readiness {
  private readonly lastAnswer = new Map<ProviderName, number>();
  private readonly probes = new Map<ProviderName, Promise<boolean>>();

  constructor(
    private readonly targets: readonly ReadinessTarget[],
    private readonly options: { recentMs?: number; probeTimeoutMs?: number; now?: () => number } = {},
  ) {}

  /** Fed with every upstream call (HttpUpstream's onResponse). */
  noteResponse(event: UpstreamEvent): void {
    if (event.status > 0 && event.status < 500) this.lastAnswer.set(event.provider, this.now());
  }

  async check(): Promise<ReadinessReport> {
    const results = await Promise.all(this.targets.map(async (t) => [t.provider, this.answeredRecently(t.provider) || (await this.probe(t))] as const));
    const failing = results.filter(([, ok]) => !ok).map(([p]) => p);
    return { ready: failing.length === 0, failing, providers: Object.fromEntries(results.map(([p, ok]) => [p, ok ? 'ready' : 'unavailable'])) };
  }

  private answeredRecently(provider: ProviderName): boolean {
    const at = this.lastAnswer.get(provider);
    return at !== undefined && this.now() - at <= (this.options.recentMs ?? RECENT_MS);
  }

  private probe(target: ReadinessTarget): Promise<boolean> {
    let running = this.probes.get(target.provider);
    if (!running) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), this.options.probeTimeoutMs ?? PROBE_TIMEOUT_MS);
      });
      const answered = target.probe().then(
        () => true,
        () => false,
      );
      running = Promise.race([answered, timeout]).finally(() => {
        clearTimeout(timer);
        this.probes.delete(target.provider);
      });
      this.probes.set(target.provider, running);
    }
    return running;
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }
}

/** The cheap calls: unauthenticated `GET /ping` on VinylDNS; `authenticate` on OpenSRS. */
export function vinylDnsProbe(upstream: HttpUpstream): ReadinessTarget {
  return {
    provider: 'VINYLDNS',
    probe: () => expectAnswer(upstream.send({ method: 'GET', path: `${upstream.basePath}/ping`, headers: { accept: 'text/plain' } }, UNMETERED)),
  };
}

/** `credentials` absent (OPENSRS_CREDENTIALS=forward: the gateway has none): any answer below 500 still proves OpenSRS up. */
export function openSrsProbe(upstream: HttpUpstream, credentials?: { user: string; password?: string; token?: string }): ReadinessTarget {
  const base = upstream.basePath.endsWith('/api') ? upstream.basePath : `${upstream.basePath}/api`;
  // The body holds the password or token: it is sent, never logged or returned.
  const body = JSON.stringify(credentials ? { credentials: wireCredentials(credentials) } : {});
  return {
    provider: 'OPENSRS',
    probe: () =>
      expectAnswer(
        upstream.send(
          { method: 'POST', path: `${base}/authenticate`, headers: { 'content-type': 'application/json', accept: 'application/json' }, body, idempotent: true },
          UNMETERED,
        ),
      ),
  };
}

function wireCredentials({ user, password, token }: { user: string; password?: string; token?: string }) {
  return token !== undefined ? { user, token, client: 'changegraph' } : { user, password, client: 'changegraph' };
}

async function expectAnswer(response: Promise<{ status: number }>): Promise<void> {
  const { status } = await response;
  if (status >= 500) throw new Error(`HTTP ${status}`);
}

export function useReadiness(readiness: Readiness): Plugin {
  return {
    onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname !== READINESS_PATH) return undefined;
      return readiness.check().then((report) => {
        const body = report.ready
          ? { status: 'ready', providers: report.providers }
          : { status: 'unavailable', failing: report.failing, providers: report.providers };
        endResponse(
          new fetchAPI.Response(JSON.stringify(body), {
            status: report.ready ? 200 : 503,
            headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
          }),
        );
      });
    },
  };
}
