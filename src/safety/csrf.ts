// CSRF prevention (@graphql-yoga/plugin-csrf-prevention): a GraphQL request a browser could send
// from any page without a CORS preflight (a GET, or a POST as a form or text/plain) must carry
// the X-GraphQL-CSRF header (any value), which no page can add without a preflight. POSTs with
// Content-Type: application/json (GraphiQL, federation gateways, every GraphQL client) pass as
// they are. The refusal gets a code and says how to comply.
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { createGraphQLError, type Plugin } from 'graphql-yoga';

export const CSRF_HEADER = 'x-graphql-csrf';

export function useCsrfPrevention(): Plugin {
  const check = useCSRFPrevention({ requestHeaders: [CSRF_HEADER] });
  const refusal = () =>
    createGraphQLError(
      'This request could have been sent by any web page: send GraphQL requests with Content-Type: application/json, or add the X-GraphQL-CSRF header (any value) to GET and form requests',
      { extensions: { code: 'CSRF_HEADER_REQUIRED', http: { status: 403 } } },
    );
  return {
    // Not async: the check is synchronous, and an async hook would make every request wait a turn.
    onRequestParse(payload) {
      let checked: unknown;
      try {
        checked = check.onRequestParse!(payload);
      } catch {
        throw refusal();
      }
      if (checked instanceof Promise) {
        return checked.then(
          () => undefined,
          () => {
            throw refusal();
          },
        );
      }
    },
  };
}
