import type { Cohort, FamilyGrouping } from '../cohort/types.js';
import { computeFamilyProgress } from './compute-family-progress.js';
import type { FamilyProgress, ProgressCategory, ProgressOptions } from './types.js';

/**
 * Each family's progress category, aligned with `cohort.families`: 'up' (end segment above
 * start segment: higher than average progress), 'same', 'down', or null for a family left
 * out of the progress analysis. Pass a `FamilyProgress` from `computeFamilyProgress` to
 * reuse it. Cost: O(families) given the core.
 * @throws as `computeFamilyProgress`.
 * @example familyProgressCategories(cohort).values // ['up', null, 'same', ...]
 */
export function familyProgressCategories(input: Cohort | FamilyProgress, options: ProgressOptions = {}): FamilyGrouping {
  const p = 'kind' in input && input.kind === 'familyProgress' ? input : computeFamilyProgress(input as Cohort, options);
  const values: (ProgressCategory | null)[] = new Array(p.familyCount);
  for (let f = 0; f < p.familyCount; f++) {
    const s = p.startSegment[f]!;
    const e = p.endSegment[f]!;
    values[f] = s < 0 ? null : e > s ? 'up' : e < s ? 'down' : 'same';
  }
  return { name: 'progress_category', values };
}
