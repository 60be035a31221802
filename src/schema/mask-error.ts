// Turns typed gateway errors into GraphQL errors with `extensions.code` (and `provider`), and
// leaves everything else to yoga's masking, which hides unexpected errors and their stacks.
import type { GraphQLError } from 'graphql';
import { createGraphQLError, maskError as yogaMaskError, type YogaServerOptions } from 'graphql-yoga';
import { GatewayError } from '../errors.js';

type MaskError = NonNullable<Exclude<YogaServerOptions<object, object>['maskedErrors'], boolean | undefined>['maskError']>;

// Errors are built with yoga's copy of graphql (createGraphQLError): yoga tells expected errors
// from unexpected ones with `instanceof`, and under vitest this module may load graphql's other
// build. (A subscription refused with one of ours was otherwise answered with HTTP 500 in tests.)
export function toGraphQLError(error: GatewayError, source?: GraphQLError): GraphQLError {
  return createGraphQLError(error.message, {
    nodes: source?.nodes,
    source: source?.source,
    positions: source?.positions,
    path: source?.path,
    extensions: { ...error.details, code: error.code, ...(error.provider ? { provider: error.provider } : {}) },
  });
}

/**
 * Errors of the caller's request that graphql-js raises without a code (a variable a scalar
 * refuses) get BAD_USER_INPUT. Errors with another cause are left for `maskError`.
 */
export function withCode(error: GraphQLError): GraphQLError {
  const cause = error.originalError;
  if (cause != null && !isLocated(cause)) return error;
  if (error.extensions?.code && cause == null) return error;
  return createGraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions: { ...error.extensions, code: error.extensions?.code ?? 'BAD_USER_INPUT' },
  });
}

// Duck-typed on purpose: @apollo/subgraph loads graphql's CommonJS build and yoga its ES module
// build, so a GraphQLError from one is not an `instanceof` the other's.
const isLocated = (e: unknown): e is GraphQLError => e instanceof Error && e.name === 'GraphQLError';

export const maskError: MaskError = (error, message, isDev) => {
  const original = isLocated(error) ? error.originalError : error;
  if (original instanceof GatewayError) return toGraphQLError(original, isLocated(error) ? error : undefined);
  // A GraphQL error raised on purpose (validation, partial errors) or by graphql-js itself over
  // the caller's input (a variable a scalar refuses): keep it, with a code.
  if (isLocated(error) && (error.originalError == null || isLocated(error.originalError))) return withCode(error);
  return yogaMaskError(error, message, isDev);
};
