// Apollo Client (InMemoryCache with relayStylePagination) walking the cross-provider feed with
// fetchMore over HTTP against the sandbox, to its end: the cache ends up with every change once,
// in the gateway's order. And the pitfall the README warns about: relayStylePagination merges
// `edges`, so an operation that selects only `nodes` keeps no more than the last page.
import { ApolloClient, gql, HttpLink, InMemoryCache, type TypedDocumentNode } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type GraphQLResponse, type Stack } from '../helpers/stack.js';

interface Feed {
  changes: {
    edges?: Array<{ cursor: string; node: { id: string; provider: string } }>;
    nodes?: Array<{ id: string }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}
type Vars = { domain: string; first: number; after?: string | null };

const WITH_EDGES: TypedDocumentNode<Feed, Vars> = gql`
  query Feed($domain: String!, $first: Int!, $after: String) {
    changes(domain: $domain, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          provider
          occurredAt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;
const NODES_ONLY: TypedDocumentNode<Feed, Vars> = gql`
  query FeedNodes($domain: String!, $first: Int!, $after: String) {
    changes(domain: $domain, first: $first, after: $after) {
      nodes {
        id
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

function client(): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri: `${stack.url}/graphql` }),
    cache: new InMemoryCache({
      // Node objects normalise by their global id; the feed pages are merged by relayStylePagination.
      possibleTypes: { Change: ['ZoneChange', 'RecordSetChange', 'DomainChange'] },
      typePolicies: { Query: { fields: { changes: relayStylePagination(['domain', 'providers', 'since', 'until', 'actor']) } } },
    }),
  });
}

/** Every change of the feed, walked directly over HTTP (the expected content and order). */
async function directWalk(domain: string): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const res: GraphQLResponse = await stack.gql(
      'query ($d: String!, $a: String) { changes(domain: $d, first: 100, after: $a) { nodes { id } pageInfo { hasNextPage endCursor } } }',
      { d: domain, a: after },
    );
    ids.push(...res.data.changes.nodes.map((n: { id: string }) => n.id));
    if (!res.data.changes.pageInfo.hasNextPage) return ids;
    after = res.data.changes.pageInfo.endCursor;
  }
}

/** Loads the first page, then fetchMore until the cached connection says there is no next page. */
async function walk(apollo: ApolloClient, query: TypedDocumentNode<Feed, Vars>, variables: Vars): Promise<{ cached: Feed; pages: number }> {
  const observable = apollo.watchQuery({ query, variables });
  const subscription = observable.subscribe(() => {});
  try {
    await observable.refetch();
    let pages = 1;
    for (;;) {
      const cached = apollo.readQuery({ query, variables })!;
      if (!cached.changes.pageInfo.hasNextPage || pages > 50) return { cached, pages };
      await observable.fetchMore({ variables: { after: cached.changes.pageInfo.endCursor } });
      pages++;
    }
  } finally {
    subscription.unsubscribe();
  }
}

describe('Apollo Client with relayStylePagination', () => {
  it('walks the feed of mail.example.net with fetchMore to its end, every change once and in order', async () => {
    const expected = await directWalk('mail.example.net');
    expect(expected.length).toBeGreaterThan(100);
    const { cached, pages } = await walk(client(), WITH_EDGES, { domain: 'mail.example.net', first: 30 });
    const ids = cached.changes.edges!.map((e) => e.node.id);
    expect(pages).toBe(Math.ceil(expected.length / 30));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expected);
    expect(new Set(cached.changes.edges!.map((e) => e.node.provider))).toEqual(new Set(['VINYLDNS', 'OPENSRS']));
  });

  it('keeps only the last page when the operation selects `nodes` instead of `edges` (documented pitfall)', async () => {
    const expected = await directWalk('mail.example.net');
    const { cached } = await walk(client(), NODES_ONLY, { domain: 'mail.example.net', first: 30 });
    expect(cached.changes.nodes!.length).toBeLessThan(expected.length);
    expect(cached.changes.nodes!.length).toBeLessThanOrEqual(30);
  });
});
