// Starts the sandbox simulators and a gateway in front of them, all on ephemeral loopback ports,
// and queries the gateway over real HTTP.
import type { GatewayConfig } from '../../src/config.js';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/index.js';
import { createGateway, listen, type Gateway } from '../../src/server.js';

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: Array<{ message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }>;
}

export interface Stack {
  sandbox: Sandbox;
  gateway: Gateway;
  url: string;
  gql<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

export async function startStack(options: { sandbox?: SandboxOptions; config?: (base: GatewayConfig) => GatewayConfig } = {}): Promise<Stack> {
  const sandbox = await startSandbox(options.sandbox);
  let config: GatewayConfig = {
    port: 0,
    host: '127.0.0.1',
    cursorSecret: 'test-cursor-secret',
    // One log line per request is noise in test output; tests that read logs set their own level.
    logLevel: 'warn',
    ...sandbox.gatewayConfig(),
    // Tests inject many failures in a row; the breaker has tests of its own.
    resilience: { retries: 2, retryBaseDelayMs: 5, maxConcurrent: 32, breaker: { failureThreshold: 1000, resetAfterMs: 1000 } },
    // Tests count upstream calls per request; the caches have tests of their own (test/cache).
    cache: { zoneTtlMs: 0, responseCache: { ttlMs: 0 } },
  };
  if (options.config) config = options.config(config);
  const gateway = createGateway(config);
  const url = await listen(gateway, 0, '127.0.0.1');
  const gql = async (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const text = await res.text();
    try {
      return JSON.parse(text) as GraphQLResponse;
    } catch {
      throw new Error(`gateway answered HTTP ${res.status} with a non-JSON body: ${text.slice(0, 200)}`);
    }
  };
  return {
    sandbox,
    gateway,
    url,
    gql,
    async close() {
      await gateway.close();
      await sandbox.close();
    },
  };
}

/** The first error's code, for concise assertions. */
export const errorCode = (res: GraphQLResponse) => res.errors?.[0]?.extensions?.code;

/** A seeded zone of the sandbox by name (absolute, with the dot), for expected values and ids. */
export const sandboxZone = (stack: Stack, name: string) => {
  const zone = stack.sandbox.vinyldns.store.zones().find((z) => z.name === name);
  if (!zone) throw new Error(`the sandbox has no zone ${name}`);
  return zone;
};
