import type { Cohort, FamilyGrouping } from '../cohort/types.js';

/**
 * Checks that a grouping labels every family of the cohort: a non-empty name, and one
 * value (a string, or null for none) per family, in the order of `cohort.families`.
 *
 * Cost: O(families).
 * @throws naming the caller, the rule and the lengths.
 * @example checkGrouping(cohort, { name: 'cluster', values }, 'compareSubgroup')
 */
export function checkGrouping(cohort: Cohort, grouping: FamilyGrouping, caller: string): void {
  if (typeof grouping.name !== 'string' || grouping.name.trim() === '') {
    throw new Error(`${caller} requires a grouping with a non-empty name, got "${String(grouping.name)}"`);
  }
  if (!Array.isArray(grouping.values) || grouping.values.length !== cohort.families.length) {
    throw new Error(
      `${caller} requires grouping "${grouping.name}" to have one value per family, got ${
        Array.isArray(grouping.values) ? grouping.values.length : 'no'
      } values for ${cohort.families.length} families`,
    );
  }
  grouping.values.forEach((v, i) => {
    if (v !== null && typeof v !== 'string') {
      throw new Error(`${caller} requires grouping "${grouping.name}" values to be text or null, got ${typeof v} at family ${i + 1}`);
    }
  });
}
