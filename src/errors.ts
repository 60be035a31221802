// Typed errors with a stable code. Providers and pagination throw these; the GraphQL layer
// (src/schema/mask-error.ts) turns them into GraphQL errors with `extensions.code` and
// `extensions.provider`. Anything that is not a GatewayError is masked as an internal error.

export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'UPSTREAM_UNAVAILABLE'
  | 'UPSTREAM_ERROR'
  | 'PROVIDER_NOT_CONFIGURED'
  /** The operation (or batch) used up its upstream calls (src/providers/budget.ts). */
  | 'UPSTREAM_BUDGET_EXCEEDED'
  /** This gateway's own queue for an upstream is full: local overload, not an upstream failure. */
  | 'GATEWAY_OVERLOADED'
  /** The request ran past OPERATION_TIMEOUT_MS: it sends no more upstream calls. */
  | 'OPERATION_TIMEOUT'
  /** The client closed the request; only logs ever see this. */
  | 'REQUEST_ABANDONED'
  /** Too many live subscriptions for this connection, identity or replica. */
  | 'SUBSCRIPTION_LIMIT_EXCEEDED';

export type ProviderName = 'VINYLDNS' | 'OPENSRS';

export class GatewayError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly provider?: ProviderName,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadUserInputError extends GatewayError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('BAD_USER_INPUT', message, undefined, details);
  }
}

/** An upstream said no, or could not be reached. Messages never carry URLs, keys or bodies. */
export class UpstreamError extends GatewayError {
  constructor(
    code: ErrorCode,
    message: string,
    provider: ProviderName,
    /** The upstream HTTP status, for logs and metrics; never shown to clients. */
    readonly status?: number,
  ) {
    super(code, message, provider);
  }
}

export class ProviderNotConfiguredError extends GatewayError {
  constructor(provider: ProviderName, variable: string) {
    super('PROVIDER_NOT_CONFIGURED', `${provider === 'VINYLDNS' ? 'VinylDNS' : 'OpenSRS'} is not configured on this gateway (set ${variable})`, provider);
  }
}

/** A live subscription limit was reached (README "Live changes"). */
export class SubscriptionLimitError extends GatewayError {
  constructor(what: string, limit: number, details: Record<string, unknown> = {}) {
    super('SUBSCRIPTION_LIMIT_EXCEEDED', `Too many ${what}: at most ${limit}`, undefined, { ...details, limit });
  }
}

export const isGatewayError = (e: unknown): e is GatewayError => e instanceof GatewayError;
