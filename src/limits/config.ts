// The abuse limits (README "Operations"): every one configurable, with defaults that leave room
// for the example operations, GraphiQL's introspection and a federation gateway's `_entities`
// queries (an inline fragment per type, one level deeper than the client's own query).
import type { EnvReader } from '../env.js';

export interface LimitsConfig {
  /** Field nesting; fragments (inline or named) do not add a level. */
  maxDepth: number;
  /** Fields, with page sizes multiplied through the nesting (src/limits/cost.ts). */
  maxCost: number;
  maxAliases: number;
  /** Lexical tokens of the document. */
  maxTokens: number;
  maxDirectives: number;
  /** Operations in one batched request (a JSON array body); 1 turns batching off. */
  maxBatch: number;
  /** Schema introspection (`__schema`, `__type`); field suggestions in errors go with it. Off by default in production. */
  introspection: boolean;
  /** Representations in one `_entities` call (each costs a lookup). */
  maxRepresentations: number;
  /** Upstream calls one operation may send (src/providers/budget.ts). */
  maxUpstreamCalls: number;
  /** Upstream calls all operations of one batched request may send together. */
  maxUpstreamCallsPerBatch: number;
  /** Upstream calls one operation may have in flight at once, so it cannot crowd out other requests. */
  maxUpstreamCallsInFlight: number;
  /** How long after it arrives a request may still send upstream calls (ms); it then answers with what it has. */
  operationTimeoutMs: number;
}

export const DEFAULT_LIMITS: LimitsConfig = {
  maxDepth: 10,
  maxCost: 5000,
  maxAliases: 15,
  maxTokens: 1000,
  maxDirectives: 20,
  maxBatch: 5,
  introspection: true,
  maxRepresentations: 100,
  maxUpstreamCalls: 50,
  maxUpstreamCallsPerBatch: 50,
  maxUpstreamCallsInFlight: 8,
  operationTimeoutMs: 15_000,
};

export function limitsConfig(env: EnvReader): LimitsConfig {
  const d = DEFAULT_LIMITS;
  const maxUpstreamCalls = env.integer('MAX_UPSTREAM_CALLS', d.maxUpstreamCalls, 1, 100_000);
  return {
    maxDepth: env.integer('GRAPHQL_MAX_DEPTH', d.maxDepth, 2, 100),
    maxCost: env.integer('GRAPHQL_MAX_COST', d.maxCost, 1, 10_000_000),
    maxAliases: env.integer('GRAPHQL_MAX_ALIASES', d.maxAliases, 0, 1000),
    maxTokens: env.integer('GRAPHQL_MAX_TOKENS', d.maxTokens, 50, 100_000),
    maxDirectives: env.integer('GRAPHQL_MAX_DIRECTIVES', d.maxDirectives, 0, 1000),
    maxBatch: env.integer('GRAPHQL_MAX_BATCH', d.maxBatch, 1, 100),
    introspection: env.flag('GRAPHQL_INTROSPECTION', env.value('NODE_ENV') === 'production' ? false : d.introspection),
    maxRepresentations: env.integer('GRAPHQL_MAX_REPRESENTATIONS', d.maxRepresentations, 1, 10_000),
    maxUpstreamCalls,
    // Unset: the same as one operation's, so a batch never buys more calls than one operation.
    maxUpstreamCallsPerBatch: env.integer('MAX_UPSTREAM_CALLS_PER_BATCH', maxUpstreamCalls, 1, 1_000_000),
    maxUpstreamCallsInFlight: env.integer('MAX_UPSTREAM_CALLS_IN_FLIGHT', d.maxUpstreamCallsInFlight, 1, 1000),
    operationTimeoutMs: env.integer('OPERATION_TIMEOUT_MS', d.operationTimeoutMs, 100, 3_600_000),
  };
}
