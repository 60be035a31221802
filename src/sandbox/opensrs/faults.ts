// Fault injection for the OpenSRS simulator: the transport faults both simulators share, plus
// an API failure (HTTP 200 with `success: false`).
import type { TransportFault } from '../faults.js';

export { FaultQueue } from '../faults.js';

export type OpenSrsFault =
  /** HTTP 200 with `{success:false, error_number}`. */
  { errorNumber: number } | TransportFault;
