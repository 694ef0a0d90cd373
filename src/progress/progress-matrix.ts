import { percentOf } from './percent-of.js';
import { SEGMENTS, type FamilyProgress, type ProgressCategories, type ProgressMatrix } from './types.js';

/**
 * The 3×3 progress matrix of the given families in the analysis (rows: start segment,
 * columns: end segment, Lower / Middle / Higher) with percentages of all of them, and the
 * categories: above the diagonal up (higher than average progress), on it same (as
 * expected), below it down (lower than average progress). Cost: O(families).
 * @param families indices of families in the analysis (from `eligibleFamilies`).
 * @example progressMatrix(progress, eligibleFamilies(progress)).categories.up
 */
export function progressMatrix(
  progress: FamilyProgress,
  families: readonly number[],
): { matrix: ProgressMatrix; categories: ProgressCategories } {
  const counts = [0, 1, 2].map(() => [0, 0, 0]);
  for (let fi = 0; fi < families.length; fi++) {
    const f = families[fi]!;
    const s = progress.startSegment[f]!;
    const e = progress.endSegment[f]!;
    if (s < 0 || e < 0) throw new Error(`progressMatrix requires families in the analysis, got family index ${f} without segments`);
    counts[s]![e]!++;
  }
  const total = families.length;
  const rowTotals = counts.map((row) => row[0]! + row[1]! + row[2]!);
  const columnTotals = [0, 1, 2].map((j) => counts[0]![j]! + counts[1]![j]! + counts[2]![j]!);
  let up = 0;
  let same = 0;
  let down = 0;
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      if (j > i) up += counts[i]![j]!;
      else if (j === i) same += counts[i]![j]!;
      else down += counts[i]![j]!;
    }
  }
  return {
    matrix: {
      segments: [...SEGMENTS],
      counts,
      percent: counts.map((row) => row.map((x) => percentOf(x, total))),
      rowTotals,
      columnTotals,
      rowPercent: rowTotals.map((x) => percentOf(x, total)),
      columnPercent: columnTotals.map((x) => percentOf(x, total)),
      total,
    },
    categories: {
      up,
      same,
      down,
      upPercent: percentOf(up, total),
      samePercent: percentOf(same, total),
      downPercent: percentOf(down, total),
      denominator: total,
    },
  };
}
