// Caching for the GraphiQL page. The page is GraphiQL with all of its assets (scripts, styles,
// workers, favicon) inlined, 9 MB before compression, and the same for every request of a
// process, so:
// - it is rendered once per distinct set of options, not on every request;
// - it is compressed once per encoding (brotli or gzip, as compression.ts negotiates), not on
//   every request: compressing 9 MB takes 0.2–0.9 s of CPU, which an open, unauthenticated page
//   must not cost per request (compression.ts leaves a response that is already encoded alone);
// - it carries a weak ETag (weak: the same page whatever its Content-Encoding) and
//   `Cache-Control: no-cache`, so a browser keeps it and asks again with If-None-Match, and a
//   page it already has costs a 304 with no body.
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Plugin } from 'graphql-yoga';
import { negotiateEncoding, type Encoding } from './compression.js';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
const BROTLI_QUALITY = 5;

type Render<O> = (options: O) => string | Promise<string>;

export interface GraphiQLCache<O> {
  /** For yoga's `renderGraphiQL`. */
  render: (options: O) => Promise<string>;
  /** Adds the caching headers to the page and answers 304 when the caller has it. */
  plugin: Plugin;
}

export const GRAPHIQL_CACHE_CONTROL = 'no-cache';

export function graphiqlCache<O>(render: Render<O>): GraphiQLCache<O> {
  let page: { key: string; html: string; etag: string; encoded: Map<Encoding, Promise<Uint8Array<ArrayBuffer>>> } | undefined;
  return {
    async render(options) {
      const key = JSON.stringify(options);
      if (page?.key !== key) {
        const html = await render(options);
        page = { key, html, etag: `W/"${createHash('sha256').update(html).digest('base64url').slice(0, 32)}"`, encoded: new Map() };
      }
      return page.html;
    },
    plugin: {
      // Not async: every response passes here, and an async hook makes yoga wait a turn for each.
      onResponse({ request, response, setResponse, fetchAPI }) {
        // Only yoga's GraphiQL answers a GET with HTML, and only after `render` ran.
        if (!page || request.method !== 'GET' || response.status !== 200 || !response.headers.get('content-type')?.startsWith('text/html')) return;
        const current = page;
        const headers = { etag: current.etag, 'cache-control': GRAPHIQL_CACHE_CONTROL, vary: 'Accept-Encoding' };
        if (matches(request.headers.get('if-none-match'), current.etag)) {
          setResponse(new fetchAPI.Response(null, { status: 304, headers }));
          return;
        }
        const encoding = negotiateEncoding(request.headers.get('accept-encoding'));
        if (!encoding) {
          for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
          return;
        }
        let body = current.encoded.get(encoding);
        if (!body) {
          const source = Buffer.from(current.html);
          const compressed = encoding === 'br' ? brotli(source, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } }) : gzip(source);
          body = compressed.then((buffer) => new Uint8Array(buffer));
          current.encoded.set(encoding, body);
        }
        return body.then((bytes) =>
          setResponse(
            new fetchAPI.Response(bytes, {
              status: 200,
              headers: {
                ...headers,
                'content-type': response.headers.get('content-type')!,
                'content-encoding': encoding,
                'content-length': String(bytes.length),
              },
            }),
          ),
        );
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
