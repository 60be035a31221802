// The scenarios: what each one sends, where, and a one-off check that it answers what we think
// (a benchmark of error responses measures nothing).
import { isDeepStrictEqual } from 'node:util';
import { signGet } from '../src/providers/vinyldns/sign.js';
import type { Target } from './measure.js';

/** `big.example.org.`: 2000 record set changes in the seeded sandbox (ids do not depend on the seed). */
export const BIG_ZONE_ID = '9ffcc04b-c036-41f2-95c0-0e52f593246a';
export const BIG_ZONE_CHANGES = 2000;
export const DEEP_PAGE_SIZE = 4;
export const DEEP_PAGE = BIG_ZONE_CHANGES / DEEP_PAGE_SIZE; // 500

export type ScenarioId = 'h' | 'hv' | 'g' | 'p' | 'n' | 'pn' | 'np' | 'a' | 'b' | 'c2' | 'd1' | 'd500';
/**
 * Which process serves the scenario's requests (its CPU is the "server" CPU):
 * - `gateway`: the headline configuration — response cache off, UPSTREAM_COALESCE=false (each
 *   request makes its own upstream calls, as the floor and the peer do), zone cache on;
 * - `coalescing`: the same with coalescing of identical concurrent GETs on (the default);
 * - `peer`: the idiomatic Apollo Server 5 gateway (apollo-peer.ts);
 * - `floor`: the hand-written proxy (floor-proxy.ts);
 * - `sandbox`: the upstream itself;
 * - `variant`: the headline gateway with one setting changed (`--variant=NAME=value`).
 */
export type ServerName = 'gateway' | 'coalescing' | 'variant' | 'peer' | 'floor' | 'sandbox';

export interface Scenario {
  id: ScenarioId;
  label: string;
  server: ServerName;
  target: Target;
}

export const PAGE_QUERY = `query Page($zoneId: String!) {
  zone(zoneId: $zoneId) {
    recordSetChanges(first: 100) {
      edges { cursor node { changeId created summary actor } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

/**
 * The N+1 shape: one page of VinylDNS's global failure list (the only list whose changes span
 * several zones; the bench's sandbox puts 100 failures over 5 zones in it), each change asking
 * for its zone's current name.
 */
// `actor` is left out of the N+1 pages: on a zone change the gateway answers the user's name (a
// user read per person), the peer the bare id; the scenario prices the zones, not the people.
export const FAILED_ZONES_QUERY = `query FailedZones {
  failedZoneChanges(first: 100) {
    edges { cursor node { changeId created summary zone { name } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** The same page without `zone { name }`: what the N+1 shape is compared with. */
export const FAILED_PAGE_QUERY = `query FailedPage {
  failedZoneChanges(first: 100) {
    edges { cursor node { changeId created summary } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** 100 record set changes of one zone, each asking for its zone. */
export const ZONE_NAMES_QUERY = `query ZoneNames($zoneId: String!) {
  zone(zoneId: $zoneId) {
    recordSetChanges(first: 100) { nodes { zone { name } } }
  }
}`;

export const DEEP_QUERY = `query Deep($zoneId: String!, $after: String) {
  zone(zoneId: $zoneId) {
    recordSetChanges(first: ${DEEP_PAGE_SIZE}, after: $after) {
      edges { cursor node { changeId created summary actor } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

export const UPSTREAM_PAGE_PATH = `/zones/${BIG_ZONE_ID}/recordsetchanges?startFrom=0&maxItems=100`;

export function graphqlTarget(gatewayUrl: string, query: string, variables: Record<string, unknown> = {}): Target {
  return {
    url: gatewayUrl,
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  };
}

/** (b): the upstream GET of (a)'s page straight to the sandbox, signed per request as a real client would. */
export function directTarget(sandboxUrl: string, credentials: { accessKey: string; secretKey: string }): Target {
  const host = new URL(sandboxUrl).host;
  return {
    url: sandboxUrl,
    method: 'GET',
    path: UPSTREAM_PAGE_PATH,
    setupRequest: (request) => {
      const signed = signGet(host, UPSTREAM_PAGE_PATH, credentials);
      return { ...request, path: signed.path, headers: { ...request.headers, ...signed.headers } };
    },
  };
}

export function floorTarget(floorUrl: string): Target {
  return { url: floorUrl, method: 'GET', path: `/page?zoneId=${BIG_ZONE_ID}&first=100` };
}

export interface Endpoints {
  /** The headline gateway (no response cache, no coalescing, zone cache on). */
  gateway: string;
  /** The gateway as deployed by default, coalescing identical concurrent GETs (scenario a). */
  coalescing: string;
  peer: string;
  floor: string;
  sandbox: string;
  credentials: { accessKey: string; secretKey: string };
}

export function mainScenarios(e: Endpoints): Scenario[] {
  const page = (url: string) => graphqlTarget(url, PAGE_QUERY, { zoneId: BIG_ZONE_ID });
  return [
    {
      id: 'h',
      label: '(h) headline: gateway, 100-edge page of record set changes (no response cache, no coalescing)',
      server: 'gateway',
      target: page(e.gateway),
    },
    { id: 'g', label: '(g) floor: hand-written proxy, the same page, no GraphQL', server: 'floor', target: floorTarget(e.floor) },
    { id: 'p', label: '(p) Apollo peer: the same page', server: 'peer', target: page(e.peer) },
    {
      id: 'n',
      label: '(n) N+1 shape: gateway, failedZoneChanges(first: 100) with zone { name } (5 zones)',
      server: 'gateway',
      target: graphqlTarget(e.gateway, FAILED_ZONES_QUERY),
    },
    { id: 'pn', label: '(pn) N+1 shape: Apollo peer', server: 'peer', target: graphqlTarget(e.peer, FAILED_ZONES_QUERY) },
    {
      id: 'np',
      label: "(np) N+1 shape's plain page: gateway, the same failedZoneChanges page without zone { name }",
      server: 'gateway',
      target: graphqlTarget(e.gateway, FAILED_PAGE_QUERY),
    },
    {
      id: 'a',
      label: '(a) the headline page on a gateway with coalescing on (the default: identical concurrent GETs shared)',
      server: 'coalescing',
      target: page(e.coalescing),
    },
    { id: 'b', label: '(b) upstream alone: the signed REST GET to the sandbox', server: 'sandbox', target: directTarget(e.sandbox, e.credentials) },
    {
      id: 'c2',
      label: "(c') gateway, 100 record set changes of one zone, each with zone { name }",
      server: 'gateway',
      target: graphqlTarget(e.gateway, ZONE_NAMES_QUERY, { zoneId: BIG_ZONE_ID }),
    },
  ];
}

export function deepScenarios(gatewayUrl: string, deep: { page: number; cursor: string }): Scenario[] {
  return [
    { id: 'd1', label: `(d) page 1 (first: ${DEEP_PAGE_SIZE})`, server: 'gateway', target: graphqlTarget(gatewayUrl, DEEP_QUERY, { zoneId: BIG_ZONE_ID }) },
    {
      id: 'd500',
      label: `(d) page ${deep.page} (first: ${DEEP_PAGE_SIZE}, after: cursor of page ${deep.page - 1})`,
      server: 'gateway',
      target: graphqlTarget(gatewayUrl, DEEP_QUERY, { zoneId: BIG_ZONE_ID, after: deep.cursor }),
    },
  ];
}

// ---- one-off requests and checks ----

interface GraphQLResponse {
  data?: any;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

export async function sendTarget(target: Target): Promise<{ status: number; text: string }> {
  let path = target.path;
  let headers: Record<string, string> = { ...target.headers };
  if (target.setupRequest) {
    const built = target.setupRequest({ path, headers, method: target.method });
    path = built.path ?? path;
    headers = { ...(built.headers as Record<string, string>) };
  }
  delete headers.host;
  delete headers.Host;
  const res = await fetch(new URL(path, target.url), { method: target.method ?? 'GET', headers, body: target.body });
  return { status: res.status, text: await res.text() };
}

export async function gql(gatewayUrl: string, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const { status, text } = await sendTarget(graphqlTarget(gatewayUrl, query, variables));
  let body: GraphQLResponse;
  try {
    body = JSON.parse(text) as GraphQLResponse;
  } catch {
    throw new Error(`the gateway answered HTTP ${status} with a non-JSON body: ${text.slice(0, 200)}`);
  }
  if (status !== 200 || body.errors?.length || !body.data) {
    throw new Error(`the gateway answered HTTP ${status}: ${JSON.stringify(body.errors ?? body).slice(0, 300)}`);
  }
  return body.data;
}

export interface CheckedFacts {
  /** Nodes and distinct zones of the N+1 scenario's one page. */
  failedNodes: number;
  failedDistinctZones: number;
}

/**
 * Sends each main scenario once and checks the answer's shape, and that every server answers the
 * same nodes for the same page: (h), (g), (p) and (a); (n) and (pn); (np) and (n) without zones.
 */
export async function checkMainScenarios(scenarios: Scenario[]): Promise<CheckedFacts> {
  const facts: CheckedFacts = { failedNodes: 0, failedDistinctZones: 0 };
  const firstOf = new Map<string, { label: string; nodes: unknown[] }>();
  const same = (group: string, label: string, nodes: unknown[]) => {
    const first = firstOf.get(group);
    if (first && !isDeepStrictEqual(nodes, first.nodes)) throw new Error(`${label}: the nodes differ from those of ${first.label}`);
    if (!first) firstOf.set(group, { label, nodes });
  };
  for (const s of scenarios) {
    const { status, text } = await sendTarget(s.target);
    if (status !== 200) throw new Error(`${s.label}: HTTP ${status}: ${text.slice(0, 300)}`);
    const body = JSON.parse(text) as any;
    if (body.errors) throw new Error(`${s.label}: ${JSON.stringify(body.errors).slice(0, 300)}`);
    switch (s.id) {
      case 'h':
      case 'a':
      case 'p':
      case 'g': {
        const edges = body.data.zone.recordSetChanges.edges as Array<{ node: unknown }>;
        if (edges.length !== 100) throw new Error(`${s.label}: expected 100 edges, got ${edges.length}`);
        same(
          'page',
          s.label,
          edges.map((e) => e.node),
        );
        break;
      }
      case 'b':
        if (body.recordSetChanges?.length !== 100) throw new Error(`${s.label}: expected 100 record set changes`);
        break;
      case 'n':
      case 'pn':
      case 'np': {
        const nodes = (body.data.failedZoneChanges.edges as Array<{ node: { zone?: { name: string } } }>).map((e) => e.node);
        if (s.id !== 'np') {
          facts.failedNodes = nodes.length;
          facts.failedDistinctZones = new Set(nodes.map((n) => n.zone!.name)).size;
        }
        same(
          'failed',
          s.label,
          nodes.map(({ zone: _zone, ...rest }) => rest),
        );
        if (s.id !== 'np') same('failed with zones', s.label, nodes);
        break;
      }
      case 'c2':
        if (body.data.zone.recordSetChanges.nodes.length !== 100) throw new Error(`${s.label}: expected 100 nodes`);
        break;
    }
  }
  return facts;
}

/**
 * Walks `recordSetChanges(first: 4)` of big.example.org. to page `deepPage - 1` and returns its
 * endCursor (the full bench walks to the last page, 500; short mode stops earlier).
 */
export async function cursorBeforeDeepPage(gatewayUrl: string, deepPage = DEEP_PAGE): Promise<string> {
  let after: string | undefined;
  for (let page = 1; page < deepPage; page++) {
    const data = await gql(gatewayUrl, DEEP_QUERY, { zoneId: BIG_ZONE_ID, after });
    const conn = data.zone.recordSetChanges;
    if (conn.edges.length !== DEEP_PAGE_SIZE || !conn.pageInfo.hasNextPage) throw new Error(`the walk ended early, at page ${page}`);
    after = conn.pageInfo.endCursor as string;
  }
  const last = (await gql(gatewayUrl, DEEP_QUERY, { zoneId: BIG_ZONE_ID, after })).zone.recordSetChanges;
  const isLast = deepPage === DEEP_PAGE;
  if (last.edges.length !== DEEP_PAGE_SIZE || last.pageInfo.hasNextPage !== !isLast) {
    throw new Error(`page ${deepPage} has ${last.edges.length} edges, hasNextPage ${last.pageInfo.hasNextPage}`);
  }
  return after!;
}

/**
 * The drift figure: upstream calls of a `first: 100` page whose `after` cursor was minted before
 * `landed` new changes arrived at the top of the list. Walks `pages` pages of big.example.org.,
 * landing changes between every two, and returns each page's upstream call count (the first
 * page, with nothing landed before it, first). `calls()` reads the sandbox's counter; `land`
 * appends changes there.
 */
export async function driftPages(
  gatewayUrl: string,
  options: { pages: number; landed: number; calls: () => Promise<number>; land: (count: number) => Promise<void> },
): Promise<number[]> {
  const out: number[] = [];
  let after: string | undefined;
  for (let page = 0; page < options.pages; page++) {
    if (page > 0) await options.land(options.landed);
    const n0 = await options.calls();
    const data = await gql(gatewayUrl, PAGE_QUERY_AFTER, { zoneId: BIG_ZONE_ID, after });
    out.push((await options.calls()) - n0);
    const conn = data.zone.recordSetChanges;
    if (conn.edges.length !== 100) throw new Error(`drift page ${page + 1}: expected 100 edges, got ${conn.edges.length}`);
    after = conn.pageInfo.endCursor as string;
  }
  return out;
}

const PAGE_QUERY_AFTER = `query DriftPage($zoneId: String!, $after: String) {
  zone(zoneId: $zoneId) {
    recordSetChanges(first: 100, after: $after) {
      edges { cursor node { changeId created summary actor } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;
