// Opaque global ids: base64url of a JSON array [type, ...keys]. Snapshots recorded inside changes
// get ids of their own (the change's keys), so normalised client caches never overwrite the
// zone or record set as it is now with how it was then.
import { BadUserInputError } from '../errors.js';

export type GlobalId =
  | { type: 'Zone'; zoneId: string }
  | { type: 'ZoneSnapshot'; zoneId: string; changeId: string; time: number }
  | { type: 'ZoneChange'; zoneId: string; changeId: string; time: number }
  | { type: 'RecordSet'; zoneId: string; recordSetId: string }
  | { type: 'RecordSetSnapshot'; zoneId: string; recordSetId: string; changeId: string; which: 'new' | 'old' }
  | { type: 'RecordSetChange'; zoneId: string; recordSetId: string; changeId: string }
  | { type: 'Domain'; name: string }
  | { type: 'DomainChange'; domain: string; position: number }
  | { type: 'User'; userId: string }
  | { type: 'BatchChange'; batchChangeId: string }
  | { type: 'Group'; groupId: string }
  | { type: 'GroupChange'; changeId: string }
  | { type: 'DeletedZone'; zoneId: string; name: string }
  | { type: 'MailUser'; name: string }
  | { type: 'Company'; name: string }
  | { type: 'MailUserChange'; name: string; position: number }
  | { type: 'CompanyChange'; name: string; position: number };

const FIELDS: { [K in GlobalId['type']]: (keyof Extract<GlobalId, { type: K }>)[] } = {
  Zone: ['zoneId'],
  ZoneSnapshot: ['zoneId', 'changeId', 'time'],
  ZoneChange: ['zoneId', 'changeId', 'time'],
  RecordSet: ['zoneId', 'recordSetId'],
  RecordSetSnapshot: ['zoneId', 'recordSetId', 'changeId', 'which'],
  RecordSetChange: ['zoneId', 'recordSetId', 'changeId'],
  Domain: ['name'],
  DomainChange: ['domain', 'position'],
  User: ['userId'],
  BatchChange: ['batchChangeId'],
  Group: ['groupId'],
  GroupChange: ['changeId'],
  DeletedZone: ['zoneId', 'name'],
  MailUser: ['name'],
  Company: ['name'],
  MailUserChange: ['name', 'position'],
  CompanyChange: ['name', 'position'],
};

const isIdType = (value: unknown): value is GlobalId['type'] => typeof value === 'string' && Object.hasOwn(FIELDS, value);

export function encodeId(id: GlobalId): string {
  const fields: readonly string[] = FIELDS[id.type];
  const values: Record<string, unknown> = id;
  const keys = fields.map((f) => values[f]);
  return Buffer.from(JSON.stringify([id.type, ...keys]), 'utf8').toString('base64url');
}

/** Decodes a global id, or throws BAD_USER_INPUT. */
export function decodeId(id: string): GlobalId {
  const invalid = () => new BadUserInputError(`"${id.length > 80 ? `${id.slice(0, 80)}…` : id}" is not a valid id of this gateway`, { argument: 'id' });
  if (id.length > 1024 || !/^[A-Za-z0-9_-]+$/.test(id)) throw invalid();
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(id, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parts)) throw invalid();
  const type: unknown = parts[0];
  if (!isIdType(type)) throw invalid();
  const fields: readonly string[] = FIELDS[type];
  if (parts.length !== fields.length + 1) throw invalid();
  const out: Record<string, unknown> = { type };
  fields.forEach((f, k) => (out[f] = parts[k + 1]));
  const ok = fields.every((f) => {
    const v = out[f];
    if (f === 'time' || f === 'position') return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
    if (f === 'which') return v === 'new' || v === 'old';
    return typeof v === 'string' && v.length > 0 && v.length <= 255;
  });
  if (!ok) throw invalid();
  // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- every field FIELDS names for this type was checked just above
  return out as unknown as GlobalId;
}
