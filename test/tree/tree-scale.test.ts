/**
 * The large-cohort paths of the trees: cross-validation recomputed from its documented
 * procedure with the public pieces (chaid on each fold's training cases, predictTree on
 * its held-out cases) — the folds grow on one shared coding and predict through code
 * tables, which must give exactly the same counts; hold-out validation (rounds); the bins
 * of continuous predictors (computed from counts per distinct value) against
 * binContinuous; and columns and codings shared between trees.
 */
import { describe, expect, it } from 'vitest';
import { createRng, shuffled } from '../../src/stats/rng.js';
import { binContinuous } from '../../src/tree/bin-continuous.js';
import { chaid } from '../../src/tree/chaid.js';
import { crossValidateTree } from '../../src/tree/cross-validate-tree.js';
import { predictTree } from '../../src/tree/predict-tree.js';
import { shareTreeAnalysis, treeAnalysis } from '../../src/tree/tree-analysis.js';
import type { ChaidOptions, TreeData } from '../../src/tree/tree-types.js';
import { makeCohort, type FamilySpec } from './make-cohort.js';
import { socialCareData } from './fixture-data.js';

/** Correct CHAID predictions per fold, by the documented procedure. */
function referenceFolds(data: TreeData, folds: number, seed: number, options: ChaidOptions): number[] {
  const usable = data.target.flatMap((t, i) => (t !== null && data.predictors.some((p) => p.values[i] !== null) ? [i] : []));
  const order = shuffled(usable, createRng(seed));
  const foldOf = new Map(order.map((i, pos) => [i, pos % folds]));
  const out: number[] = [];
  for (let f = 0; f < folds; f++) {
    const train = usable.filter((i) => foldOf.get(i) !== f);
    const test = usable.filter((i) => foldOf.get(i) === f);
    const sub: TreeData = { ...data, target: train.map((i) => data.target[i]!), predictors: data.predictors.map((p) => ({ ...p, values: train.map((i) => p.values[i]!) })) };
    const tree = chaid(sub, options);
    const cases = test.map((i) => Object.fromEntries(data.predictors.map((p) => [p.name, p.values[i]!])));
    out.push(predictTree(tree, cases).filter((p, j) => p.predicted === data.target[test[j]!]).length);
  }
  return out;
}

/** The social-care fixture with missing values in every predictor, a target category and predictor values seen in one fold only. */
function awkwardData(): TreeData {
  const base = socialCareData();
  const n = base.target.length;
  return {
    ...base,
    target: base.target.map((t, i) => (i % 97 === 0 ? null : i % 53 === 0 ? '2' : t)),
    predictors: base.predictors.map((p, k) => ({
      ...p,
      values: p.values.map((v, i) => {
        if ((i * 7 + k) % 13 === 0) return null;
        if (i % 41 === 5 && p.level === 'nominal') return `only-case-${i}`; // never in the training folds
        if (i === n - 2 && p.level === 'ordinal') return 99;
        if (i === n - 3 && p.level === 'continuous') return 1e6;
        return v;
      }),
    })),
  };
}

/** The awkward fixture with a target its predictors decide (up to noise), so that nodes' majorities differ. */
function decidedData(): TreeData {
  const base = awkwardData();
  const rng = createRng(5);
  const cluster = base.predictors.find((p) => p.name === 'cluster')!.values;
  const months = base.predictors.find((p) => p.name === 'months')!.values;
  const band = base.predictors.find((p) => p.name === 'band')!.values;
  return {
    ...base,
    target: base.target.map((t, i) => {
      if (t === null) return null;
      const c = String(cluster[i]);
      const score = ('ACGH'.includes(c) ? 2 : c.startsWith('only') ? 1 : 0) + (months[i] !== null && (months[i] as number) > 6 ? 1 : 0) + (band[i] === null ? 1 : 0);
      const label = score >= 2 ? 'high' : score === 1 ? 'mid' : 'low';
      return rng.float() < 0.15 ? 'low' : label;
    }),
  };
}

describe('crossValidateTree on a shared coding', () => {
  const options: ChaidOptions = { minParent: 40, minChild: 20 };
  for (const [name, data] of [
    ['the social-care fixture', socialCareData()],
    ['the fixture with missing values and unseen categories', awkwardData()],
    ['a target the predictors decide, with missing values and unseen categories', decidedData()],
  ] as const) {
    it(`counts the same correct predictions per fold as chaid and predictTree fold by fold: ${name}`, () => {
      for (const [folds, seed] of [
        [5, 1],
        [3, 11],
      ] as const) {
        const r = crossValidateTree(data, { folds, seed, chaid: options, cart: false });
        const expected = referenceFolds(data, folds, seed, options);
        const sizes = Array.from({ length: folds }, (_, f) => Math.floor((r.n - f - 1) / folds) + 1);
        expect(r.chaid.perFold).toEqual(expected.map((c, f) => c / sizes[f]!));
        expect(r.chaid.correct).toBe(expected.reduce((a, b) => a + b, 0));
      }
    });
  }

  it('holds out the first fold only with rounds 1, and the first r folds with rounds r', () => {
    const data = socialCareData();
    const all = crossValidateTree(data, { folds: 5, seed: 7, chaid: options, cart: false });
    expect(all).not.toHaveProperty('rounds');
    expect(all).not.toHaveProperty('heldOut');
    const one = crossValidateTree(data, { folds: 5, seed: 7, chaid: options, cart: false, rounds: 1 });
    const fold0 = Math.ceil(all.n / 5); // dealt round-robin: the first fold gets the extra case
    expect(one.n).toBe(all.n);
    expect(one.heldOut).toBe(fold0);
    expect(one.rounds).toBe(1);
    for (const m of ['baseline', 'chaid'] as const) {
      expect(one[m].perFold).toEqual([all[m].perFold[0]]);
      expect(one[m].correct).toBe(Math.round(all[m].perFold[0]! * fold0));
      expect(one[m].accuracy).toBe(one[m].correct / fold0);
    }
    expect(one.method).toMatch(/^hold-out validation: the first of 5 folds \(\d+ of \d+ cases\)/);
    const two = crossValidateTree(data, { folds: 5, seed: 7, chaid: options, cart: false, rounds: 2 });
    expect(two.chaid.perFold).toEqual(all.chaid.perFold.slice(0, 2));
    expect(two.heldOut).toBe(fold0 + Math.ceil((all.n - 1) / 5));
  });

  it('rejects rounds outside 1 … folds', () => {
    const data = socialCareData();
    for (const rounds of [0, 6, 1.5]) {
      expect(() => crossValidateTree(data, { folds: 5, rounds, cart: false })).toThrow(/1 <= rounds <= folds, got rounds=.*, folds=5/);
    }
  });
});

describe('bins of continuous predictors from counts per distinct value', () => {
  it('are the cut points binContinuous gives (R type 7 quantiles), ties and all', () => {
    const rng = createRng(3);
    for (let trial = 0; trial < 40; trial++) {
      const n = 20 + rng.int(0, 400);
      const distinct = 1 + rng.int(0, 30);
      const intervals = 2 + rng.int(0, 12);
      const values = Array.from({ length: n }, () => (rng.float() < 0.1 ? null : Math.round(rng.float() * distinct) / 4 - 2));
      if (values.every((v) => v === null)) continue;
      const target = values.map((_, i) => (i % 3 === 0 ? 'a' : 'b'));
      const tree = chaid({ target, predictors: [{ name: 'x', level: 'continuous', values }, { name: 'y', level: 'nominal', values: target.map((_, i) => String(i % 2)) }] }, { intervals });
      expect(tree.predictors[0]!.cuts).toEqual(binContinuous(values, intervals).cuts);
    }
  });
});

function cohort(n = 300): ReturnType<typeof makeCohort> {
  const specs: FamilySpec[] = [];
  for (let i = 0; i < n; i++) {
    specs.push({
      service: i % 3 === 0 ? 'Family Support' : "Children's Centre",
      startDate: '2023-01-01',
      endDate: i % 10 === 9 ? null : i % 2 ? '2023-10-01' : '2023-03-01',
      socialCareAfter: i % 10 === 9 ? null : i % 2 ? (i % 4 === 1 ? 1 : 0) : i % 8 === 0 ? 1 : 0,
      outcome: (['met', 'partially_met', 'not_met', 'unknown'] as const)[i % 4],
      reReferred: (i % 5 === 0 ? 1 : 0) as 0 | 1,
      adults: 1 + (i % 3),
      imdDecile: 1 + (i % 10),
      ethnicity: i % 7 === 0 ? null : i % 2 ? 'White British' : 'Asian',
      needs: [(i % 2) as 0 | 1, i % 9 === 0 ? null : ((i % 3 === 0 ? 1 : 0) as 0 | 1)],
      childAges: i % 6 === 0 ? [] : [i % 17, (i * 3) % 17],
    });
  }
  return makeCohort(specs);
}

describe('treeAnalysis with shared columns', () => {
  it('grows the same trees as without, and refuses columns of another cohort or other sources', () => {
    const c = cohort();
    const clusters = { name: 'cluster', values: c.families.map((_, i) => 'ABCD'[(i * 7) % 4]!) };
    const startScore = c.families.map((_, i) => (i % 11 === 0 ? null : 2 + ((i * 13) % 17) / 4));
    const sources = { clusters, startScore };
    const shared = shareTreeAnalysis(c, sources);
    for (const target of ['social_care_after', 'outcome_met', 're_referred']) {
      const opts = { target, ...sources, minParent: 20, minChild: 10, crossValidation: { folds: 3, seed: 2, cart: false } };
      expect(treeAnalysis(c, opts, shared)).toEqual(treeAnalysis(c, opts));
    }
    expect(() => treeAnalysis(cohort(), { target: 'social_care_after', ...sources }, shared)).toThrow(/shared with another cohort or other sources/);
    expect(() => treeAnalysis(c, { target: 'social_care_after', clusters }, shared)).toThrow(/shared with another cohort or other sources/);
  });
});

describe('a continuous predictor with thousands of distinct values (the large-cohort counting paths)', () => {
  it('grows, node by node, the tree of the same predictor binned first and given as ordinal', () => {
    // 40,000 cases, x with ~40,000 distinct values: x's code × target table (~80,000 cells)
    // is past chaid's direct table (4,096) and case-codes' one-table limit (65,536); the
    // binned ordinal x has 11 codes and takes the small paths. CHAID merges ordered
    // categories the same way, so the two trees must agree in every count and statistic.
    const rng = createRng(8);
    const n = 40_000;
    const x: (number | null)[] = [];
    const z: (string | null)[] = [];
    const target: string[] = [];
    for (let i = 0; i < n; i++) {
      const v = rng.float() * 1000;
      x.push(rng.float() < 0.03 ? null : v);
      z.push(rng.float() < 0.05 ? null : 'PQRS'[rng.int(0, 3)]!);
      const p = 0.15 + 0.5 * (v / 1000) ** 2 + (z[i] === 'P' ? 0.1 : 0);
      target.push(rng.float() < p ? '1' : '0');
    }
    expect(new Set(x).size).toBeGreaterThan(32_768 + 1);
    const options: ChaidOptions = { intervals: 10, minParent: 400, minChild: 200, maxDepth: 3 };
    const binned = binContinuous(x, options.intervals);
    const continuous = chaid({ target, targetName: 'y', predictors: [{ name: 'x', level: 'continuous', values: x }, { name: 'z', level: 'nominal', values: z }] }, options);
    const ordinal = chaid({ target, targetName: 'y', predictors: [{ name: 'x', level: 'ordinal', values: binned.codes }, { name: 'z', level: 'nominal', values: z }] }, options);
    // The same bins, then the same nodes (categories of x as bin indices).
    expect(continuous.predictors[0]!.categories).toEqual(binned.labels);
    const binIndex = (variable: string, labels: string[], tree: typeof continuous) =>
      variable !== 'x' ? labels : labels.map((l) => (l === '<missing>' ? l : String(tree === continuous ? binned.labels.indexOf(l) : Number(l))));
    const shape = (tree: typeof continuous) =>
      tree.nodes.map((node) => ({
        n: node.n,
        distribution: node.distribution,
        children: node.children,
        branch: node.branch && binIndex(node.branch.variable, node.branch.categories, tree),
        split: node.split && {
          variable: node.split.variable,
          groups: node.split.groups.map((g) => binIndex(node.split!.variable, g, tree)),
          chiSquare: node.split.chiSquare,
          df: node.split.df,
          pAdjusted: node.split.pAdjusted,
        },
      }));
    expect(continuous.nodes.length).toBeGreaterThan(3);
    expect(continuous.nodes.some((node) => node.split?.variable === 'x')).toBe(true);
    expect(shape(continuous)).toEqual(shape(ordinal));
  });
});
