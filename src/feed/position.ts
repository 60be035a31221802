// What a feed cursor holds: each source's own position after the last change the client saw.
import { isDomainChangePosition, type DomainChangePosition } from '../sources/domain-changes.js';
import { isOffsetPosition, type OffsetPosition } from '../sources/offset-list.js';
import { isZoneChangePosition, type ZoneChangePosition } from '../sources/zone-changes.js';
import { isRecord } from '../model/guards.js';

/** The feed's sources, by key: VinylDNS zone changes, record set changes, the OpenSRS log. */
export interface SourcePositions {
  zc: ZoneChangePosition;
  rc: OffsetPosition;
  dc: DomainChangePosition;
}

export type SourceKey = keyof SourcePositions;

export const SOURCE_KEYS: readonly SourceKey[] = ['zc', 'rc', 'dc'];

/** Each source's position after the last change the client saw; absent: not started. */
export interface FeedPosition extends Partial<SourcePositions> {
  /** Sources with nothing left after their position. */
  x?: SourceKey[];
  /**
   * For sources nothing was taken from yet: the position of the change that was next then
   * (inclusive). Starting there keeps changes that landed since out of the walk.
   */
  h?: Partial<SourcePositions>;
}

const GUARDS: { [K in SourceKey]: (p: unknown) => p is SourcePositions[K] } = {
  zc: isZoneChangePosition,
  rc: isOffsetPosition,
  dc: isDomainChangePosition,
};

const arePositions = (q: Record<string, unknown>) => SOURCE_KEYS.every((k) => q[k] === undefined || GUARDS[k](q[k]));

const isSourceKey = (k: unknown): k is SourceKey => k === 'zc' || k === 'rc' || k === 'dc';

export const isFeedPosition = (q: unknown): q is FeedPosition =>
  isRecord(q) &&
  arePositions(q) &&
  (q.x === undefined || (Array.isArray(q.x) && q.x.every(isSourceKey))) &&
  (q.h === undefined || (isRecord(q.h) && arePositions(q.h)));
