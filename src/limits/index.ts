// The abuse limits, as envelop plugins: graphql-armor for depth, aliases, directives and tokens
// (and field suggestions when introspection is off), src/limits/cost.ts for the cost, graphql's
// own rule for introspection, and the batch size. A rejected operation gets an error whose
// `extensions` say which limit it crossed (`code`, `limit`, and `found` when known), before the
// operation runs, so no upstream is called.
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { isRecord } from '../model/guards.js';
import { entityRepresentations, operationCost, type CostInput } from './cost.js';
import type { LimitsConfig } from './config.js';

export type LimitCode =
  | 'DEPTH_LIMIT_EXCEEDED'
  | 'COST_LIMIT_EXCEEDED'
  | 'ALIAS_LIMIT_EXCEEDED'
  | 'DIRECTIVE_LIMIT_EXCEEDED'
  | 'TOKEN_LIMIT_EXCEEDED'
  | 'BATCH_LIMIT_EXCEEDED'
  | 'REPRESENTATIONS_LIMIT_EXCEEDED';

const limitExtensions = (code: LimitCode, limit: number, message: string) => {
  const found = /found (\d+)/.exec(message)?.[1];
  return { code, limit, ...(found !== undefined ? { found: Number(found) } : {}) };
};

/** armor's rejection (a "Syntax Error: …" without a code) as our error, reported to validation. */
const report =
  (code: LimitCode, limit: number) =>
  (ctx: ValidationContext | null, error: GraphQLError): void => {
    const message = error.message.replace(/^Syntax Error: /, '');
    // The token limit is checked while parsing, where there is no validation context: throw.
    if (ctx === null) throw createGraphQLError(message, { extensions: { ...limitExtensions(code, limit, message), http: { status: 400 } } });
    ctx.reportError(new GraphQLError(message, { extensions: limitExtensions(code, limit, message) }));
  };

const armorOptions = (code: LimitCode, n: number) => ({ n, exposeLimits: true, propagateOnRejection: false, onReject: [report(code, n)] });

export function useLimits(limits: LimitsConfig): Plugin[] {
  const plugins: Plugin[] = [
    EnvelopArmorPlugin({
      maxDepth: { ...armorOptions('DEPTH_LIMIT_EXCEEDED', limits.maxDepth), flattenFragments: true, ignoreIntrospection: true },
      maxAliases: armorOptions('ALIAS_LIMIT_EXCEEDED', limits.maxAliases),
      maxDirectives: armorOptions('DIRECTIVE_LIMIT_EXCEEDED', limits.maxDirectives),
      maxTokens: armorOptions('TOKEN_LIMIT_EXCEEDED', limits.maxTokens),
      // armor's cost limit does not multiply by page sizes: useCostLimit below does.
      costLimit: { enabled: false },
      blockFieldSuggestion: { enabled: !limits.introspection },
    }) as Plugin,
    useRepresentationLimit(limits.maxRepresentations),
    useCostLimit(limits.maxCost),
    useBatchLimit(limits.maxBatch),
  ];
  if (!limits.introspection) plugins.push({ onValidate: ({ addValidationRule }) => addValidationRule(noIntrospection) });
  return plugins;
}

/**
 * graphql's NoSchemaIntrospectionCustomRule, by field name: its type checks fail when the schema
 * comes from another copy of graphql (@apollo/subgraph's CommonJS one). `__typename` stays allowed.
 */
function noIntrospection(context: ValidationContext): ASTVisitor {
  return {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') {
        context.reportError(
          new GraphQLError(`GraphQL introspection has been disabled, but the requested query contained the field "${node.name.value}".`, {
            nodes: node,
            extensions: { code: 'INTROSPECTION_DISABLED' },
          }),
        );
      }
    },
  };
}

/**
 * The cost depends on the variables (`first: $n`), which validation rules do not see and yoga's
 * validation cache does not key on; so it is checked here, for every request, with the
 * request's variables, before the operation is validated or run.
 */
export function useCostLimit(maxCost: number): Plugin {
  return {
    onValidate({ params, context }) {
      const cost = operationCost(costInput(params, context));
      if (cost > maxCost) {
        throw createGraphQLError(
          `Query cost limit of ${maxCost} exceeded, found ${cost} (page sizes multiply through nested lists: ask for smaller pages or fewer nested lists).`,
          {
            extensions: { code: 'COST_LIMIT_EXCEEDED', limit: maxCost, found: cost, http: { status: 400 } },
          },
        );
      }
    },
  };
}

/** What the cost rules read: the document with the request's own variables and operation name. */
function costInput(params: { schema: CostInput['schema']; documentAST: CostInput['document'] }, context: unknown): CostInput {
  // yoga's context carries the request's GraphQL params (query, variables, operationName).
  const request = isRecord(context) && isRecord(context.params) ? context.params : {};
  const { operationName, variables } = request;
  return {
    schema: params.schema,
    document: params.documentAST,
    operationName: typeof operationName === 'string' ? operationName : undefined,
    variables: isRecord(variables) ? variables : undefined,
  };
}

/**
 * `_entities` looks up every representation it is given: at most `max` per operation (over all
 * its `_entities` fields), checked with the request's variables before anything runs.
 */
export function useRepresentationLimit(max: number): Plugin {
  return {
    onValidate({ params, context }) {
      const found = entityRepresentations(costInput(params, context));
      if (found > max) {
        throw createGraphQLError(`_entities takes at most ${max} representations per operation, found ${found}: send them in several requests.`, {
          extensions: { code: 'REPRESENTATIONS_LIMIT_EXCEEDED', limit: max, found, http: { status: 400 } },
        });
      }
    },
  };
}

/** A JSON array body is a batch of operations; at most `max` (1: batching is off). */
export function useBatchLimit(max: number): Plugin {
  return {
    onRequestParse() {
      return {
        onRequestParseDone({ requestParserResult }) {
          if (!Array.isArray(requestParserResult) || requestParserResult.length <= max) return;
          const message =
            max === 1
              ? 'Batched requests are not accepted by this gateway: send one operation per request.'
              : `Batch limit of ${max} operations exceeded, found ${requestParserResult.length}.`;
          throw createGraphQLError(message, {
            extensions: { code: 'BATCH_LIMIT_EXCEEDED', limit: max, found: requestParserResult.length, http: { status: 400 } },
          });
        },
      };
    },
  };
}
