// Failure bodies as the simulator sends them: `{success:false, error_number, error}`. The texts
// for 1 and 2 are the server's (contract §5.1); the others are our paraphrases.
import type { WireFailure } from '../../providers/opensrs/wire.js';

const TEXTS: Record<number, string> = {
  0: 'Internal server error',
  1: 'Invalid credentials supplied in request',
  2: 'The requested object does not exist',
  5: 'Request is badly formatted',
  9: 'Permission denied: you are not the owner of the requested object',
  20: 'A system error occurred; please try again later',
  21: 'Requests from this IP address are not permitted for this user',
  22: 'The requested object is temporarily unavailable; please try again in a few minutes',
  25: 'Could not obtain the provisioning lock; please try again in a few minutes',
  28: 'Internal error',
  29: 'Internal error: could not connect',
  30: 'Internal error: could not send',
  32: 'This admin account is disabled',
  33: 'Two-factor authentication is required',
};

export function failure(errorNumber: number, detail?: string): WireFailure {
  const text = TEXTS[errorNumber] ?? `Error ${errorNumber}`;
  return { success: false, error_number: errorNumber, error: detail ? `${text}: ${detail}` : text };
}
