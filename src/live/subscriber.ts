// One subscription on this replica. It waits for the batch that answers its join (the first poll
// that started after it asked), catches up from its `after` cursor to that batch's frontier if it
// has one, and from then on gets every batch. Batches that arrive during the catch-up are held,
// so the events come out in order, each once; a catch-up a provider fails is reported once and
// tried again until it succeeds.
import { GatewayError, SubscriptionLimitError } from '../errors.js';
import { EventQueue } from './queue.js';
import type { LiveBatch, LiveEdge, LiveEvent, LiveFrontier, ProviderFailure } from './types.js';

/** Reads the changes between the subscriber's cursor and a frontier. */
export type CatchUp = (to: LiveFrontier) => Promise<LiveEdge[]>;

export interface SubscriberOptions {
  /** Absent: the subscription starts at the head. */
  catchUp?: CatchUp;
  onClose(subscriber: Subscriber): void;
  /** Counts delivered change events. */
  onEdges?(count: number): void;
  /** Runs a failed catch-up again a little later; absent: a failed catch-up ends the subscription. */
  retry?(run: () => void): void;
}

/** Events held for a subscriber that does not read them. */
export const MAX_QUEUED = 10_000;

export const failureError = (f: ProviderFailure) => new GatewayError(f.code, f.message, f.provider);

export class Subscriber {
  readonly events: EventQueue<LiveEvent>;
  private stage: 'joining' | 'catching-up' | 'live' = 'joining';
  private readonly held: LiveBatch[] = [];

  constructor(private readonly options: SubscriberOptions) {
    this.events = new EventQueue<LiveEvent>(
      () => options.onClose(this),
      MAX_QUEUED,
      () => ({
        error: new SubscriptionLimitError(`events waiting for a client that does not read them (subscribe again with the last cursor received)`, MAX_QUEUED, {
          reason: 'TOO_SLOW',
        }),
      }),
    );
  }

  get joined(): boolean {
    return this.stage !== 'joining';
  }

  /** Starts the subscription at `batch` (delivered to the others already). */
  attach(batch: LiveBatch): void {
    if (this.stage !== 'joining') return;
    for (const failure of batch.failing) this.events.push({ error: failureError(failure) });
    const catchUp = this.options.catchUp;
    if (!catchUp) {
      this.stage = 'live';
      return;
    }
    this.stage = 'catching-up';
    let told = false;
    const attempt = () => {
      if (this.events.isEnded) return;
      catchUp(batch.frontier).then(
        (edges) => {
          this.edges(edges);
          this.stage = 'live';
          for (const held of this.held.splice(0)) this.deliver(held);
        },
        (error: unknown) => {
          const gatewayError =
            error instanceof GatewayError ? error : new GatewayError('UPSTREAM_UNAVAILABLE', 'The changes after your cursor could not be read');
          // A cursor the lists cannot resume from (gone, too far behind) will not get better.
          if (gatewayError.code === 'BAD_USER_INPUT' || !this.options.retry) return this.fail(gatewayError);
          // A provider failing: say so once, keep holding what arrives, and try again.
          if (!told) this.events.push({ error: gatewayError });
          told = true;
          this.options.retry(attempt);
        },
      );
    };
    attempt();
  }

  deliver(batch: LiveBatch): void {
    if (this.stage === 'joining') return;
    if (this.stage === 'catching-up') {
      this.held.push(batch);
      return;
    }
    this.edges(batch.edges);
    for (const failure of batch.failed) this.events.push({ error: failureError(failure) });
  }

  /** Ends the subscription with an error event (e.g. the relay lost events it cannot replay). */
  fail(error: GatewayError): void {
    this.events.push({ error });
    this.events.end();
  }

  private edges(edges: LiveEdge[]): void {
    let n = 0;
    for (const edge of edges) if (this.events.push({ edge })) n++;
    if (n > 0) this.options.onEdges?.(n);
  }
}
