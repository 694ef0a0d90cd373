import type { Cohort, Family, FamilyGrouping, YesNo } from '../cohort/types.js';
import { mcnemarTest } from '../stats/mcnemar-test.js';
import { quantile } from '../stats/descriptive.js';
import { monthsOfInvolvement, MONTHS_OF_INVOLVEMENT_DEFINITION } from './months-of-involvement.js';
import { share, type Share } from './share.js';
import { checkGrouping } from './check-grouping.js';

export interface SocialCareOutcomesOptions {
  /** Also give every summary by this grouping of families (e.g. need clusters). */
  clusters?: FamilyGrouping;
  /** McNemar's test with continuity correction (R's default); default false. */
  mcnemarCorrection?: boolean;
}

/** A yes/no column: families with 1 out of families with the value recorded. */
export interface YesNoShare extends Share {
  /** Families with the value not recorded (left out of the denominator). */
  missing: number;
}

export interface BeforeAfterComparison {
  /** Families with both social_care_before and social_care_after recorded. */
  pairs: number;
  /** Paired table: rows before (yes, no), columns after (yes, no). */
  table: [[number, number], [number, number]];
  /** Before yes, after no (b) and before no, after yes (c): the discordant pairs. */
  beforeOnly: number;
  afterOnly: number;
  /** McNemar's chi-square on b and c (df 1); null when b + c = 0. */
  mcnemar: { statistic: number; df: 1; p: number; continuityCorrection: boolean } | null;
  note: string | null;
}

export interface InvolvementSummary {
  definition: string;
  /** Closed families (with an end_date) measured. */
  families: number;
  /** Families left out because they are still open (no end_date). */
  open: number;
  median: number | null;
  q1: number | null;
  q3: number | null;
  min: number | null;
  max: number | null;
  overSixMonths: Share;
  overTwelveMonths: Share;
}

export interface SocialCareSummary {
  families: number;
  before: YesNoShare;
  during: YesNoShare;
  after: YesNoShare;
  cpPlanAfter: YesNoShare;
  reReferred: YesNoShare;
  beforeVsAfter: BeforeAfterComparison;
  involvement: InvolvementSummary;
}

export interface SocialCareOutcomesResult {
  unit: 'family';
  definition: string;
  overall: SocialCareSummary;
  /** By the `clusters` grouping, one entry per value (sorted); null without a grouping. */
  byGroup: {
    grouping: string;
    groups: (SocialCareSummary & { group: string })[];
    /** Families with no value in the grouping (left out of `groups`). */
    unassigned: number;
  } | null;
}

function yesNo(families: readonly Family[], pick: (f: Family) => YesNo): YesNoShare {
  let yes = 0;
  let recorded = 0;
  for (const f of families) {
    const v = pick(f);
    if (v === null) continue;
    recorded += 1;
    if (v === 1) yes += 1;
  }
  return { ...share(yes, recorded), missing: families.length - recorded };
}

function beforeVsAfter(families: readonly Family[], correction: boolean): BeforeAfterComparison {
  const t: [[number, number], [number, number]] = [
    [0, 0],
    [0, 0],
  ];
  for (const f of families) {
    if (f.socialCareBefore === null || f.socialCareAfter === null) continue;
    t[f.socialCareBefore === 1 ? 0 : 1][f.socialCareAfter === 1 ? 0 : 1] += 1;
  }
  const b = t[0][1];
  const c = t[1][0];
  const pairs = t[0][0] + b + c + t[1][1];
  const test = b + c > 0 ? mcnemarTest(b, c, { correction }) : null;
  return {
    pairs,
    table: t,
    beforeOnly: b,
    afterOnly: c,
    mcnemar: test === null ? null : { statistic: test.statistic, df: 1, p: test.p, continuityCorrection: correction },
    note: test === null ? 'no test: no discordant pairs (b + c = 0)' : null,
  };
}

function involvement(families: readonly Family[]): InvolvementSummary {
  const months: number[] = [];
  for (const f of families) if (f.endDate !== null) months.push(monthsOfInvolvement(f.startDate, f.endDate));
  const n = months.length;
  // One sort for the three quantiles; min and max by a loop (no spread: a million families).
  const [q1, median, q3] = n === 0 ? [null, null, null] : quantile(months, [0.25, 0.5, 0.75]);
  let min = Infinity;
  let max = -Infinity;
  for (const m of months) {
    if (m < min) min = m;
    if (m > max) max = m;
  }
  return {
    definition: MONTHS_OF_INVOLVEMENT_DEFINITION + ' Quartiles as R quantile(type = 7).',
    families: n,
    open: families.length - n,
    median,
    q1,
    q3,
    min: n === 0 ? null : min,
    max: n === 0 ? null : max,
    overSixMonths: share(months.filter((m) => m > 6).length, n),
    overTwelveMonths: share(months.filter((m) => m > 12).length, n),
  };
}

function summary(families: readonly Family[], correction: boolean): SocialCareSummary {
  return {
    families: families.length,
    before: yesNo(families, (f) => f.socialCareBefore),
    during: yesNo(families, (f) => f.socialCareDuring),
    after: yesNo(families, (f) => f.socialCareAfter),
    cpPlanAfter: yesNo(families, (f) => f.cpPlanAfter),
    reReferred: yesNo(families, (f) => f.reReferred),
    beforeVsAfter: beforeVsAfter(families, correction),
    involvement: involvement(families),
  };
}

/**
 * Children's social care before, during and after Early Help (family-level), McNemar's
 * test of before against after over the families with both recorded (without continuity
 * correction unless asked, as R's `mcnemar.test(t, correct = FALSE)`), child protection
 * plans after, re-referral, and months of involvement (median, quartiles, share over 6
 * and over 12 months); overall and by a grouping of families. Every share's denominator
 * is the families with the value recorded; the missing are counted.
 *
 * Cost: O(families log families).
 * @throws when the grouping's length differs from the number of families.
 * @example socialCareOutcomes(cohort).overall.before.percent // e.g. 68
 */
export function socialCareOutcomes(cohort: Cohort, options: SocialCareOutcomesOptions = {}): SocialCareOutcomesResult {
  const correction = options.mcnemarCorrection ?? false;
  let byGroup: SocialCareOutcomesResult['byGroup'] = null;
  if (options.clusters) {
    const g = options.clusters;
    checkGrouping(cohort, g, 'socialCareOutcomes');
    const members = new Map<string, Family[]>();
    let unassigned = 0;
    cohort.families.forEach((f, i) => {
      const v = g.values[i]!;
      if (v === null) {
        unassigned += 1;
        return;
      }
      const list = members.get(v);
      if (list) list.push(f);
      else members.set(v, [f]);
    });
    const labels = [...members.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    byGroup = {
      grouping: g.name,
      groups: labels.map((group) => ({ group, ...summary(members.get(group)!, correction) })),
      unassigned,
    };
  }
  return {
    unit: 'family',
    definition:
      'family-level; each share is of the families with the value recorded (missing counted apart); ' +
      'McNemar compares social_care_before with social_care_after over families with both recorded' +
      (correction ? ', with continuity correction' : ', without continuity correction'),
    overall: summary(cohort.families, correction),
    byGroup,
  };
}
