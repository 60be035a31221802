// Wire types of the OpenSRS Email API (OMA), as ../shared/upstreams/opensrs.md describes them.
// One JSON object in, one out, over POST <base>/api/<method>. Credentials travel in the body.
// Shared by the client (src/providers/opensrs/client.ts) and the sandbox simulator.

/** The `credentials` object every request carries. Exactly one of password and token is sent. */
export interface WireCredentials {
  user: string;
  password?: string;
  /** A session token; the key is `token`, not `session_token` (contract §2.1). */
  token?: string;
  /** Free-form client name, used by OpenSRS for its own logs. */
  client?: string;
}

/** 0-based indices into the oldest-first list. Both members are optional on the wire; we always send both. */
export interface WireRange {
  first?: number;
  limit?: number;
}

export interface GetDomainChangesRequest {
  credentials: WireCredentials;
  domain: string;
  range?: WireRange;
}

/** One change. `time` is UNIX epoch seconds as a string of decimal digits. */
export interface WireChange {
  time: string;
  application: string;
  user: string;
  msg: string;
}

/** get_user_changes (docs/upstreams/opensrs.md §3.4): the mailbox address in `user`. */
export interface GetUserChangesRequest {
  credentials: WireCredentials;
  user: string;
  range?: WireRange;
}

/** get_company_changes (docs/upstreams/opensrs.md §3.5): the company name in `company`. */
export interface GetCompanyChangesRequest {
  credentials: WireCredentials;
  company: string;
  range?: WireRange;
}

/** The success body of all three change-log methods (same fields, same rules). */
export interface GetChangesSuccess {
  success: true;
  /** Always equals `changes.length`. */
  count: number;
  /** All changes recorded for the domain, whatever the range. */
  total_count: number;
  /** Oldest first. */
  changes: WireChange[];
}

/** Any method's failure. Switch on `error_number`, never on the text. */
export interface WireFailure {
  success: false;
  error_number: number;
  error: string;
  [extra: string]: unknown;
}

export type GetDomainChangesSuccess = GetChangesSuccess;
export type GetChangesResponse = GetChangesSuccess | WireFailure;
export type GetDomainChangesResponse = GetChangesResponse;

export interface AuthenticateRequest {
  credentials: WireCredentials;
  generate_session_token?: boolean;
  /** Seconds, 1…86400; default 10800. */
  session_token_duration?: number;
  /** A caller-chosen token value. */
  token?: string;
  fetch_extra_info?: boolean;
}

export interface AuthenticateSuccess {
  success: true;
  session_token?: string;
  /** Seconds. */
  session_token_duration?: number;
}

export type AuthenticateResponse = AuthenticateSuccess | WireFailure;

/** API error numbers the gateway reacts to (contract §5.1). */
export const OmaError = {
  SERVER_ERROR: 0,
  INVALID_CREDENTIALS: 1,
  NO_SUCH_OBJECT: 2,
  BAD_REQUEST: 5,
  NOT_OWNER: 9,
  TRY_AGAIN: 20,
  IP_NOT_PERMITTED: 21,
  TEMPORARILY_UNAVAILABLE: 22,
  PROVISIONING_LOCK: 25,
  INTERNAL_ERROR: 28,
  INTERNAL_CONNECT_ERROR: 29,
  INTERNAL_SEND_ERROR: 30,
  ADMIN_DISABLED: 32,
  TWO_FACTOR_REQUIRED: 33,
  TWO_FACTOR_CODE_WRONG: 35,
  TWO_FACTOR_NOT_ENABLED: 42,
  TWO_FACTOR_CHALLENGE_FAILED: 43,
} as const;
