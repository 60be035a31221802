// Post-processing of every execution result's errors:
// - a resolver that returns data but must also say something failed (the feed with one provider
//   down) records the error in the context, and it is appended here;
// - graphql-js's own request errors (e.g. a variable of the wrong type) carry no code; they are
//   the caller's input, so they get BAD_USER_INPUT, as every other error has a code.
import type { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { GraphQLContext } from '../context.js';
import { withCode } from './mask-error.js';

export function useResultErrors(): Plugin<GraphQLContext> {
  return {
    onExecute() {
      return {
        onExecuteDone({ result, setResult, args }) {
          if (!('data' in result || 'errors' in result)) return; // streamed results: not used here
          const extra = (args.contextValue as Partial<GraphQLContext>).partialErrors ?? [];
          const errors = [...((result as { errors?: readonly GraphQLError[] }).errors ?? []), ...extra];
          if (errors.length === 0) return;
          setResult({ ...result, errors: errors.map(withCode) } as typeof result);
        },
      };
    },
  };
}
