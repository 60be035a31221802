// The VinylDNS read API over HTTP: one method per endpoint, wire types in and out, secrets
// stripped, statuses mapped to typed errors. Paging policy lives in src/pagination/, not here.
// This file holds the reads of zones, record sets and their changes; the audit trail's reads come
// from VinylDnsAuditClient (audit-client.ts) and how a GET is sent from transport.ts.
import { GatewayError } from '../../errors.js';
import { VinylDnsAuditClient } from './audit-client.js';
import { stripChangeSecrets, stripZoneSecrets } from './sanitize.js';
import { seg } from './transport.js';
import type {
  GetRecordSetResponse,
  GetZoneResponse,
  ListRecordSetChangesResponse,
  ListRecordSetsResponse,
  ListZoneChangesResponse,
  ListZonesResponse,
  WireRecordSet,
  WireRecordSetChange,
  WireZone,
} from './wire.js';

export class VinylDnsClient extends VinylDnsAuditClient {
  /** This request's answers to "may the caller list this zone's changes?". */
  private readonly changeAccess = new Map<string, Promise<boolean>>();

  async listZones(q: { nameFilter?: string; startFrom?: string; maxItems: number }): Promise<ListZonesResponse> {
    const res = await this.get<ListZonesResponse>('/zones', q);
    res.zones.forEach(stripZoneSecrets);
    res.zones.forEach((z) => this.shared?.rememberZone(z));
    return res;
  }

  /** null when the zone does not exist (or was deleted). Served from the identity's cache when fresh. */
  async getZone(zoneId: string): Promise<WireZone | null> {
    const cached = this.shared?.zone(zoneId);
    if (cached) return cached;
    const res = await this.getOrNull<GetZoneResponse>(`/zones/${seg(zoneId)}`);
    if (!res) return null;
    const zone = stripZoneSecrets(res.zone);
    this.shared?.rememberZone(zone);
    return zone;
  }

  /** The server adds the trailing dot when it is missing. */
  async getZoneByName(name: string): Promise<WireZone | null> {
    const res = await this.getOrNull<GetZoneResponse>(`/zones/name/${seg(name)}`);
    return res ? stripZoneSecrets(res.zone) : null;
  }

  async listZoneChanges(zoneId: string, q: { startFrom?: string; maxItems: number }): Promise<ListZoneChangesResponse> {
    const res = await this.get<ListZoneChangesResponse>(`/zones/${seg(zoneId)}/changes`, q);
    res.zoneChanges.forEach(stripChangeSecrets);
    return res;
  }

  /**
   * Whether the caller may list the zone's changes, which VinylDNS allows fewer callers than
   * reading the zone (not through ACL rules). One cheap list call per zone, remembered for the
   * request and, like zones, for a few seconds for the same identity. False on 403 and 404.
   */
  canListZoneChanges(zoneId: string): Promise<boolean> {
    let known = this.changeAccess.get(zoneId);
    if (!known) {
      const cached = this.shared?.changeAccess(zoneId);
      known = cached !== undefined ? Promise.resolve(cached) : this.probeZoneChanges(zoneId);
      this.changeAccess.set(zoneId, known);
      // A failure to tell (budget, outage) is not remembered: a later ask may succeed.
      known.catch(() => this.changeAccess.delete(zoneId));
    }
    return known;
  }

  private async probeZoneChanges(zoneId: string): Promise<boolean> {
    try {
      await this.get<ListZoneChangesResponse>(`/zones/${seg(zoneId)}/changes`, { maxItems: 1 });
      this.shared?.rememberChangeAccess(zoneId, true);
      return true;
    } catch (error) {
      if (error instanceof GatewayError && (error.code === 'FORBIDDEN' || error.code === 'NOT_FOUND')) {
        this.shared?.rememberChangeAccess(zoneId, false);
        return false;
      }
      throw error;
    }
  }

  async listRecordSetChanges(zoneId: string, q: { startFrom?: number; maxItems: number }): Promise<ListRecordSetChangesResponse> {
    const res = await this.get<ListRecordSetChangesResponse>(`/zones/${seg(zoneId)}/recordsetchanges`, q);
    res.recordSetChanges.forEach(stripChangeSecrets);
    return res;
  }

  async listRecordSets(
    zoneId: string,
    q: { startFrom?: string; maxItems: number; recordNameFilter?: string; recordTypeFilter?: string },
  ): Promise<ListRecordSetsResponse> {
    return this.get<ListRecordSetsResponse>(`/zones/${seg(zoneId)}/recordsets`, q);
  }

  /** null when missing. The server ignores the zone in the path, so the caller checks `zoneId`. */
  async getRecordSet(zoneId: string, recordSetId: string): Promise<WireRecordSet | null> {
    const res = await this.getOrNull<GetRecordSetResponse>(`/zones/${seg(zoneId)}/recordsets/${seg(recordSetId)}`);
    return res ? res.recordSet : null;
  }

  /** null when missing. The server ignores the record set id and may return another zone's change. */
  async getRecordSetChange(zoneId: string, recordSetId: string, changeId: string): Promise<WireRecordSetChange | null> {
    const path = `/zones/${seg(zoneId)}/recordsets/${seg(recordSetId)}/changes/${seg(changeId)}`;
    const res = await this.getOrNull<WireRecordSetChange>(path);
    return res ? stripChangeSecrets(res) : null;
  }
}
