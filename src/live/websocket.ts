// GraphQL over WebSocket (the graphql-ws protocol) on the gateway's own HTTP server, running
// operations through yoga's envelop, so they get the same schema, context, limits and error
// masking as HTTP requests. An upgrade is authorised by the HTTP pipeline itself: the gateway is
// asked `{ __typename }` with the upgrade's headers, and anything but a 200 refuses the upgrade
// with that status, so WebSockets get exactly the checks a query gets (token or JWT, and
// whatever else guards /graphql). The server pings every `heartbeatMs` and drops clients that
// stop answering (graphql-ws's keep-alive).
import { STATUS_CODES, type IncomingMessage, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ExecutionArgs } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { createGraphQLError, type YogaServerInstance } from 'graphql-yoga';
import { WebSocketServer } from 'ws';
import { isRecord } from '../model/guards.js';

export interface WebSocketOptions {
  /** The GraphQL endpoint; upgrades anywhere else are refused. */
  path: string;
  maxSubscriptionsPerConnection: number;
  heartbeatMs: number;
  /**
   * Checks of the upgrade the HTTP pipeline cannot make because they happen before it (e.g. the
   * Host header, or the Origin of a browser's WebSocket, which no CORS rule covers): a status to
   * refuse with, or undefined.
   */
  refuse?: (req: IncomingMessage) => number | undefined;
}

// Any yoga instance: the server's own context type lives in a layer above this module.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Yoga = YogaServerInstance<any, any>;
type Enveloped = ReturnType<Yoga['getEnveloped']>;

/** Headers of the upgrade that mean nothing to a plain HTTP request. */
const HOP_BY_HOP = new Set(['connection', 'upgrade', 'keep-alive', 'transfer-encoding', 'content-length', 'host']);

const AUTHORIZE_QUERY = JSON.stringify({ query: 'query WebSocketConnect { __typename }' });

export function attachWebSocket(server: Server, yoga: Yoga, options: WebSocketOptions): { close(): Promise<void> } {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1 << 20 });
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (new URL(req.url ?? '/', 'http://localhost').pathname !== options.path) return refuse(socket, 404);
    const refused = options.refuse?.(req);
    if (refused !== undefined) return refuse(socket, refused);
    authorize(yoga, req, options.path).then(
      (status) => {
        if (status !== 200) return refuse(socket, status);
        wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
      },
      () => refuse(socket, 500),
    );
  };
  server.on('upgrade', onUpgrade);

  const active = new WeakMap<object, Set<string>>();
  // onSubscribe hands each operation's enveloped instance on as its root value (yoga's recipe for
  // graphql-ws), and remembers it here, so execute and subscribe can tell it is one.
  const envelopeds = new WeakSet<object>();
  const isEnveloped = (value: unknown): value is Enveloped => typeof value === 'object' && value !== null && envelopeds.has(value);
  const envelopedOf = (args: ExecutionArgs): Enveloped => {
    const root = args.rootValue;
    if (!isEnveloped(root)) throw new Error('a WebSocket operation without its enveloped instance as root value');
    return root;
  };
  const graphqlWs = useServer(
    {
      execute: (args) => envelopedOf(args).execute(args),
      subscribe: (args) => envelopedOf(args).subscribe(args),
      onSubscribe: async (ctx, id, payload) => {
        let ids = active.get(ctx);
        if (!ids) active.set(ctx, (ids = new Set()));
        const max = options.maxSubscriptionsPerConnection;
        if (ids.size >= max) {
          // yoga's graphql: graphql-ws checks errors with `instanceof` against the copy it loads.
          return [
            createGraphQLError(`Too many live subscriptions: at most ${max} per connection`, {
              extensions: { code: 'SUBSCRIPTION_LIMIT_EXCEEDED', limit: max },
            }),
          ];
        }
        const request = requestOf(ctx.extra.request, options.path, 'GET');
        const enveloped = yoga.getEnveloped({ ...ctx, request, socket: ctx.extra.socket, params: payload });
        envelopeds.add(enveloped);
        let document;
        try {
          document = enveloped.parse(payload.query);
        } catch (error) {
          // By name: the GraphQLError class of yoga's copy of graphql may not be this module's.
          const parseError = error instanceof Error && error.name === 'GraphQLError' ? error : undefined;
          const extensions = parseError && 'extensions' in parseError && isRecord(parseError.extensions) ? parseError.extensions : undefined;
          return [
            createGraphQLError(parseError?.message ?? 'The operation could not be parsed', {
              extensions: { ...extensions, code: extensions?.code ?? 'GRAPHQL_PARSE_FAILED' },
            }),
          ];
        }
        const errors = enveloped.validate(enveloped.schema, document);
        if (errors.length > 0) return errors;
        ids.add(id);
        const args: ExecutionArgs = {
          schema: enveloped.schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue: await enveloped.contextFactory(),
          rootValue: enveloped,
        };
        return args;
      },
      onComplete: (ctx, id) => {
        active.get(ctx)?.delete(id);
      },
    },
    wss,
    // graphql-ws pings at this interval and drops a client that has not answered the last ping.
    options.heartbeatMs,
  );

  return {
    async close() {
      server.off('upgrade', onUpgrade);
      for (const ws of wss.clients) ws.terminate();
      await graphqlWs.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

/** The upgrade as a Fetch request, so the context reads the same headers a query's would. */
function requestOf(req: IncomingMessage, path: string, method: string, body?: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || name.startsWith('sec-websocket-')) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  if (body !== undefined) {
    headers.set('content-type', 'application/json');
    headers.set('accept', 'application/json');
  }
  const host = typeof req.headers.host === 'string' && /^[A-Za-z0-9.:[\]-]+$/.test(req.headers.host) ? req.headers.host : 'localhost';
  return new Request(`http://${host}${path}`, { method, headers, body });
}

async function authorize(yoga: Yoga, req: IncomingMessage, path: string): Promise<number> {
  const probe = requestOf(req, path, 'POST', AUTHORIZE_QUERY);
  const response = await yoga.fetch(probe);
  await response.arrayBuffer();
  return response.status;
}

function refuse(socket: Duplex, status: number): void {
  const body = JSON.stringify({
    errors: [
      {
        message:
          status === 401 ? 'Authentication required: send Authorization: Bearer <token> with a valid gateway token' : 'The WebSocket connection was refused',
        extensions: { code: status === 401 ? 'UNAUTHENTICATED' : status === 404 ? 'NOT_FOUND' : 'FORBIDDEN' },
      },
    ],
  });
  const challenge = status === 401 ? 'www-authenticate: Bearer realm="changegraph"\r\n' : '';
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\ncontent-type: application/json\r\n${challenge}connection: close\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
