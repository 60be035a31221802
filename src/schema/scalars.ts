// DateTime and SafeInt come from graphql-scalars. DateTime is narrowed to second precision on
// output, which is what both upstreams record (`2023-09-28T16:44:47Z`, not `…47.000Z`).
import { GraphQLScalarType } from 'graphql';
import { DateTimeResolver, SafeIntResolver } from 'graphql-scalars';

export const DateTime = new GraphQLScalarType({
  ...DateTimeResolver.toConfig(),
  serialize(value) {
    const date = DateTimeResolver.serialize(value) as Date;
    return date.toISOString().replace(/\.000Z$/, 'Z');
  },
});

export const SafeInt = SafeIntResolver;
