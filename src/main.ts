// `npm start`: the gateway from the environment, or, with no upstream configured, the gateway
// against the embedded sandbox (our simulators of both providers on loopback).
import { ConfigError, loadConfig, type GatewayConfig } from './config.js';
import { parseInteger } from './env.js';
import { startSandbox, type Sandbox } from './sandbox/index.js';
import { createGateway, listen } from './server.js';

async function main(): Promise<void> {
  let config: GatewayConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  let sandbox: Sandbox | undefined;
  if (config.sandbox) {
    // A change lands in example.com every few seconds, so live subscriptions show something.
    sandbox = await startSandbox({ activityMs: parseInteger(process.env, 'SANDBOX_ACTIVITY_MS', 4_000, 0, 3_600_000) });
    config = { ...config, ...sandbox.gatewayConfig() };
    console.log(`Sandbox: VinylDNS simulator at ${sandbox.vinyldnsUrl}, OpenSRS simulator at ${sandbox.opensrsUrl}`);
  }

  const gateway = createGateway(config);
  const url = await listen(gateway, config.port, config.host);
  console.log(`changegraph is listening on ${url}`);
  if (config.web?.graphiql !== false) console.log(`GraphiQL: ${url}/graphql${config.sandbox ? ' (against the embedded sandbox)' : ''}`);

  const stop = async () => {
    await gateway.close();
    await sandbox?.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(`changegraph failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
