/**
 * The p-th percentile (0 ≤ p ≤ 1) with linear interpolation between the closest ranks — the method
 * of Excel's PERCENTILE.INC and of most statistics packages, so a reader can check the figure in a
 * spreadsheet. With rank h = (n − 1)·p, the answer is x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋+1 − x⌊h⌋). The median
 * is p = 0.5 (for an even count: the mean of the two middle values). Null for no values.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`percentile ${p} is not between 0 and 1`);
  if (values.length === 0) return null;
  const sorted = values.toSorted((a, b) => a - b);
  const rank = (sorted.length - 1) * p;
  const lower = Math.floor(rank);
  const low = sorted[lower]!;
  const high = sorted[Math.min(lower + 1, sorted.length - 1)]!;
  return low + (rank - lower) * (high - low);
}
