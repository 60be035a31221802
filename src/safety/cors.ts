// CORS (yoga's `cors` option): none unless CORS_ORIGINS lists origins. A listed origin gets its
// own name back, with credentials; any other gets no CORS header at all (never `null`, which a
// sandboxed iframe's "null" origin would match). `*` grants any origin, never with credentials.
import type { Plugin, YogaServerOptions } from 'graphql-yoga';

type CorsOption = NonNullable<YogaServerOptions<object, object>['cors']>;

/** The request headers a browser client may send: content type, auth, CSRF, request id, forwarded credentials, revalidation. */
export const CORS_ALLOWED_HEADERS = [
  'content-type',
  'authorization',
  'x-graphql-csrf',
  'x-request-id',
  'x-vinyldns-access-key',
  'x-vinyldns-secret-key',
  'x-opensrs-user',
  'x-opensrs-password',
  'x-opensrs-token',
  'if-none-match',
];

export function corsOption(origins: readonly string[]): CorsOption {
  if (origins.length === 0) return false;
  const common = { methods: ['GET', 'POST'], allowedHeaders: CORS_ALLOWED_HEADERS, exposedHeaders: ['x-request-id', 'etag'], maxAge: 600 };
  if (origins.includes('*')) return () => ({ ...common, origin: '*', credentials: false });
  const listed = new Set(origins);
  return (request: Request) => {
    const origin = request.headers.get('origin');
    return origin !== null && listed.has(origin) ? { ...common, origin, credentials: true } : false;
  };
}

/** The answer differs by Origin: shared caches must keep one copy per origin. */
export function useVaryOrigin(): Plugin {
  return {
    onResponse({ response }) {
      const vary = response.headers.get('vary');
      if (
        !vary
          ?.toLowerCase()
          .split(/\s*,\s*/)
          .includes('origin')
      )
        response.headers.set('vary', vary ? `${vary}, Origin` : 'Origin');
    },
  };
}
