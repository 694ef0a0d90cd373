import { chiSquareTest } from '../stats/chi-square-test.js';
import { bonferroniMultiplier, exhaustiveBonferroniMultiplier, type MergeKind } from './bonferroni-multiplier.js';
import type { TreeStatistic } from './tree-types.js';

/** One predictor in one node: the counts CHAID merges. */
export interface MergeCategoriesInput {
  /** Per predictor category (in order when `ordered`), the count of each target category. */
  counts: readonly (readonly number[])[];
  /** Ordinal (and binned continuous) predictors: only adjacent categories may merge. */
  ordered: boolean;
  /**
   * Index in `counts` of the missing category, or null. For an ordered predictor it
   * floats (SPSS: the best groups are formed without it, then it joins its most similar
   * group or stays alone, whichever gives the smaller p); for a nominal predictor it is
   * an ordinary category.
   */
  missing: number | null;
}

/** Settings of {@link mergeCategories} (those of `ChaidOptions` that act on one predictor). */
export interface MergeCategoriesOptions {
  alphaMerge: number;
  minChild: number;
  statistic: TreeStatistic;
  exhaustive: boolean;
  splitMerged: boolean;
  alphaSplitMerge: number;
  bonferroni: boolean;
}

/** The best groups of one predictor in one node, with the test of groups × target. */
export interface MergeCategoriesResult {
  /** Groups of category indices (into `counts`), each ascending; ordered groups in order, a missing-only group last. */
  groups: number[][];
  statistic: number;
  df: number;
  p: number;
  /** min(1, p × multiplier) when Bonferroni adjustment is on, else p. */
  pAdjusted: number;
  multiplier: number;
  /** Categories with at least one case (c of the multiplier, counting the missing category). */
  categoriesInNode: number;
  kind: MergeKind;
}

interface Test {
  statistic: number;
  df: number;
  p: number;
}

const NO_TEST: Test = { statistic: 0, df: 0, p: 1 };

function sumRows(counts: readonly (readonly number[])[], members: readonly number[]): number[] {
  const out = counts[members[0]!]!.slice();
  for (let k = 1; k < members.length; k++) {
    const row = counts[members[k]!]!;
    for (let j = 0; j < out.length; j++) out[j]! += row[j]!;
  }
  return out;
}

function total(row: readonly number[]): number {
  let s = 0;
  for (const v of row) s += v;
  return s;
}

/** Chi-square of rows × target; a table with fewer than two non-empty columns has nothing to test (p = 1). */
function testRows(rows: number[][], statistic: TreeStatistic): Test {
  let nonEmptyCols = 0;
  for (let j = 0; j < rows[0]!.length; j++) {
    let s = 0;
    for (const r of rows) s += r[j]!;
    if (s > 0) nonEmptyCols++;
  }
  const nonEmptyRows = rows.filter((r) => total(r) > 0).length;
  if (nonEmptyCols < 2 || nonEmptyRows < 2) return NO_TEST;
  const t = chiSquareTest(rows, { statistic });
  return { statistic: t.statistic, df: t.df, p: t.p };
}

/** a is better (less similar, for splitting) than b: smaller p, then larger statistic. */
function moreSignificant(a: Test, b: Test): boolean {
  return a.p < b.p || (a.p === b.p && a.statistic > b.statistic);
}

/** a is more similar (for merging) than b: larger p, then larger statistic (as the CHAID package breaks ties). */
function moreSimilar(a: Test, b: Test): boolean {
  return a.p > b.p || (a.p === b.p && a.statistic > b.statistic);
}

function signature(groups: readonly (readonly number[])[]): string {
  return groups
    .map((g) => g.join(','))
    .sort()
    .join('|');
}

class Merger {
  private readonly rowCache = new Map<string, number[]>();

  constructor(
    private readonly counts: readonly (readonly number[])[],
    private readonly statistic: TreeStatistic,
  ) {}

  row(group: readonly number[]): number[] {
    const key = group.join(',');
    let r = this.rowCache.get(key);
    if (!r) {
      r = sumRows(this.counts, group);
      this.rowCache.set(key, r);
    }
    return r;
  }

  size(group: readonly number[]): number {
    return total(this.row(group));
  }

  pair(a: readonly number[], b: readonly number[]): Test {
    return testRows([this.row(a), this.row(b)], this.statistic);
  }

  all(groups: readonly (readonly number[])[]): Test {
    return testRows(
      groups.map((g) => this.row(g)),
      this.statistic,
    );
  }

  /** The allowable pair (indices into groups) that is most similar. */
  mostSimilarPair(groups: number[][], ordered: boolean): { i: number; j: number; test: Test } | null {
    let best: { i: number; j: number; test: Test } | null = null;
    for (let i = 0; i < groups.length; i++) {
      const jEnd = ordered ? Math.min(i + 2, groups.length) : groups.length;
      for (let j = i + 1; j < jEnd; j++) {
        const test = this.pair(groups[i]!, groups[j]!);
        if (best === null || moreSimilar(test, best.test)) best = { i, j, test };
      }
    }
    return best;
  }

  /** The most significant binary split of a compound group (ordered: at a cut point; nominal: any two-part split). */
  bestBinarySplit(group: readonly number[], ordered: boolean): { parts: [number[], number[]]; test: Test } | null {
    const m = group.length;
    let best: { parts: [number[], number[]]; test: Test } | null = null;
    const consider = (a: number[], b: number[]): void => {
      const test = this.pair(a, b);
      if (best === null || moreSignificant(test, best.test)) best = { parts: [a, b], test };
    };
    if (ordered) {
      for (let k = 1; k < m; k++) consider(group.slice(0, k), group.slice(k));
    } else {
      if (m > 16) return null; // 2^15 splits: beyond what re-splitting is meant for
      const limit = 1 << (m - 1);
      for (let mask = 1; mask < limit; mask++) {
        const a = [group[0]!];
        const b: number[] = [];
        for (let k = 1; k < m; k++) ((mask >> (k - 1)) & 1 ? b : a).push(group[k]!);
        consider(a, b);
      }
    }
    return best;
  }
}

function mergeAt(groups: number[][], i: number, j: number): { groups: number[][]; merged: number[] } {
  const merged = [...groups[i]!, ...groups[j]!].sort((x, y) => x - y);
  const out = groups.slice();
  out[i] = merged;
  out.splice(j, 1);
  return { groups: out, merged };
}

/**
 * CHAID's merging step for one predictor in one node (Kass 1980, as the SPSS TREE
 * algorithm): while more than two groups remain, the allowable pair (any pair for a
 * nominal predictor, adjacent groups for an ordered one) whose pairwise chi-square gives
 * the largest p is merged if that p > alphaMerge (ties: larger statistic, then first
 * pair); with `splitMerged`, a merged group of three or more categories is split again at
 * its most significant binary split when that p <= alphaSplitMerge (a partition is never
 * revisited, so this ends). Exhaustive CHAID merges on down to two groups regardless of
 * alphaMerge and keeps the set of groups with the smallest p. A floating missing category
 * then joins its most similar group or stays alone, whichever gives the smaller (adjusted)
 * p. Finally every group with fewer than minChild cases is merged, smallest first, with
 * its most similar allowable neighbour. The groups × target table is tested and the p
 * adjusted by the Bonferroni multiplier (`bonferroniMultiplier`, or
 * `exhaustiveBonferroniMultiplier`).
 *
 * Cost: O(c³) chi-square tests of 2 × J tables for c categories (nominal re-splitting:
 * up to 2^(g−1) tests per merged group of g categories, skipped above 16).
 *
 * @returns null when fewer than two groups are left (one category in the node, or the
 *   minimum child size cannot be met), or the target takes one value only.
 * @throws if counts is empty or ragged, `missing` is not an index of counts, or (ordered)
 *   the missing category is not the last.
 * @example
 * mergeCategories({ counts: [[40, 10], [38, 12], [10, 40]], ordered: false, missing: null },
 *   { alphaMerge: 0.05, minChild: 1, statistic: 'pearson', exhaustive: false, splitMerged: false, alphaSplitMerge: 0.05, bonferroni: true })
 * // groups [[0, 1], [2]]: the first two categories merge (p = 0.64), the third differs
 */
export function mergeCategories(input: MergeCategoriesInput, options: MergeCategoriesOptions): MergeCategoriesResult | null {
  const { counts, ordered, missing } = input;
  if (counts.length === 0) throw new Error('mergeCategories requires at least one category, got 0');
  const width = counts[0]!.length;
  for (const row of counts) {
    if (row.length !== width) throw new Error(`mergeCategories requires rows of equal length, got ${row.length} and ${width}`);
  }
  if (missing !== null && !(Number.isInteger(missing) && missing >= 0 && missing < counts.length)) {
    throw new Error(`mergeCategories requires missing to be null or an index of counts, got ${String(missing)}`);
  }
  if (ordered && missing !== null && missing !== counts.length - 1) {
    throw new Error(`mergeCategories requires the missing category of an ordered predictor to be the last, got index ${missing} of ${counts.length}`);
  }
  const merger = new Merger(counts, options.statistic);
  const present = counts.flatMap((row, i) => (total(row) > 0 ? [i] : []));
  const categoriesInNode = present.length;
  if (categoriesInNode < 2) return null;
  const missingPresent = missing !== null && present.includes(missing);
  const floating = ordered && missingPresent;
  const kind: MergeKind = ordered ? (floating ? 'floating' : 'ordinal') : 'nominal';
  const multiplierFor = (r: number): number =>
    !options.bonferroni
      ? 1
      : options.exhaustive
        ? exhaustiveBonferroniMultiplier(categoriesInNode, kind)
        : bonferroniMultiplier(categoriesInNode, r, kind);
  const adjusted = (t: Test, r: number): number => Math.min(1, t.p * multiplierFor(r));

  /** Adds the floating category to a partition of the ordered categories: alone or with its most similar group. */
  const withFloating = (groups: number[][], byAdjusted: boolean): { groups: number[][]; test: Test } => {
    if (!floating) return { groups, test: merger.all(groups) };
    const alone = [...groups, [missing!]];
    const aloneTest = merger.all(alone);
    if (groups.length === 0) return { groups: alone, test: aloneTest };
    let bestK = 0;
    let bestPair: Test | null = null;
    for (let k = 0; k < groups.length; k++) {
      const t = merger.pair(groups[k]!, [missing!]);
      if (bestPair === null || moreSimilar(t, bestPair)) {
        bestPair = t;
        bestK = k;
      }
    }
    const joined = groups.map((g, k) => (k === bestK ? [...g, missing!].sort((x, y) => x - y) : g));
    const joinedTest = joined.length >= 2 ? merger.all(joined) : NO_TEST;
    const key = (t: Test, r: number): Test => (byAdjusted ? { ...t, p: adjusted(t, r) } : t);
    return moreSignificant(key(joinedTest, joined.length), key(aloneTest, alone.length))
      ? { groups: joined, test: joinedTest }
      : { groups: alone, test: aloneTest };
  };

  let groups: number[][] = (floating ? present.filter((i) => i !== missing) : present).map((i) => [i]);

  if (options.exhaustive) {
    let best = withFloating(groups, false);
    while (groups.length > 2) {
      const pair = merger.mostSimilarPair(groups, ordered)!;
      groups = mergeAt(groups, pair.i, pair.j).groups;
      const candidate = withFloating(groups, false);
      if (moreSignificant(candidate.test, best.test)) best = candidate;
    }
    groups = best.groups;
  } else {
    const seen = new Set<string>([signature(groups)]);
    while (groups.length > 2) {
      const pair = merger.mostSimilarPair(groups, ordered)!;
      if (!(pair.test.p > options.alphaMerge)) break;
      const step = mergeAt(groups, pair.i, pair.j);
      groups = step.groups;
      if (options.splitMerged && step.merged.length >= 3) {
        const split = merger.bestBinarySplit(step.merged, ordered);
        if (split && split.test.p <= options.alphaSplitMerge) {
          const at = groups.indexOf(step.merged);
          const candidate = groups.slice();
          candidate.splice(at, 1, split.parts[0], split.parts[1]);
          if (!ordered) candidate.sort((a, b) => a[0]! - b[0]!);
          if (!seen.has(signature(candidate))) groups = candidate;
        }
      }
      seen.add(signature(groups));
    }
    groups = withFloating(groups, true).groups;
  }

  // Minimum child size: the smallest too-small group joins its most similar allowable neighbour.
  const isMissingOnly = (g: readonly number[]): boolean => floating && g.length === 1 && g[0] === missing;
  for (;;) {
    if (groups.length < 2) return null;
    let small = -1;
    for (let k = 0; k < groups.length; k++) {
      const n = merger.size(groups[k]!);
      if (n < options.minChild && (small < 0 || n < merger.size(groups[small]!))) small = k;
    }
    if (small < 0) break;
    let partner = -1;
    let partnerTest: Test | null = null;
    const ordinalGroups = groups.flatMap((g, k) => (isMissingOnly(g) ? [] : [k]));
    for (let k = 0; k < groups.length; k++) {
      if (k === small) continue;
      let allowed = true;
      if (ordered && !isMissingOnly(groups[small]!) && !isMissingOnly(groups[k]!)) {
        allowed = Math.abs(ordinalGroups.indexOf(k) - ordinalGroups.indexOf(small)) === 1;
      }
      if (!allowed) continue;
      const t = merger.pair(groups[small]!, groups[k]!);
      if (partnerTest === null || moreSimilar(t, partnerTest)) {
        partnerTest = t;
        partner = k;
      }
    }
    const [i, j] = small < partner ? [small, partner] : [partner, small];
    groups = mergeAt(groups, i, j).groups;
    if (ordered) {
      // keep a group that holds ordered categories before a missing-only group
      groups.sort((a, b) => (isMissingOnly(a) ? 1 : 0) - (isMissingOnly(b) ? 1 : 0) || a[0]! - b[0]!);
    }
  }

  const test = merger.all(groups);
  if (test.df === 0) return null;
  const multiplier = multiplierFor(groups.length);
  return {
    groups,
    statistic: test.statistic,
    df: test.df,
    p: test.p,
    pAdjusted: options.bonferroni ? Math.min(1, test.p * multiplier) : test.p,
    multiplier,
    categoriesInNode,
    kind,
  };
}
