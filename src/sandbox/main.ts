// `npm run sandbox`: only the simulators, e.g. to point a gateway started elsewhere at them.
import { startSandbox } from './index.js';

const sandbox = await startSandbox();
const config = sandbox.gatewayConfig();
console.log(`VinylDNS simulator: ${sandbox.vinyldnsUrl} (access key ${config.vinyldns!.accessKey}, secret key ${config.vinyldns!.secretKey})`);
console.log(`OpenSRS simulator:  ${sandbox.opensrsUrl} (user ${config.opensrs!.user}, password ${config.opensrs!.password})`);
const stop = async () => {
  await sandbox.close();
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
