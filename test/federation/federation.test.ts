// changegraph as a Federation v2 subgraph behind a real federated gateway.
//
// Composes changegraph's own `_service { sdl }` with a second subgraph written for this test (an
// alerts service that extends `Zone`) using @theguild/federation-composition, runs Hive Gateway
// (@graphql-hive/gateway-runtime) on loopback in front of both, and queries through it: fields of
// both subgraphs in one query, entity fetches counted against the VinylDNS sandbox, and Relay
// paging through connections. A recording proxy between Hive Gateway and changegraph shows which
// operations the gateway sent. The plain (non-federated) client, talking to changegraph directly,
// must see exactly what it saw before: the same data the federated gateway returns.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { composeServices, compositionHasErrors } from '@theguild/federation-composition';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type GraphQLResponse, type Stack } from '../helpers/stack.js';
import { httpTransport } from './http-transport.js';
import { alertsTypeDefs, closeServer, startAlertsSubgraph, type AlertRecord, type AlertsSubgraph } from './alerts-subgraph.js';

interface ProxiedOperation {
  query: string;
  variables: Record<string, unknown>;
}

/** A loopback HTTP proxy in front of changegraph that records every GraphQL operation it passes. */
async function startRecordingProxy(target: string): Promise<{ url: string; operations: ProxiedOperation[]; close(): Promise<void> }> {
  const operations: ProxiedOperation[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      try {
        const parsed = JSON.parse(body) as { query: string; variables?: Record<string, unknown> };
        operations.push({ query: parsed.query, variables: parsed.variables ?? {} });
      } catch {
        // not JSON: forwarded as it is, and changegraph answers the error
      }
      fetch(target, {
        method: req.method,
        headers: { 'content-type': req.headers['content-type'] ?? 'application/json', accept: req.headers.accept ?? 'application/json' },
        body: req.method === 'GET' || req.method === 'HEAD' ? undefined : body,
      })
        .then(async (upstream) => {
          const text = await upstream.text();
          res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
          res.end(text);
        })
        .catch((error: unknown) => {
          res.writeHead(502, { 'content-type': 'text/plain' });
          res.end(String(error));
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/graphql`, operations, close: () => closeServer(server) };
}

let stack: Stack;
let alerts: AlertsSubgraph;
let proxy: Awaited<ReturnType<typeof startRecordingProxy>>;
let hive: ReturnType<typeof createGatewayRuntime>;
let hiveServer: Server;
let hiveUrl: string;
let alertRecords: AlertRecord[];
/** The four zones the alerts are about. */
let alertZones: Array<{ id: string; name: string }>;

/** A query through Hive Gateway (the federated client's view). */
async function federated<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> {
  const res = await fetch(hiveUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  try {
    return JSON.parse(text) as GraphQLResponse<T>;
  } catch {
    throw new Error(`Hive Gateway answered HTTP ${res.status} with a non-JSON body: ${text.slice(0, 300)}`);
  }
}

const zoneGets = () => stack.sandbox.vinyldns.count({ method: 'GET', pathPattern: /^\/zones\/[^/]+$/ });
const entityCalls = () => proxy.operations.filter((op) => op.query.includes('_entities'));

beforeAll(async () => {
  stack = await startStack();
  const zones = stack.sandbox.vinyldns.store.zones();
  alertZones = [...zones]
    .sort((a, b) => a.name.localeCompare(b.name))
    .slice(0, 4)
    .map((z) => ({ id: z.id, name: z.name }));
  // 100 alerts over 4 zones, so the gateway asks changegraph for 100 zone references at once.
  alertRecords = Array.from({ length: 100 }, (_, i) => ({
    id: `alert-${i}`,
    message: `alert ${i}`,
    zoneId: alertZones[(i * 7) % 4].id,
  }));
  alerts = await startAlertsSubgraph(alertRecords);
  proxy = await startRecordingProxy(`${stack.url}/graphql`);

  // Compose from what the running service itself reports, as a schema registry would.
  const service = await stack.gql<{ _service: { sdl: string } }>('{ _service { sdl } }');
  expect(service.errors).toBeUndefined();
  const composed = composeServices([
    { name: 'changegraph', url: proxy.url, typeDefs: parse(service.data!._service.sdl) },
    { name: 'alerts', url: alerts.url, typeDefs: alertsTypeDefs },
  ]);
  if (compositionHasErrors(composed)) {
    throw new Error(`supergraph composition failed:\n${composed.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  const supergraphSdl = composed.supergraphSdl;

  hive = createGatewayRuntime({
    supergraph: () => supergraphSdl,
    graphqlEndpoint: '/graphql',
    graphiql: false,
    landingPage: false,
    logging: false,
    // unmasked, so a failing assertion shows the subgraph's real error
    maskedErrors: false,
    transports: { http: httpTransport },
  });
  hiveServer = createServer(hive);
  await new Promise<void>((resolve) => hiveServer.listen(0, '127.0.0.1', resolve));
  hiveUrl = `http://127.0.0.1:${(hiveServer.address() as AddressInfo).port}/graphql`;
}, 30_000);

afterAll(async () => {
  if (hiveServer) await closeServer(hiveServer);
  await hive?.dispose();
  await proxy?.close();
  await alerts?.close();
  await stack?.close();
});

describe('changegraph as a subgraph', () => {
  it('answers _service { sdl } with a Federation v2 SDL declaring the entity keys', async () => {
    const res = await stack.gql('{ _service { sdl } }');
    const sdl: string = res.data._service.sdl;
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.3"');
    expect(sdl).toMatch(/type Zone implements Node\s+@key\(fields: "id"\)\s+@key\(fields: "zoneId"\)\s+@key\(fields: "name"\)/);
    expect(sdl).toMatch(/type RecordSet implements Node\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/type Domain implements Node\s+@key\(fields: "name"\)/);
  });

  it('resolves 100 Zone representations of 4 zones with 4 upstream GETs, in representation order', async () => {
    // Mixed keys: the global id for some, the VinylDNS id for others, all through the zone loader.
    const globalIds = new Map<string, string>();
    for (const z of alertZones) {
      const r = await stack.gql('query($id: String!) { zone(zoneId: $id) { id } }', { id: z.id });
      globalIds.set(z.id, r.data.zone.id);
    }
    const order = Array.from({ length: 100 }, (_, i) => alertZones[(i * 3 + (i >> 2)) % 4]);
    const representations = order.map((z, i) => (i % 2 === 0 ? { __typename: 'Zone', zoneId: z.id } : { __typename: 'Zone', id: globalIds.get(z.id) }));
    stack.sandbox.vinyldns.clearLog();
    const res = await stack.gql('query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Zone { zoneId name } } }', {
      r: representations,
    });
    expect(res.errors).toBeUndefined();
    expect(res.data._entities).toEqual(order.map((z) => ({ __typename: 'Zone', zoneId: z.id, name: z.name })));
    expect(stack.sandbox.vinyldns.log.map((e) => `${e.method} ${e.path}`).sort()).toEqual(alertZones.map((z) => `GET /zones/${z.id}`).sort());
  });

  it('shares zone-by-name reads: 100 name keys of 4 zones cost 4 name lookups and 4 zone reads', async () => {
    const order = Array.from({ length: 100 }, (_, i) => alertZones[(i * 5 + 1) % 4]);
    // with and without the trailing dot: the same zone
    const representations = order.map((z, i) => ({ __typename: 'Zone', name: i % 2 ? z.name : z.name.replace(/\.$/, '') }));
    stack.sandbox.vinyldns.clearLog();
    const res = await stack.gql('query($r: [_Any!]!) { _entities(representations: $r) { ... on Zone { zoneId } } }', { r: representations });
    expect(res.errors).toBeUndefined();
    expect(res.data._entities).toEqual(order.map((z) => ({ zoneId: z.id })));
    expect(stack.sandbox.vinyldns.count({ pathPrefix: '/zones/name/' })).toBe(4);
    expect(zoneGets()).toBe(4);
    expect(stack.sandbox.vinyldns.log).toHaveLength(8);
  });

  it('resolves unknown or unreadable keys to null without failing the other representations', async () => {
    const [a, b] = alertZones;
    const domainId = (await stack.gql('{ domain(name: "example.com") { id } }')).data?.domain?.id as string | undefined;
    const representations = [
      { __typename: 'Zone', zoneId: a.id },
      { __typename: 'Zone', zoneId: '00000000-0000-0000-0000-000000000000' },
      { __typename: 'Zone', name: 'no-such-zone.example.' },
      { __typename: 'Zone', name: 'not a name!' },
      { __typename: 'Zone', id: 'not-an-id-of-ours' },
      ...(domainId ? [{ __typename: 'Zone', id: domainId }] : []), // an id of another type
      { __typename: 'RecordSet', id: 'garbage' },
      { __typename: 'Domain', name: 'no-such-domain-at-all.example' },
      { __typename: 'Domain', name: '%%%' },
      { __typename: 'Zone', name: b.name },
    ];
    const res = await stack.gql(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Zone { name } ... on RecordSet { fqdn } ... on Domain { name } } }',
      {
        r: representations,
      },
    );
    expect(res.errors).toBeUndefined();
    const expected = representations.map(() => null) as Array<{ name: string } | null>;
    expected[0] = { name: a.name };
    expected[expected.length - 1] = { name: b.name };
    expect(res.data._entities).toEqual(expected);
  });

  it('resolves RecordSet and Domain references by their keys', async () => {
    const zone = alertZones.find((z) => z.name === 'example.com.') ?? alertZones[0];
    const page = await stack.gql('query($id: String!) { zone(zoneId: $id) { recordSets(first: 3) { nodes { id fqdn type } } } }', { id: zone.id });
    const recordSets: Array<{ id: string; fqdn: string; type: string }> = page.data.zone.recordSets.nodes;
    expect(recordSets.length).toBeGreaterThan(0);
    const representations = [
      ...recordSets.map((rs) => ({ __typename: 'RecordSet', id: rs.id })),
      { __typename: 'Domain', name: 'example.com' },
      { __typename: 'RecordSet', id: recordSets[0].id },
    ];
    stack.sandbox.vinyldns.clearLog();
    const res = await stack.gql(
      'query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on RecordSet { id fqdn type } ... on Domain { name } } }',
      { r: representations },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data._entities).toEqual([
      ...recordSets.map((rs) => ({ __typename: 'RecordSet', ...rs })),
      { __typename: 'Domain', name: 'example.com' },
      { __typename: 'RecordSet', ...recordSets[0] },
    ]);
    // the repeated record set is read once
    expect(stack.sandbox.vinyldns.count({ pathPattern: /\/recordsets\// })).toBe(recordSets.length);
  });

  it('resolves the ids of zones and record sets as recorded inside changes (snapshots)', async () => {
    const zone = alertZones.find((z) => z.name === 'example.com.') ?? alertZones[0];
    const res = await stack.gql(
      `query($id: String!) { zone(zoneId: $id) {
        changes(first: 1) { nodes { zoneSnapshot { id name email } } }
        recordSetChanges(first: 1) { nodes { recordSet { id fqdn ttl } } }
      } }`,
      { id: zone.id },
    );
    expect(res.errors).toBeUndefined();
    const zoneSnapshot = res.data.zone.changes.nodes[0].zoneSnapshot;
    const recordSetSnapshot = res.data.zone.recordSetChanges.nodes[0].recordSet;
    const entities = await stack.gql(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Zone { id name email } ... on RecordSet { id fqdn ttl } } }',
      {
        r: [
          { __typename: 'Zone', id: zoneSnapshot.id },
          { __typename: 'RecordSet', id: recordSetSnapshot.id },
          // a snapshot id under the wrong type is no key of that type
          { __typename: 'RecordSet', id: zoneSnapshot.id },
        ],
      },
    );
    expect(entities.errors).toBeUndefined();
    expect(entities.data._entities).toEqual([zoneSnapshot, recordSetSnapshot, null]);
  });
});

describe('through Hive Gateway', () => {
  it('hides the subgraph internals from federated clients', async () => {
    const res = await federated('{ _entities(representations: []) { __typename } }');
    expect(res.errors?.[0]?.message).toMatch(/Cannot query field "_entities"/);
  });

  it('joins alerts to zones: one batched _entities call to changegraph, 4 upstream zone GETs for 100 references', async () => {
    stack.sandbox.vinyldns.clearLog();
    const before = entityCalls().length;
    const res = await federated('{ alerts { id zone { zoneId name status openAlerts } } }');
    expect(res.errors).toBeUndefined();
    const byId = new Map(alertZones.map((z) => [z.id, z]));
    expect(res.data.alerts).toHaveLength(100);
    res.data.alerts.forEach((alert: any, i: number) => {
      const zone = byId.get(alertRecords[i].zoneId)!;
      expect(alert).toEqual({
        id: alertRecords[i].id,
        zone: { zoneId: zone.id, name: zone.name, status: 'ACTIVE', openAlerts: alertRecords.filter((a) => a.zoneId === zone.id).length },
      });
    });
    const calls = entityCalls().slice(before);
    expect(calls).toHaveLength(1);
    const reps = calls[0].variables.representations as Array<{ __typename: string; zoneId: string }>;
    expect(new Set(reps.map((r) => r.zoneId))).toEqual(new Set(alertZones.map((z) => z.id)));
    console.log(`Hive Gateway sent ${reps.length} Zone representation(s) in 1 _entities call; the sandbox saw ${zoneGets()} zone GETs`);
    expect(zoneGets()).toBe(4);
    expect(stack.sandbox.vinyldns.log).toHaveLength(4);
  });

  it('pages through Query.zones with a field from the alerts subgraph on every zone', async () => {
    const direct = await stack.gql('{ zones(first: 100) { nodes { zoneId name status } pageInfo { hasNextPage } } }');
    expect(direct.errors).toBeUndefined();
    expect(direct.data.zones.pageInfo.hasNextPage).toBe(false);
    const walked: any[] = [];
    let after: string | null = null;
    let pages = 0;
    const query = `query($after: String) { zones(first: 2, after: $after) {
      edges { cursor node { zoneId name status openAlerts } }
      pageInfo { hasNextPage endCursor }
    } }`;
    for (;;) {
      const res: GraphQLResponse = await federated(query, { after });
      expect(res.errors).toBeUndefined();
      pages += 1;
      const { edges, pageInfo } = res.data.zones;
      walked.push(...edges.map((e: any) => e.node));
      if (!pageInfo.hasNextPage) break;
      expect(pageInfo.endCursor).toBe(edges[edges.length - 1].cursor);
      after = pageInfo.endCursor;
      expect(pages).toBeLessThan(50);
    }
    expect(pages).toBe(Math.ceil(direct.data.zones.nodes.length / 2));
    // the plain client's view, plus the alerts subgraph's field
    expect(walked).toEqual(direct.data.zones.nodes.map((z: any) => ({ ...z, openAlerts: alertRecords.filter((a) => a.zoneId === z.zoneId).length })));
  });

  it("pages a zone's record set changes from an alert, with the same cursors a plain client gets", async () => {
    const zone = alertZones[0];
    const fields = 'edges { cursor node { id occurredAt summary status } } pageInfo { hasNextPage endCursor }';
    const direct = await stack.gql(`query($id: String!) { zone(zoneId: $id) { recordSetChanges(first: 9) { ${fields} } } }`, { id: zone.id });
    expect(direct.errors).toBeUndefined();
    const expected = direct.data.zone.recordSetChanges.edges;
    expect(expected.length).toBeGreaterThan(3);

    const walked: any[] = [];
    let after: string | null = null;
    for (let page = 0; page < 3; page++) {
      const res: GraphQLResponse = await federated(
        `query($id: String!, $after: String) { zone(zoneId: $id) { name openAlerts recordSetChanges(first: 3, after: $after) { ${fields} } } }`,
        { id: zone.id, after },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data.zone.name).toBe(zone.name);
      expect(res.data.zone.openAlerts).toBe(alertRecords.filter((a) => a.zoneId === zone.id).length);
      const conn = res.data.zone.recordSetChanges;
      walked.push(...conn.edges);
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(walked).toEqual(expected.slice(0, walked.length));
    expect(walked.length).toBe(Math.min(9, expected.length));
  });

  it('serves a plain client the same answer as the federated gateway', async () => {
    const query = `{
      zone(name: "example.com") { id zoneId name email status recordSets(first: 5) { nodes { id fqdn type records { text } } } }
      domain(name: "example.com") { name changes(first: 3) { totalCount nodes { id occurredAt message } } }
    }`;
    const [plain, viaHive] = await Promise.all([stack.gql(query), federated(query)]);
    expect(plain.errors).toBeUndefined();
    expect(viaHive.errors).toBeUndefined();
    expect(viaHive.data).toEqual(plain.data);
    expect(plain.data.zone.name).toBe('example.com.');
  });
});
