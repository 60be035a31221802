// One-line human descriptions of changes, e.g. `Update A www.ok. 5.5.5.5 → 5.5.5.6`.
import type { WireRecordSet, WireRecordSetChange, WireZoneChange } from '../providers/vinyldns/wire.js';
import { fqdnOf } from '../model/names.js';
import type { ChangeModel } from './models.js';
import { recordText } from './record-text.js';

const recordsOf = (rs: WireRecordSet) => rs.records.map((r) => recordText(rs.type, r)).join(', ');

function outcome(status: string): string {
  if (status === 'Failed') return ' (failed)';
  if (status === 'Pending') return ' (pending)';
  return '';
}

export function recordSetChangeSummary(change: WireRecordSetChange): string {
  const rs = change.recordSet;
  const fqdn = rs.fqdn ?? fqdnOf(rs.name, change.zone.name);
  const now = recordsOf(rs);
  let what = now;
  if (change.changeType === 'Update' && change.updates) {
    const before = recordsOf(change.updates);
    if (before !== now) what = `${before} → ${now}`;
    else if (change.updates.ttl !== rs.ttl) what = `${now} TTL ${change.updates.ttl} → ${rs.ttl}`;
  }
  return `${change.changeType} ${rs.type} ${fqdn}${what ? ` ${what}` : ''}${outcome(change.status)}`;
}

const ZONE_VERBS: Record<string, string> = { AutomatedSync: 'Automated sync' };

export function zoneChangeSummary(change: WireZoneChange): string {
  return `${ZONE_VERBS[change.changeType] ?? change.changeType} zone ${change.zone.name}${outcome(change.status)}`;
}

/** An OpenSRS change message on one line. */
export const domainChangeSummary = (entry: { msg: string }): string => entry.msg.replace(/\s*\n\s*/g, ' ').trim();

/** The summary of any change, as `Change.summary` gives it. */
export function changeSummary(model: ChangeModel): string {
  if (model.__typename === 'ZoneChange') return zoneChangeSummary(model.change);
  if (model.__typename === 'RecordSetChange') return recordSetChangeSummary(model.change);
  return domainChangeSummary(model.entry);
}

/** VinylDNS says `unknown user` when the id does not resolve (e.g. `system`). */
export function recordSetChangeActor(change: WireRecordSetChange): string {
  return change.userName && change.userName !== 'unknown user' ? change.userName : change.userId;
}

/** Who made a change, as the `actor` filter of the feed and `Change.actor` see it. */
export function actorOf(model: ChangeModel): string {
  if (model.__typename === 'ZoneChange') return model.change.userId;
  if (model.__typename === 'RecordSetChange') return recordSetChangeActor(model.change);
  return model.entry.user;
}

/** The VinylDNS user id of a change; undefined for OpenSRS changes. */
export function vinylDnsUserIdOf(model: ChangeModel): string | undefined {
  return model.__typename === 'DomainChange' ? undefined : model.change.userId;
}
