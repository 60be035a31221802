// The sandbox upstreams (VinylDNS and OpenSRS simulators) in a process of their own, with a fixed
// seed. Reports how many upstream requests each simulator received, so the runner can count the
// upstream calls per GraphQL query. The simulators' request logs are folded into counters every
// second, so a long run does not grow the log (and this process's heap) without bound. The runner
// can land new record set changes at the top of a zone's list (command `land`), to measure drift.
import { startSandbox } from '../src/sandbox/index.js';
import { serveParent } from './child.js';

export const VINYLDNS_SEED = 42;
export const OPENSRS_SEED = 7;

const sandbox = await startSandbox({ vinyldns: { seed: VINYLDNS_SEED }, opensrs: { seed: OPENSRS_SEED } });

// Scenario (c) asks for "100 changes over 5 zones": the seed's global failure list is small, so add
// 100 failed zone syncs spread over 5 zones (round robin; the newest changes of those zones).
const FAILING_ZONES = ['example.com.', 'acme.io.', 'mail.example.net.', 'internal.corp.', 'big.example.org.'];
const zones = sandbox.vinyldns.store.zones().filter((z) => FAILING_ZONES.includes(z.name));
for (let k = 0; k < 100; k++) sandbox.vinyldns.store.appendZoneChange(zones[k % zones.length].id, { status: 'Failed' });

let vinyldnsCalls = 0;
let vinyldnsZoneReads = 0;
let opensrsCalls = 0;
const ZONE_READ = /^\/zones\/[^/]+$/;
function fold(): { vinyldnsCalls: number; vinyldnsZoneReads: number; opensrsCalls: number } {
  vinyldnsCalls += sandbox.vinyldns.log.length;
  for (const entry of sandbox.vinyldns.log) if (ZONE_READ.test(entry.path)) vinyldnsZoneReads++;
  sandbox.vinyldns.clearLog();
  opensrsCalls += sandbox.opensrs.log.length;
  sandbox.opensrs.clearLog();
  return { vinyldnsCalls, vinyldnsZoneReads, opensrsCalls };
}
setInterval(fold, 1000).unref();

const config = sandbox.gatewayConfig();
serveParent(
  {
    type: 'ready',
    url: sandbox.vinyldnsUrl,
    vinyldnsUrl: sandbox.vinyldnsUrl,
    opensrsUrl: sandbox.opensrsUrl,
    accessKey: config.vinyldns!.accessKey,
    secretKey: config.vinyldns!.secretKey,
    opensrsUser: config.opensrs!.user,
    opensrsPassword: config.opensrs!.password!,
    seeds: { vinyldns: VINYLDNS_SEED, opensrs: OPENSRS_SEED },
  },
  {
    extra: fold,
    close: () => sandbox.close(),
    commands: {
      land: (arg) => {
        const { zoneId, count } = arg as { zoneId: string; count: number };
        for (let i = 0; i < count; i++) sandbox.vinyldns.store.appendRecordSetChange(zoneId);
        return count;
      },
    },
  },
);
