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

describe('sampleRows / takeRows', () => {
  it('draws distinct rows in ascending order, the same for the same seed', () => {
    const a = sampleRows(1000, 100, createRng(5));
    expect(a).toHaveLength(100);
    expect(new Set(a).size).toBe(100);
    for (let i = 1; i < a.length; i++) expect(a[i]!).toBeGreaterThan(a[i - 1]!);
    expect(a[0]!).toBeGreaterThanOrEqual(0);
    expect(a[99]!).toBeLessThan(1000);
    expect(sampleRows(1000, 100, createRng(5))).toEqual(a);
    expect(sampleRows(1000, 100, createRng(6))).not.toEqual(a);
    expect(sampleRows(5, 5, createRng(1))).toEqual(Int32Array.of(0, 1, 2, 3, 4));
  });

  it('gives every row the same chance m/n, also when one order array serves many draws', () => {
    const n = 10;
    const m = 3;
    const draws = 20000;
    const rng = createRng(11);
    const order = Int32Array.from({ length: n }, (_, i) => i);
    const hits = new Array<number>(n).fill(0);
    for (let b = 0; b < draws; b++) for (const r of sampleRows(n, m, rng, order)) hits[r]++;
    // Binomial(20000, 0.3): sd 65; allow 5 sd.
    for (const h of hits) expect(Math.abs(h - draws * 0.3)).toBeLessThan(5 * Math.sqrt(draws * 0.3 * 0.7));
    expect([...order].sort((x, y) => x - y)).toEqual(Array.from({ length: n }, (_, i) => i));
  });

  it('copies the rows asked for; rejects a bad m', () => {
    const data = { rows: 3, cols: 2, values: new Uint8Array([0, 1, 1, 0, 1, 1]) };
    expect(takeRows(data, Int32Array.of(0, 2))).toEqual({ rows: 2, cols: 2, values: new Uint8Array([0, 1, 1, 1]) });
    const dense = { rows: 2, cols: 1, values: new Float64Array([0.5, 2]) };
    expect(takeRows(dense, Int32Array.of(1)).values).toEqual(new Float64Array([2]));
    expect(() => sampleRows(10, 0, createRng(1))).toThrow('m to be a whole number in [1, 10], got m=0');
    expect(() => sampleRows(10, 11, createRng(1))).toThrow('got m=11');
  });
});

describe('clusterStability by subsetting (Hennig)', () => {
  const b = readMatrix('binary.csv');
  const binary = { rows: b.rows, cols: b.cols, values: Uint8Array.from(b.values) };
  const fit = kMeans(binary, { k: 4, restarts: 4, seed: 1 });
  const refit = (sample: DataMatrix, seed: number) => kMeans(sample, { k: 4, restarts: 2, seed }).labels;

  it('reads the planted groups as stable on half-size subsets, says so, and is reproducible', () => {
    const s = clusterStability(binary, fit.labels, 4, refit, { resamples: 15, seed: 3, subsetSize: 250 });
    expect(s.scheme).toBe('subset');
    expect(s.resampleRows).toBe(250);
    expect(s.method).toMatch(/^subsetting \(Hennig's scheme: 250 of the 500 rows drawn without replacement\)/);
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
    expect(s.method).toMatch(/^the 25 k-means\+\+ start\(s\) were run on a simple random sample of 2,000 of the 5,4\d\d families \(seed 1\); the best start's solution was then refined by Lloyd's algorithm on every family/);
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
    expect(r.stability!.method).toMatch(/^subsetting \(Hennig's scheme: 2,500 of the 5,4\d\d rows/);
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
