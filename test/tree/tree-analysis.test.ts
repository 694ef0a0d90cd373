/**
 * treeAnalysis and treeColumns on hand-made cohorts (values checked by hand), and on the
 * demo cohort (synthCohortWithTruth, 5,486 families, seed 1), where the synth engineer
 * planted the Leicestershire CHAID finding: in clusters A, C, G and H, more than six months
 * of involvement raises social care afterwards (src/synth/synth-cohort-chunks.ts:
 * AFTER_ACGH_SHORT / AFTER_ACGH_LONG for cases not stepped up; E, F, I flat).
 */
import { describe, expect, it } from 'vitest';
import { synthCohortWithTruth } from '../../src/synth/synth-cohort.js';
import { predictTree } from '../../src/tree/predict-tree.js';
import { treeAnalysis } from '../../src/tree/tree-analysis.js';
import { treeColumns } from '../../src/tree/tree-columns.js';
import { makeCohort, type FamilySpec } from './make-cohort.js';

function smallCohort(n = 240): ReturnType<typeof makeCohort> {
  const specs: FamilySpec[] = [];
  for (let i = 0; i < n; i++) {
    const long = i % 2 === 0;
    specs.push({
      service: i % 3 === 0 ? 'Family Support' : "Children's Centre",
      startDate: '2023-01-01',
      endDate: i % 10 === 9 ? null : long ? '2023-10-01' : '2023-03-01',
      socialCareAfter: i % 10 === 9 ? null : long ? (i % 4 === 0 ? 1 : 0) : i % 8 === 1 ? 1 : 0,
      outcome: (['met', 'partially_met', 'not_met', 'unknown'] as const)[i % 4],
      reReferred: (i % 5 === 0 ? 1 : 0) as 0 | 1,
      adults: 1 + (i % 3),
      femaleAdults: i % 2,
      imdDecile: 1 + (i % 10),
      ethnicity: i % 7 === 0 ? null : i % 2 ? 'White British' : 'Asian',
      needs: [(i % 2) as 0 | 1, i % 9 === 0 ? null : ((i % 3 === 0 ? 1 : 0) as 0 | 1)],
      childAges: i % 6 === 0 ? [] : [i % 17, (i * 3) % 17],
      extra: { score_x: String((i % 13) / 2), code_y: i % 2 ? 'a' : 'b' },
    });
  }
  return makeCohort(specs);
}

describe('treeColumns', () => {
  it('builds the family columns with the contract measurement levels', () => {
    const cohort = smallCohort(12);
    const cols = new Map(treeColumns(cohort, { clusters: { name: 'k', values: cohort.families.map((_, i) => 'ABC'[i % 3]!) } }).map((c) => [c.name, c]));
    expect(cols.get('cluster')!.level).toBe('nominal');
    expect(cols.get('need_debt')!.values.slice(0, 3)).toEqual(['0', '1', '0']);
    expect(cols.get('need_neglect')!.values[0]).toBeNull(); // need missing for family 1 (i % 9 === 0)
    expect(cols.get('months_of_involvement')!.level).toBe('continuous');
    // 2023-01-01 to 2023-10-01 is 273 days; / 30.4375
    expect(cols.get('months_of_involvement')!.values[0]).toBeCloseTo(273 / 30.4375, 12);
    expect(cols.get('months_of_involvement')!.values[9]).toBeNull(); // open case
    expect(cols.get('adults')!.level).toBe('ordinal');
    expect(cols.get('imd_decile')!.level).toBe('ordinal');
    expect(cols.get('service')!.level).toBe('nominal');
    // family 2 (i = 1): children aged 1 and 3
    expect(cols.get('youngest_child_age')!.values[1]).toBe(1);
    expect(cols.get('oldest_child_age')!.values[1]).toBe(3);
    expect(cols.get('youngest_child_band')!.values[1]).toBe('1-4');
    expect(cols.get('oldest_child_band')!.order).toEqual(['<1', '1-4', '5-9', '10-15', '16+']);
    expect(cols.get('youngest_child_age')!.values[0]).toBeNull(); // no children
    expect(cols.get('outcome_met')!.values.slice(0, 4)).toEqual(['met', 'met', 'not_met', null]);
    expect(cols.get('score_x')!.level).toBe('continuous');
    expect(cols.get('code_y')!.level).toBe('nominal');
    expect(cols.has('progress_category')).toBe(false);
  });

  it('rejects a grouping that does not have one value per family', () => {
    const cohort = smallCohort(12);
    expect(() => treeColumns(cohort, { clusters: { name: 'k', values: ['A'] } })).toThrow(/one value per family, got 1 values for 12 families/);
  });
});

describe('treeAnalysis', () => {
  it('grows a CHAID tree on the named predictors and counts the families left out', () => {
    const cohort = smallCohort();
    const r = treeAnalysis(cohort, { target: 'social_care_after', predictors: ['months_of_involvement', 'service', 'adults'], minParent: 20, minChild: 10 });
    expect(r.excluded.missingTarget).toBe(24); // every tenth family has no social_care_after
    expect(r.n).toBe(216);
    expect(r.nodes[0]!.split!.variable).toBe('months_of_involvement');
    expect(r.focus).toBe('1');
    expect(r.rules.length).toBe(r.nodes.filter((n) => n.split === null).length);
    expect(r.text).toContain('split on months_of_involvement');
    expect(r.predictorLevels.map((p) => p.level)).toEqual(['continuous', 'nominal', 'ordinal']);
  });

  it('applies name:level overrides', () => {
    const cohort = smallCohort();
    const r = treeAnalysis(cohort, { target: 'social_care_after', predictors: ['adults:nominal', 'ethnicity:ordinal', 'imd_decile:continuous'], minParent: 20, minChild: 10 });
    expect(r.predictors.map((p) => p.level)).toEqual(['nominal', 'ordinal', 'continuous']);
    expect(r.predictors[1]!.categories).toEqual(['Asian', 'White British']);
    expect(r.predictorLevels.every((p) => p.overridden)).toBe(true);
  });

  it('uses outcome_met as met or partially met vs not met, focusing on met', () => {
    const r = treeAnalysis(smallCohort(), { target: 'outcome_met', predictors: ['service'], minParent: 20, minChild: 10 });
    expect(r.targetCategories).toEqual(['met', 'not_met']);
    expect(r.nodes[0]!.distribution).toEqual({ met: 120, not_met: 60 });
    expect(r.excluded.missingTarget).toBe(60);
    expect(r.focus).toBe('met');
  });

  it('names an unknown target or predictor and lists the valid names', () => {
    const cohort = smallCohort(30);
    expect(() => treeAnalysis(cohort, { target: 'nope' })).toThrow(/unknown target "nope"; valid targets: .*need_debt.*social_care_after/);
    expect(() => treeAnalysis(cohort, { target: 'social_care_after', predictors: ['adults', 'nothing'] })).toThrow(/unknown predictor "nothing"; valid predictors: .*months_of_involvement/);
    expect(() => treeAnalysis(cohort, { target: 'months_of_involvement' })).toThrow(/0\/1 or text target, "months_of_involvement" is continuous/);
    expect(() => treeAnalysis(cohort, { target: 'progress_category' })).toThrow(/needs the progressCategory grouping/);
    expect(() => treeAnalysis(cohort, { target: 'social_care_after', predictors: ['cluster'] })).toThrow(/predictor "cluster" needs the clusters grouping/);
    expect(() => treeAnalysis(cohort, { target: 'social_care_after', predictors: ['adults:interval'] })).toThrow(/one of nominal, ordinal, continuous, got "adults:interval"/);
    expect(() => treeAnalysis(cohort, { target: 'social_care_after', predictors: ['social_care_after'] })).toThrow(/not to be a predictor too/);
    expect(() => treeAnalysis(cohort, { target: 'social_care_after', predictors: ['service:continuous'] })).toThrow(/cannot read "service" as continuous/);
  });

  it('brings out the planted driver of social care after in the demo cohort: long involvement in clusters A, C, G, H', () => {
    const { cohort, truth } = synthCohortWithTruth({});
    const clusters = { name: 'cluster', values: truth.cluster };
    const r = treeAnalysis(cohort, { target: 'social_care_after', clusters, predictors: ['cluster', 'months_of_involvement'] });
    const splitOn = new Set(r.nodes.flatMap((n) => (n.split ? [n.split.variable] : [])));
    expect([...splitOn].sort()).toEqual(['cluster', 'months_of_involvement']);
    // the tree's rate of social care after for a family of each cluster with 3 and with 12 months of involvement
    const rise = (c: string): number => {
      const [short, long] = predictTree(r, [
        { cluster: c, months_of_involvement: 3 },
        { cluster: c, months_of_involvement: 12 },
      ]);
      return long!.probabilities['1']! - short!.probabilities['1']!;
    };
    const planted = ['A', 'C', 'G', 'H'].map(rise);
    const flat = ['E', 'F', 'I'].map(rise); // planted flat in months (synth-cohort-chunks.ts AFTER_OTHER)
    for (const x of planted) expect(x).toBeGreaterThan(0.1);
    const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(planted)).toBeGreaterThan(mean(flat) + 0.1);
    // the rules name the interaction
    expect(r.rules.some((x) => /cluster (in \{[A-I, ]+\}|= [A-I])/.test(x.text) && /months_of_involvement > [\d.]+/.test(x.text))).toBe(true);

    // with every default predictor the tree still splits on both
    const all = treeAnalysis(cohort, { target: 'social_care_after', clusters });
    expect(all.predictorLevels.length).toBeGreaterThan(60);
    const allSplits = new Set(all.nodes.flatMap((n) => (n.split ? [n.split.variable] : [])));
    expect(allSplits.has('cluster') && allSplits.has('months_of_involvement')).toBe(true);
  });
});
