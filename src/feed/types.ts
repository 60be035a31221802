import type { DomainChangeModel, RecordSetChangeModel, ZoneChangeModel } from '../schema/models.js';

/** Anything that implements the `Change` interface. */
export type ChangeModel = ZoneChangeModel | RecordSetChangeModel | DomainChangeModel;

export interface FeedFilters {
  providers?: readonly ('VINYLDNS' | 'OPENSRS')[] | null;
  /** Epoch seconds, inclusive. */
  since?: number;
  /** Epoch seconds, inclusive. */
  until?: number;
  actor?: string | null;
}
