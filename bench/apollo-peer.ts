// The peer: the gateway most users would build for the same queries, following Apollo's docs —
// Apollo Server 5 (standalone), a RESTDataSource per request that signs each request with aws4 in
// `willSendRequest`, and a per-request DataLoader for zones. Defaults everywhere (RESTDataSource's
// own fetch, HTTP cache and request deduplication; the server's cache). It serves the bench's
// query shapes: a zone's page of record set changes, and the global failure list with
// `zone { name }` on each change. Summaries and actors come from the same pure functions the
// gateway uses, so both answer the same nodes and only the machinery differs.
//
// Not sabotaged, and not tuned beyond the docs either: no response cache, no zone cache shared
// between requests (the DataLoader lives per request, as Apollo's docs and DataLoader's README say).
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { RESTDataSource, type AugmentedRequest, type DataSourceConfig } from '@apollo/datasource-rest';
import aws4 from 'aws4';
import DataLoader from 'dataloader';
import { recordSetChangeActor, recordSetChangeSummary, zoneChangeSummary } from '../src/parents/summary.js';
import type {
  ListFailedZoneChangesResponse,
  ListRecordSetChangesResponse,
  WireRecordSetChange,
  WireZone,
  WireZoneChange,
} from '../src/providers/vinyldns/wire.js';
import { serveParent } from './child.js';

const typeDefs = `#graphql
  type Query {
    zone(zoneId: String!): Zone
    failedZoneChanges(first: Int, after: String): ZoneChangeConnection!
  }
  type Zone {
    zoneId: String!
    name: String!
    email: String!
    recordSetChanges(first: Int, after: String): RecordSetChangeConnection!
  }
  type PageInfo {
    hasNextPage: Boolean!
    endCursor: String
  }
  type RecordSetChange {
    changeId: String!
    created: String!
    summary: String!
    actor: String
    status: String!
    zone: Zone!
  }
  type RecordSetChangeEdge {
    cursor: String!
    node: RecordSetChange!
  }
  type RecordSetChangeConnection {
    edges: [RecordSetChangeEdge!]!
    nodes: [RecordSetChange!]!
    pageInfo: PageInfo!
  }
  type ZoneChange {
    changeId: String!
    created: String!
    summary: String!
    actor: String
    status: String!
    zone: Zone!
  }
  type ZoneChangeEdge {
    cursor: String!
    node: ZoneChange!
  }
  type ZoneChangeConnection {
    edges: [ZoneChangeEdge!]!
    nodes: [ZoneChange!]!
    pageInfo: PageInfo!
  }
`;

interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

class VinylDnsAPI extends RESTDataSource {
  override baseURL: string;

  constructor(
    baseURL: string,
    private readonly credentials: Credentials,
    config: DataSourceConfig,
  ) {
    super(config);
    this.baseURL = baseURL;
  }

  // VinylDNS authenticates every request with AWS SigV4 over the host, the path and the query.
  override willSendRequest(path: string, request: AugmentedRequest): void {
    const url = new URL(path, this.baseURL);
    for (const [name, value] of request.params) url.searchParams.append(name, value);
    const signed = aws4.sign(
      { host: url.host, path: url.pathname + url.search, method: request.method, service: 'VinylDNS', region: 'us-east-1', headers: {} },
      this.credentials,
    );
    request.headers['x-amz-date'] = String(signed.headers!['X-Amz-Date']);
    request.headers.authorization = String(signed.headers!.Authorization);
  }

  async getZone(id: string): Promise<WireZone> {
    const { zone } = await this.get<{ zone: WireZone }>(`zones/${encodeURIComponent(id)}`);
    return zone;
  }

  listRecordSetChanges(zoneId: string, startFrom: number, maxItems: number): Promise<ListRecordSetChangesResponse> {
    return this.get(`zones/${encodeURIComponent(zoneId)}/recordsetchanges`, { params: { startFrom: String(startFrom), maxItems: String(maxItems) } });
  }

  listFailedZoneChanges(startFrom: number, maxItems: number): Promise<ListFailedZoneChangesResponse> {
    return this.get('metrics/health/zonechangesfailure', { params: { startFrom: String(startFrom), maxItems: String(maxItems) } });
  }
}

interface Context {
  dataSources: { vinyldns: VinylDnsAPI };
  zoneLoader: DataLoader<string, WireZone>;
}

interface PageArgs {
  first?: number | null;
  after?: string | null;
}

// Offset cursors, as most hand-rolled Relay connections over an offset API do.
const encodeCursor = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64');
const decodeCursor = (cursor: string) => Number(Buffer.from(cursor, 'base64').toString().slice('offset:'.length));

function page<T>(items: T[], startFrom: number, hasNextPage: boolean) {
  const edges = items.map((node, i) => ({ cursor: encodeCursor(startFrom + i), node }));
  return { edges, nodes: items, pageInfo: { hasNextPage, endCursor: edges.length ? edges[edges.length - 1].cursor : null } };
}

function window({ first, after }: PageArgs): { startFrom: number; maxItems: number } {
  return { startFrom: after ? decodeCursor(after) + 1 : 0, maxItems: Math.min(first ?? 25, 100) };
}

const resolvers = {
  Query: {
    zone: (_: unknown, { zoneId }: { zoneId: string }, { zoneLoader }: Context) => zoneLoader.load(zoneId),
    failedZoneChanges: async (_: unknown, args: PageArgs, { dataSources }: Context) => {
      const { startFrom, maxItems } = window(args);
      const res = await dataSources.vinyldns.listFailedZoneChanges(startFrom, maxItems);
      return page(res.failedZoneChanges, startFrom, res.nextId > 0);
    },
  },
  Zone: {
    zoneId: (zone: WireZone) => zone.id,
    recordSetChanges: async (zone: WireZone, args: PageArgs, { dataSources }: Context) => {
      const { startFrom, maxItems } = window(args);
      const res = await dataSources.vinyldns.listRecordSetChanges(zone.id, startFrom, maxItems);
      return page(res.recordSetChanges, startFrom, res.nextId !== undefined);
    },
  },
  RecordSetChange: {
    changeId: (change: WireRecordSetChange) => change.id,
    summary: (change: WireRecordSetChange) => recordSetChangeSummary(change),
    actor: (change: WireRecordSetChange) => recordSetChangeActor(change),
    zone: (change: WireRecordSetChange, _: unknown, { zoneLoader }: Context) => zoneLoader.load(change.zone.id),
  },
  ZoneChange: {
    changeId: (change: WireZoneChange) => change.id,
    summary: (change: WireZoneChange) => zoneChangeSummary(change),
    actor: (change: WireZoneChange) => change.userId,
    zone: (change: WireZoneChange, _: unknown, { zoneLoader }: Context) => zoneLoader.load(change.zone.id),
  },
};

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`apollo-peer: ${name} is not set`);
  return value;
}

const baseURL = `${required('VINYLDNS_URL').replace(/\/$/, '')}/`;
const credentials = { accessKeyId: required('VINYLDNS_ACCESS_KEY'), secretAccessKey: required('VINYLDNS_SECRET_KEY') };

const server = new ApolloServer<Context>({ typeDefs, resolvers });
const { url } = await startStandaloneServer(server, {
  listen: { port: 0, host: '127.0.0.1' },
  context: async () => {
    const { cache } = server;
    const vinyldns = new VinylDnsAPI(baseURL, credentials, { cache });
    // VinylDNS has no batch read of zones: one GET per distinct id, in parallel.
    const zoneLoader = new DataLoader<string, WireZone>((ids) => Promise.all(ids.map((id) => vinyldns.getZone(id))));
    return { dataSources: { vinyldns }, zoneLoader };
  },
});

serveParent({ type: 'ready', url: url.replace(/\/$/, '') }, { close: () => server.stop() });
