// The API methods the simulator implements: request body in, response body out (always HTTP 200).
// The change-log methods follow contract §9 and the "Sandbox choice" rules of §4, which are
// simulator decisions, not confirmed server behaviour.
import { isRecord } from '../../model/guards.js';
import type { AuthenticateSuccess, GetChangesSuccess, WireChange, WireFailure } from '../../providers/opensrs/wire.js';
import { DEFAULT_SESSION_SECONDS, MAX_SESSION_SECONDS, type Sessions } from './auth.js';
import { failure } from './failures.js';
import type { LogKind, OpenSrsStore } from './store.js';

export interface MethodContext {
  store: OpenSrsStore;
  sessions: Sessions;
  /** The company the sandbox admin belongs to; other companies' domains answer error 9. */
  company: string;
}

export type MethodHandler = (request: Record<string, unknown>, ctx: MethodContext) => object;

const isNonNegativeInteger = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

export function authenticate(request: Record<string, unknown>, ctx: MethodContext): AuthenticateSuccess | WireFailure {
  const { credentials } = request;
  if (!isRecord(credentials) || typeof credentials.user !== 'string' || !ctx.sessions.accepts(credentials)) return failure(1);
  if (request.generate_session_token === undefined || request.generate_session_token === false) return { success: true };
  if (request.generate_session_token !== true) return failure(5, 'generate_session_token must be a boolean');
  const duration = request.session_token_duration ?? DEFAULT_SESSION_SECONDS;
  if (!isNonNegativeInteger(duration) || duration < 1 || duration > MAX_SESSION_SECONDS) {
    return failure(5, `session_token_duration must be 1 to ${MAX_SESSION_SECONDS} seconds`);
  }
  const wanted = request.token;
  if (wanted !== undefined && (typeof wanted !== 'string' || wanted === '')) return failure(5, 'token must be a string');
  const token = ctx.sessions.issue(credentials.user, duration, wanted);
  return { success: true, session_token: token, session_token_duration: duration };
}

/**
 * The three change-log methods share one shape (docs/upstreams/opensrs.md §3, §3.4, §3.5): the object
 * named by `field` (required string), an optional `range`, and the log's slice with `count` and
 * `total_count`. Unknown object → 2; another company's → 9 (a simulator decision for users and companies).
 */
function changeLog(kind: LogKind, field: 'domain' | 'user' | 'company'): MethodHandler {
  return (request, ctx): GetChangesSuccess | WireFailure => {
    if (!ctx.sessions.accepts(request.credentials)) return failure(1);
    const name = request[field];
    const { range } = request;
    if (typeof name !== 'string' || name === '') return failure(5, `${field} is required`);

    let first = 0;
    let limit = Number.POSITIVE_INFINITY;
    if (range !== undefined) {
      if (!isRecord(range)) return failure(5, 'range must be an object');
      const r = range;
      if (r.first !== undefined) {
        if (!isNonNegativeInteger(r.first)) return failure(5, 'range.first must be an integer >= 0');
        first = r.first;
      }
      if (r.limit !== undefined) {
        if (!isNonNegativeInteger(r.limit) || r.limit < 1) return failure(5, 'range.limit must be an integer >= 1');
        limit = r.limit;
      }
    }

    const owner = ctx.store.owner(kind, name);
    if (owner === undefined) return failure(2);
    if (owner !== ctx.company) return failure(9);

    const total = ctx.store.sizeOf(kind, name);
    const changes: WireChange[] = ctx.store.sliceOf(kind, name, Math.min(first, total), limit).map((c) => ({
      time: String(c.time),
      application: c.application,
      user: c.user,
      msg: c.msg,
    }));
    return { success: true, count: changes.length, total_count: total, changes };
  };
}

export const getDomainChanges = changeLog('domain', 'domain');

export const METHODS: Record<string, MethodHandler> = {
  authenticate,
  get_domain_changes: getDomainChanges,
  get_user_changes: changeLog('user', 'user'),
  get_company_changes: changeLog('company', 'company'),
};

/** The methods that read a change log; fault injection applies to these. */
export const CHANGE_LOG_METHODS = new Set(['get_domain_changes', 'get_user_changes', 'get_company_changes']);
