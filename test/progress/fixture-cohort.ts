import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Child, Cohort, Family, StarDomain, StarReading } from '../../src/cohort/types.js';
import { starReadingsFrom } from '../../src/cohort/star-readings.js';

/** A Family Star reading named by family id (fixtures). */
export type StarRow = Omit<StarReading, 'familyIndex'> & { familyId: string };
import { blankFamily } from '../support/blank-family.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/progress/', import.meta.url));

/** Plain comma split: the fixtures hold no quoted cells. */
function rows(path: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(path, 'utf8').trim().split('\n');
  const cols = header!.split(',');
  return lines.map((l) => {
    const cells = l.split(',');
    return Object.fromEntries(cols.map((c, i) => [c, cells[i] ?? '']));
  });
}

/** A family with only an id and a service (the rest blank). */
export function family(familyId: string, service: string | null = null): Family {
  return blankFamily(familyId, { service, startDate: '2023-01-01' });
}

/** An in-memory cohort from families, children and star readings. */
export function makeCohort(
  families: Family[],
  star: StarRow[],
  children: Omit<Child, 'familyIndex'>[] = [],
): Cohort {
  const familyIndex = new Map(families.map((f, i) => [f.familyId, i]));
  const idx = (id: string): number => {
    const i = familyIndex.get(id);
    if (i === undefined) throw new Error(`fixture: unknown family ${id}`);
    return i;
  };
  return {
    families,
    needIds: [],
    needs: new Uint8Array(0),
    children: children.map((c) => ({ ...c, familyIndex: idx(c.familyId) })),
    star: starReadingsFrom(star.map(({ familyId, ...s }) => ({ ...s, familyIndex: idx(familyId) }))),
    plans: null,
    familyIndex,
    source: { path: 'memory', kind: 'memory', sha256: '', files: [] },
  };
}

/** Reads test/fixtures/progress/<name>/{families,children,star}.csv into a cohort. */
export function fixtureCohort(name: string): Cohort {
  const dir = `${FIXTURES}${name}/`;
  const families = rows(`${dir}families.csv`).map((r) => family(r.family_id!, r.service || null));
  const star = rows(`${dir}star.csv`).map((r) => ({
    familyId: r.family_id!,
    domain: r.domain as StarDomain,
    date: r.reading_date!,
    reading: Number(r.reading),
  }));
  const children = rows(`${dir}children.csv`).map((r) => ({
    childId: r.child_id!,
    familyId: r.family_id!,
    ageAtStart: r.age_at_start === '' ? null : Number(r.age_at_start),
    dateOfBirth: null,
    gender: null,
    outcome: null,
    extra: {},
  }));
  return makeCohort(families, star, children);
}

/** test/fixtures/progress/expected.json (written by expected.py beside it). */
export function expected(): any {
  return JSON.parse(readFileSync(`${FIXTURES}expected.json`, 'utf8'));
}
