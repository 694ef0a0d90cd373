import type { Cohort } from '../cohort/types.js';
import { computeFamilyProgress } from './compute-family-progress.js';
import { progressSummary } from './progress-summary.js';
import type { ProgressOptions, ProgressResult } from './types.js';

/**
 * Family Star progress of a cohort: the `progress` section of results.json (stages,
 * exclusions with reasons, domain progress with Wilcoxon tests, Journey of Change
 * snapshots, the start-versus-end 3×3 matrix and its categories). Equivalent to
 * `progressSummary(computeFamilyProgress(cohort, options))`; call those two directly to
 * reuse the per-family core. Does not change the cohort.
 * Cost: O(readings + families · domains) plus the k-means for `kmeans` bands.
 * @throws as `computeFamilyProgress`.
 * @example familyStarProgress(cohort, { bands: { method: 'cuts', cuts: [4, 7] } }).categories // { up, same, down, ... }
 */
export function familyStarProgress(cohort: Cohort, options: ProgressOptions = {}): ProgressResult {
  return progressSummary(computeFamilyProgress(cohort, options));
}
