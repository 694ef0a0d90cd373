import { DEFAULT_AGE_BANDS, type AgeBand } from '../cohort/config.js';
import { childOutcome, type Cohort } from '../cohort/types.js';
import { ageBandIndex, checkAgeBands } from './age-band-index.js';
import { outcomeTable, type OutcomeTableInput, type OutcomeTableResult } from './outcome-table.js';

export interface AgeBandOutcomesOptions {
  /** Age bands; default DEFAULT_AGE_BANDS (`<1`, `1-4`, `5-9`, `10-15`, `16+`). */
  ageBands?: AgeBand[];
}

/** How the children of the cohort were used. */
export interface AgeBandChildren {
  total: number;
  /** With an effective outcome of met, partially_met or not_met and an age in a band. */
  inTest: number;
  /** Effective outcome `unknown` (reported per band where the age is known; not tested). */
  outcomeUnknown: number;
  /** No outcome, own or family's (reported per band where the age is known; not tested). */
  outcomeNotRecorded: number;
  /** Met / partially met / not met but no age (neither age_at_start nor date_of_birth). */
  noAge: number;
  /** Met / partially met / not met with an age in none of the bands (a gap in the bands). */
  ageOutsideBands: number;
}

export interface AgeBandOutcomesResult extends OutcomeTableResult {
  unit: 'child';
  definition: string;
  bands: AgeBand[];
  children: AgeBandChildren;
  /** The same table by single year of age (every age in a band seen among the children; ages with no child in the test are left out of its test). */
  singleYear: OutcomeTableResult;
}

function emptyRow(label: string): OutcomeTableInput {
  return { label, met: 0, partiallyMet: 0, notMet: 0, unknown: 0, notRecorded: 0 };
}

/**
 * Outcome by age band, child-level as the contract defines it: each child with an
 * outcome of met, partially_met or not_met (its own, else its family's) counts once, in
 * the band of its `age_at_start`; `unknown` and empty outcomes are reported per band and
 * left out of the test; children with no age, or an age in no band, are counted. Gives
 * counts, the share not met per band (Wilson 95%), Pearson's chi-square without
 * continuity correction with df and p, adjusted standardised residuals per cell, and the
 * same table by single year of age.
 *
 * Cost: O(children + bands).
 * @throws when the age bands are invalid (see `checkAgeBands`).
 * @example ageBandOutcomes(cohort).chiSquare // { statistic, df: 4, p, ... }
 */
export function ageBandOutcomes(cohort: Cohort, options: AgeBandOutcomesOptions = {}): AgeBandOutcomesResult {
  const bands = options.ageBands ?? DEFAULT_AGE_BANDS;
  checkAgeBands(bands);
  const rows = bands.map((b) => emptyRow(b.label));
  const byAge = new Map<number, OutcomeTableInput>();
  const children: AgeBandChildren = {
    total: cohort.children.length,
    inTest: 0,
    outcomeUnknown: 0,
    outcomeNotRecorded: 0,
    noAge: 0,
    ageOutsideBands: 0,
  };
  for (const child of cohort.children) {
    const outcome = childOutcome(cohort, child);
    const age = child.ageAtStart;
    const tested = outcome === 'met' || outcome === 'partially_met' || outcome === 'not_met';
    if (outcome === 'unknown') children.outcomeUnknown += 1;
    else if (outcome === null) children.outcomeNotRecorded += 1;
    if (age === null) {
      if (tested) children.noAge += 1;
      continue;
    }
    const k = ageBandIndex(bands, age);
    if (k < 0) {
      if (tested) children.ageOutsideBands += 1;
      continue;
    }
    let single = byAge.get(age);
    if (!single) {
      single = emptyRow(String(age));
      byAge.set(age, single);
    }
    for (const row of [rows[k]!, single]) {
      if (outcome === 'met') row.met += 1;
      else if (outcome === 'partially_met') row.partiallyMet += 1;
      else if (outcome === 'not_met') row.notMet += 1;
      else if (outcome === 'unknown') row.unknown += 1;
      else row.notRecorded += 1;
    }
    if (tested) children.inTest += 1;
  }
  const singleRows = [...byAge.keys()]
    .sort((a, b) => a - b)
    .map((a) => byAge.get(a)!);
  return {
    unit: 'child',
    definition:
      'child-level: each child with an outcome of met, partially_met or not_met (own, else the family’s) ' +
      'counts once, in the band of its age_at_start; unknown and empty outcomes are reported and left out ' +
      'of the test; Pearson chi-square without continuity correction; adjusted standardised residuals ' +
      '(observed - expected) / sqrt(expected * (1 - row share) * (1 - column share))',
    bands: bands.map((b) => ({ ...b })),
    children,
    ...outcomeTable(rows),
    singleYear: outcomeTable(singleRows),
  };
}
