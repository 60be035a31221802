// VinylDNS enumerations arrive in PascalCase and may gain values; GraphQL enums are UPPER_SNAKE
// and closed, so unknown values become UNKNOWN instead of failing the response.
import { isOneOf } from '../model/guards.js';

export function toEnum<E extends string>(value: string | undefined, allowed: readonly E[]): E | 'UNKNOWN' {
  if (value === undefined) return 'UNKNOWN';
  const upper = value.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
  return isOneOf(allowed, upper) ? upper : 'UNKNOWN';
}

export const ACCESS_LEVELS = ['NO_ACCESS', 'READ', 'WRITE', 'DELETE'] as const;
export const ZONE_STATUSES = ['ACTIVE', 'SYNCING', 'DELETED'] as const;
export const ZONE_CHANGE_TYPES = ['CREATE', 'UPDATE', 'DELETE', 'SYNC', 'AUTOMATED_SYNC'] as const;
export const ZONE_CHANGE_STATUSES = ['PENDING', 'SYNCED', 'FAILED'] as const;
export const RECORD_SET_CHANGE_TYPES = ['CREATE', 'UPDATE', 'DELETE', 'SYNC'] as const;
export const RECORD_SET_CHANGE_STATUSES = ['PENDING', 'COMPLETE', 'FAILED', 'SYNCED'] as const;
export const RECORD_SET_STATUSES = ['ACTIVE', 'INACTIVE', 'PENDING', 'PENDING_UPDATE', 'PENDING_DELETE'] as const;
export const RECORD_TYPES = ['A', 'AAAA', 'CNAME', 'DS', 'MX', 'NAPTR', 'NS', 'PTR', 'SOA', 'SPF', 'SRV', 'SSHFP', 'TXT'] as const;
