// Compressed responses (brotli or gzip, as the caller's Accept-Encoding allows) for GraphQL
// answers and everything else the server sends, except the GraphiQL page, which
// graphiql-cache.ts compresses once and keeps. The compression itself is @whatwg-node/server's
// useContentEncoding; around it, this decides what is worth compressing and with what:
// - it reads Accept-Encoding properly (spaces, q-values, `*`): useContentEncoding takes the first
//   name it supports as written, so `gzip, deflate, br` would never give brotli;
// - brotli at quality 5, not zlib's default 11: 11 takes 22 s on GraphiQL's 9 MB page and tens
//   of milliseconds on a 100-edge answer, 5 takes 0.2 s and ~1 ms for a few percent more bytes;
// - streamed answers (@defer/@stream's multipart/mixed, event streams) stay uncompressed: a
//   compressor holds back each part until its buffer fills, which defeats streaming;
// - bodies under `minBytes` stay as they are: headers cost more than the bytes saved.
import { Duplex } from 'node:stream';
import zlib from 'node:zlib';
import { useContentEncoding } from '@whatwg-node/server';
import type { Plugin } from 'graphql-yoga';
import { isOneOf } from '../model/guards.js';

export interface CompressionOptions {
  /** Bodies with a known length below this go uncompressed. Default 1024. */
  minBytes?: number;
  /** Brotli quality, 0–11. Default 5. */
  brotliQuality?: number;
}

export type Encoding = 'br' | 'gzip';
const STREAMED = /^(multipart\/mixed|text\/event-stream)/i;

export function useCompression(options: CompressionOptions = {}): Plugin {
  const minBytes = options.minBytes ?? 1024;
  const brotliQuality = options.brotliQuality ?? 5;
  const contentEncoding = useContentEncoding();
  return {
    onResponse(payload) {
      const { request, response, fetchAPI } = payload;
      if (!hasBody(response) || response.headers.has('content-encoding') || STREAMED.test(response.headers.get('content-type') ?? '')) return;
      response.headers.append('vary', 'Accept-Encoding');
      const length = response.headers.get('content-length');
      if (length !== null && Number(length) < minBytes) return;
      const encoding = negotiateEncoding(request.headers.get('accept-encoding'));
      if (!encoding) return;
      // useContentEncoding reads only the request's Accept-Encoding and the fetch API's
      // CompressionStream: it gets the one encoding chosen here, and a tuned brotli.
      const CompressionStream = tunedCompression(fetchAPI.CompressionStream, brotliQuality);
      return contentEncoding.onResponse!({
        ...payload,
        request: new fetchAPI.Request(request.url, { headers: { 'accept-encoding': encoding } }),
        fetchAPI: { ...fetchAPI, CompressionStream },
      });
    },
  };
}

const NATIVE_FORMATS = ['deflate', 'deflate-raw', 'gzip'] as const;

/** The fetch API's CompressionStream, but brotli (which it may lack) at `brotliQuality`. */
function tunedCompression(native: typeof CompressionStream, brotliQuality: number): typeof CompressionStream {
  return class {
    readonly readable: CompressionStream['readable'];
    readonly writable: CompressionStream['writable'];

    constructor(format: string) {
      let stream: { readable: CompressionStream['readable']; writable: CompressionStream['writable'] };
      if (format === 'br') {
        const brotli = Duplex.toWeb(zlib.createBrotliCompress({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: brotliQuality } }));
        // @types/node declares toWeb's side as node:stream/web's ReadableStream<any>: at run time it
        // is the global ReadableStream, of the bytes brotli writes.
        // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion
        stream = { readable: brotli.readable as CompressionStream['readable'], writable: brotli.writable };
      } else if (isOneOf(NATIVE_FORMATS, format)) stream = new native(format);
      else throw new TypeError(`Unsupported compression format: ${format}`);
      this.readable = stream.readable;
      this.writable = stream.writable;
    }
  };
}

/**
 * Whether the response has a body, without reading `body` when it is a string: @whatwg-node's
 * Response keeps the string it was made from (every GraphQL answer), which its server writes to
 * the socket as it is, while reading `body` first copies it into a Buffer and a stream that are
 * never used when nothing gets compressed (a client that sends no Accept-Encoding).
 */
function hasBody(response: Response): boolean {
  if ('bodyInit' in response && typeof response.bodyInit === 'string') return true;
  return Boolean(response.body);
}

/** The encoding to answer with: brotli or gzip, whichever the caller prefers (brotli on a tie). */
export function negotiateEncoding(header: string | null): Encoding | undefined {
  if (!header) return undefined;
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (name: Encoding) => weights.get(name) ?? weights.get('*') ?? 0;
  const br = weightOf('br');
  const gzip = weightOf('gzip');
  if (br > 0 && br >= gzip) return 'br';
  if (gzip > 0) return 'gzip';
  return undefined;
}
