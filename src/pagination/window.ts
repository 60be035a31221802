// The Relay window over a list addressed by index: which slice a page holds and whether pages
// exist before and after it. Mirrors graphql-relay's connectionFromArraySlice over a full list,
// so results match connectionFromArray (cursors aside); test/pagination/window.test.ts proves it.

export interface WindowInput {
  /** Index of the `after` edge. */
  after?: number;
  /** Index of the `before` edge. */
  before?: number;
  first?: number;
  last?: number;
  /**
   * The list's length. When neither `before` nor `last` is given, a length truncated to
   * `(after + 1) + first + 1` gives the same window, which saves reading to the end.
   */
  length: number;
}

export interface Window {
  /** First index of the page (inclusive). */
  start: number;
  /** End of the page (exclusive); `end <= start` means an empty page. */
  end: number;
  hasPreviousPage: boolean;
  hasNextPage: boolean;
}

export function relayWindow({ after, before, first, last, length }: WindowInput): Window {
  const beforeOffset = before ?? length;
  const afterOffset = after ?? -1;
  let start = Math.max(afterOffset, -1) + 1;
  let end = Math.min(beforeOffset, length);
  if (first !== undefined) end = Math.min(end, start + first);
  if (last !== undefined) start = Math.max(start, end - last);
  const lowerBound = after !== undefined ? afterOffset + 1 : 0;
  const upperBound = before !== undefined ? beforeOffset : length;
  return {
    start,
    end,
    hasPreviousPage: last !== undefined ? start > lowerBound : false,
    hasNextPage: first !== undefined ? end < upperBound : false,
  };
}
