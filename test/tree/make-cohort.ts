/** A small cohort built by hand for the tree tests (the cohort model of src/cohort/types.ts). */
import { NEED_MISSING, type Child, type Cohort, type Family } from '../../src/cohort/types.js';
import { starReadingsFrom } from '../../src/cohort/star-readings.js';

export interface FamilySpec extends Partial<Family> {
  needs?: (0 | 1 | null)[];
  childAges?: (number | null)[];
}

export function makeCohort(specs: FamilySpec[], needIds: string[] = ['debt', 'neglect']): Cohort {
  const families: Family[] = specs.map((s, i) => ({
    familyId: s.familyId ?? `F${String(i + 1).padStart(4, '0')}`,
    service: s.service ?? null,
    referralDate: null,
    startDate: s.startDate ?? '2023-01-01',
    endDate: s.endDate === undefined ? '2023-07-01' : s.endDate,
    outcome: s.outcome ?? null,
    closureReason: s.closureReason ?? null,
    reReferred: s.reReferred ?? null,
    socialCareBefore: s.socialCareBefore ?? null,
    socialCareDuring: s.socialCareDuring ?? null,
    socialCareAfter: s.socialCareAfter ?? null,
    cpPlanAfter: s.cpPlanAfter ?? null,
    adults: s.adults ?? null,
    femaleAdults: s.femaleAdults ?? null,
    ethnicity: s.ethnicity ?? null,
    imdDecile: s.imdDecile ?? null,
    lsoa: null,
    extra: s.extra ?? {},
  }));
  const needs = new Uint8Array(families.length * needIds.length);
  specs.forEach((s, f) => needIds.forEach((_, j) => (needs[f * needIds.length + j] = s.needs?.[j] ?? NEED_MISSING)));
  const children: Child[] = [];
  specs.forEach((s, f) =>
    (s.childAges ?? []).forEach((age, k) =>
      children.push({ childId: `${families[f]!.familyId}-${k}`, familyId: families[f]!.familyId, familyIndex: f, ageAtStart: age, dateOfBirth: null, gender: null, outcome: null, extra: {} }),
    ),
  );
  return {
    families,
    needIds,
    needs,
    children,
    star: starReadingsFrom([]),
    plans: null,
    familyIndex: new Map(families.map((f, i) => [f.familyId, i])),
    source: { path: 'test', kind: 'memory', sha256: '', files: [] },
  };
}
