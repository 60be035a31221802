// Walks and pages gateway connections over HTTP, for the paging property tests.
import type { Stack } from './stack.js';

export interface PageArgs {
  first?: number;
  after?: string;
  last?: number;
  before?: string;
}

export interface Page {
  ids: string[];
  cursors: string[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/** A connection field to test: how to query one page of it and how to name its nodes. */
export interface ConnectionUnderTest {
  name: string;
  /** A GraphQL document with $first/$after (and $last/$before when bidirectional). */
  query: string;
  /** Path from `data` to the connection object. */
  path: string[];
  /** The field selected on each node that identifies it. */
  idField: string;
  bidirectional: boolean;
}

export function connectionQuery(root: string, field: string, idField: string, bidirectional: boolean, extraArgs = ''): string {
  const vars = bidirectional ? '$first: Int, $after: String, $last: Int, $before: String' : '$first: Int, $after: String';
  const args = bidirectional ? 'first: $first, after: $after, last: $last, before: $before' : 'first: $first, after: $after';
  return `query Page(${vars}) { ${root.replace('%FIELD%', `${field}(${args}${extraArgs}) { edges { cursor node { ${idField} } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }`)} }`;
}

export async function fetchPage(stack: Stack, c: ConnectionUnderTest, args: PageArgs): Promise<Page> {
  const res = await stack.gql(c.query, args as Record<string, unknown>);
  if (res.errors) throw new Error(`${c.name} ${JSON.stringify(args)}: ${JSON.stringify(res.errors)}`);
  let conn: any = res.data;
  for (const key of c.path) conn = conn?.[key];
  if (!conn) throw new Error(`${c.name}: no connection at ${c.path.join('.')}`);
  return {
    ids: conn.edges.map((e: any) => e.node[c.idField]),
    cursors: conn.edges.map((e: any) => e.cursor),
    pageInfo: conn.pageInfo,
  };
}

/** Follows endCursor to the end; fails on a page that makes no progress. */
export async function walk(stack: Stack, c: ConnectionUnderTest, pageSize: number, between?: (pageNo: number) => void | Promise<void>) {
  const ids: string[] = [];
  const pages: Page[] = [];
  let after: string | undefined;
  for (let pageNo = 0; pageNo < 10_000; pageNo++) {
    const page = await fetchPage(stack, c, { first: pageSize, after });
    pages.push(page);
    ids.push(...page.ids);
    if (!page.pageInfo.hasNextPage) return { ids, pages };
    if (page.ids.length === 0) throw new Error(`${c.name}: hasNextPage with an empty page`);
    after = page.pageInfo.endCursor!;
    await between?.(pageNo);
  }
  throw new Error(`${c.name}: did not end`);
}
