// DateTime and SafeInt come from graphql-scalars. DateTime is narrowed to second precision on
// output, which is what both upstreams record (`2023-09-28T16:44:47Z`, not `…47.000Z`).
//
// Their descriptions are ours, in schema.graphql: @apollo/subgraph copies every defined property
// of a scalar resolver onto the schema's type, so the library's own description would replace
// ours in introspection (GraphiQL's docs). Leaving `description` undefined keeps the SDL's.
import { GraphQLScalarType, type GraphQLScalarTypeConfig } from 'graphql';
import { DateTimeResolver, SafeIntResolver } from 'graphql-scalars';

/** The form both upstreams send; already what we output, so it needs no round trip through Date. */
const UPSTREAM_FORM = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\dZ$/;

/** A library scalar's behaviour without its description (schema.graphql describes it). */
function undescribed<I, O>(config: GraphQLScalarTypeConfig<I, O>): GraphQLScalarTypeConfig<I, O> {
  return { ...config, description: undefined };
}

export const DateTime = new GraphQLScalarType({
  ...undescribed(DateTimeResolver.toConfig()),
  serialize(value) {
    if (typeof value === 'string' && UPSTREAM_FORM.test(value)) return value;
    const date = DateTimeResolver.serialize(value) as Date;
    return date.toISOString().replace(/\.000Z$/, 'Z');
  },
});

export const SafeInt = new GraphQLScalarType(undescribed(SafeIntResolver.toConfig()));
