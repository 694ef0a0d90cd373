/**
 * CHAID's merging of one predictor against an independent implementation written in R
 * from the SPSS TREE algorithm description: test/fixtures/tree/merge-categories.R
 * (Rscript merge-categories.R → merge-categories.json; chi-square by chisq.test(correct = FALSE)
 * or G² with pchisq(lower.tail = FALSE)).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mergeCategories, type MergeCategoriesOptions, type MergeCategoriesResult } from '../../src/tree/merge-categories.js';

interface Case {
  name: string;
  counts: number[][];
  ordered: boolean;
  missing: number | null;
  options: MergeCategoriesOptions;
  expected: (Omit<MergeCategoriesResult, 'statistic'> & { statistic: number }) | null;
}

const cases = JSON.parse(readFileSync(new URL('../fixtures/tree/merge-categories.json', import.meta.url), 'utf8')) as Case[];

describe('mergeCategories agrees with the R implementation (merge-categories.R)', () => {
  for (const c of cases) {
    it(c.name, () => {
      const r = mergeCategories({ counts: c.counts, ordered: c.ordered, missing: c.missing }, c.options);
      if (c.expected === null) {
        expect(r).toBeNull();
        return;
      }
      expect(r).not.toBeNull();
      expect(r!.groups).toEqual(c.expected.groups);
      expect(r!.statistic).toBeCloseTo(c.expected.statistic, 9);
      expect(r!.df).toBe(c.expected.df);
      expect(r!.p / c.expected.p).toBeCloseTo(1, 9);
      expect(r!.multiplier).toBe(c.expected.multiplier);
      expect(r!.pAdjusted / c.expected.pAdjusted).toBeCloseTo(1, 9);
      expect(r!.categoriesInNode).toBe(c.expected.categoriesInNode);
      expect(r!.kind).toBe(c.expected.kind);
    });
  }

  it('covers re-splitting: with splitMerged the nominal table ends in other groups than without', () => {
    const a = cases.find((c) => c.name === 're-splitting merged categories, nominal')!;
    const b = cases.find((c) => c.name === 'without re-splitting, the same nominal table')!;
    expect(a.expected!.groups).not.toEqual(b.expected!.groups);
  });
});

describe('mergeCategories edge cases', () => {
  const o: MergeCategoriesOptions = { alphaMerge: 0.05, minChild: 1, statistic: 'pearson', exhaustive: false, splitMerged: false, alphaSplitMerge: 0.05, bonferroni: true };

  it('returns null with one category in the node, or when the minimum child size leaves one group', () => {
    expect(mergeCategories({ counts: [[10, 5], [0, 0]], ordered: false, missing: null }, o)).toBeNull();
    expect(mergeCategories({ counts: [[10, 5], [3, 9]], ordered: false, missing: null }, { ...o, minChild: 20 })).toBeNull();
  });

  it('keeps two categories apart even when they do not differ (SPSS: merging stops at two), leaving the decision to alpha-split', () => {
    const r = mergeCategories({ counts: [[10, 10], [11, 10]], ordered: false, missing: null }, o)!;
    expect(r.groups).toEqual([[0], [1]]);
    expect(r.p).toBeGreaterThan(0.05);
  });

  it('never merges with alphaMerge = 1', () => {
    const r = mergeCategories({ counts: [[10, 10], [11, 10], [10, 11]], ordered: false, missing: null }, { ...o, alphaMerge: 1 })!;
    expect(r.groups).toEqual([[0], [1], [2]]);
  });

  it('rejects ragged counts and a missing category of an ordered predictor that is not last', () => {
    expect(() => mergeCategories({ counts: [[1, 2], [3]], ordered: false, missing: null }, o)).toThrow(/rows of equal length/);
    expect(() => mergeCategories({ counts: [[1, 2], [3, 4], [5, 6]], ordered: true, missing: 0 }, o)).toThrow(/missing category of an ordered predictor to be the last/);
    expect(() => mergeCategories({ counts: [], ordered: false, missing: null }, o)).toThrow(/at least one category/);
  });

  it('does not change its input', () => {
    const counts = [[40, 10], [38, 12], [10, 40]];
    const copy = JSON.parse(JSON.stringify(counts));
    mergeCategories({ counts, ordered: false, missing: null }, o);
    expect(counts).toEqual(copy);
  });
});
