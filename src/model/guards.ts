// Checking what arrives as `unknown` (decoded cursors, JSON bodies) without casting it.

/** A plain object whose fields can be read and checked one by one. */
export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether `value` is one of `allowed` (a list of literals), narrowing it to their union. */
export const isOneOf = <T extends string>(allowed: readonly T[], value: string): value is T => allowed.some((a) => a === value);

/** The value when it is a string, else undefined: an optional text field of something parsed. */
export const optionalString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
