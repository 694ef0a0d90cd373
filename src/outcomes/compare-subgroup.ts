import { childOutcome, STAR_DOMAINS, type Cohort, type FamilyGrouping, type Outcome, type StarDomain } from '../cohort/types.js';
import { computeFamilyProgress } from '../progress/compute-family-progress.js';
import { domainProgress } from '../progress/domain-progress.js';
import { familyProgressCategories } from '../progress/family-progress-categories.js';
import type { BandsReport, ProgressOptions } from '../progress/types.js';
import { chiSquareTest } from '../stats/chi-square-test.js';
import { mean, median } from '../stats/descriptive.js';
import { mannWhitneyU } from '../stats/mann-whitney.js';
import { compareProportions, TWO_BY_TWO_TEST_RULE, type ProportionComparison } from './compare-proportions.js';
import { subgroupMembership, type Membership, type SubgroupMembership } from './subgroup-membership.js';
import { parseWhere, type WhereExpr } from './where.js';

export interface CompareSubgroupOptions {
  /** Family groupings usable as filter fields by name, e.g. `{ cluster: clusters }` for `cluster = D`. */
  groupings?: Record<string, FamilyGrouping>;
  /** Options of the Family Star progress core (stages, bands); default as `computeFamilyProgress`. */
  progress?: ProgressOptions;
}

export interface OutcomeComparison extends ProportionComparison {
  /** 'child' for a child-level filter (each child's own outcome, else its family's), else 'family'. */
  unit: 'child' | 'family';
  /** `subgroup`/`rest` shares are of outcome not met among met, partially met and not met. */
  characteristic: 'not_met';
  /** Units left out: membership unknown; outcome unknown; outcome not recorded. */
  excluded: { membershipUnknown: number; outcomeUnknown: number; outcomeNotRecorded: number };
}

export interface ScoreChangeGroup {
  families: number;
  mean: number | null;
  median: number | null;
}

export interface ProgressComparison {
  bands: BandsReport;
  /** Families in the progress analysis (a domain with change) in the subgroup and the rest. */
  families: { subgroup: number; rest: number; membershipUnknown: number; notInProgressAnalysis: number };
  /** Per domain: moved up a stage, of the families whose domain has change. */
  domains: ({ id: StarDomain } & ProportionComparison)[];
  /** Matrix categories: counts by group, chi-square over the 2 × 3 table, and each category as a 2 × 2 comparison. */
  categories: {
    subgroup: { up: number; same: number; down: number };
    rest: { up: number; same: number; down: number };
    chiSquare: { statistic: number; df: number; p: number; minExpected: number } | null;
    up: ProportionComparison;
    down: ProportionComparison;
  };
  /** Change in family score (end score − start score) with a Mann–Whitney test. */
  scoreChange: {
    subgroup: ScoreChangeGroup;
    rest: ScoreChangeGroup;
    mannWhitney: { u: number; z: number; p: number; effectSizeR: number } | null;
    note: string | null;
  };
}

export interface CompareSubgroupResult {
  where: string;
  expression: WhereExpr;
  membership: Omit<SubgroupMembership, 'children' | 'families'>;
  methods: Record<string, string>;
  outcomes: OutcomeComparison;
  /** Family-level yes/no results after Early Help (families with the value recorded). */
  socialCare: { after: ProportionComparison; cpPlanAfter: ProportionComparison; reReferred: ProportionComparison };
  /** Null when the cohort has no Family Star readings (see `progressNote`). */
  progress: ProgressComparison | null;
  progressNote: string | null;
}

type Bucket = 'nm' | 'ok' | 'unknown' | 'none';
function bucket(o: Outcome | null): Bucket {
  return o === 'not_met' ? 'nm' : o === 'met' || o === 'partially_met' ? 'ok' : o === 'unknown' ? 'unknown' : 'none';
}

function outcomeComparison(cohort: Cohort, m: SubgroupMembership): OutcomeComparison {
  const unit = m.level;
  const units: { member: Membership; outcome: Outcome | null }[] =
    unit === 'child'
      ? cohort.children.map((c, k) => ({ member: m.children![k]!, outcome: childOutcome(cohort, c) }))
      : cohort.families.map((f, i) => ({ member: m.families[i]!, outcome: f.outcome }));
  const n = { sub: 0, subNm: 0, rest: 0, restNm: 0 };
  const excluded = { membershipUnknown: 0, outcomeUnknown: 0, outcomeNotRecorded: 0 };
  for (const u of units) {
    if (u.member === null) {
      excluded.membershipUnknown++;
      continue;
    }
    const b = bucket(u.outcome);
    if (b === 'unknown') excluded.outcomeUnknown++;
    else if (b === 'none') excluded.outcomeNotRecorded++;
    else if (u.member) {
      n.sub++;
      if (b === 'nm') n.subNm++;
    } else {
      n.rest++;
      if (b === 'nm') n.restNm++;
    }
  }
  return { unit, characteristic: 'not_met', excluded, ...compareProportions(n.subNm, n.sub, n.restNm, n.rest) };
}

function yesNoComparison(cohort: Cohort, m: SubgroupMembership, pick: (i: number) => 0 | 1 | null): ProportionComparison {
  const n = { sub: 0, subYes: 0, rest: 0, restYes: 0 };
  cohort.families.forEach((_, i) => {
    const member = m.families[i];
    const v = pick(i);
    if (member === null || v === null) return;
    if (member) {
      n.sub++;
      n.subYes += v;
    } else {
      n.rest++;
      n.restYes += v;
    }
  });
  return compareProportions(n.subYes, n.sub, n.restYes, n.rest);
}

function scoreGroup(x: number[]): ScoreChangeGroup {
  return { families: x.length, mean: x.length ? mean(x) : null, median: x.length ? median(x) : null };
}

function progressComparison(cohort: Cohort, m: SubgroupMembership, options: ProgressOptions): ProgressComparison {
  const progress = computeFamilyProgress(cohort, options);
  const sub: number[] = [];
  const rest: number[] = [];
  let membershipUnknown = 0;
  let notInProgressAnalysis = 0;
  for (let f = 0; f < cohort.families.length; f++) {
    if (progress.exclusion[f] !== null) {
      notInProgressAnalysis++;
      continue;
    }
    const member = m.families[f];
    if (member === null) membershipUnknown++;
    else (member ? sub : rest).push(f);
  }
  const dSub = domainProgress(progress, sub);
  const dRest = domainProgress(progress, rest);
  const domains = STAR_DOMAINS.map((id, d) => ({
    id,
    ...compareProportions(dSub[d]!.progressed, dSub[d]!.families, dRest[d]!.progressed, dRest[d]!.families),
  }));
  const cat = familyProgressCategories(progress).values;
  const countCats = (fs: number[]) => {
    const c = { up: 0, same: 0, down: 0 };
    for (const f of fs) c[cat[f] as 'up' | 'same' | 'down']++;
    return c;
  };
  const cs = countCats(sub);
  const cr = countCats(rest);
  const t = [
    [cs.up, cs.same, cs.down],
    [cr.up, cr.same, cr.down],
  ];
  const nonEmptyCols = [0, 1, 2].filter((j) => t[0]![j]! + t[1]![j]! > 0).length;
  let chiSquare: ProgressComparison['categories']['chiSquare'] = null;
  if (sub.length > 0 && rest.length > 0 && nonEmptyCols >= 2) {
    const r = chiSquareTest(t);
    const minExpected = Math.min(...r.expected.flat().filter((e) => e > 0));
    chiSquare = { statistic: r.statistic, df: r.df, p: r.p, minExpected };
  }
  const change = (fs: number[]) => fs.map((f) => progress.endScore[f]! - progress.startScore[f]!);
  const xs = change(sub);
  const ys = change(rest);
  let mannWhitney: ProgressComparison['scoreChange']['mannWhitney'] = null;
  let note: string | null = null;
  if (xs.length === 0 || ys.length === 0) note = 'no test: the subgroup or the rest has no family in the progress analysis';
  else if ([...xs, ...ys].every((v) => v === xs[0])) note = 'no test: every family has the same change in score';
  else mannWhitney = mannWhitneyU(xs, ys);
  return {
    bands: progress.bands,
    families: { subgroup: sub.length, rest: rest.length, membershipUnknown, notInProgressAnalysis },
    domains,
    categories: {
      subgroup: cs,
      rest: cr,
      chiSquare,
      up: compareProportions(cs.up, sub.length, cr.up, rest.length),
      down: compareProportions(cs.down, sub.length, cr.down, rest.length),
    },
    scoreChange: { subgroup: scoreGroup(xs), rest: scoreGroup(ys), mannWhitney, note },
  };
}

/**
 * Compares a subgroup with the rest of the cohort. The subgroup is given by a filter
 * (`parseWhere`: e.g. `age 10-15`, `cluster = D`, `service = "Children's Centre"`).
 * Outcomes: share not met among met / partially met / not met, child-level when the
 * filter reads a child field (age, gender: each child's own outcome, else its family's)
 * and family-level otherwise; odds ratio (subgroup against rest) with a Woolf 95%
 * interval; Fisher's exact test when an expected count is below 5, else Pearson's
 * chi-square without continuity correction. Family-level comparisons (social care after,
 * CP plan after, re-referral, Family Star progress) put a family in the subgroup when any
 * of its children matches a child-level filter. Progress: domain progress per domain,
 * matrix categories (2 × 3 chi-square, and up / down as 2 × 2 comparisons) and the change
 * in family score (end − start) with a Mann–Whitney U test (normal approximation with tie
 * and continuity correction), using the progress core of src/progress.
 *
 * Cost: O(children + families + readings) plus the progress k-means when used.
 * @throws on a filter that does not parse, an unknown field (listing the valid ones), a
 *   value of the wrong type, an invalid grouping or invalid progress options.
 * @example compareSubgroup(cohort, 'age 10-15').outcomes.oddsRatio // { estimate, ci95, haldaneCorrection }
 */
export function compareSubgroup(cohort: Cohort, where: string, options: CompareSubgroupOptions = {}): CompareSubgroupResult {
  const expression = parseWhere(where);
  const m = subgroupMembership(cohort, expression, { groupings: options.groupings });
  const { children: _c, families: _f, ...membership } = m;
  return {
    where,
    expression,
    membership,
    methods: {
      tests: TWO_BY_TWO_TEST_RULE,
      outcomes:
        m.level === 'child'
          ? 'child-level: each child with an outcome of met, partially_met or not_met (own, else the family’s); share not met'
          : 'family-level: families.outcome of met, partially_met or not_met; share not met',
      familyLevel: 'family-level comparisons put a family in the subgroup when any of its children matches a child-level filter',
      categories: 'Pearson chi-square without continuity correction over the 2 × 3 table (subgroup / rest × up, same, down)',
      scoreChange:
        'change = end score − start score (mean of end / start readings over the domains with change); ' +
        'Mann–Whitney U, two-sided, normal approximation with tie and continuity correction (as R wilcox.test(exact = FALSE))',
    },
    outcomes: outcomeComparison(cohort, m),
    socialCare: {
      after: yesNoComparison(cohort, m, (i) => cohort.families[i]!.socialCareAfter),
      cpPlanAfter: yesNoComparison(cohort, m, (i) => cohort.families[i]!.cpPlanAfter),
      reReferred: yesNoComparison(cohort, m, (i) => cohort.families[i]!.reReferred),
    },
    progress: cohort.star.length > 0 ? progressComparison(cohort, m, options.progress ?? {}) : null,
    progressNote: cohort.star.length > 0 ? null : 'no progress comparison: the cohort has no Family Star readings',
  };
}
