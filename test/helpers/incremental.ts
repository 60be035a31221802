// A multipart-aware GraphQL client for @defer/@stream answers (multipart/mixed, parsed by
// meros), and the merge a client does: each later payload's `incremental` entries put their
// `data` (deferred fragments) or `items` (streamed list items) at their `path`.
import { meros } from 'meros/browser';

export interface IncrementalEntry {
  path: (string | number)[];
  label?: string;
  data?: Record<string, unknown>;
  items?: unknown[];
  errors?: Array<{ message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }>;
}

export interface Payload {
  data?: any;
  errors?: Array<{ message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }>;
  incremental?: IncrementalEntry[];
  hasNext?: boolean;
}

/** Sends the operation asking for multipart/mixed; the parts as they arrive. */
export async function postIncremental(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<{ response: Response; parts: AsyncIterator<Payload> }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'multipart/mixed, application/json', 'accept-encoding': 'br, gzip', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const parts = await meros<Payload>(response);
  if (parts instanceof Response) {
    const single = (await parts.json()) as Payload;
    return {
      response,
      parts: (async function* () {
        yield single;
      })(),
    };
  }
  const stream = parts as AsyncGenerator<{ json: boolean; body: Payload | string }>;
  async function* bodies() {
    for await (const part of stream) {
      if (!part.json) throw new Error(`a non-JSON part: ${String(part.body).slice(0, 200)}`);
      yield part.body as Payload;
    }
  }
  return { response, parts: bodies() };
}

export async function rest(parts: AsyncIterator<Payload>): Promise<Payload[]> {
  const out: Payload[] = [];
  for (let next = await parts.next(); !next.done; next = await parts.next()) out.push(next.value);
  return out;
}

/** The data a client holds once every payload is merged, and every error seen. */
export function merge(payloads: Payload[]): { data: any; errors: NonNullable<Payload['errors']> } {
  const [initial, ...later] = payloads;
  const data = structuredClone(initial.data ?? null);
  const errors = [...(initial.errors ?? [])];
  for (const payload of later) {
    errors.push(...(payload.errors ?? []));
    for (const entry of payload.incremental ?? []) {
      errors.push(...(entry.errors ?? []));
      const at = (path: (string | number)[]) => path.reduce((node: any, key) => node?.[key], data);
      // A stream entry's path names the index of its first item, in the list it extends.
      if (entry.items) at(entry.path.slice(0, -1)).splice(Number(entry.path.at(-1)), entry.items.length, ...entry.items);
      else if (entry.data) deepMerge(at(entry.path), entry.data);
    }
  }
  return { data, errors };
}

function deepMerge(target: any, source: any): void {
  for (const [key, value] of Object.entries(source)) {
    if (value && typeof value === 'object' && !Array.isArray(value) && target[key] && typeof target[key] === 'object') deepMerge(target[key], value);
    else target[key] = value;
  }
}
