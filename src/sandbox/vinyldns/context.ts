// What a route handler gets: the parsed request, the store, the quirks switch and lazy authentication.
import type { Params, Reply } from './http.js';
import type { SignableRequest } from './sigv4.js';
import type { VinylStore } from './store.js';
import type { SandboxUser } from './types.js';

export interface RouteContext {
  store: VinylStore;
  params: Params;
  /** Decoded path parameters, in pattern order. */
  args: string[];
  quirks: boolean;
  nowMs: number;
  request: SignableRequest;
  /** Authenticates the request (throws ReplyError on failure). Call after parameter validation. */
  user(): SandboxUser;
}

export type Handler = (ctx: RouteContext) => Reply;

/** SQL LIKE as a case-insensitive RegExp: `%` any run, `_` any one character. */
export function likeRegExp(pattern: string): RegExp {
  const body = [...pattern].map((ch) => (ch === '%' ? '.*' : ch === '_' ? '.' : ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`, 'is');
}
