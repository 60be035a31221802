// The API methods the simulator implements: request body in, response body out (always HTTP 200).
// get_domain_changes follows contract §9 and the "Sandbox choice" rules of §4, which are
// simulator decisions, not confirmed server behaviour.
import type { AuthenticateSuccess, GetDomainChangesSuccess, WireChange, WireFailure } from '../../providers/opensrs/wire.js';
import { DEFAULT_SESSION_SECONDS, MAX_SESSION_SECONDS, type Sessions } from './auth.js';
import { failure } from './failures.js';
import type { OpenSrsStore } from './store.js';

export interface MethodContext {
  store: OpenSrsStore;
  sessions: Sessions;
  /** The company the sandbox admin belongs to; other companies' domains answer error 9. */
  company: string;
}

export type MethodHandler = (request: Record<string, unknown>, ctx: MethodContext) => object;

const isNonNegativeInteger = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

export function authenticate(request: Record<string, unknown>, ctx: MethodContext): AuthenticateSuccess | WireFailure {
  if (!ctx.sessions.accepts(request.credentials)) return failure(1);
  if (request.generate_session_token === undefined || request.generate_session_token === false) return { success: true };
  if (request.generate_session_token !== true) return failure(5, 'generate_session_token must be a boolean');
  const duration = request.session_token_duration ?? DEFAULT_SESSION_SECONDS;
  if (!isNonNegativeInteger(duration) || duration < 1 || duration > MAX_SESSION_SECONDS) {
    return failure(5, `session_token_duration must be 1 to ${MAX_SESSION_SECONDS} seconds`);
  }
  if (request.token !== undefined && (typeof request.token !== 'string' || request.token === '')) return failure(5, 'token must be a string');
  const user = (request.credentials as { user: string }).user;
  const token = ctx.sessions.issue(user, duration, request.token as string | undefined);
  return { success: true, session_token: token, session_token_duration: duration };
}

export function getDomainChanges(request: Record<string, unknown>, ctx: MethodContext): GetDomainChangesSuccess | WireFailure {
  if (!ctx.sessions.accepts(request.credentials)) return failure(1);
  const { domain, range } = request;
  if (typeof domain !== 'string' || domain === '') return failure(5, 'domain is required');

  let first = 0;
  let limit = Number.POSITIVE_INFINITY;
  if (range !== undefined) {
    if (typeof range !== 'object' || range === null || Array.isArray(range)) return failure(5, 'range must be an object');
    const r = range as Record<string, unknown>;
    if (r.first !== undefined) {
      if (!isNonNegativeInteger(r.first)) return failure(5, 'range.first must be an integer >= 0');
      first = r.first;
    }
    if (r.limit !== undefined) {
      if (!isNonNegativeInteger(r.limit) || r.limit < 1) return failure(5, 'range.limit must be an integer >= 1');
      limit = r.limit;
    }
  }

  const owner = ctx.store.company(domain);
  if (owner === undefined) return failure(2);
  if (owner !== ctx.company) return failure(9);

  const total = ctx.store.size(domain);
  const changes: WireChange[] = ctx.store.slice(domain, Math.min(first, total), limit).map((c) => ({
    time: String(c.time),
    application: c.application,
    user: c.user,
    msg: c.msg,
  }));
  return { success: true, count: changes.length, total_count: total, changes };
}

export const METHODS: Record<string, MethodHandler> = {
  authenticate,
  get_domain_changes: getDomainChanges,
};
