// The export benchmark's upstreams: the sandbox simulators in a process of their own, with one
// long merged history per size asked for (domain `export-<n>.example`, n changes).
import { startSandbox } from '../src/sandbox/index.js';
import { seedMergedHistory } from '../src/sandbox/history.js';

const sizes = (process.env.BENCH_EXPORT_SIZES ?? '100000').split(',').map(Number);
const sandbox = await startSandbox();
const seeded: Record<string, number> = {};
for (const n of sizes) {
  const started = performance.now();
  seedMergedHistory(sandbox, `export-${n}.example`, n, n);
  seeded[`export-${n}.example`] = Math.round(performance.now() - started);
}
const config = sandbox.gatewayConfig();
process.send!({
  type: 'ready',
  vinyldnsUrl: sandbox.vinyldnsUrl,
  opensrsUrl: sandbox.opensrsUrl,
  accessKey: config.vinyldns!.accessKey,
  secretKey: config.vinyldns!.secretKey,
  opensrsUser: config.opensrs!.user,
  opensrsPassword: config.opensrs!.password,
  seededMs: seeded,
});
process.on('disconnect', () => void sandbox.close().then(() => process.exit(0)));
