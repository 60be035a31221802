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

export type ScenarioId = 'a' | 'a0' | 'b' | 'g' | 'c' | 'c2' | 'd1' | 'd500';
/**
 * Which process serves the scenario's requests (its CPU is the "server" CPU). `gateway0` is a
 * second gateway started with UPSTREAM_COALESCE=false: each request makes its own upstream calls,
 * as the floor does, so (a0) ÷ (g) compares the engine with the floor.
 */
export type ServerName = 'gateway' | 'gateway0' | 'floor' | 'sandbox';

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

/** One upstream page (the global failure list) whose changes belong to several zones. */
export const FAILED_ZONES_QUERY = `query FailedZones {
  failedZoneChanges(first: 100) { nodes { zone { name } } }
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
  gateway: string;
  /** The gateway without coalescing of identical concurrent GETs (scenario a0). */
  gateway0: string;
  floor: string;
  sandbox: string;
  credentials: { accessKey: string; secretKey: string };
}

export function mainScenarios(e: Endpoints): Scenario[] {
  return [
    { id: 'a', label: '(a) gateway: 100-edge page of record set changes', server: 'gateway', target: graphqlTarget(e.gateway, PAGE_QUERY, { zoneId: BIG_ZONE_ID }) },
    {
      id: 'a0',
      label: '(a0) the same page, gateway with UPSTREAM_COALESCE=false (no GET shared between requests)',
      server: 'gateway0',
      target: graphqlTarget(e.gateway0, PAGE_QUERY, { zoneId: BIG_ZONE_ID }),
    },
    { id: 'b', label: '(b) upstream alone: the signed REST GET to the sandbox', server: 'sandbox', target: directTarget(e.sandbox, e.credentials) },
    { id: 'g', label: '(g) floor: hand-written proxy, no GraphQL', server: 'floor', target: floorTarget(e.floor) },
    { id: 'c', label: '(c) N+1 shape: failedZoneChanges(first: 100) { nodes { zone { name } } }', server: 'gateway', target: graphqlTarget(e.gateway, FAILED_ZONES_QUERY) },
    { id: 'c2', label: "(c') 100 record set changes of one zone, each with zone { name }", server: 'gateway', target: graphqlTarget(e.gateway, ZONE_NAMES_QUERY, { zoneId: BIG_ZONE_ID }) },
  ];
}

export function deepScenarios(gatewayUrl: string, cursorOfPage499: string): Scenario[] {
  return [
    { id: 'd1', label: `(d) page 1 (first: ${DEEP_PAGE_SIZE})`, server: 'gateway', target: graphqlTarget(gatewayUrl, DEEP_QUERY, { zoneId: BIG_ZONE_ID }) },
    {
      id: 'd500',
      label: `(d) page ${DEEP_PAGE} (first: ${DEEP_PAGE_SIZE}, after: cursor of page ${DEEP_PAGE - 1})`,
      server: 'gateway',
      target: graphqlTarget(gatewayUrl, DEEP_QUERY, { zoneId: BIG_ZONE_ID, after: cursorOfPage499 }),
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
  /** Nodes and distinct zones of scenario (c)'s one page. */
  failedNodes: number;
  failedDistinctZones: number;
}

/** Sends each main scenario once and checks the answer's shape (and that (a), (a0) and (g) answer the same nodes). */
export async function checkMainScenarios(scenarios: Scenario[]): Promise<CheckedFacts> {
  const facts: CheckedFacts = { failedNodes: 0, failedDistinctZones: 0 };
  let firstPage: { label: string; nodes: unknown[] } | undefined;
  for (const s of scenarios) {
    const { status, text } = await sendTarget(s.target);
    if (status !== 200) throw new Error(`${s.label}: HTTP ${status}: ${text.slice(0, 300)}`);
    const body = JSON.parse(text) as any;
    if (body.errors) throw new Error(`${s.label}: ${JSON.stringify(body.errors).slice(0, 300)}`);
    switch (s.id) {
      case 'a':
      case 'a0':
      case 'g': {
        const edges = body.data.zone.recordSetChanges.edges as Array<{ node: unknown }>;
        if (edges.length !== 100) throw new Error(`${s.label}: expected 100 edges, got ${edges.length}`);
        const nodes = edges.map((e) => e.node);
        if (firstPage && !isDeepStrictEqual(nodes, firstPage.nodes)) throw new Error(`${s.label}: the nodes differ from those of ${firstPage.label}`);
        firstPage ??= { label: s.label, nodes };
        break;
      }
      case 'b':
        if (body.recordSetChanges?.length !== 100) throw new Error(`${s.label}: expected 100 record set changes`);
        break;
      case 'c': {
        const nodes = body.data.failedZoneChanges.nodes as Array<{ zone: { name: string } }>;
        facts.failedNodes = nodes.length;
        facts.failedDistinctZones = new Set(nodes.map((n) => n.zone.name)).size;
        break;
      }
      case 'c2':
        if (body.data.zone.recordSetChanges.nodes.length !== 100) throw new Error(`${s.label}: expected 100 nodes`);
        break;
    }
  }
  return facts;
}

/** Walks `recordSetChanges(first: 4)` of big.example.org. to page 499 and returns its endCursor. */
export async function cursorBeforeDeepPage(gatewayUrl: string): Promise<string> {
  let after: string | undefined;
  for (let page = 1; page < DEEP_PAGE; page++) {
    const data = await gql(gatewayUrl, DEEP_QUERY, { zoneId: BIG_ZONE_ID, after });
    const conn = data.zone.recordSetChanges;
    if (conn.edges.length !== DEEP_PAGE_SIZE || !conn.pageInfo.hasNextPage) throw new Error(`the walk ended early, at page ${page}`);
    after = conn.pageInfo.endCursor as string;
  }
  const last = (await gql(gatewayUrl, DEEP_QUERY, { zoneId: BIG_ZONE_ID, after })).zone.recordSetChanges;
  if (last.edges.length !== DEEP_PAGE_SIZE || last.pageInfo.hasNextPage) {
    throw new Error(`page ${DEEP_PAGE} is not the last full page (${last.edges.length} edges, hasNextPage ${last.pageInfo.hasNextPage})`);
  }
  return after!;
}
