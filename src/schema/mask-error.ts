// Turns typed gateway errors into GraphQL errors with `extensions.code` (and `provider`), and
// leaves everything else to yoga's masking, which hides unexpected errors and their stacks.
import { GraphQLError } from 'graphql';
import { maskError as yogaMaskError, type YogaServerOptions } from 'graphql-yoga';
import { GatewayError } from '../errors.js';

type MaskError = NonNullable<Exclude<YogaServerOptions<object, object>['maskedErrors'], boolean | undefined>['maskError']>;

export function toGraphQLError(error: GatewayError, source?: GraphQLError): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: source?.nodes,
    source: source?.source,
    positions: source?.positions,
    path: source?.path,
    extensions: { ...error.details, code: error.code, ...(error.provider ? { provider: error.provider } : {}) },
  });
}

export const maskError: MaskError = (error, message, isDev) => {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (original instanceof GatewayError) return toGraphQLError(original, error instanceof GraphQLError ? error : undefined);
  return yogaMaskError(error, message, isDev);
};
