// Who may call: the sandbox admin, with its password, its fixed token, or a session token from
// `authenticate` that has not expired yet.
import { randomBytes } from 'node:crypto';
import { isRecord } from '../../model/guards.js';

export interface SandboxCredentials {
  user: string;
  password: string;
  token: string;
}

/** `authenticate`'s session_token_duration: seconds, 1…86400, default 3 h (contract §2.2). */
export const DEFAULT_SESSION_SECONDS = 10_800;
export const MAX_SESSION_SECONDS = 86_400;

export class Sessions {
  /** token → user and expiry (epoch ms). */
  private readonly tokens = new Map<string, { user: string; expiresAt: number }>();

  constructor(
    private readonly admin: SandboxCredentials,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether a request's `credentials` object names the sandbox admin with a valid secret. */
  accepts(credentials: unknown): boolean {
    if (!isRecord(credentials)) return false;
    const { user, password, token } = credentials;
    if (user !== this.admin.user) return false;
    if (password !== undefined) return password === this.admin.password;
    if (typeof token !== 'string') return false;
    if (token === this.admin.token) return true;
    const session = this.tokens.get(token);
    if (!session || session.user !== user) return false;
    if (session.expiresAt <= this.now()) {
      this.tokens.delete(token);
      return false;
    }
    return true;
  }

  /** Issues a session token for `user`, valid `seconds` from now. */
  issue(user: string, seconds: number, chosen?: string): string {
    const token = chosen ?? randomBytes(18).toString('base64url');
    this.tokens.set(token, { user, expiresAt: this.now() + seconds * 1000 });
    return token;
  }
}
