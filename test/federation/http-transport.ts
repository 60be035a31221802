// The subgraph transport Hive Gateway uses to call the test's subgraphs: a plain GraphQL-over-HTTP
// POST to the subgraph's URL from the supergraph (`@join__graph(url:)`).
//
// @graphql-hive/gateway-runtime resolves the supergraph's `http` transport kind by importing
// `@graphql-mesh/transport-http`, which the Hive Gateway CLI package brings but the runtime alone
// does not (and this repository does not install). `createGatewayRuntime({ transports })` takes
// the implementation instead; query planning, entity batching and merging stay the gateway's.
import type { ExecutionRequest, Executor } from '@graphql-tools/utils';
import { print, type ExecutionResult } from 'graphql';

interface SubgraphEntry {
  subgraph: string;
  location?: string;
}

export const httpTransport = {
  getSubgraphExecutor({ transportEntry }: { transportEntry: SubgraphEntry }): Executor {
    const url = transportEntry.location;
    if (!url) throw new Error(`subgraph ${transportEntry.subgraph} has no URL in the supergraph`);
    const execute = async (request: ExecutionRequest): Promise<ExecutionResult> => {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
        body: JSON.stringify({ query: print(request.document), variables: request.variables ?? {}, operationName: request.operationName }),
      });
      const text = await res.text();
      try {
        return JSON.parse(text) as ExecutionResult;
      } catch {
        throw new Error(`subgraph ${transportEntry.subgraph} answered HTTP ${res.status} with a non-JSON body: ${text.slice(0, 200)}`);
      }
    };
    return execute as Executor;
  },
};
