// Only trusted documents run: yoga's persisted-operations plugin, fed from the manifest
// (manifest.ts). A request names its document by id, in whichever way the client tools send it:
// - `documentId` (the GraphQL-over-HTTP draft's name; GET too: `?documentId=…`);
// - `doc_id` (Relay's persisted queries, as its docs send them);
// - `extensions.persistedQuery.sha256Hash` (Apollo/GraphQL Code Generator style).
// Refusals carry a code and say what to do:
// - PERSISTED_QUERY_ONLY: the request sent operation text;
// - PERSISTED_QUERY_ID_REQUIRED: no id at all;
// - PERSISTED_QUERY_NOT_IN_LIST: an id the manifest does not hold.
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { createGraphQLError, type GraphQLParams, type Plugin } from 'graphql-yoga';
import { isRecord } from '../model/guards.js';
import type { TrustedDocuments } from './manifest.js';

const refusal = (message: string, code: string) => ({ message, extensions: { code, http: { status: 400 } } });

/** The document id a request names, if any. */
export function documentIdOf(params: GraphQLParams, request: Request): string | null {
  const persisted: unknown = params.extensions?.persistedQuery;
  const id =
    ('documentId' in params ? params.documentId : undefined) ??
    ('doc_id' in params ? params.doc_id : undefined) ??
    (isRecord(persisted) ? persisted.sha256Hash : undefined) ??
    (request.method === 'GET' ? new URL(request.url).searchParams.get('documentId') : undefined);
  return typeof id === 'string' && id !== '' ? id : null;
}

export function useTrustedDocuments(documents: TrustedDocuments): Plugin {
  return usePersistedOperations({
    allowArbitraryOperations: false,
    extractPersistedOperationId: documentIdOf,
    getPersistedOperation: (id) => documents.get(id) ?? documents.get(id.replace(/^sha256:/, '')) ?? null,
    customErrors: {
      persistedQueryOnly: refusal(
        'This gateway runs only trusted documents: send the document id (documentId), not the operation text.',
        'PERSISTED_QUERY_ONLY',
      ),
      keyNotFound: refusal('This gateway runs only trusted documents: the request names no document id (documentId).', 'PERSISTED_QUERY_ID_REQUIRED'),
      notFound: ({ params, request }) => {
        // The id is the caller's own text: shown only when it looks like an id.
        const id = documentIdOf(params, request) ?? '';
        const shown = /^[\w:.-]{1,100}$/.test(id) ? `"${id}"` : 'the document id sent';
        return createGraphQLError(`This gateway runs only trusted documents, and ${shown} is not one of them.`, {
          extensions: { code: 'PERSISTED_QUERY_NOT_IN_LIST', http: { status: 400 } },
        });
      },
    },
  });
}
