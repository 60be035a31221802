// Newest-first paging over OpenSRS's oldest-first change log (contract §4 "Newest-first paging").

/**
 * The oldest-first `range` that covers the `count` newest-first items starting at
 * `offsetFromNewest` (0 = the newest change), given the log's `total`. Reverse the page to get
 * newest-first order. null when nothing is there: an empty log, an offset at or past the end, or
 * count 0. The returned `limit` is at most `count`; callers keep `count` within the client's
 * page size (100).
 */
export function newestFirstRange(total: number, offsetFromNewest: number, count: number): { first: number; limit: number } | null {
  for (const [name, value] of [
    ['total', total],
    ['offsetFromNewest', offsetFromNewest],
    ['count', count],
  ] as const) {
    if (!Number.isSafeInteger(value) || value < 0) throw new Error(`newestFirstRange: ${name} must be an integer >= 0, got ${value}`);
  }
  const end = total - offsetFromNewest; // exclusive, oldest-first
  const first = Math.max(0, end - count);
  if (end <= first) return null;
  return { first, limit: end - first };
}
