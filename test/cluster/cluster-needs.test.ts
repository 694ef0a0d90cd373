import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { adjustedRandIndex } from '../../src/cluster/adjusted-rand-index.js';
import { assignToModel } from '../../src/cluster/assign-to-model.js';
import { clusterNeeds, type ClusterAnalysisResult } from '../../src/cluster/cluster-needs.js';
import { loadClusterModel } from '../../src/cluster/cluster-model.js';
import { NEED_MISSING, type Cohort } from '../../src/cohort/types.js';
import { synthCohort, synthCohortWithTruth } from '../../src/synth/synth-cohort.js';

let cohort: Cohort;
let truth: string[];
let result: ClusterAnalysisResult;
let cohortHash: string;

function hashCohort(c: Cohort): string {
  return createHash('sha256').update(JSON.stringify(c.families)).update(c.needs).update(JSON.stringify(c.needIds)).digest('hex');
}

beforeAll(() => {
  const synth = synthCohortWithTruth(); // the demo cohort: 5,486 families, 9 planted clusters A–I
  cohort = synth.cohort;
  truth = synth.truth.cluster;
  cohortHash = hashCohort(cohort);
  result = clusterNeeds(cohort, { k: 9, stability: { resamples: 4 }, seed: 1 });
});

describe('clusterNeeds on the demo cohort', () => {
  it('recovers the planted clusters (adjusted Rand index against the truth)', () => {
    const kept = result.assignments.map((a, f) => (a === null ? -1 : f)).filter((f) => f >= 0);
    const ari = adjustedRandIndex(
      kept.map((f) => result.assignments[f]!),
      kept.map((f) => truth[f]!),
    );
    expect(ari).toBeGreaterThan(0.95);
  });

  it('fills the contract fields of the clusters section', () => {
    expect(result.method).toBe('kmeans');
    expect(result.k).toBe(9);
    expect(result.seed).toBe(1);
    expect(result.kChosenBy).toBe('given');
    expect(result.inertia).toBeGreaterThan(0);
    expect(result.clusters.map((c) => c.label)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I']);
    expect(result.clusters.reduce((s, c) => s + c.size, 0)).toBe(result.families.clustered);
    expect(result.families.clustered + result.families.excludedMissing).toBe(cohort.families.length);
    for (const c of result.clusters) {
      expect(['LOW', 'MID', 'HIGH']).toContain(c.level);
      expect(typeof c.group).toBe('string');
      expect(c.needs).toHaveLength(cohort.needIds.length);
      for (const e of c.needs) {
        expect(Object.keys(e)).toEqual(expect.arrayContaining(['id', 'percent', 'overallPercent', 'p', 'pAdjusted', 'overRepresented']));
      }
      expect(c.stability!.meanJaccard).toBeGreaterThan(0);
    }
    expect(result.assignments).toHaveLength(cohort.families.length);
    expect(result.groupAssignments).toHaveLength(cohort.families.length);
    // Families with a blank indicator have no cluster, and are counted.
    const width = cohort.needIds.length;
    let blanks = 0;
    cohort.families.forEach((_, f) => {
      const blank = Array.from(cohort.needs.subarray(f * width, (f + 1) * width)).includes(NEED_MISSING);
      if (blank) blanks++;
      expect(result.assignments[f] === null).toBe(blank);
    });
    expect(result.families.excludedMissing).toBe(blanks);
  });

  it('cross-tabulates the characteristics the evaluation reports; teenage parents concentrate in one cluster', () => {
    const tabs = result.crossTabs!.tables;
    expect(tabs.map((t) => t.variable)).toEqual([
      'service', 'reReferred', 'socialCareDuring', 'socialCareAfter', 'cpPlanAfter',
      'involvementOver12Months', 'teenageParent', 'singleParent', 'ethnicity',
    ]);
    const teen = tabs.find((t) => t.variable === 'teenageParent')!;
    expect(teen.available).toBe(true);
    const top = teen.cells.reduce((a, c) => (c.percent > a.percent ? c : a));
    expect(top.percent).toBeGreaterThan(85); // the planted cluster D: 95% teenage parents
    expect(top.significant).toBe(true);
    for (const t of tabs) expect(t.families + t.missing).toBe(result.families.clustered);
  });

  it('is reproducible to the byte and leaves the cohort unchanged', () => {
    const again = clusterNeeds(cohort, { k: 9, stability: { resamples: 4 }, seed: 1 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(result));
    expect(hashCohort(cohort)).toBe(cohortHash);
  });

  it('applies name and group overrides; rejects unknown labels', () => {
    const r = clusterNeeds(cohort, {
      k: 9,
      stability: false,
      crossTabs: false,
      names: { A: 'Adults requiring support' },
      groupOverrides: { A: 'Custom', B: 'Custom' },
    });
    expect(r.clusters[0]!.name).toBe('Adults requiring support');
    expect(r.clusters[0]!.suggestedName).not.toBe('Adults requiring support');
    expect(r.clusters[0]!.group).toBe('Custom');
    expect(r.clusters[1]!.group).toBe('Custom');
    expect(new Set([r.clusters[0]!.level, r.clusters[1]!.level])).toEqual(new Set(['LOW', 'HIGH']));
    expect(r.model.clusters[0]!.name).toBe('Adults requiring support');
    expect(() => clusterNeeds(cohort, { k: 9, stability: false, crossTabs: false, names: { Z: 'x' } })).toThrow('got "Z"');
  });
});

describe('saved models', () => {
  it('round-trips through JSON and reproduces the training assignments', () => {
    const text = JSON.stringify(result.model);
    const loaded = loadClusterModel(JSON.parse(text));
    expect(loaded).toEqual(result.model);
    const a = assignToModel(cohort, loaded);
    expect(a.assignments).toEqual(result.assignments);
    expect(a.indicators.missing).toEqual([]);
    expect(a.indicators.added).toEqual([]);
    // About 1% of the training families are farther than the 99th percentile of training distances.
    expect(a.farCount).toBeLessThanOrEqual(Math.ceil(0.011 * a.assigned));
    expect(a.farCount).toBeGreaterThan(0);
  });

  it('reports indicators missing from and added to the model, and fails when none match', () => {
    const drop = cohort.needIds.indexOf('bereavement');
    const width = cohort.needIds.length;
    const needs = new Uint8Array(cohort.families.length * width);
    for (let f = 0; f < cohort.families.length; f++) {
      for (let j = 0; j < width; j++) needs[f * width + j] = j === drop ? 0 : cohort.needs[f * width + j]!;
    }
    const renamed: Cohort = { ...cohort, needIds: cohort.needIds.map((id, j) => (j === drop ? 'new_indicator' : id)), needs };
    const a = assignToModel(renamed, result.model);
    expect(a.indicators.missing).toEqual(['bereavement']);
    expect(a.indicators.added).toEqual(['new_indicator']);
    expect(a.indicators.used).toHaveLength(width - 1);
    const same = a.assignments.filter((x, f) => x !== null && x === result.assignments[f]).length;
    expect(same / a.assigned).toBeGreaterThan(0.97);
    const none: Cohort = { ...cohort, needIds: cohort.needIds.map((id) => `other_${id}`) };
    expect(() => assignToModel(none, result.model)).toThrow("requires at least one of the model's 57 indicators in the cohort, got none");
  });

  it('rejects invalid models naming the field', () => {
    const m = JSON.parse(JSON.stringify(result.model));
    expect(() => loadClusterModel({ ...m, kind: 'other' })).toThrow('loadClusterModel requires kind "earlyhelp-cluster-model", got "other"');
    expect(() => loadClusterModel({ ...m, version: 2 })).toThrow('version 1, got 2');
    const badCentroid = { ...m, clusters: [{ ...m.clusters[0], centroid: [0.5] }, ...m.clusters.slice(1)] };
    expect(() => loadClusterModel(badCentroid)).toThrow('a centroid of 57 values for cluster 0');
    expect(() => loadClusterModel({ ...m, clusters: [m.clusters[0], m.clusters[0]] })).toThrow('unique cluster labels, got "A"');
    expect(() => loadClusterModel(null)).toThrow('a JSON object, got null');
  });
});

describe('latent class analysis on the demo cohort', () => {
  it('fits a Bernoulli mixture that recovers the planted clusters and agrees with k-means', () => {
    const r = clusterNeeds(cohort, { k: 9, method: 'lca', lcaRestarts: 2, restarts: 10, stability: false, crossTabs: false });
    expect(r.method).toBe('lca');
    expect(r.lca!.agreementWithKMeans).toBeGreaterThan(0.9);
    expect(r.lca!.bic).toBeCloseTo(-2 * r.lca!.logLikelihood + (9 * 57 + 8) * Math.log(r.families.clustered), 6);
    const kept = r.assignments.map((a, f) => (a === null ? -1 : f)).filter((f) => f >= 0);
    expect(adjustedRandIndex(kept.map((f) => r.assignments[f]!), kept.map((f) => truth[f]!))).toBeGreaterThan(0.9);
    for (const c of r.clusters) expect(c.meanPosterior!).toBeGreaterThan(0.8);
    expect(r.model.method).toBe('lca');
    const a = assignToModel(cohort, loadClusterModel(JSON.parse(JSON.stringify(r.model))));
    expect(a.assignments).toEqual(r.assignments);
  });
});

describe('defaults (once, on a smaller synthetic cohort)', () => {
  it('chooses k over 2–15 with a reason, and measures stability with 100 resamples', () => {
    const small = synthCohort({ families: 500, seed: 3 });
    const r = clusterNeeds(small);
    expect(r.kChosenBy).toBe('lowest-bic');
    expect(r.choiceOfK!.table.map((row) => row.k)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    expect(r.choiceOfK!.reason).toMatch(new RegExp(`^k=${r.k}: `));
    expect(r.restarts).toBe(25);
    expect(r.stability!.resamples).toBe(100);
    expect(r.clusters).toHaveLength(r.k);
    expect(new Set(r.groups.map((g) => g.name)).size).toBe(r.groups.length);
    expect(r.groups.length).toBe(Math.min(4, r.k));
  });
});
