// VinylDNS returns each zone's TSIG `key` (plain text under NoOpCrypto) in every zone-bearing
// response, including the zone snapshots inside changes. Nothing past the client may see it.
import type { WireRecordSetChange, WireZone, WireZoneChange } from './wire.js';

export function stripZoneSecrets(zone: WireZone): WireZone {
  if (zone.connection) delete zone.connection.key;
  if (zone.transferConnection) delete zone.transferConnection.key;
  return zone;
}

export function stripChangeSecrets<T extends WireZoneChange | WireRecordSetChange>(change: T): T {
  if (change.zone) stripZoneSecrets(change.zone);
  return change;
}
