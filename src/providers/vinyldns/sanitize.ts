// VinylDNS returns each zone's TSIG `key` (plain text under NoOpCrypto) in every zone-bearing
// response, including the zone snapshots inside changes. Nothing past the client may see it.
import type { WireRecordSetChange, WireZone, WireZoneChange, WireZoneConnection } from './wire.js';

/**
 * A copy without the key. Not `delete`: deleting a property turns the object into a slow
 * dictionary, and a page of 100 changes carries 200 of these.
 */
function keyless(connection: WireZoneConnection): WireZoneConnection {
  const { key, ...rest } = connection;
  void key;
  return rest;
}

export function stripZoneSecrets(zone: WireZone): WireZone {
  if (zone.connection) zone.connection = keyless(zone.connection);
  if (zone.transferConnection) zone.transferConnection = keyless(zone.transferConnection);
  return zone;
}

export function stripChangeSecrets<T extends WireZoneChange | WireRecordSetChange>(change: T): T {
  if (change.zone) stripZoneSecrets(change.zone);
  return change;
}
