// A resolver that returns data but must also say something failed (the feed with one provider
// down) records the error in the context; this plugin appends those errors to the response.
import type { Plugin } from 'graphql-yoga';
import type { GraphQLContext } from '../context.js';

export function usePartialErrors(): Plugin<GraphQLContext> {
  return {
    onExecute() {
      return {
        onExecuteDone({ result, setResult, args }) {
          const extra = (args.contextValue as Partial<GraphQLContext>).partialErrors;
          if (!extra || extra.length === 0 || !('data' in result || 'errors' in result)) return;
          const single = result as { errors?: readonly unknown[] };
          setResult({ ...result, errors: [...(single.errors ?? []), ...extra] } as typeof result);
        },
      };
    },
  };
}
