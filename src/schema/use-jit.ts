// Executes operations with graphql-jit (through @envelop/graphql-jit): each distinct document is
// compiled once into a function specialised to its selections, instead of graphql-js walking the
// document for every request. Behaviour stays graphql-js's wherever graphql-jit would differ:
// - a document graphql-jit cannot compile runs on graphql-js instead of failing (the envelop
//   plugin alone would answer with the compilation error);
// - a document with `@defer`/`@stream` or a subscription runs on graphql-js, which delivers it
//   incrementally (graphql-jit would answer all at once);
// - a document with several operations runs on graphql-js too: the plugin caches one compiled
//   operation per document, whatever `operationName` asks for;
// - variables graphql-js would refuse run on graphql-js too: graphql-jit words the error
//   differently and without the HTTP status 400 yoga gives it (the answer would be a 500);
// - graphql-jit's field errors carry `locations` but not the AST nodes they come from, and every
//   later step that rebuilds an error (our codes, yoga's masking) rebuilds its locations from
//   those nodes; so the errors are located again against the document's source here.
// Compilability is decided once per document object (yoga's parse cache hands out the same object
// for the same query text), at the price of compiling it twice the first time.
import { useGraphQlJit } from '@envelop/graphql-jit';
import {
  GraphQLError,
  Kind,
  getOperationAST,
  getVariableValues,
  visit,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
  type Source,
} from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';

export function useJit(): Plugin {
  const compiles = new WeakMap<DocumentNode, boolean>();
  const enableIf = ({ schema, document, operationName }: ExecutionArgs): boolean => {
    let ok = compiles.get(document);
    if (ok === undefined) {
      ok = operationCount(document) === 1 && !incrementalOrLive(document) && compilesWithJit(schema, document, operationName ?? undefined);
      compiles.set(document, ok);
    }
    return ok;
  };
  const jit = useGraphQlJit({}, { enableIf });
  return {
    onExecute(payload) {
      const source = payload.args.document.loc?.source;
      const hooks = {
        onExecuteDone({ result, setResult }: { result: ExecutionResult | AsyncIterable<ExecutionResult>; setResult: (result: ExecutionResult) => void }) {
          // A streamed result (graphql-js's incremental delivery) is never graphql-jit's.
          if (!source || isAsyncIterable(result)) return;
          const errors = result.errors;
          if (!errors?.some(unlocated)) return;
          setResult({ ...result, errors: errors.map((e) => (unlocated(e) ? locate(e, source) : e)) });
        },
      };
      if (!variablesCoerce(payload.args)) return undefined;
      const set = jit.onExecute!(payload);
      return set instanceof Promise ? set.then(() => hooks) : hooks;
    },
  };
}

/**
 * `@defer`/`@stream` (incremental delivery) and subscriptions run on graphql-js: graphql-jit would
 * ignore the directives and answer everything at once.
 */
function incrementalOrLive(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    OperationDefinition: (node) => {
      if (node.operation === 'subscription') found = true;
    },
    Directive: (node) => {
      if (node.name.value === 'defer' || node.name.value === 'stream') found = true;
    },
  });
  return found;
}

function operationCount(document: DocumentNode): number {
  return document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION).length;
}

function compilesWithJit(schema: GraphQLSchema, document: DocumentNode, operationName?: string): boolean {
  try {
    return isCompiledQuery(compileQuery<Record<string, unknown>, Record<string, unknown>>(schema, document, operationName));
  } catch {
    return false;
  }
}

/** True when graphql-js accepts the request's variables (or the operation declares none). */
function variablesCoerce({ schema, document, operationName, variableValues }: ExecutionArgs): boolean {
  const definitions = getOperationAST(document, operationName)?.variableDefinitions;
  if (!definitions?.length) return true;
  return !('errors' in getVariableValues(schema, definitions, variableValues ?? {}, { maxErrors: 1 }));
}

const unlocated = (error: GraphQLError) => !error.nodes && (error.locations?.length ?? 0) > 0;

/** The same error, with the source positions graphql-js would have given it. */
function locate(error: GraphQLError, source: Source): GraphQLError {
  // Line terminators as graphql-js counts them.
  const lineStarts = [0, ...[...source.body.matchAll(/\r\n|[\n\r]/g)].map((m) => m.index + m[0].length)];
  return new GraphQLError(error.message, {
    source,
    positions: error.locations!.map(({ line, column }) => (lineStarts[line - 1] ?? 0) + column - 1),
    path: error.path,
    originalError: error.originalError,
    extensions: error.extensions,
  });
}
