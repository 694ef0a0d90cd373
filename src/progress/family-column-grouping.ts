import { needValue, type Cohort, type Family, type FamilyGrouping } from '../cohort/types.js';

/** families.csv columns a grouping can be made from, with the Family field that holds each. */
const FAMILY_COLUMNS: Record<string, keyof Family> = {
  service: 'service',
  outcome: 'outcome',
  closure_reason: 'closureReason',
  re_referred: 'reReferred',
  social_care_before: 'socialCareBefore',
  social_care_during: 'socialCareDuring',
  social_care_after: 'socialCareAfter',
  cp_plan_after: 'cpPlanAfter',
  adults: 'adults',
  female_adults: 'femaleAdults',
  ethnicity: 'ethnicity',
  imd_decile: 'imdDecile',
  lsoa: 'lsoa',
};

/**
 * Families grouped by the value of one families.csv column, as text (numbers and 0/1 as
 * written, e.g. "1"); a missing value gives null (no group). The column is a contract
 * column (`service`, `ethnicity`, `imd_decile`, ...), a need indicator `need_<id>`, or an
 * unknown column the cohort kept. Cost: O(families).
 * @throws when the cohort has no such column (identifiers and dates cannot group).
 * @example familyColumnGrouping(cohort, 'service').values // ['Family Support', null, ...]
 */
export function familyColumnGrouping(cohort: Cohort, column: string): FamilyGrouping {
  const field = FAMILY_COLUMNS[column];
  if (field !== undefined) {
    return { name: column, values: cohort.families.map((f) => asText(f[field])) };
  }
  if (column.startsWith('need_')) {
    const j = cohort.needIds.indexOf(column.slice('need_'.length));
    if (j >= 0) return { name: column, values: cohort.families.map((_, f) => asText(needValue(cohort, f, j))) };
  }
  if (cohort.families.length > 0 && cohort.families.every((f) => Object.prototype.hasOwnProperty.call(f.extra, column))) {
    return { name: column, values: cohort.families.map((f) => f.extra[column] ?? null) };
  }
  throw new Error(
    `familyColumnGrouping requires a families column to group by (${Object.keys(FAMILY_COLUMNS).join(', ')}, need_<id>, or a column the cohort kept), got ${JSON.stringify(column)}`,
  );
}

function asText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  return String(v);
}
