import type { Cohort } from '../cohort/types.js';
import { familyStarReadings } from './family-star-readings.js';
import type { FamilyStarReadings, ProgressOptions } from './types.js';

/**
 * Each family's Family Star start score, aligned with `cohort.families`: the mean of its
 * start readings over the domains with change; null for a family left out of the progress
 * analysis. Independent of stages and bands (`options` is accepted so that callers can pass
 * the same options as to the other progress functions); pass the core (`familyStarReadings` or
 * `computeFamilyProgress`) to reuse it. Cost: O(readings + families · domains), O(families)
 * given the core.
 * @throws as `familyStarReadings`.
 * @example familyStartScores(cohort) // [4.3, null, 6.1, ...]
 */
export function familyStartScores(input: Cohort | FamilyStarReadings, _options: ProgressOptions = {}): (number | null)[] {
  const p = 'startScore' in input ? input : familyStarReadings(input);
  return Array.from(p.startScore, (x) => (Number.isNaN(x) ? null : x));
}
