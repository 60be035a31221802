// Caching for the GraphiQL page. The page is GraphiQL with all of its assets (scripts, styles,
// workers, favicon) inlined, 9 MB before compression, and the same for every request of a
// process, so:
// - it is rendered once per distinct set of options, not on every request;
// - it carries a weak ETag (weak: the same page whatever its Content-Encoding) and
//   `Cache-Control: no-cache`, so a browser keeps it and asks again with If-None-Match, and a
//   page it already has costs a 304 with no body.
import { createHash } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';

type Render<O> = (options: O) => string;

export interface GraphiQLCache<O> {
  /** For yoga's `renderGraphiQL`. */
  render: Render<O>;
  /** Adds the caching headers to the page and answers 304 when the caller has it. */
  plugin: Plugin;
}

export const GRAPHIQL_CACHE_CONTROL = 'no-cache';

export function graphiqlCache<O>(render: Render<O>): GraphiQLCache<O> {
  let page: { key: string; html: string; etag: string } | undefined;
  return {
    render(options) {
      const key = JSON.stringify(options);
      if (page?.key !== key) {
        const html = render(options);
        page = { key, html, etag: `W/"${createHash('sha256').update(html).digest('base64url').slice(0, 32)}"` };
      }
      return page.html;
    },
    plugin: {
      onResponse({ request, response, setResponse, fetchAPI }) {
        // Only yoga's GraphiQL answers a GET with HTML, and only after `render` ran.
        if (!page || request.method !== 'GET' || response.status !== 200 || !response.headers.get('content-type')?.startsWith('text/html')) return;
        const headers = { etag: page.etag, 'cache-control': GRAPHIQL_CACHE_CONTROL };
        if (matches(request.headers.get('if-none-match'), page.etag)) {
          setResponse(new fetchAPI.Response(null, { status: 304, headers }));
          return;
        }
        for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
      },
    },
  };
}

/** If-None-Match holds this ETag (compared weakly, as RFC 9110 asks for If-None-Match) or `*`. */
function matches(header: string | null, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}
