// The Relay connection object every list field returns.

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Connection<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
}

/**
 * `after`: the cursor the page was asked after. A page with no edges (`first: 0`) gives it back as
 * `endCursor`, so a client always has a cursor to go on from (README "Paging").
 */
export function connection<T>(edges: Edge<T>[], hasPreviousPage: boolean, hasNextPage: boolean, after?: string): Connection<T> {
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: {
      hasNextPage,
      hasPreviousPage,
      startCursor: edges.length > 0 ? edges[0].cursor : null,
      endCursor: edges.length > 0 ? edges[edges.length - 1].cursor : (after ?? null),
    },
  };
}
