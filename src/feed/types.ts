// The merged feed's filters, after the resolver has checked them.
export interface FeedFilters {
  providers?: readonly ('VINYLDNS' | 'OPENSRS')[] | null;
  /** Epoch seconds, inclusive. */
  since?: number;
  /** Epoch seconds, inclusive. */
  until?: number;
  actor?: string | null;
  /** The VinylDNS user id `actor` names, when it names one: VinylDNS changes by that id match too. */
  actorUserId?: string;
}
