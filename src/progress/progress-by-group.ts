import type { Cohort, FamilyGrouping } from '../cohort/types.js';
import { P_ADJUST_METHODS, pAdjust, type PAdjustMethod } from '../stats/p-adjust.js';
import { twoProportionTest } from '../stats/two-proportion-test.js';
import { computeFamilyProgress } from './compute-family-progress.js';
import { percentOf } from './percent-of.js';
import { progressSummary } from './progress-summary.js';
import type {
  FamilyGroupSets,
  FamilyProgress,
  GroupShareTest,
  ProgressByGroupResult,
  ProgressGroup,
  ProgressOptions,
} from './types.js';

export interface ProgressByGroupOptions extends ProgressOptions {
  /** Adjustment of the 2 × groups p-values (default 'holm'). */
  pAdjust?: PAdjustMethod;
  /** Level below which an adjusted p marks a group as higher or lower than the rest (default 0.05). */
  alpha?: number;
}

const TEST_TEXT =
  "Each group's share of families moving up (and down) in the matrix against the rest (families in the analysis that are in some other group and not in this one): " +
  'two-proportion z test, pooled, two-sided, no continuity correction (src/stats/two-proportion-test.ts); ' +
  'p adjusted together over all the up and down tests of the grouping. Families in no group are in no test. Bands are fitted once on the whole cohort.';

/**
 * Progress by group: for every group of a grouping (need cluster, service, age band, any
 * column) the matrix, categories and domain progress of its families, and its share
 * moving up and moving down tested against the rest, p adjusted (Holm by default) over all
 * the tests, as the evaluation listed clusters with higher and lower than average
 * progress. A `FamilyGrouping` puts each family in at most one group; `FamilyGroupSets`
 * (e.g. `ageBandGrouping`) may put a family in several, and then the groups overlap.
 * Pass a `FamilyProgress` from `computeFamilyProgress` to reuse it (its options win).
 * Cost: one progress summary per group plus O(groups) tests.
 * @throws when the grouping does not have one value per family, a value is not text, alpha
 *   is not in (0, 1), or the adjustment method is unknown; and as `computeFamilyProgress`.
 * @example progressByGroup(cohort, { name: 'service', values }).groups[0].up.pAdjusted
 */
export function progressByGroup(
  input: Cohort | FamilyProgress,
  grouping: FamilyGrouping | FamilyGroupSets,
  options: ProgressByGroupOptions = {},
): ProgressByGroupResult {
  const method = options.pAdjust ?? 'holm';
  if (!P_ADJUST_METHODS.includes(method)) throw new Error(`progressByGroup requires pAdjust to be one of ${P_ADJUST_METHODS.join(', ')}, got ${String(method)}`);
  const alpha = options.alpha ?? 0.05;
  if (!(alpha > 0 && alpha < 1)) throw new Error(`progressByGroup requires alpha in (0, 1), got ${alpha}`);
  const progress = 'kind' in input && input.kind === 'familyProgress' ? input : computeFamilyProgress(input as Cohort, options);
  const F = progress.familyCount;

  if (typeof grouping.name !== 'string' || grouping.name.trim() === '') {
    throw new Error(`progressByGroup requires a grouping with a non-empty name, got ${JSON.stringify(grouping.name)}`);
  }
  if (!Array.isArray(grouping.values) || grouping.values.length !== F) {
    throw new Error(
      `progressByGroup requires grouping "${grouping.name}" to have one value per family, got ${Array.isArray(grouping.values) ? grouping.values.length : 'no'} values for ${F} families`,
    );
  }
  // Family → list of groups.
  let multi = false;
  // Families with the same value(s) share one list (a million families, a few dozen lists).
  const shared = new Map<string, string[]>();
  const NONE: string[] = [];
  const sets: string[][] = new Array(F);
  for (let f = 0; f < F; f++) {
    const v = grouping.values[f] as string | null | string[];
    if (v === null) sets[f] = NONE;
    else if (typeof v === 'string') {
      let s = shared.get(v);
      if (!s) shared.set(v, (s = [v]));
      sets[f] = s;
    } else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) {
      multi = true;
      const key = '\u0000' + v.join('\u0000');
      let s = shared.get(key);
      if (!s) shared.set(key, (s = [...new Set(v)]));
      sets[f] = s;
    } else {
      throw new Error(`progressByGroup requires grouping "${grouping.name}" values to be text, null or lists of text, got ${typeof v} at family ${f + 1}`);
    }
  }

  const labels = orderLabels(sets, 'order' in grouping ? grouping.order : undefined);
  const members = new Map<string, number[]>(labels.map((l) => [l, []]));
  for (let f = 0; f < F; f++) for (const l of sets[f]!) members.get(l)!.push(f);

  // Eligible families with at least one group: the pool every test compares within.
  let pooledN = 0;
  let pooledUp = 0;
  let pooledDown = 0;
  let eligible = 0;
  for (let f = 0; f < F; f++) {
    if (progress.exclusion[f] !== null) continue;
    eligible++;
    if (sets[f]!.length === 0) continue;
    pooledN++;
    const s = progress.startSegment[f]!;
    const e = progress.endSegment[f]!;
    if (e > s) pooledUp++;
    else if (e < s) pooledDown++;
  }

  const groups: ProgressGroup[] = labels.map((label) => {
    const { stages: _s, bands: _b, methods: _m, ...summary } = progressSummary(progress, members.get(label)!);
    const n = summary.eligibleFamilies;
    const restN = multi ? countRest(progress, sets, label) : pooledN - n;
    const up = shareTest(summary.categories.up, n, multi ? countRest(progress, sets, label, 'up') : pooledUp - summary.categories.up, restN);
    const down = shareTest(summary.categories.down, n, multi ? countRest(progress, sets, label, 'down') : pooledDown - summary.categories.down, restN);
    return { label, summary, up, down };
  });

  const tests = groups.flatMap((g) => [g.up, g.down]).filter((t) => t.p !== null);
  const adjusted = pAdjust(
    tests.map((t) => t.p!),
    method,
  );
  tests.forEach((t, i) => {
    t.pAdjusted = adjusted[i]!;
    t.significant = t.pAdjusted < alpha ? (t.difference! > 0 ? 'higher' : 'lower') : null;
  });

  return {
    grouping: grouping.name,
    membership: multi
      ? 'A family belongs to every group it is listed in (for age bands: every band of its children), so groups overlap and their sizes sum to more than the families.'
      : 'Each family belongs to at most one group.',
    bands: progress.bands,
    eligibleFamilies: eligible,
    eligibleWithoutGroup: eligible - pooledN,
    test: TEST_TEXT,
    pAdjustMethod: method,
    alpha,
    groups,
  };
}

function orderLabels(sets: string[][], order: string[] | undefined): string[] {
  const present = new Set<string>();
  for (const s of sets) for (const l of s) present.add(l);
  const first = (order ?? []).filter((l) => present.has(l));
  const listed = new Set(first);
  const rest = [...present].filter((l) => !listed.has(l)).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return [...first, ...rest];
}

/** Eligible families in some group but not in `label` (overlapping groups), optionally only those moving up or down. */
function countRest(progress: FamilyProgress, sets: string[][], label: string, category?: 'up' | 'down'): number {
  let n = 0;
  for (let f = 0; f < progress.familyCount; f++) {
    if (progress.exclusion[f] !== null) continue;
    const s = sets[f]!;
    if (s.length === 0 || s.includes(label)) continue;
    if (category === undefined) n++;
    else {
      const a = progress.startSegment[f]!;
      const b = progress.endSegment[f]!;
      if (category === 'up' ? b > a : b < a) n++;
    }
  }
  return n;
}

function shareTest(count: number, n: number, restCount: number, restN: number): GroupShareTest {
  const percent = percentOf(count, n);
  const restPercent = percentOf(restCount, restN);
  const base = {
    count,
    n,
    percent,
    restCount,
    restN,
    restPercent,
    difference: n > 0 && restN > 0 ? Math.round((count / n - restCount / restN) * 10000) / 100 : null,
    pAdjusted: null,
    significant: null,
  };
  if (n === 0 || restN === 0) {
    return { ...base, z: null, p: null, note: n === 0 ? 'no family of the group is in the analysis' : 'no other group to compare with' };
  }
  const total = count + restCount;
  if (total === 0 || total === n + restN) {
    return { ...base, z: null, p: null, note: total === 0 ? 'no family moved this way: no test' : 'every family moved this way: no test' };
  }
  const t = twoProportionTest(count, n, restCount, restN);
  return { ...base, z: t.z, p: t.p, note: null };
}
