// Fault injection: the next N calls to get_domain_changes answer with a chosen failure instead
// of the real answer, so retry and UPSTREAM_UNAVAILABLE paths can be tested.

export type OpenSrsFault =
  /** HTTP 200 with `{success:false, error_number}`. */
  | { errorNumber: number }
  /** That HTTP status with a non-JSON body. */
  | { httpStatus: number }
  /** HTTP 200 with a body that is not JSON (cut off mid-object). */
  | { malformed: true }
  /** No answer at all until the client gives up (or the simulator closes). */
  | { hang: true }
  /** The connection is reset (TCP RST) without an answer. */
  | { reset: true };

export class FaultQueue {
  private readonly pending: Array<{ fault: OpenSrsFault; remaining: number }> = [];

  /** Queues `fault` for the next `times` calls, after any faults already queued. */
  add(fault: OpenSrsFault, times = 1): void {
    if (!Number.isInteger(times) || times < 1) throw new Error(`failNext: times must be an integer >= 1, got ${times}`);
    this.pending.push({ fault, remaining: times });
  }

  /** The fault for this call, if one is queued. */
  take(): OpenSrsFault | undefined {
    const head = this.pending[0];
    if (!head) return undefined;
    if (--head.remaining === 0) this.pending.shift();
    return head.fault;
  }

  clear(): void {
    this.pending.length = 0;
  }
}
