import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { needPrevalence, parseCohortFiles, NEED_MISSING, type Cohort } from '../../src/index.js';

const TINY = new URL('../../../shared/contract/examples/tiny/', import.meta.url);
const tinyCohort = (): Cohort => {
  const files = ['families.csv', 'children.csv', 'star.csv'].map((name) => ({ name, text: readFileSync(new URL(name, TINY), 'utf8') }));
  return parseCohortFiles(files).cohort!;
};

// Golden values: Rscript test/fixtures/needs/make-prevalence.R
// (counts by R; interval = prop.test(count, n, correct = FALSE)$conf.int, in percent).
const golden = JSON.parse(readFileSync(new URL('../fixtures/needs/prevalence-tiny.json', import.meta.url), 'utf8')) as {
  id: string;
  count: number;
  denominator: number;
  percent: number;
  lower: number;
  upper: number;
}[];

describe('needPrevalence', () => {
  it('matches R on the tiny cohort (counts, percent, Wilson interval)', () => {
    const r = needPrevalence(tinyCohort());
    expect(r.prevalence).toHaveLength(57);
    for (const g of golden) {
      const row = r.prevalence.find((p) => p.id === g.id)!;
      expect(row.count).toBe(g.count);
      expect(row.denominator).toBe(g.denominator);
      expect(row.percent).toBeCloseTo(g.percent, 2);
      expect(row.ci95[0]).toBeCloseTo(g.lower, 2);
      expect(row.ci95[1]).toBeCloseTo(g.upper, 2);
    }
  });

  it('leaves blank indicators out of the denominator, never counts them as no', () => {
    const cohort = tinyCohort();
    const j = cohort.needIds.indexOf('parenting_difficulties');
    const before = needPrevalence(cohort).prevalence.find((p) => p.id === 'parenting_difficulties')!;
    const needs = cohort.needs.slice();
    needs[0 * cohort.needIds.length + j] = NEED_MISSING;
    const after = needPrevalence({ ...cohort, needs }).prevalence.find((p) => p.id === 'parenting_difficulties')!;
    expect(after.denominator).toBe(before.denominator - 1);
    expect(after.missing).toBe(1);
    expect(after.count).toBe(before.count - (cohort.needs[j] === 1 ? 1 : 0));
  });

  it('sorts by percent, highest first, and labels from the catalogue when given', () => {
    const r = needPrevalence(tinyCohort(), { indicators: { debt_rent_arrears: { label: 'Debt or rent arrears', headlineProblem: 'financial' } } });
    const pcts = r.prevalence.map((p) => p.percent);
    expect(pcts).toEqual([...pcts].sort((a, b) => b - a));
    expect(r.prevalence.find((p) => p.id === 'debt_rent_arrears')!.label).toBe('Debt or rent arrears');
  });
});
