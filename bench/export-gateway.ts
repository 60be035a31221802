// The export benchmark's gateway: configured from the environment like `npm start`, in a process of
// its own so its memory is its own. Answers { type: 'memory', gc? } with its RSS and heap now (after a
// full GC when asked) and its peak RSS.
import { loadConfig } from '../src/config.js';
import { createGateway, listen } from '../src/server.js';

const config = loadConfig();
const gateway = createGateway(config);
const url = await listen(gateway, config.port, config.host);
const memory = () => ({ rss: process.memoryUsage().rss, maxRss: process.resourceUsage().maxRSS * 1024, heapUsed: process.memoryUsage().heapUsed });
process.on('message', (msg: { type?: string; id?: number; gc?: boolean }) => {
  // With gc (the process runs with --expose-gc): what is still reachable, not what V8 has yet to collect.
  if (msg.gc) (globalThis as { gc?: () => void }).gc?.();
  if (msg.type === 'memory') process.send!({ type: 'memory', id: msg.id, ...memory() });
});
process.send!({ type: 'ready', url, ...memory() });
process.on('disconnect', () => void gateway.close().then(() => process.exit(0)));
