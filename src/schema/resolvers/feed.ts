import { changeFeed } from '../../feed/index.js';
import type { QueryResolvers } from '../../generated/resolvers-types.js';

export const changes: QueryResolvers['changes'] = (_, { domain, ...args }, ctx, info) => changeFeed(ctx, info, domain, args);
