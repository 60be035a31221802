// Gateway authentication: with GATEWAY_API_TOKENS and/or a JWT setting, every request but the
// probes (/health, /readiness) and the GraphiQL page (static HTML, no data) needs
// `Authorization: Bearer <token>`: one of the static tokens, or a JWT that @graphql-yoga/plugin-jwt
// verifies (HS256 secret, or keys from a JWKS URL; issuer and audience when configured). Anything
// else gets HTTP 401 with an UNAUTHENTICATED error, before the request is parsed or run.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createInlineSigningKeyProvider, createRemoteJwksSigningKeyProvider, useJWT, type GetSigningKeyFunction } from '@graphql-yoga/plugin-jwt';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { isRecord } from '../model/guards.js';
import { isAuthEnabled, type AuthConfig, type JwtConfig } from './config.js';

const HS_ALGORITHMS = ['HS256', 'HS384', 'HS512'] as const;
const ASYMMETRIC_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512'] as const;
const MESSAGE = 'Authentication required: send Authorization: Bearer <token> with a valid gateway token';
const CHALLENGE = { 'www-authenticate': 'Bearer realm="changegraph"' };

const digest = (value: string) => createHash('sha256').update(value).digest();

/** The bearer token of the Authorization header, if it has one. */
export function bearerToken(request: Request): string | undefined {
  const match = /^Bearer[ ]+([^\s]+)\s*$/i.exec(request.headers.get('authorization') ?? '');
  return match?.[1];
}

/** What @graphql-yoga/plugin-jwt put on a context (`extendContext: 'jwt'`) once it verified a token. */
const jwtOf = (context: unknown): unknown => (isRecord(context) ? context.jwt : undefined);

/** The verified JWT's payload in a context, if there is one. */
export const jwtPayload = (context: unknown): unknown => {
  const jwt = jwtOf(context);
  return isRecord(jwt) ? jwt.payload : undefined;
};

/** Requests whose static token matched (JWTs are known by the verified payload in their context). */
const staticTokenRequests = new WeakSet<Request>();

/**
 * Whether the request's gateway credentials have been verified by now: a static token (checked
 * when the request arrives) or a JWT (checked while the request is parsed). For the response
 * cache, which must not answer, nor revalidate, before that. Only meaningful with auth enabled.
 */
export function isVerifiedRequest(request: Request, context?: unknown): boolean {
  return staticTokenRequests.has(request) || Boolean(jwtPayload(context));
}

const unauthenticatedBody = () => JSON.stringify({ errors: [{ message: MESSAGE, extensions: { code: 'UNAUTHENTICATED' } }] });

/**
 * `openPaths`: the probes that answer without a token (the server passes /health and /readiness).
 * `jwtRoutes`: endpoints other than GraphQL that take a JWT too (the export), verified on arrival.
 */
export function useGatewayAuth(
  auth: AuthConfig | undefined,
  graphqlEndpoint: string,
  openPaths: readonly string[],
  jwtRoutes: readonly string[] = [],
): Plugin[] {
  if (!auth || !isAuthEnabled(auth)) return [];
  const open = new Set(openPaths);
  const routes = new Set(jwtRoutes);
  const digests = auth.tokens.map(digest);
  // Compares against every token, in constant time for each, so timing tells nothing.
  const isStaticToken = (token: string) => digests.reduce((found, d) => timingSafeEqual(digest(token), d) || found, false);
  const viaStaticToken = staticTokenRequests;

  const gate: Plugin = {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (open.has(url.pathname)) return;
      const token = bearerToken(request);
      if (token !== undefined && isStaticToken(token)) {
        viaStaticToken.add(request);
        return;
      }
      // A JWT is verified while the GraphQL request is parsed, or on arrival on a JWT route (below).
      if (token !== undefined && auth.jwt && (url.pathname === graphqlEndpoint || routes.has(url.pathname))) return;
      endResponse(unauthenticated(fetchAPI));
    },
  };
  if (!auth.jwt) return [gate];

  const jwt = auth.jwt;
  const verifiedJwt: Plugin = {
    onRequestParse({ request, serverContext }) {
      if (viaStaticToken.has(request) || jwtOf(serverContext)) return;
      throw createGraphQLError(MESSAGE, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: CHALLENGE } } });
    },
  };
  const jwtPlugin = useJWT({
    signingKeyProviders: [signingKeys(jwt)],
    tokenLookupLocations: [({ request }) => (viaStaticToken.has(request) ? undefined : bearerLookup(request))],
    tokenVerification: {
      algorithms: [...(jwt.secret !== undefined ? HS_ALGORITHMS : ASYMMETRIC_ALGORITHMS)],
      ...(jwt.issuer !== undefined ? { issuer: jwt.issuer } : {}),
      ...(jwt.audience !== undefined ? { audience: jwt.audience } : {}),
    },
    // Refusals are ours (above), so they all look alike: 401 UNAUTHENTICATED.
    reject: { missingToken: false, invalidToken: false },
    extendContext: 'jwt',
  });
  // A JWT route is never parsed as GraphQL: its token is checked here, by the same plugin.
  const verifiedRoute: Plugin = {
    async onRequest({ request, url, serverContext, endResponse, fetchAPI }) {
      if (!routes.has(url.pathname) || viaStaticToken.has(request)) return;
      try {
        // The parse hook's payload, though nothing is parsed here: the plugin reads the request and
        // extends serverContext; there is no body parser to replace.
        await jwtPlugin.onRequestParse?.({ request, url, serverContext, fetchAPI, endResponse, requestParser: undefined, setRequestParser: () => {} });
      } catch {
        // Refused below, as every other failed verification is.
      }
      if (!jwtPayload(serverContext)) endResponse(unauthenticated(fetchAPI));
    },
  };
  return [gate, jwtPlugin, verifiedJwt, verifiedRoute];
}

const unauthenticated = (fetchAPI: { Response: typeof Response }) =>
  new fetchAPI.Response(unauthenticatedBody(), { status: 401, headers: { 'content-type': 'application/json', ...CHALLENGE } });

function bearerLookup(request: Request): { token: string; prefix: string } | undefined {
  const token = bearerToken(request);
  return token === undefined ? undefined : { token, prefix: 'Bearer' };
}

function signingKeys(jwt: JwtConfig): GetSigningKeyFunction {
  if (jwt.secret !== undefined) return createInlineSigningKeyProvider(jwt.secret);
  const remote = createRemoteJwksSigningKeyProvider({
    jwksUri: jwt.jwksUrl!,
    cache: true,
    cacheMaxAge: 10 * 60_000,
    rateLimit: true,
    jwksRequestsPerMinute: 10,
    timeout: 5_000,
  });
  // A key id the JWKS does not list is the token's fault (401), not an outage (500): answer with
  // a key no asymmetric signature verifies against.
  const unusable = randomBytes(32).toString('hex');
  return async (kid) => {
    try {
      return await remote(kid);
    } catch (error) {
      if (error instanceof Error && error.name === 'SigningKeyNotFoundError') return unusable;
      throw error;
    }
  };
}
