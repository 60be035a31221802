// Zone histories: the zone changes of a zone and the zone state ("version") each one leaves behind.
// Record set changes later embed the version in effect at their own time (§5.1: a snapshot).
import type { WireZone, WireZoneChange } from '../../../providers/vinyldns/wire.js';
import { zoneSnapshot } from '../shapes.js';

export interface ZoneVersion {
  fromMs: number;
  zone: WireZone;
}

/** A sync run: record set changes it generates fall in [ms, endMs] and embed `syncing`. */
export interface SyncPoint {
  ms: number;
  endMs: number;
  userId: string;
  syncing: WireZone;
  initial: boolean;
}

export interface TimedZoneChange {
  ms: number;
  change: WireZoneChange;
}

export interface ZoneTimeline {
  id: string;
  name: string;
  createMs: number;
  /** Ascending by fromMs. */
  versions: ZoneVersion[];
  /** Oldest first; ties keep generation order. */
  changes: TimedZoneChange[];
  syncs: SyncPoint[];
  current: WireZone;
  deleted: boolean;
}

/** The zone state in effect at `ms` (the first version if `ms` precedes all of them). */
export function versionAt(timeline: ZoneTimeline, ms: number): WireZone {
  let found = timeline.versions[0].zone;
  for (const v of timeline.versions) {
    if (v.fromMs <= ms) found = v.zone;
    else break;
  }
  return found;
}

/** Builds a timeline from explicit steps (used for the zones pinned by the example payloads). */
export class TimelineBuilder {
  readonly versions: ZoneVersion[] = [];
  readonly changes: TimedZoneChange[] = [];
  readonly syncs: SyncPoint[] = [];

  constructor(
    readonly id: string,
    readonly name: string,
    readonly createMs: number,
  ) {}

  version(fromMs: number, zone: WireZone | Record<string, unknown>): WireZone {
    const snap = zoneSnapshot(zone);
    this.versions.push({ fromMs, zone: snap });
    this.versions.sort((a, b) => a.fromMs - b.fromMs);
    return snap;
  }

  change(ms: number, change: WireZoneChange): void {
    this.changes.push({ ms, change });
  }

  sync(point: SyncPoint): void {
    this.syncs.push(point);
  }

  build(deleted = false): ZoneTimeline {
    const changes = [...this.changes].sort((a, b) => a.ms - b.ms);
    const syncs = [...this.syncs].sort((a, b) => a.ms - b.ms);
    const current = this.versions[this.versions.length - 1].zone;
    return { id: this.id, name: this.name, createMs: this.createMs, versions: this.versions, changes, syncs, current, deleted };
  }
}

/** A Syncing copy of a zone, as record set changes made during a sync embed it. */
export function syncingCopy(zone: WireZone, dropLatestSync = false): WireZone {
  const copy: WireZone = { ...zone, status: 'Syncing' };
  if (dropLatestSync) delete copy.latestSync;
  return zoneSnapshot(copy);
}
