/**
 * A count as a percentage of its denominator, rounded to 2 decimals; null when the
 * denominator is 0. Cost: O(1).
 * @example percentOf(1, 3) // 33.33
 */
export function percentOf(count: number, denominator: number): number | null {
  if (denominator === 0) return null;
  return Math.round((count / denominator) * 10000) / 100;
}
