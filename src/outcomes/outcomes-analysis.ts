import type { AgeBand } from '../cohort/config.js';
import type { Cohort, FamilyGrouping } from '../cohort/types.js';
import { ageBandOutcomes, type AgeBandOutcomesResult } from './age-band-outcomes.js';
import { caseOutcomes, type CaseOutcomesResult } from './case-outcomes.js';
import { demandAndReach, type DemandAndReachResult } from './demand-and-reach.js';
import { outcomePlans, type OutcomeMeasure, type OutcomePlansResult } from './outcome-plans.js';
import { socialCareOutcomes, type SocialCareOutcomesResult } from './social-care-outcomes.js';

export interface OutcomesOptions {
  /** Age bands of the age-band table and the age profile; default DEFAULT_AGE_BANDS. */
  ageBands?: AgeBand[];
  /** A grouping of families (e.g. need clusters) for social care and re-referral by group. */
  clusters?: FamilyGrouping;
  /** Outcome-plan catalogue; default the contract's 31 measures. */
  catalogue?: readonly OutcomeMeasure[];
  /** McNemar's test with continuity correction; default false. */
  mcnemarCorrection?: boolean;
}

/** The `outcomes` section of results.json (and of `earlyhelp outcomes --json`). */
export interface OutcomesResult {
  settings: { ageBands: AgeBand[]; clusters: string | null; mcnemarCorrection: boolean };
  caseOutcomes: CaseOutcomesResult;
  ageBands: AgeBandOutcomesResult;
  socialCare: SocialCareOutcomesResult;
  demand: DemandAndReachResult;
  plans: OutcomePlansResult;
}

/**
 * The outcomes analysis of a cohort: case outcomes of closed cases overall and by year
 * with the closure reasons of cases not met (`caseOutcomes`); outcome by age band,
 * child-level, with chi-square, residuals and Wilson intervals, and by single year of age
 * (`ageBandOutcomes`); social care before / during / after with McNemar's test, CP plans
 * after, re-referral and months of involvement, overall and by a grouping
 * (`socialCareOutcomes`); demand and reach (`demandAndReach`); outcome plans
 * (`outcomePlans`). Pure: the cohort is not changed.
 *
 * Cost: O(families + children + plan rows), plus sorting.
 * @throws when the age bands, grouping or catalogue are invalid, or a plan outcome is
 *   outside the catalogue.
 * @example outcomesAnalysis(cohort).ageBands.chiSquare // { statistic, df: 4, p, ... }
 */
export function outcomesAnalysis(cohort: Cohort, options: OutcomesOptions = {}): OutcomesResult {
  const ageBands = ageBandOutcomes(cohort, { ageBands: options.ageBands });
  return {
    settings: {
      ageBands: ageBands.bands,
      clusters: options.clusters?.name ?? null,
      mcnemarCorrection: options.mcnemarCorrection ?? false,
    },
    caseOutcomes: caseOutcomes(cohort),
    ageBands,
    socialCare: socialCareOutcomes(cohort, { clusters: options.clusters, mcnemarCorrection: options.mcnemarCorrection }),
    demand: demandAndReach(cohort, { ageBands: options.ageBands }),
    plans: outcomePlans(cohort, { catalogue: options.catalogue }),
  };
}
