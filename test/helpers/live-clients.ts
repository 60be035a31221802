// Subscriptions as a real client makes them: graphql-sse (GraphQL over SSE, distinct connections)
// and graphql-ws (GraphQL over WebSocket, with the `ws` package), collecting what arrives.
import { createClient as createSseClient } from 'graphql-sse';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import WebSocket from 'ws';

export type Transport = 'sse' | 'ws';

export const LIVE_CHANGES = `subscription Live($domain: String!, $after: String, $providers: [Provider!], $actor: String) {
  changes(domain: $domain, after: $after, providers: $providers, actor: $actor) {
    cursor
    node { __typename provider occurredAt actor ... on ZoneChange { changeId } ... on RecordSetChange { changeId } ... on DomainChange { message } }
  }
}`;

export interface ReceivedError {
  message: string;
  extensions?: Record<string, unknown>;
}

export interface LiveSubscription {
  /** Every result received, in order. */
  results: Array<{ data?: any; errors?: ReceivedError[] }>;
  /** The edges received, in order. */
  edges(): Array<{ cursor: string; node: any }>;
  /** The errors received: in results, or the subscription's own failure. */
  errors(): ReceivedError[];
  completed: boolean;
  stop(): void;
}

/** `zc:<id>`, `rc:<id>`, `dc:<message>`: what tests land and expect. */
export const keyOf = (node: any): string =>
  node.__typename === 'DomainChange' ? `dc:${node.message}` : `${node.__typename === 'ZoneChange' ? 'zc' : 'rc'}:${node.changeId}`;

export function subscribe(
  transport: Transport,
  baseUrl: string,
  variables: Record<string, unknown>,
  headers: Record<string, string> = {},
  query = LIVE_CHANGES,
): LiveSubscription {
  const results: LiveSubscription['results'] = [];
  const failures: ReceivedError[] = [];
  let stopClient: () => void = () => undefined;
  const sub: LiveSubscription = {
    results,
    edges: () => results.flatMap((r) => (r.data?.changes ? [r.data.changes] : [])),
    errors: () => [...results.flatMap((r) => r.errors ?? []), ...failures],
    completed: false,
    stop: () => stopClient(),
  };
  const sink = {
    next: (value: any) => results.push(value),
    error: (error: unknown) => {
      failures.push(...asErrors(error));
      sub.completed = true;
    },
    complete: () => {
      sub.completed = true;
    },
  };
  if (transport === 'sse') {
    const client = createSseClient({ url: `${baseUrl}/graphql`, headers, retryAttempts: 0 });
    const dispose = client.subscribe({ query, variables }, sink);
    stopClient = () => {
      dispose();
      client.dispose();
    };
  } else {
    const client = wsClient(baseUrl, headers);
    const dispose = client.subscribe({ query, variables }, sink);
    stopClient = () => {
      dispose();
      void client.dispose();
    };
  }
  return sub;
}

/** A graphql-ws client whose upgrade request carries `headers` (e.g. Authorization). */
export function wsClient(baseUrl: string, headers: Record<string, string> = {}, onClosed?: (event: unknown) => void): WsClient {
  class WithHeaders extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  return createWsClient({
    url: `${baseUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WithHeaders,
    retryAttempts: 0,
    lazy: true,
    on: onClosed ? { closed: onClosed } : undefined,
  });
}

function asErrors(error: unknown): ReceivedError[] {
  if (Array.isArray(error)) return error as ReceivedError[];
  if (error instanceof Error) return [{ message: error.message }];
  if (typeof error === 'object' && error !== null && 'code' in error)
    return [{ message: `closed ${(error as { code: number }).code} ${(error as { reason?: string }).reason ?? ''}` }];
  return [{ message: String(error) }];
}

/** Waits (in short steps, at most `timeoutMs`) until `condition` holds. */
export async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
