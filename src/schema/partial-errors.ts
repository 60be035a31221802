// Post-processing of every execution result's errors:
// - a resolver that returns data but must also say something failed (the feed with one provider
//   down) records the error in the context, and it is appended here;
// - graphql-js's own request errors (e.g. a variable of the wrong type) carry no code; they are
//   the caller's input, so they get BAD_USER_INPUT, as every other error has a code.
// A streamed result (@defer/@stream) gets each recorded error in the first payload sent after it
// was recorded: in `errors` of the initial payload, in the first `incremental` entry's `errors`
// of a later one (where the incremental delivery format puts them).
import type { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { GraphQLContext } from '../context.js';
import { withCode } from './mask-error.js';

interface Payload {
  errors?: readonly GraphQLError[];
  incremental?: ReadonlyArray<{ errors?: readonly GraphQLError[] }>;
}

export function useResultErrors(): Plugin<GraphQLContext> {
  return {
    onExecute() {
      return {
        onExecuteDone({ result, setResult, args }) {
          const recorded = () => (args.contextValue as Partial<GraphQLContext>).partialErrors ?? [];
          if (!('data' in result || 'errors' in result)) {
            let reported = 0;
            return {
              onNext({ result: payload, setResult: setPayload }) {
                const fresh = recorded().slice(reported);
                reported += fresh.length;
                const next = withErrors(payload as Payload, fresh);
                if (next !== payload) setPayload(next as typeof payload);
              },
            };
          }
          const errors = [...((result as Payload).errors ?? []), ...recorded()];
          if (errors.length === 0) return;
          setResult({ ...result, errors: errors.map(withCode) } as typeof result);
        },
      };
    },
  };
}

/** The payload with `extra` added and every error coded; the same object when it has no error. */
function withErrors(payload: Payload, extra: readonly GraphQLError[]): Payload {
  const coded = (errors: readonly GraphQLError[]) => errors.map(withCode);
  if (!payload.incremental?.length) {
    const errors = [...(payload.errors ?? []), ...extra];
    return errors.length ? { ...payload, errors: coded(errors) } : payload;
  }
  if (extra.length === 0 && !payload.incremental.some((entry) => entry.errors?.length)) return payload;
  return {
    ...payload,
    incremental: payload.incremental.map((entry, i) => {
      const errors = [...(entry.errors ?? []), ...(i === 0 ? extra : [])];
      return errors.length ? { ...entry, errors: coded(errors) } : entry;
    }),
  };
}
