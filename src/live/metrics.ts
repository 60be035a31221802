// The live metrics, in the gateway's Prometheus registry (src/observability/metrics.ts).
import { Counter, Gauge, type Registry } from 'prom-client';

export interface LiveMetrics {
  subscriptions: Gauge;
  pollers: Gauge;
  polls: Counter;
  events: Counter;
  pollFailures: Counter<'provider' | 'code'>;
}

export function liveMetrics(registry?: Registry): LiveMetrics {
  const registers = registry ? [registry] : [];
  return {
    subscriptions: new Gauge({ name: 'changegraph_live_subscriptions', help: 'Live subscriptions open on this replica', registers }),
    pollers: new Gauge({ name: 'changegraph_live_pollers', help: 'Keys (identity, domain, filters) this replica polls', registers }),
    polls: new Counter({ name: 'changegraph_live_polls_total', help: 'Polls of the upstream heads made by this replica', registers }),
    events: new Counter({ name: 'changegraph_live_events_total', help: 'Change events delivered to subscribers of this replica', registers }),
    pollFailures: new Counter({
      name: 'changegraph_live_poll_failures_total',
      help: 'Polls in which a provider could not be read, by provider and error code',
      labelNames: ['provider', 'code'],
      registers,
    }),
  };
}
