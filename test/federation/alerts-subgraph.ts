// A second, throw-away Federation v2 subgraph for the federation test: an "alerts" service that
// knows nothing about DNS except zone ids. It extends `Zone` (by its `zoneId` key) with a field of
// its own, `openAlerts`, and returns `Zone` references from `alerts`, so a query through the
// federated gateway has to cross into changegraph's `_entities` and back.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { parse } from 'graphql';
import { createYoga } from 'graphql-yoga';

export const alertsTypeDefs = parse(/* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

  "A DNS zone, as the alerts service knows it: by its VinylDNS id."
  type Zone @key(fields: "zoneId") {
    "The VinylDNS id of the zone."
    zoneId: String!
    "How many alerts are open for the zone."
    openAlerts: Int!
  }

  "An alert raised about a zone."
  type Alert {
    "The alert's id."
    id: ID!
    "What the alert says."
    message: String!
    "The zone the alert is about; null when changegraph does not know the zone."
    zone: Zone
  }

  "The alerts service's entry points."
  type Query {
    "Every open alert, oldest first."
    alerts: [Alert!]!
  }
`);

export interface AlertRecord {
  id: string;
  message: string;
  zoneId: string;
}

export interface AlertsSubgraph {
  url: string;
  /** Every `_entities` representation this subgraph was asked to resolve. */
  representations: Array<Record<string, unknown>>;
  close(): Promise<void>;
}

export async function startAlertsSubgraph(alerts: AlertRecord[]): Promise<AlertsSubgraph> {
  const representations: Array<Record<string, unknown>> = [];
  const openAlerts = (zoneId: string) => alerts.filter((a) => a.zoneId === zoneId).length;
  const resolvers = {
    Query: { alerts: () => alerts },
    Alert: { zone: (alert: AlertRecord) => ({ __typename: 'Zone', zoneId: alert.zoneId }) },
    Zone: {
      __resolveReference: (ref: { zoneId: string }) => {
        representations.push(ref);
        return { zoneId: ref.zoneId };
      },
      openAlerts: (zone: { zoneId: string }) => openAlerts(zone.zoneId),
    },
  };
  const yoga = createYoga({
    schema: buildSubgraphSchema([{ typeDefs: alertsTypeDefs, resolvers: resolvers as GraphQLResolverMap<unknown> }]),
    graphqlEndpoint: '/graphql',
    graphiql: false,
    landingPage: false,
    logging: false,
  });
  const server: Server = createServer(yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    representations,
    close: () => closeServer(server),
  };
}

/** Closes a node:http server, dropping keep-alive sockets so nothing holds the process open. */
export function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
