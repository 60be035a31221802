// Loopback ports and processes a test starts itself (redis-server, a second gateway).
import { spawn, type ChildProcess } from 'node:child_process';
import { connect, createServer } from 'node:net';
import type { Sandbox } from '../../src/sandbox/index.js';

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Resolves once something accepts connections on the port; throws after about 5 s. */
export async function waitForPort(port: number, what = 'redis-server'): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${what} did not start`);
}

/** A throwaway redis-server on a free loopback port, nothing saved to disk. */
export async function startRedis(binary = '/usr/bin/redis-server'): Promise<{ url: string; process: ChildProcess }> {
  const port = await freePort();
  const child = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  await waitForPort(port);
  return { url: `redis://127.0.0.1:${port}`, process: child };
}

/** The environment that points a second gateway process at a test stack's sandbox. */
export function sandboxEnv(sandbox: Sandbox): Record<string, string> {
  const config = sandbox.gatewayConfig();
  return {
    VINYLDNS_URL: sandbox.vinyldnsUrl,
    VINYLDNS_ACCESS_KEY: config.vinyldns!.accessKey!,
    VINYLDNS_SECRET_KEY: config.vinyldns!.secretKey!,
    OPENSRS_URL: sandbox.opensrsUrl,
    OPENSRS_USER: config.opensrs!.user!,
    OPENSRS_PASSWORD: config.opensrs!.password!,
  };
}
