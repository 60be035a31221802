// The merged feed's filters, after the resolver has checked them.
export interface FeedFilters {
  providers?: readonly ('VINYLDNS' | 'OPENSRS')[] | null;
  /** Epoch seconds, inclusive. */
  since?: number;
  /** Epoch seconds, inclusive. */
  until?: number;
  actor?: string | null;
}
