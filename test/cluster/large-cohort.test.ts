import { beforeAll, describe, expect, it } from 'vitest';
import { chooseK } from '../../src/cluster/choose-k.js';
import { clusterNeeds, type ClusterAnalysisResult } from '../../src/cluster/cluster-needs.js';
import { clusterStability } from '../../src/cluster/cluster-stability.js';
import type { DataMatrix } from '../../src/cluster/data-matrix.js';
import { kMeans } from '../../src/cluster/k-means.js';
import { needMatrix } from '../../src/cluster/need-matrix.js';
import { parseClusterOptions } from '../../src/cluster/parse-cluster-options.js';
import { sampleRows, takeRows } from '../../src/cluster/sample-rows.js';
import type { Cohort } from '../../src/cohort/types.js';
import { createRng } from '../../src/stats/rng.js';
import { synthCohort } from '../../src/synth/synth-cohort.js';
import { readMatrix, samePartition } from './fixtures.js';

// The reductions evaluate makes for large cohorts (sampled starts and choice of k,
// stability by subsetting), checked on small data where the full procedure is cheap.

describe('clusterStability by subsetting (Hennig)', () => {
  const b = readMatrix('binary.csv');
  const binary = { rows: b.rows, cols: b.cols, values: Uint8Array.from(b.values) };
  const fit = kMeans(binary, { k: 4, restarts: 4, seed: 1 });
  const refit = (sample: DataMatrix, seed: number) => kMeans(sample, { k: 4, restarts: 2, seed }).labels;

  it('reads the planted groups as stable on half-size subsets, says so, and is reproducible', () => {
    const s = clusterStability(binary, fit.labels, 4, refit, { resamples: 15, seed: 3, subsetSize: 250 });
    expect(s.scheme).toBe('subset');
    expect(s.resampleRows).toBe(250);
    expect(s.method).toMatch(/^subsetting \(Hennig's scheme: subsets of the rows drawn without replacement\)/);
    expect(s.method).not.toContain('250');
    expect(s.reading).toEqual(['stable', 'stable', 'stable', 'stable']);
    for (const j of s.meanJaccard) expect(j).toBeGreaterThan(0.75);
    expect(clusterStability(binary, fit.labels, 4, refit, { resamples: 15, seed: 3, subsetSize: 250 })).toEqual(s);
    const boot = clusterStability(binary, fit.labels, 4, refit, { resamples: 3, seed: 3 });
    expect(boot.scheme).toBe('bootstrap');
    expect(boot.resampleRows).toBe(500);
  });

  it('reads clusters cut out of structureless noise as not to be trusted', () => {
    const rng = createRng(9);
    const noise = { rows: 400, cols: 12, values: Uint8Array.from({ length: 400 * 12 }, () => (rng.float() < 0.3 ? 1 : 0)) };
    const labels = kMeans(noise, { k: 6, restarts: 2, seed: 1 }).labels;
    const s = clusterStability(noise, labels, 6, (sample, seed) => kMeans(sample, { k: 6, restarts: 1, seed }).labels, {
      resamples: 15,
      subsetSize: 200,
    });
    expect(s.meanJaccard.reduce((x, y) => x + y, 0) / 6).toBeLessThan(0.75);
    expect(s.reading).toContain('unstable');
  });

  it('compares each cluster with the refit by the Jaccard coefficient on exactly the rows drawn (both schemes)', () => {
    // Row i holds the value i, so the refit can see which rows were drawn; it splits them at row 30.
    const n = 60;
    const data = { rows: n, cols: 1, values: Float64Array.from({ length: n }, (_, i) => i) };
    const labels = Array.from({ length: n }, (_, i) => i % 3);
    for (const subsetSize of [25, undefined]) {
      const drawn: number[][] = [];
      const s = clusterStability(data, labels, 3, (sample) => {
        drawn.push(Array.from(sample.values));
        return drawn.at(-1)!.map((row) => (row < 30 ? 0 : 1));
      }, { resamples: 7, seed: 2, subsetSize });
      expect(drawn).toHaveLength(7);
      for (const rows of drawn) {
        expect(rows).toHaveLength(subsetSize ?? n);
        for (const row of rows) expect(Number.isInteger(row) && row >= 0 && row < n).toBe(true);
        // Subsets: distinct rows, ascending. Bootstrap: with replacement (some row repeats in 60 draws of 60).
        if (subsetSize) for (let p = 1; p < rows.length; p++) expect(rows[p]!).toBeGreaterThan(rows[p - 1]!);
        else expect(new Set(rows).size).toBeLessThan(n);
      }
      // Jaccard by definition, counting repeated rows as often as drawn.
      const best = drawn.map((rows) =>
        [0, 1, 2].map((a) => {
          const inA = rows.filter((r) => labels[r] === a).length;
          if (inA === 0) return null;
          return Math.max(
            ...[0, 1].map((c) => {
              const inC = rows.filter((r) => (r < 30 ? 0 : 1) === c).length;
              const both = rows.filter((r) => labels[r] === a && (r < 30 ? 0 : 1) === c).length;
              return both / (inA + inC - both);
            }),
          );
        }),
      );
      [0, 1, 2].forEach((a) => {
        const js = best.map((b) => b[a]!).filter((j) => j !== null);
        expect(s.meanJaccard[a]!).toBeCloseTo(js.reduce((x, y) => x + y, 0) / js.length, 12);
        expect(s.dissolved[a]).toBe(js.filter((j) => j <= 0.5).length);
        expect(s.recovered[a]).toBe(js.filter((j) => j >= 0.75).length);
      });
      expect(s.meanJaccard.every((j) => j > 0.2 && j < 0.6)).toBe(true);
    }
  });

  it('rejects refit labels that are not whole numbers >= 0, and a bad seed', () => {
    expect(() => clusterStability(binary, fit.labels, 4, (sample) => new Array<number>(sample.rows).fill(-1), { resamples: 1, subsetSize: 100 })).toThrow(
      "refit's labels to be whole numbers >= 0, got -1 at sample row 0",
    );
    expect(() => clusterStability(binary, fit.labels, 4, (sample) => new Array<number>(sample.rows).fill(0.5), { resamples: 1 })).toThrow('got 0.5');
    expect(() => clusterStability(binary, fit.labels, 4, refit, { seed: 1.5 })).toThrow('clusterStability requires a whole-number seed, got 1.5');
  });

  it('refits on the subset only, and rejects subsets that are not smaller than the data', () => {
    const sizes: number[] = [];
    clusterStability(binary, fit.labels, 4, (sample, seed) => (sizes.push(sample.rows), refit(sample, seed)), { resamples: 2, subsetSize: 120 });
    expect(sizes).toEqual([120, 120]);
    expect(() => clusterStability(binary, fit.labels, 4, refit, { subsetSize: 500 })).toThrow('subsetSize to be a whole number in [2, 500), got 500');
    expect(() => clusterStability(binary, fit.labels, 4, refit, { subsetSize: 1 })).toThrow('got 1');
  });
});

describe('clusterNeeds with the k-means++ starts on a sample', () => {
  let cohort: Cohort;
  let full: ClusterAnalysisResult;
  let sampled: ClusterAnalysisResult;
  const base = { k: 9, stability: false as const, crossTabs: false, seed: 1 };

  beforeAll(() => {
    cohort = synthCohort(); // 5,486 families, 9 planted clusters
    full = clusterNeeds(cohort, base);
    sampled = clusterNeeds(cohort, { ...base, sampleSize: 2000 });
  });

  it('refines the best start of the sample to the partition 25 starts on every family find', () => {
    expect(samePartition(sampled.assignments, full.assignments)).toBe(true);
    expect(sampled.inertia).toBeCloseTo(full.inertia, 6);
    expect(sampled.kmeans!.converged).toBe(true);
    expect(sampled.kmeans!.restartInertias).toHaveLength(25);
    const s = sampled.sample!;
    expect(s.rows).toBe(2000);
    expect(s.of).toBe(full.families.clustered);
    expect(s.seed).toBe(1);
    // The sample's inertia is about its share of the full inertia.
    expect(s.sampleInertia / full.inertia).toBeCloseTo(2000 / s.of, 1);
    expect(s.method).toMatch(/^the 25 k-means\+\+ start\(s\) were run on a simple random sample of 2,000 families \(seed 1\); the best start's solution was then refined by Lloyd's algorithm on every family/);
    expect(full.sample).toBeNull();
    expect(JSON.stringify(clusterNeeds(cohort, { ...base, sampleSize: 2000 }))).toBe(JSON.stringify(sampled));
  });

  it('uses every family when the sample would hold them all', () => {
    expect(JSON.stringify(clusterNeeds(cohort, { ...base, sampleSize: 10_000 }))).toBe(JSON.stringify(full));
  });

  it('chooses k on the same seeded sample', () => {
    const r = clusterNeeds(cohort, { ...base, k: undefined, kMin: 8, kMax: 10, restarts: 10, sampleSize: 2000 });
    const data = needMatrix(cohort).data;
    const sample = takeRows(data, sampleRows(data.rows, 2000, createRng(1)));
    const direct = chooseK(sample, { kMin: 8, kMax: 10, restarts: 10, seed: 1, tolerance: 0 });
    expect(r.choiceOfK!.table).toEqual(direct.table);
    expect(r.k).toBe(direct.chosen);
    expect(r.sample!.method).toMatch(/^k was chosen and the 10 k-means\+\+ start\(s\) were run on a simple random sample of 2,000/);
    expect(r.sample!.sampleInertia).toBe(direct.table.find((row) => row.k === r.k)!.inertia);
  });

  it('measures stability on subsets when asked, and says so', () => {
    const r = clusterNeeds(cohort, { ...base, sampleSize: 2000, stability: { resamples: 3, subsetSize: 2500 } });
    expect(r.stability!.scheme).toBe('subset');
    expect(r.stability!.resampleRows).toBe(2500);
    expect(r.stability!.method).toMatch(/^subsetting \(Hennig's scheme: subsets of the rows drawn without replacement\)/);
    expect(r.stability!.method).not.toMatch(/2,?500/);
    const all = clusterNeeds(cohort, { ...base, stability: { resamples: 1, subsetSize: 100_000 } });
    expect(all.stability!.scheme).toBe('bootstrap');
  });

  it('rejects a sample size that is not a whole number >= 2', () => {
    expect(() => clusterNeeds(cohort, { ...base, sampleSize: 1 })).toThrow('sampleSize to be a whole number >= 2, got 1');
    expect(() => clusterNeeds(cohort, { ...base, sampleSize: 2.5 })).toThrow('got 2.5');
  });
});

describe('analysis.cluster settings of the large-cohort reductions', () => {
  it('reads sampleSize and stability.subsetSize, and names bad values', () => {
    expect(parseClusterOptions({ sampleSize: 20000, stability: { resamples: 20, subsetSize: 50000 } })).toEqual({
      sampleSize: 20000,
      stability: { resamples: 20, subsetSize: 50000 },
    });
    expect(() => parseClusterOptions({ sampleSize: 1 })).toThrow('analysis.cluster.sampleSize must be a whole number >= 2, got 1');
    expect(() => parseClusterOptions({ stability: { subsetSize: 1 } })).toThrow('analysis.cluster.stability.subsetSize must be a whole number >= 2, got 1');
  });
});
