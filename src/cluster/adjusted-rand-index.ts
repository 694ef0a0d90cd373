/**
 * Adjusted Rand index (Hubert & Arabie 1985) between two partitions of the same items:
 * 1 for identical partitions (whatever the labels), about 0 for unrelated ones, as
 * scikit-learn's `adjusted_rand_score`. Labels may be numbers or strings; null marks an item
 * left out of the comparison (it must be null in both, or in either: such items are skipped
 * and counted in no pair).
 *
 * Cost: O(n + r·c) for r and c distinct labels.
 *
 * @throws if the two labellings differ in length or fewer than 2 items are compared.
 * @example adjustedRandIndex([0, 0, 1, 1], ['b', 'b', 'a', 'a']) // 1
 */
export function adjustedRandIndex(
  a: ArrayLike<number | string | null>,
  b: ArrayLike<number | string | null>,
): number {
  if (a.length !== b.length) {
    throw new Error(`adjustedRandIndex requires labellings of equal length, got ${a.length} and ${b.length}`);
  }
  const ids = (xs: ArrayLike<number | string | null>): Map<number | string, number> => {
    const m = new Map<number | string, number>();
    for (let i = 0; i < xs.length; i++) {
      const v = xs[i];
      if (v !== null && v !== undefined && !m.has(v)) m.set(v, m.size);
    }
    return m;
  };
  const ia = ids(a);
  const ib = ids(b);
  const table = new Float64Array(ia.size * ib.size);
  let n = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === null || x === undefined || y === null || y === undefined) continue;
    table[ia.get(x)! * ib.size + ib.get(y)!]++;
    n++;
  }
  if (n < 2) throw new Error(`adjustedRandIndex requires at least 2 items labelled in both, got ${n}`);
  const comb2 = (v: number): number => (v * (v - 1)) / 2;
  let sumCells = 0;
  const rowSums = new Float64Array(ia.size);
  const colSums = new Float64Array(ib.size);
  for (let r = 0; r < ia.size; r++) {
    for (let c = 0; c < ib.size; c++) {
      const v = table[r * ib.size + c]!;
      sumCells += comb2(v);
      rowSums[r] += v;
      colSums[c] += v;
    }
  }
  let sumRows = 0;
  for (const v of rowSums) sumRows += comb2(v);
  let sumCols = 0;
  for (const v of colSums) sumCols += comb2(v);
  const expected = (sumRows * sumCols) / comb2(n);
  const maxIndex = (sumRows + sumCols) / 2;
  // Both partitions trivial (all one cluster, or all singletons): scikit-learn returns 1.
  if (maxIndex === expected) return 1;
  return (sumCells - expected) / (maxIndex - expected);
}
