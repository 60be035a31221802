// The embedded sandbox: our simulators of both upstreams on loopback, seeded deterministically.
// `npm start` with no upstream configured runs the gateway against it; tests use it the same way.
import type { GatewayConfig } from '../config.js';
import { startActivity, type Activity } from './activity.js';
import { OpenSrsSimulator, type OpenSrsSimulatorOptions } from './opensrs/index.js';
import { VinylDnsSimulator, type VinylDnsSimulatorOptions } from './vinyldns/index.js';

export interface SandboxOptions {
  vinyldns?: VinylDnsSimulatorOptions;
  opensrs?: OpenSrsSimulatorOptions;
  host?: string;
  /** Lands a change in example.com's lists every so many milliseconds; 0 or absent: never. */
  activityMs?: number;
}

export interface Sandbox {
  vinyldns: VinylDnsSimulator;
  vinyldnsUrl: string;
  opensrs: OpenSrsSimulator;
  opensrsUrl: string;
  /** Lands changes in a domain's lists (on a timer when `activityMs` was given). */
  activity: Activity;
  /** The upstream part of a gateway configuration pointing at this sandbox. */
  gatewayConfig(): Pick<GatewayConfig, 'vinyldns' | 'opensrs' | 'sandbox'>;
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const host = options.host ?? '127.0.0.1';
  const vinyldns = new VinylDnsSimulator(options.vinyldns);
  const opensrs = new OpenSrsSimulator(options.opensrs);
  const [vinyldnsUrl, opensrsUrl] = await Promise.all([vinyldns.listen(0, host), opensrs.listen(0, host)]);
  const activity = startActivity({ vinyldns: vinyldns.store, opensrs: opensrs.store }, { everyMs: options.activityMs ?? 0 });
  return {
    vinyldns,
    activity,
    vinyldnsUrl,
    opensrs,
    opensrsUrl,
    gatewayConfig: () => ({
      sandbox: true,
      vinyldns: { url: vinyldnsUrl, accessKey: vinyldns.admin.accessKey, secretKey: vinyldns.admin.secretKey, timeoutMs: 10_000 },
      opensrs: { url: opensrsUrl, user: opensrs.credentials.user, password: opensrs.credentials.password, timeoutMs: 10_000 },
    }),
    close: async () => {
      activity.stop();
      await Promise.all([vinyldns.close(), opensrs.close()]);
    },
  };
}
