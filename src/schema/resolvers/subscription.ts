// Subscription.changes: the live service (src/live/) does the work; an event is either an edge or
// a provider's failure, which becomes that event's error (with its code and provider).
import { GatewayError } from '../../errors.js';
import type { SubscriptionResolvers } from '../../generated/resolvers-types.js';
import type { LiveEvent } from '../../live/index.js';

export const Subscription: SubscriptionResolvers = {
  changes: {
    subscribe: (_, args, ctx) => {
      if (!ctx.live) throw new GatewayError('UPSTREAM_UNAVAILABLE', 'Live changes are not enabled on this gateway');
      // OPERATION_TIMEOUT_MS bounds an answer, not a stream: events keep resolving their fields.
      ctx.budget.untimed();
      return ctx.live.service.subscribe(ctx.live.caller(), args);
    },
    resolve: (event: LiveEvent) => {
      if ('error' in event) throw event.error;
      return event.edge;
    },
  },
};
