// One subscription on this replica. It waits for the batch that answers its join (the first poll
// that started after it asked), catches up from its `after` cursor to that batch's frontier if it
// has one, and from then on gets every batch. Batches that arrive during the catch-up are held,
// so the events come out in order, each once.
import { GatewayError } from '../errors.js';
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
}

export const failureError = (f: ProviderFailure) => new GatewayError(f.code, f.message, f.provider);

export class Subscriber {
  readonly events: EventQueue<LiveEvent>;
  private stage: 'joining' | 'catching-up' | 'live' = 'joining';
  private readonly held: LiveBatch[] = [];

  constructor(private readonly options: SubscriberOptions) {
    this.events = new EventQueue<LiveEvent>(() => options.onClose(this));
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
    catchUp(batch.frontier).then(
      (edges) => {
        this.edges(edges);
        this.stage = 'live';
        for (const held of this.held.splice(0)) this.deliver(held);
      },
      (error: unknown) => {
        // The gap cannot be filled now: say why and end; the client resubscribes with its cursor.
        this.events.push({ error: error instanceof GatewayError ? error : new GatewayError('UPSTREAM_UNAVAILABLE', 'The changes after your cursor could not be read') });
        this.events.end();
      },
    );
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
