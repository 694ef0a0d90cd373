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
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const ranks = new Array<number>(n);
  const tieSizes: number[] = [];
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && values[order[j + 1]!] === values[order[i]!]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k]!] = rank;
    tieSizes.push(j - i + 1);
    i = j + 1;
  }
  return { ranks, tieSizes };
}
