// A slow reader slows the export's upstream reads: the gateway reads the next page only when the
// client has taken the previous one. Read over a Unix socket, whose buffers are small and fixed
// (loopback TCP's grow to megabytes, which would hide the effect for a whole small history),
// through the very yoga instance the gateway serves.
import { createServer, get, type IncomingMessage, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportConfig } from '../../src/export/config.js';
import { startStack, type Stack } from '../helpers/stack.js';
import { exportPath, rawGet, seedHistory, UNPACED } from './helpers.js';

const DOMAIN = 'slow-reader.example';
let socketPath: string;
let stack: Stack;
let server: Server;

/** A gateway with these export limits, reached over a Unix socket; a seeded history in its sandbox. */
function gatewayOnSocket(exportConfig: ExportConfig, name: string) {
  beforeAll(async () => {
    socketPath = join(tmpdir(), `changegraph-export-${process.pid}-${name}.sock`);
    stack = await startStack({ config: (c) => ({ ...c, export: exportConfig }) });
    seedHistory(stack, DOMAIN, 6000, 7);
    server = createServer((req, res) => stack.gateway.yoga(req, res));
    await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  }, 60_000);
  afterAll(async () => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    await stack.close();
  });
}

const upstreamCalls = () => stack.sandbox.vinyldns.log.length + stack.sandbox.opensrs.log.length;
const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The call count once it has not moved for two samples 100 ms apart (at most ~2 s). */
async function settled(): Promise<number> {
  let last = upstreamCalls();
  let still = 0;
  for (let i = 0; i < 20 && still < 2; i++) {
    await tick(100);
    const now = upstreamCalls();
    still = now === last ? still + 1 : 0;
    last = now;
  }
  return last;
}

function open(path: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => get({ socketPath, path }, resolve).on('error', reject));
}

describe('a slow reader', () => {
  gatewayOnSocket(UNPACED, 'slow');

  it('stops the upstream reads while it reads nothing, and resumes them as it reads on', async () => {
    const start = upstreamCalls();
    const res = await open(exportPath({ domain: DOMAIN, format: 'ndjson' }));
    let received = 0;
    res.on('data', (chunk: Buffer) => (received += chunk.length));
    await new Promise((resolve) => res.once('data', resolve));
    res.pause();
    const paused = (await settled()) - start;
    // Still, not just slow: nothing more is read while the client reads nothing.
    await tick(300);
    expect(upstreamCalls() - start).toBe(paused);

    // A little more read: a little more fetched, then still again.
    res.resume();
    await tick(30);
    res.pause();
    const pausedAgain = (await settled()) - start;

    res.resume();
    await new Promise((resolve) => res.on('end', resolve));
    const whole = upstreamCalls() - start;
    expect(received).toBeGreaterThan(5_000_000);
    // Stopped while the history was far from read...
    expect(paused).toBeLessThan(whole / 4);
    // ...and read on only as the client read on.
    expect(pausedAgain).toBeGreaterThan(paused);
    expect(pausedAgain).toBeLessThan(whole / 2);
  }, 30_000);
});

describe('a stalled reader', () => {
  gatewayOnSocket({ ...UNPACED, maxConcurrentPerIdentity: 1, stallTimeoutMs: 300 }, 'stall');

  it('loses its export (and its slot) after EXPORT_STALL_TIMEOUT_MS without reading', async () => {
    const exportOf = (domain: string) => rawGet(`http://localhost${exportPath({ domain, format: 'csv', providers: 'OPENSRS' })}`, {}, undefined, socketPath);
    const res = await open(exportPath({ domain: DOMAIN, format: 'csv' }));
    await new Promise((resolve) => res.once('data', resolve));
    res.pause();
    // One export per identity here: a second one is refused while the stalled one holds the slot...
    expect((await exportOf('example.com')).status).toBe(429);
    // ...until the gateway gives up on the stalled one (once the socket's buffers are full, no more
    // is asked for; 300 ms later the connection is cut).
    let status = 429;
    for (let i = 0; i < 100 && status === 429; i++) {
      await tick(100);
      status = (await exportOf('example.com')).status;
    }
    expect(status).toBe(200);
    // The stalled client, reading again, finds its transfer cut short.
    const closed = new Promise((resolve) => res.once('close', resolve));
    res.resume();
    await closed;
    expect(res.complete).toBe(false);
  }, 30_000);
});
