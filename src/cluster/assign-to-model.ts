import { NEED_MISSING, type Cohort } from '../cohort/types.js';
import { loadClusterModel, type ClusterModel } from './cluster-model.js';
import { clampP } from './bernoulli-mixture.js';

/** Result of {@link assignToModel}. */
export interface AssignResult {
  method: ClusterModel['method'];
  /** The model's training hash, and this cohort's. */
  modelTrainingHash: string;
  cohortHash: string;
  indicators: {
    /** Model indicators found in the cohort (used). */
    used: string[];
    /** Model indicators the cohort does not have (left out of every distance). */
    missing: string[];
    /** Cohort indicators the model does not know (ignored). */
    added: string[];
  };
  families: number;
  assigned: number;
  /** Families with a blank value in a used indicator: no cluster (as the model's missing rule). */
  excludedMissing: number;
  missingRule: string;
  /** Cluster label per family (aligned with cohort.families), null when excluded. */
  assignments: (string | null)[];
  /** Euclidean distance to the assigned cluster's centroid over the used indicators; null when excluded. */
  distances: (number | null)[];
  /** Farther than the model's distance99 from every centroid; null when excluded. */
  far: (boolean | null)[];
  farCount: number;
  distance99: number;
  /** Families per cluster label, in model order. */
  counts: { label: string; count: number }[];
  /** How a cluster is chosen. */
  rule: string;
}

/**
 * Puts the families of a cohort into the clusters of a saved model. Indicators are matched
 * by id: the model's indicators the cohort lacks are left out of the comparison (a k-means
 * distance over fewer indicators; for a latent class model, the missing indicators are
 * marginalised out), and the cohort's extra indicators are ignored; both lists are
 * reported. k-means models: the nearest centroid (Euclidean, ties to the first cluster);
 * lca models: the class with the highest posterior probability. A family farther than the
 * model's distance99 from every centroid is flagged as far. A family with a blank value
 * in a used indicator gets no cluster and is counted.
 *
 * Cost: O(families · k · indicators).
 *
 * @throws if the model is invalid (see loadClusterModel) or no model indicator is in the cohort.
 * @example assignToModel(cohort, loadClusterModel(json)).assignments // ['C', 'A', null, …]
 */
export function assignToModel(cohort: Cohort, model: ClusterModel): AssignResult {
  const m = loadClusterModel(model);
  const used: string[] = [];
  const modelCols: number[] = [];
  const cohortCols: number[] = [];
  const missing: string[] = [];
  m.indicators.forEach((id, j) => {
    const c = cohort.needIds.indexOf(id);
    if (c < 0) missing.push(id);
    else {
      used.push(id);
      modelCols.push(j);
      cohortCols.push(c);
    }
  });
  const modelSet = new Set(m.indicators);
  const added = cohort.needIds.filter((id) => !modelSet.has(id));
  if (used.length === 0) {
    throw new Error(
      `assignToModel requires at least one of the model's ${m.indicators.length} indicators in the cohort, got none (cohort has ${cohort.needIds.length} need indicators)`,
    );
  }
  const k = m.clusters.length;
  const u = used.length;
  const cent = m.clusters.map((c) => modelCols.map((j) => c.centroid[j]!));
  // For lca: log-probability tables over the used indicators.
  const logW = m.clusters.map((c) => Math.log(c.weight));
  const logP = cent.map((row) => row.map((p) => Math.log(clampP(p))));
  const logQ = cent.map((row) => row.map((p) => Math.log(1 - clampP(p))));

  const nf = cohort.families.length;
  const width = cohort.needIds.length;
  const assignments: (string | null)[] = new Array(nf).fill(null);
  const distances: (number | null)[] = new Array(nf).fill(null);
  const far: (boolean | null)[] = new Array(nf).fill(null);
  const counts = new Array<number>(k).fill(0);
  let excludedMissing = 0;
  let farCount = 0;
  const x = new Uint8Array(u);
  const dist = new Float64Array(k);
  for (let f = 0; f < nf; f++) {
    let complete = true;
    for (let t = 0; t < u; t++) {
      const v = cohort.needs[f * width + cohortCols[t]!]!;
      if (v === NEED_MISSING) {
        complete = false;
        break;
      }
      x[t] = v;
    }
    if (!complete) {
      excludedMissing++;
      continue;
    }
    for (let c = 0; c < k; c++) {
      let s = 0;
      const row = cent[c]!;
      for (let t = 0; t < u; t++) {
        const e = x[t]! - row[t]!;
        s += e * e;
      }
      dist[c] = s;
    }
    let best = 0;
    if (m.method === 'kmeans') {
      for (let c = 1; c < k; c++) if (dist[c]! < dist[best]!) best = c;
    } else {
      let bestLog = -Infinity;
      for (let c = 0; c < k; c++) {
        let s = logW[c]!;
        for (let t = 0; t < u; t++) s += x[t] === 1 ? logP[c]![t]! : logQ[c]![t]!;
        if (s > bestLog) {
          bestLog = s;
          best = c;
        }
      }
    }
    let nearest = Infinity;
    for (let c = 0; c < k; c++) if (dist[c]! < nearest) nearest = dist[c]!;
    assignments[f] = m.clusters[best]!.label;
    distances[f] = Math.sqrt(dist[best]!);
    const isFar = Math.sqrt(nearest) > m.distance99;
    far[f] = isFar;
    if (isFar) farCount++;
    counts[best]++;
  }
  return {
    method: m.method,
    modelTrainingHash: m.trainingHash,
    cohortHash: cohort.source.sha256,
    indicators: { used, missing, added },
    families: nf,
    assigned: nf - excludedMissing,
    excludedMissing,
    missingRule: m.missingRule,
    assignments,
    distances,
    far,
    farCount,
    distance99: m.distance99,
    counts: m.clusters.map((c, i) => ({ label: c.label, count: counts[i]! })),
    rule:
      m.method === 'kmeans'
        ? 'nearest centroid (Euclidean distance over the used indicators; ties to the first cluster)'
        : 'highest posterior class probability (latent class model; indicators the cohort lacks are marginalised out)',
  };
}
