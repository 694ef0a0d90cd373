import type { Family } from '../../src/cohort/types.js';

/** A family with every optional field blank (null), for hand-built test cohorts. */
export function blankFamily(familyId: string, overrides: Partial<Family> = {}): Family {
  return {
    familyId,
    service: null,
    referralDate: null,
    startDate: '2020-01-01',
    endDate: null,
    outcome: null,
    closureReason: null,
    reReferred: null,
    socialCareBefore: null,
    socialCareDuring: null,
    socialCareAfter: null,
    cpPlanAfter: null,
    adults: null,
    femaleAdults: null,
    ethnicity: null,
    imdDecile: null,
    lsoa: null,
    extra: {},
    ...overrides,
  };
}
