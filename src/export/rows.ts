// One exported change, in the two shapes the endpoint writes: the NDJSON object (common fields,
// the provider's own fields under `fields`, the feed cursor) and the CSV row (fixed columns, the
// cursor last). The common fields say what `Change` says in GraphQL, value for value.
import type { ProviderName } from '../errors.js';
import { encodeId } from '../model/ids.js';
import { fqdnOf } from '../model/names.js';
import { epochSeconds, isoSeconds } from '../model/time.js';
import type { ChangeModel } from '../parents/models.js';
import { recordText } from '../parents/record-text.js';
import { actorOf, changeSummary } from '../parents/summary.js';
import type { WireRecordSet } from '../providers/vinyldns/wire.js';

export interface ExportRecord {
  type: ChangeModel['__typename'];
  /** The change's global id (`Change.id`). */
  id: string;
  provider: ProviderName;
  /** `Change.occurredAt`: RFC 3339, UTC, whole seconds. */
  time: string;
  actor: string | null;
  summary: string;
  /** The provider's own record of the change (VinylDNS: the change with its record sets; OpenSRS: the log entry). */
  fields: Record<string, unknown>;
  /** The feed cursor of this change: `after=<cursor>` continues right after it. */
  cursor: string;
}

export function exportRecord(model: ChangeModel, cursor: string, actor?: string): ExportRecord {
  const common = {
    type: model.__typename,
    id: globalId(model),
    provider: providerOf(model),
    time: timeOf(model),
    actor: actor ?? actorOf(model),
    summary: changeSummary(model),
  };
  return { ...common, fields: providerFields(model), cursor };
}

const providerOf = (model: ChangeModel): ProviderName => (model.__typename === 'DomainChange' ? 'OPENSRS' : 'VINYLDNS');
const timeOf = (model: ChangeModel) => (model.__typename === 'DomainChange' ? isoSeconds(model.entry.time) : model.change.created);

function globalId(model: ChangeModel): string {
  switch (model.__typename) {
    case 'ZoneChange':
      return encodeId({ type: 'ZoneChange', zoneId: model.change.zone.id, changeId: model.change.id, time: epochSeconds(model.change.created) });
    case 'RecordSetChange':
      return encodeId({ type: 'RecordSetChange', zoneId: model.change.zone.id, recordSetId: model.change.recordSet.id, changeId: model.change.id });
    case 'DomainChange':
      return encodeId({ type: 'DomainChange', domain: model.domain, position: model.position });
  }
}

function providerFields(model: ChangeModel): Record<string, unknown> {
  switch (model.__typename) {
    case 'ZoneChange':
      // The zone as recorded with the change is what a zone change is about (its keys are already
      // stripped by the VinylDNS client).
      return { ...model.change };
    case 'RecordSetChange': {
      // The zone snapshot repeats on every record set change: its id and name are enough here.
      const { zone, ...change } = model.change;
      return { ...change, zone: { id: zone.id, name: zone.name } };
    }
    case 'DomainChange':
      return { domain: model.domain, position: model.position, ...model.entry };
  }
}

/** The CSV columns, in order (README "Exporting a history" documents each). */
export const CSV_COLUMNS = [
  'type',
  'id',
  'provider',
  'time',
  'actor',
  'summary',
  'change_id',
  'change_type',
  'status',
  'system_message',
  'user_id',
  'user_name',
  'zone_id',
  'zone_name',
  'record_set_id',
  'record_name',
  'record_type',
  'ttl',
  'records',
  'previous_records',
  'batch_change_ids',
  'domain',
  'application',
  'message',
  'cursor',
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];
type CsvValue = string | number | null;

const recordsOf = (rs: WireRecordSet | undefined) => (rs ? rs.records.map((r) => recordText(rs.type, r)).join(', ') : null);

/** One CSV row, in CSV_COLUMNS order; absent values are empty cells. */
export function csvRow(model: ChangeModel, cursor: string, actor?: string): CsvValue[] {
  const row: Partial<Record<CsvColumn, CsvValue>> = {
    type: model.__typename,
    id: globalId(model),
    provider: providerOf(model),
    time: timeOf(model),
    actor: actor ?? actorOf(model),
    summary: changeSummary(model),
    cursor,
  };
  if (model.__typename === 'DomainChange') {
    Object.assign(row, { domain: model.domain, application: model.entry.application, message: model.entry.msg, user_name: model.entry.user });
  } else {
    const c = model.change;
    Object.assign(row, {
      change_id: c.id,
      change_type: c.changeType,
      status: c.status,
      system_message: c.systemMessage ?? null,
      user_id: c.userId,
      zone_id: c.zone.id,
      zone_name: c.zone.name,
    });
  }
  if (model.__typename === 'RecordSetChange') {
    const c = model.change;
    const rs = c.recordSet;
    Object.assign(row, {
      user_name: c.userName ?? null,
      record_set_id: rs.id,
      record_name: rs.fqdn ?? fqdnOf(rs.name, c.zone.name),
      record_type: rs.type,
      ttl: rs.ttl,
      records: recordsOf(rs),
      previous_records: recordsOf(c.updates),
      batch_change_ids: c.singleBatchChangeIds?.join(' ') ?? null,
    });
  }
  return CSV_COLUMNS.map((column) => row[column] ?? null);
}
