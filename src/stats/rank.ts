/**
 * Internal ranking helper (not re-exported): average ranks (1-based, ties get the mean of
 * the ranks they span, as R `rank(ties.method = "average")` and scipy `rankdata`) and the
 * sizes of the tie groups (one entry per distinct value, in increasing order).
 *
 * Cost: O(n log n). Does not check its input (callers validate first).
 * @example averageRanks([10, 20, 10]) // { ranks: [1.5, 3, 1.5], tieSizes: [2, 1] }
 */
export function averageRanks(values: readonly number[]): { ranks: number[]; tieSizes: number[] } {
  const n = values.length;
  const counted = countingRanks(values);
  if (counted) return counted;
  // Sort a typed copy natively, give each distinct value its average rank, then look each
  // value up: O(n log n) with no comparator calls.
  const sorted = Float64Array.from(values).sort();
  const rankOf = new Map<number, number>();
  const tieSizes: number[] = [];
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && sorted[j + 1] === sorted[i]) j++;
    rankOf.set(sorted[i]!, (i + j) / 2 + 1);
    tieSizes.push(j - i + 1);
    i = j + 1;
  }
  const ranks = new Array<number>(n);
  for (let k = 0; k < n; k++) ranks[k] = rankOf.get(values[k]!)!;
  return { ranks, tieSizes };
}

/** Widest range of whole-number values ranked by counting rather than sorting. */
const COUNTING_RANGE = 1 << 16;

/**
 * Average ranks of whole numbers within a narrow range (readings, differences of
 * readings) by counting: O(n + range), the same ranks and tie sizes as sorting. Null when
 * the values are not all whole numbers within COUNTING_RANGE of each other.
 */
function countingRanks(values: readonly number[]): { ranks: number[]; tieSizes: number[] } | null {
  const n = values.length;
  if (n === 0) return null;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (!Number.isInteger(v)) return null;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (hi - lo >= COUNTING_RANGE) return null;
  const counts = new Float64Array(hi - lo + 1);
  for (let i = 0; i < n; i++) counts[values[i]! - lo]! += 1;
  const rankOf = new Float64Array(counts.length);
  const tieSizes: number[] = [];
  let below = 0;
  for (let v = 0; v < counts.length; v++) {
    const c = counts[v]!;
    if (c === 0) continue;
    rankOf[v] = below + (c + 1) / 2;
    tieSizes.push(c);
    below += c;
  }
  const ranks = new Array<number>(n);
  for (let i = 0; i < n; i++) ranks[i] = rankOf[values[i]! - lo]!;
  return { ranks, tieSizes };
}
