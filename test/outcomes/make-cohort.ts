/**
 * Builds small in-memory cohorts for the outcomes tests: families and children given as
 * partial rows, everything else defaulted (no need values, no readings, no plans).
 */
import type { Child, Cohort, Family, PlanOutcome, StarReading } from '../../src/cohort/types.js';
import { planOutcomesFrom, starReadingsFrom } from '../../src/cohort/star-readings.js';
import { blankFamily } from '../support/blank-family.js';

export type FamilyRow = Partial<Family> & { familyId: string };
export type ChildRow = Partial<Omit<Child, 'familyIndex'>> & { childId: string; familyId: string };

export function makeCohort(
  familyRows: FamilyRow[],
  childRows: ChildRow[] = [],
  extra: {
    star?: (Omit<StarReading, 'familyIndex'> & { familyId: string })[];
    plans?: (Omit<PlanOutcome, 'familyIndex'> & { familyId: string })[] | null;
  } = {},
): Cohort {
  const families: Family[] = familyRows.map((f) => blankFamily(f.familyId, f));
  const familyIndex = new Map(families.map((f, i) => [f.familyId, i]));
  const index = (id: string): number => {
    const i = familyIndex.get(id);
    if (i === undefined) throw new Error(`makeCohort: no family ${id}`);
    return i;
  };
  const children: Child[] = childRows.map((c) => ({
    ageAtStart: null,
    dateOfBirth: null,
    gender: null,
    outcome: null,
    extra: {},
    ...c,
    familyIndex: index(c.familyId),
  }));
  return {
    families,
    needIds: ['debt'],
    needs: new Uint8Array(families.length),
    children,
    star: starReadingsFrom((extra.star ?? []).map(({ familyId, ...r }) => ({ ...r, familyIndex: index(familyId) }))),
    plans:
      extra.plans === undefined || extra.plans === null
        ? null
        : planOutcomesFrom(extra.plans.map(({ familyId, ...p }) => ({ ...p, familyIndex: index(familyId) }))),
    familyIndex,
    source: { path: 'memory', kind: 'memory', sha256: '', files: [] },
  };
}
