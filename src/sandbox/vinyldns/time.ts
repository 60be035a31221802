// Timestamps: the store keeps epoch milliseconds; the wire shows them truncated to whole seconds.

/** `YYYY-MM-DDTHH:MM:SSZ`, milliseconds truncated (never rounded), as the server serializes every date. */
export function formatTimestamp(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19) + 'Z';
}

/** Epoch ms of a wire timestamp plus an optional millisecond part (the wire drops it). */
export function timestampMs(iso: string, millis = 0): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad timestamp ${iso}`);
  return ms + millis;
}
