// The gateway in a process of its own, configured from the environment exactly like `npm start`
// against real upstreams (VINYLDNS_URL, OPENSRS_URL and their credentials; PORT=0 picks a port).
import { loadConfig } from '../src/config.js';
import { createGateway, listen } from '../src/server.js';
import { serveParent } from './child.js';

const config = loadConfig();
if (config.sandbox) {
  console.error('serve-gateway: set VINYLDNS_URL and OPENSRS_URL (the bench points the gateway at its own sandbox process)');
  process.exit(1);
}
const gateway = createGateway(config);
const url = await listen(gateway, config.port, config.host);
serveParent({ type: 'ready', url }, { close: () => gateway.close() });
