import type { Cohort, Family } from '../cohort/types.js';
import { NEED_MISSING } from '../cohort/types.js';
import { monthsOfInvolvement, MONTHS_OF_INVOLVEMENT_DEFINITION } from '../outcomes/months-of-involvement.js';
import { chiSquareTest } from '../stats/chi-square-test.js';
import { normalTail } from '../stats/normal-tail.js';
import { pAdjust, type PAdjustMethod } from '../stats/p-adjust.js';

/** The characteristics clusters are compared on, as in the Leicestershire evaluation. */
export const CROSS_TAB_VARIABLES = [
  'service',
  'reReferred',
  'socialCareDuring',
  'socialCareAfter',
  'cpPlanAfter',
  'involvementOver12Months',
  'teenageParent',
  'singleParent',
  'ethnicity',
] as const;
export type CrossTabVariable = (typeof CROSS_TAB_VARIABLES)[number];

const DESCRIPTIONS: Record<CrossTabVariable, string> = {
  service: 'service (team) that worked with the family',
  reReferred: 're-referred to Early Help after closure (re_referred)',
  socialCareDuring: "children's social care involvement during the intervention (social_care_during)",
  socialCareAfter: "children's social care involvement after the intervention (social_care_after)",
  cpPlanAfter: 'child protection plan after closure (cp_plan_after)',
  involvementOver12Months: `Early Help involvement over 12 months (${MONTHS_OF_INVOLVEMENT_DEFINITION})`,
  teenageParent: 'teenage parent, now or when the children were born (need_teenage_parent)',
  singleParent: 'single parent family (need_single_parent_family)',
  ethnicity: 'ethnicity as recorded',
};

/** One cluster × category cell of a cross-tabulation. */
export interface CrossTabCell {
  cluster: string;
  /** The category ("1" for the yes of a yes/no characteristic). */
  category: string;
  count: number;
  /** Families of the cluster with a recorded value. */
  clusterFamilies: number;
  /** Percent of the cluster in the category. */
  percent: number;
  /** Percent of the other clusters' families in the category. */
  restPercent: number;
  /** Adjusted standardised residual (= z of the cluster-against-rest two-proportion test). */
  adjustedResidual: number | null;
  p: number | null;
  pAdjusted: number | null;
  /** pAdjusted < alpha. */
  significant: boolean;
}

/** The cross-tabulation of clusters with one characteristic. */
export interface CrossTab {
  variable: CrossTabVariable;
  description: string;
  /** False when the cohort does not have the characteristic (e.g. no need_teenage_parent column). */
  available: boolean;
  kind: 'yes-no' | 'category';
  categories: string[];
  /** Clustered families with a recorded value (used). */
  families: number;
  /** Clustered families whose value is blank (left out and counted). */
  missing: number;
  /** Pearson chi-square of the whole clusters × categories table; null when not testable. */
  chiSquare: { statistic: number; df: number; p: number } | null;
  /** For yes/no characteristics only the "1" column; otherwise every category. */
  cells: CrossTabCell[];
}

/** Options for {@link clusterCrossTabs}. */
export interface ClusterCrossTabsOptions {
  /** Adjustment over the cells reported for each characteristic (default 'holm'). */
  adjust?: PAdjustMethod;
  alpha?: number;
}

/** Result of {@link clusterCrossTabs}. */
export interface ClusterCrossTabsResult {
  test: string;
  adjust: PAdjustMethod;
  alpha: number;
  tables: CrossTab[];
}

/**
 * Cross-tabulates need clusters with the characteristics the evaluation reports: service,
 * re-referral, social care during and after, child protection plan after, involvement over
 * 12 months, teenage and single parents (need indicators), ethnicity. For each, a Pearson
 * chi-square test of the clusters × categories table, and per cell the cluster's percent
 * against the rest with the adjusted standardised residual, its two-sided normal p, and p
 * adjusted over the cells reported for that characteristic. Families without a cluster or
 * with a blank value are left out and counted.
 *
 * Cost: O(families · characteristics).
 *
 * @throws if assignments do not have one entry per family, or a label is not in `labels`.
 * @example clusterCrossTabs(cohort, assignments, ['A', 'B']).tables[1].cells // re-referral by cluster
 */
export function clusterCrossTabs(
  cohort: Cohort,
  assignments: readonly (string | null)[],
  labels: readonly string[],
  options: ClusterCrossTabsOptions = {},
): ClusterCrossTabsResult {
  if (assignments.length !== cohort.families.length) {
    throw new Error(`clusterCrossTabs requires one assignment per family, got ${assignments.length} for ${cohort.families.length} families`);
  }
  const adjust = options.adjust ?? 'holm';
  const alpha = options.alpha ?? 0.05;
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  assignments.forEach((a, f) => {
    if (a !== null && !labelIndex.has(a)) throw new Error(`clusterCrossTabs requires assignments among the labels, got "${a}" for family ${f}`);
  });
  const needColumn = (id: string): number => cohort.needIds.indexOf(id);
  const needValue = (j: number) => (family: Family, f: number): string | null => {
    const v = cohort.needs[f * cohort.needIds.length + j]!;
    return v === NEED_MISSING ? null : String(v);
  };
  const yesNo = (key: 'reReferred' | 'socialCareDuring' | 'socialCareAfter' | 'cpPlanAfter') => (family: Family): string | null =>
    family[key] === null ? null : String(family[key]);

  const tables = CROSS_TAB_VARIABLES.map((variable): CrossTab => {
    let kind: 'yes-no' | 'category' = 'yes-no';
    let get: ((family: Family, f: number) => string | null) | null;
    switch (variable) {
      case 'service':
        kind = 'category';
        get = (family) => family.service;
        break;
      case 'ethnicity':
        kind = 'category';
        get = (family) => family.ethnicity;
        break;
      case 'reReferred':
      case 'socialCareDuring':
      case 'socialCareAfter':
      case 'cpPlanAfter':
        get = yesNo(variable);
        break;
      case 'involvementOver12Months':
        get = (family) => (family.endDate === null ? null : monthsOfInvolvement(family.startDate, family.endDate) > 12 ? '1' : '0');
        break;
      case 'teenageParent': {
        const j = needColumn('teenage_parent');
        get = j < 0 ? null : needValue(j);
        break;
      }
      case 'singleParent': {
        const j = needColumn('single_parent_family');
        get = j < 0 ? null : needValue(j);
        break;
      }
      default: {
        const unreachable: never = variable;
        throw new Error(`clusterCrossTabs: unhandled variable ${String(unreachable)}`);
      }
    }
    return crossTab(variable, kind, get, cohort, assignments, labels, labelIndex, adjust, alpha);
  });
  return {
    test:
      'Pearson chi-square of clusters × categories (no continuity correction); per cell the adjusted standardised residual, ' +
      `two-sided normal p, adjusted (${adjust}) over the cells reported for the characteristic`,
    adjust,
    alpha,
    tables,
  };
}

function crossTab(
  variable: CrossTabVariable,
  kind: 'yes-no' | 'category',
  get: ((family: Family, f: number) => string | null) | null,
  cohort: Cohort,
  assignments: readonly (string | null)[],
  labels: readonly string[],
  labelIndex: Map<string, number>,
  adjust: PAdjustMethod,
  alpha: number,
): CrossTab {
  const base = { variable, description: DESCRIPTIONS[variable], kind };
  if (get === null) {
    return { ...base, available: false, categories: [], families: 0, missing: 0, chiSquare: null, cells: [] };
  }
  const values: (string | null)[] = [];
  const present = new Set<string>();
  let missing = 0;
  let families = 0;
  cohort.families.forEach((family, f) => {
    if (assignments[f] === null) return;
    const v = get(family, f);
    values[f] = v;
    if (v === null) missing++;
    else {
      families++;
      present.add(v);
    }
  });
  const categories = kind === 'yes-no' ? ['0', '1'] : [...present].sort();
  const catIndex = new Map(categories.map((c, i) => [c, i]));
  const table = labels.map(() => new Array<number>(categories.length).fill(0));
  cohort.families.forEach((_, f) => {
    const a = assignments[f];
    const v = values[f];
    if (a === null || v === null || v === undefined) return;
    table[labelIndex.get(a)!]![catIndex.get(v)!]++;
  });
  const nonEmptyRows = table.filter((r) => r.some((x) => x > 0)).length;
  const colTotals = categories.map((_, j) => table.reduce((s, r) => s + r[j]!, 0));
  const nonEmptyCols = colTotals.filter((x) => x > 0).length;
  let chiSquare: CrossTab['chiSquare'] = null;
  let residuals: number[][] | null = null;
  if (nonEmptyRows >= 2 && nonEmptyCols >= 2) {
    const test = chiSquareTest(table);
    chiSquare = { statistic: test.statistic, df: test.df, p: test.p };
    residuals = test.adjustedResiduals;
  }
  const reported = kind === 'yes-no' ? [1] : categories.map((_, j) => j);
  const cells: CrossTabCell[] = [];
  const ps: number[] = [];
  const testedCells: number[] = [];
  labels.forEach((label, c) => {
    const rowTotal = table[c]!.reduce((s, x) => s + x, 0);
    for (const j of reported) {
      const count = table[c]![j]!;
      const rest = families - rowTotal;
      const restCount = colTotals[j]! - count;
      const testable = residuals !== null && rowTotal > 0 && rest > 0 && colTotals[j]! > 0 && colTotals[j]! < families;
      const r = testable ? residuals![c]![j]! : null;
      const p = r === null ? null : Math.min(1, 2 * normalTail(Math.abs(r)));
      if (p !== null) {
        ps.push(p);
        testedCells.push(cells.length);
      }
      cells.push({
        cluster: label,
        category: categories[j]!,
        count,
        clusterFamilies: rowTotal,
        percent: rowTotal > 0 ? round2((100 * count) / rowTotal) : 0,
        restPercent: rest > 0 ? round2((100 * restCount) / rest) : 0,
        adjustedResidual: r,
        p,
        pAdjusted: null,
        significant: false,
      });
    }
  });
  const adjusted = pAdjust(ps, adjust);
  testedCells.forEach((cellIndex, i) => {
    const cell = cells[cellIndex]!;
    cell.pAdjusted = adjusted[i]!;
    cell.significant = adjusted[i]! < alpha;
  });
  return { ...base, available: true, categories, families, missing, chiSquare, cells };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
