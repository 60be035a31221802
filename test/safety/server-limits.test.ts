// The HTTP server's own bounds (issue 11: Node's defaults let slow clients hold connections for
// minutes): a client that never finishes its headers is cut off after HTTP_HEADERS_TIMEOUT_MS,
// and connections past HTTP_MAX_CONNECTIONS are closed as they arrive.
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultWebConfig } from '../../src/safety/config.js';
import { startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({
    config: (c) => ({
      ...c,
      web: { ...defaultWebConfig(true), server: { headersTimeoutMs: 300, requestTimeoutMs: 600, keepAliveTimeoutMs: 200, maxConnections: 2 } },
    }),
  });
});
afterAll(() => stack.close());

const open = (): Promise<Socket> =>
  new Promise((resolve, reject) => {
    const { port } = new URL(stack.url);
    const socket = connect(Number(port), '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });

/** Resolves with how long the socket stayed open after `since`, once the server closes it. */
const closed = (socket: Socket, since: number) =>
  new Promise<number>((resolve) => {
    socket.on('error', () => undefined);
    socket.once('close', () => resolve(performance.now() - since));
    socket.resume();
  });

describe('HTTP server limits', () => {
  it('are set on the server', () => {
    const s = stack.gateway.server;
    expect({ headers: s.headersTimeout, request: s.requestTimeout, keepAlive: s.keepAliveTimeout, max: s.maxConnections }).toEqual({
      headers: 300,
      request: 600,
      keepAlive: 200,
      max: 2,
    });
  });

  it('closes a connection whose headers never end', async () => {
    const socket = await open();
    const started = performance.now();
    socket.write('POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
    // Nothing more is sent; the server, not the test, decides when to stop waiting.
    const openFor = await closed(socket, started);
    expect(openFor).toBeGreaterThanOrEqual(250);
    expect(openFor).toBeLessThan(5_000);
  }, 10_000);

  it('closes connections past the cap as they arrive', async () => {
    const first = await open();
    const second = await open();
    const third = await open();
    const started = performance.now();
    expect(await closed(third, started)).toBeLessThan(2_000);
    first.destroy();
    second.destroy();
  }, 10_000);
});
