// Upstream timestamps: VinylDNS sends `YYYY-MM-DDTHH:MM:SSZ`; OpenSRS sends epoch seconds.

/** Epoch seconds of a VinylDNS timestamp (NaN when it is not one). */
export const epochSeconds = (timestamp: string): number => Math.floor(Date.parse(timestamp) / 1000);

/** `YYYY-MM-DDTHH:MM:SSZ`: second precision, the form both upstreams record. */
export const isoSeconds = (epochSecondsValue: number): string => new Date(epochSecondsValue * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
