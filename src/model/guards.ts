// Checking what arrives as `unknown` (decoded cursors, JSON bodies) without casting it.

/** A plain object whose fields can be read and checked one by one. */
export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
