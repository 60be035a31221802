// What live subscriptions pass around: per-lane frontiers, the events of one poll (a batch), and
// the state a poller keeps (in Redis with several replicas). All of it is plain JSON.
import type { ErrorCode, GatewayError, ProviderName } from '../errors.js';
import type { SourceKey, SourcePositions } from '../feed/position.js';
import type { ChangeModel } from '../parents/models.js';

export type LanePosition = SourcePositions[SourceKey];

/**
 * Per lane of the merged feed, the newest change already delivered (or, when nothing was
 * delivered from it, the newest change no newer than what was): a position, null when the lane
 * has no change at all, absent when it is not known yet (the lane has not answered).
 */
export type LiveFrontier = { [K in SourceKey]?: SourcePositions[K] | null };

/** One change of a lane, with what the merge orders it by. */
export interface LiveItem {
  key: SourceKey;
  /** Epoch seconds. */
  time: number;
  position: LanePosition;
  model: ChangeModel;
}

/** A `ChangeEdge`: the change and a cursor of `Query.changes` for the same domain and filters. */
export interface LiveEdge {
  cursor: string;
  node: ChangeModel;
}

/** A provider that could not be read, as subscribers are told (never upstream detail). */
export interface ProviderFailure {
  provider: ProviderName;
  code: ErrorCode;
  message: string;
}

/** What one poll publishes to every replica's subscribers. */
export interface LiveBatch {
  /** The poller state's lineage (see PollerState.lineage). */
  lineage: string;
  /** 1, 2, 3, … per lineage: a gap means a lost message, a repeat a duplicate. */
  seq: number;
  /** The new changes, oldest first. */
  edges: LiveEdge[];
  /** Providers that started failing with this poll: each is reported once. */
  failed: ProviderFailure[];
  /** Providers failing now, told to subscribers when they join. */
  failing: ProviderFailure[];
  /** Where the poll left each lane: a joining subscriber catches up to here. */
  frontier: LiveFrontier;
  /** The joins this poll answers (it started after they asked): their subscribers start here. */
  served: string[];
}

/** What a poller resumes from (another replica's, when it takes over). */
export interface PollerState {
  /**
   * Made when a poller starts with no state to resume from (the first subscriber, or a state that
   * expired): a new lineage starts again at the heads, so relays end their subscriptions then.
   */
  lineage: string;
  seq: number;
  frontier: LiveFrontier;
  failing: ProviderFailure[];
  /**
   * Epoch seconds when polling of this key began: a lane that never answered since starts from
   * its newest change at or before this time, so nothing that landed after it is lost.
   */
  since: number;
}

/** One event of a subscription: a change, or a provider's failure. */
export type LiveEvent = { edge: LiveEdge } | { error: GatewayError };
