import { domainProgress } from './domain-progress.js';
import { eligibleFamilies } from './eligible-families.js';
import { journeyOfChange } from './journey-of-change.js';
import { percentOf } from './percent-of.js';
import { progressMatrix } from './progress-matrix.js';
import { FAMILY_EXCLUSIONS, type FamilyExclusion, type FamilyProgress, type ProgressResult } from './types.js';

/** How each part of the progress section is computed (copied into results.json). */
export const PROGRESS_METHODS: Record<string, string> = {
  readings:
    'Start and end reading of a family domain: the readings with the earliest and latest reading date. A domain has change when it has readings on two or more dates; a family is in the analysis when at least one domain has change.',
  stages: 'Stage of a reading: the Journey of Change stage whose bounds hold it (stage i runs from the previous upper bound + 1 to its own upper bound).',
  domainProgress:
    'Per domain, among families whose domain has change: progressed = end stage above start stage, same, down; startedTop = start in the top stage; percentWithRoom = progressed / (families - startedTop).',
  change:
    'Change = end reading - start reading over families whose domain has change; mean, median, and a paired Wilcoxon signed-rank test (zero differences dropped; exact distribution for small n, else normal approximation with tie and continuity correction, as stated per domain); effect size r = z / sqrt(n).',
  matrix:
    'Start and end segment Lower / Middle / Higher of each family in the analysis (see bands); rows start, columns end. Categories: up = above the diagonal (higher than average progress), same = on it (as expected), down = below it (lower than average progress).',
  percentages: 'Percentages are of the denominator stated beside them, rounded to 2 decimals; null when the denominator is 0.',
};

/**
 * Summarises the per-family core into the progress section (results.json `progress`)
 * for the given families (all when omitted): exclusions with reasons, domain progress,
 * Journey of Change snapshots, the 3×3 matrix and the categories. Bands are those of
 * `progress` (fitted once on the whole cohort), so segments mean the same in any subset.
 * Cost: O(families · domains) plus the Wilcoxon ranks.
 * @throws when a member index is not a family index.
 * @example progressSummary(computeFamilyProgress(cohort)).matrix.counts
 */
export function progressSummary(progress: FamilyProgress, members?: ArrayLike<number>): ProgressResult {
  const families = eligibleFamilies(progress, members);
  const excluded = Object.fromEntries(FAMILY_EXCLUSIONS.map((r) => [r, 0])) as Record<FamilyExclusion, number>;
  let total = 0;
  const count = (f: number): void => {
    total++;
    const why = progress.exclusion[f];
    if (why !== null && why !== undefined) excluded[why]++;
  };
  if (members === undefined) for (let f = 0; f < progress.familyCount; f++) count(f);
  else for (const f of new Set(Array.from(members))) count(f);

  const domains = domainProgress(progress, families);
  let anyDomainProgressed = 0;
  const { stageOfReading } = progress.stages;
  const D = domains.length;
  for (let fi = 0; fi < families.length; fi++) {
    const f = families[fi]!;
    for (let d = 0; d < D; d++) {
      const c = f * D + d;
      if (progress.hasChange[c] && stageOfReading[progress.endReading[c]!]! > stageOfReading[progress.startReading[c]!]!) {
        anyDomainProgressed++;
        break;
      }
    }
  }
  const { matrix, categories } = progressMatrix(progress, families);
  const excludedFamilies = total - families.length;
  return {
    stages: { names: progress.stages.names.slice(), lowerBounds: progress.stages.lowerBounds.slice(), upperBounds: progress.stages.upperBounds.slice() },
    bands: progress.bands,
    families: total,
    eligibleFamilies: families.length,
    excluded,
    excludedFamilies,
    anyDomainProgressed,
    anyDomainProgressedPercent: percentOf(anyDomainProgressed, families.length),
    domains,
    journeyOfChange: journeyOfChange(progress, families),
    matrix,
    categories,
    methods: { ...PROGRESS_METHODS, bands: bandsMethod(progress) },
  };
}

function bandsMethod(progress: FamilyProgress): string {
  const b = progress.bands;
  if (b.method === 'cuts') return `Cut points ${b.cuts[0]} and ${b.cuts[1]}: ${b.score}.`;
  if (b.note !== null) return `k-means bands: ${b.note}.`;
  return (
    `One k-means (k = 3, ${b.restarts} seeded k-means++ starts from seed ${b.seed}, lowest within-cluster sum of squares kept; ${b.engine}) ` +
    `on the pooled start and end reading vectors, centres ordered by mean reading (Lower, Middle, Higher) so that segments mean the same at start and end. ${b.missingDomains} ` +
    'Vectors with all ten domains are fitted on; those with domains missing are assigned only (how many of each: progress.bands.vectors in results.json).'
  );
}
