// How the simulated server orders names: the database's case-insensitive collation.

/** Case-insensitive comparison, standing in for the database collation. */
export function compareText(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}
