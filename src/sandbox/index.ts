// The embedded sandbox: our simulators of the upstreams on loopback, seeded deterministically.
// `npm start` with no upstream configured runs the gateway against it; tests use it the same way.
import type { GatewayConfig } from '../config.js';
import { VinylDnsSimulator, type VinylDnsSimulatorOptions } from './vinyldns/index.js';

export interface SandboxOptions {
  vinyldns?: VinylDnsSimulatorOptions;
  host?: string;
}

export interface Sandbox {
  vinyldns: VinylDnsSimulator;
  vinyldnsUrl: string;
  /** The upstream part of a gateway configuration pointing at this sandbox. */
  gatewayConfig(base?: Partial<GatewayConfig>): Pick<GatewayConfig, 'vinyldns' | 'opensrs' | 'sandbox'>;
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const vinyldns = new VinylDnsSimulator(options.vinyldns);
  const vinyldnsUrl = await vinyldns.listen(0, options.host ?? '127.0.0.1');
  return {
    vinyldns,
    vinyldnsUrl,
    gatewayConfig: (base = {}) => ({
      sandbox: true,
      vinyldns: {
        url: vinyldnsUrl,
        accessKey: vinyldns.admin.accessKey,
        secretKey: vinyldns.admin.secretKey,
        timeoutMs: base.vinyldns?.timeoutMs ?? 10_000,
      },
      opensrs: undefined,
    }),
    close: () => vinyldns.close(),
  };
}
