// What observers of upstream calls see (metrics, readiness, traces): the provider, the method and
// the endpoint as a path template, never ids, names or query strings.
import type { ProviderName } from '../errors.js';
import { endpointTemplate, pagePosition, type PagePosition } from './endpoints.js';

/** One call as a trace shows it: no ids, names or query strings beyond the page position. */
export interface UpstreamCall {
  provider: ProviderName;
  method: string;
  /** As UpstreamEvent.endpoint. */
  endpoint: string;
  /** Where in a paged list the call reads (pagePosition in endpoints.ts); absent for other calls. */
  page?: PagePosition;
}

export interface UpstreamTracer {
  /** Called before the first attempt of a call. */
  start(call: UpstreamCall): UpstreamCallTrace;
}

export interface UpstreamCallTrace {
  /** Sent with every attempt, unsigned (W3C `traceparent`, `tracestate`). */
  headers: Record<string, string>;
  /** The call's outcome: the last status (0 when there was no answer) and how many attempts it took. */
  end(outcome: { status: number; attempts: number; error?: string }): void;
}

export interface UpstreamEvent {
  provider: ProviderName;
  method: string;
  /** A path template such as /zones/{id}/recordsetchanges: never ids, names or the query. */
  endpoint: string;
  /** The HTTP status; 0 when there was no answer (reset, timeout). */
  status: number;
  durationMs: number;
}

/** A call as a trace shows it, from its path below the base URL and its body (OpenSRS's page is in it). */
export const callOf = (provider: ProviderName, method: string, path: string, body: string | undefined): UpstreamCall => ({
  provider,
  method,
  endpoint: endpointTemplate(provider, path),
  page: pagePosition(provider, path, body),
});

/** A call's outcome as metrics and readiness see it. */
export const eventOf = (provider: ProviderName, method: string, path: string, status: number, durationMs: number): UpstreamEvent => ({
  provider,
  method,
  endpoint: endpointTemplate(provider, path),
  status,
  durationMs,
});
