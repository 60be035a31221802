// Reading settings from environment variables: one leaf module that every part's own settings
// (src/config.ts, src/auth/config.ts, src/limits/config.ts, src/cache/config.ts) reads through,
// so that no settings module imports another's. Invalid values stop start-up with one line that
// names the variable and never echoes a secret.

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Invalid configuration: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

export type Env = Record<string, string | undefined>;

/** What the settings of src/auth and src/limits are read through. */
export interface EnvReader {
  value(name: string): string | undefined;
  url(name: string): string | undefined;
  integer(name: string, fallback: number, min: number, max: number): number;
  flag(name: string, fallback: boolean): boolean;
  fail(name: string, problem: string): never;
}

export function reader(env: Env): EnvReader {
  const fail = (name: string, problem: string): never => {
    throw new ConfigError(name, problem);
  };
  const flag = (name: string, fallback: boolean) => {
    const raw = value(env, name)?.toLowerCase();
    return raw === undefined ? fallback : raw === 'true' || (raw !== 'false' && fail(name, `must be true or false, got "${raw.slice(0, 20)}"`));
  };
  return { value: (n) => value(env, n), url: (n) => parseUrl(env, n), integer: (n, f, lo, hi) => parseInteger(env, n, f, lo, hi), flag, fail };
}

export function value(env: Env, name: string): string | undefined {
  const v = env[name];
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

export function parseUrl(env: Env, name: string): string | undefined {
  const raw = value(env, name);
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, 'is not a valid URL (expected e.g. https://vinyldns.example.com)');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(name, `must be an http or https URL, got the scheme "${url.protocol}"`);
  }
  if (url.username || url.password) {
    throw new ConfigError(name, 'must not contain credentials; use the dedicated variables');
  }
  if (url.search || url.hash) throw new ConfigError(name, 'must not have a query string or fragment');
  return url.origin + url.pathname.replace(/\/+$/, '');
}

export function parseInteger(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = value(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(name, `must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return Number(raw);
}
