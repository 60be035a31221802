// Scenario (g), the floor: a hand-written proxy that does only what any gateway in front of
// VinylDNS must do for the page of scenario (a), with no GraphQL at all: sign the request, one
// undici request to the same upstream page, JSON.parse, pick the same fields (the summary and
// actor through the same pure model functions the gateway uses, a cheap opaque cursor per edge),
// JSON.stringify. Its throughput is the physical limit of a gateway on this machine.
//
//   GET /page?zoneId=<id>&first=100  →  {"data":{"zone":{"recordSetChanges":{"edges":[…],"pageInfo":{…}}}}}
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'undici';
import { recordSetChangeActor, recordSetChangeSummary } from '../src/parents/summary.js';
import { signGet } from '../src/providers/vinyldns/sign.js';
import type { ListRecordSetChangesResponse } from '../src/providers/vinyldns/wire.js';
import { serveParent } from './child.js';

const upstreamUrl = new URL(required('VINYLDNS_URL'));
const credentials = { accessKey: required('VINYLDNS_ACCESS_KEY'), secretKey: required('VINYLDNS_SECRET_KEY') };
// The same pool settings as the gateway's HttpUpstream.
const pool = new Pool(upstreamUrl.origin, { connections: 16, keepAliveTimeout: 10_000 });

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`floor-proxy: ${name} is not set`);
  return value;
}

async function page(zoneId: string, first: number): Promise<string> {
  const signed = signGet(upstreamUrl.host, `/zones/${encodeURIComponent(zoneId)}/recordsetchanges?startFrom=0&maxItems=${first}`, credentials);
  const res = await pool.request({ method: 'GET', path: signed.path, headers: signed.headers });
  const text = await res.body.text();
  if (res.statusCode !== 200) throw new Error(`upstream answered ${res.statusCode}`);
  const body = JSON.parse(text) as ListRecordSetChangesResponse;
  const edges = body.recordSetChanges.map((change, index) => ({
    cursor: Buffer.from(`${index}:${change.id}`).toString('base64url'),
    node: {
      changeId: change.id,
      created: change.created,
      summary: recordSetChangeSummary(change),
      actor: recordSetChangeActor(change),
    },
  }));
  const pageInfo = { hasNextPage: body.nextId !== undefined, endCursor: edges.length ? edges[edges.length - 1].cursor : null };
  return JSON.stringify({ data: { zone: { recordSetChanges: { edges, pageInfo } } } });
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://floor');
  const zoneId = url.searchParams.get('zoneId');
  if (url.pathname !== '/page' || !zoneId) {
    res.writeHead(404).end();
    return;
  }
  page(zoneId, Number(url.searchParams.get('first') ?? '100')).then(
    (body) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    },
    (error: unknown) => {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(error instanceof Error ? error.message : 'upstream failed');
    },
  );
});

await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
const { port } = server.address() as AddressInfo;
serveParent(
  { type: 'ready', url: `http://127.0.0.1:${port}` },
  {
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await pool.close();
    },
  },
);
