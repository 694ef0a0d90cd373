import type { IndicatorLabel } from '../cohort/config.js';
import { NEED_CATALOGUE } from '../cohort/catalogues.js';
import type { Cohort } from '../cohort/types.js';
import { quantile } from '../stats/descriptive.js';
import type { PAdjustMethod } from '../stats/p-adjust.js';
import { createRng } from '../stats/rng.js';
import { adjustedRandIndex } from './adjusted-rand-index.js';
import { arrangeClusters, type NeedLevel } from './arrange-clusters.js';
import { bernoulliMixture, type BernoulliMixtureResult } from './bernoulli-mixture.js';
import { chooseK, type ChooseKRow, type ChooseKRule } from './choose-k.js';
import { clusterCrossTabs, type ClusterCrossTabsResult } from './cluster-cross-tabs.js';
import {
  CLUSTER_METHODS,
  CLUSTER_MODEL_KIND,
  CLUSTER_MODEL_VERSION,
  type ClusterMethod,
  type ClusterModel,
} from './cluster-model.js';
import { clusterStability, type StabilityReading } from './cluster-stability.js';
import type { DataMatrix } from './data-matrix.js';
import { kMeans, type KMeansResult, type KMeansThreads } from './k-means.js';
import { MISSING_NEED_RULE, needMatrix } from './need-matrix.js';
import { needProfiles, type NeedProfileEntry } from './need-profiles.js';
import { sampleRows, takeRows } from './sample-rows.js';
import { suggestClusterNames } from './suggest-cluster-names.js';

/** Options for {@link clusterNeeds}. Every field is optional. */
export interface ClusterNeedsOptions {
  /** 'kmeans' (default) or 'lca' (Bernoulli mixture / latent class analysis). */
  method?: ClusterMethod;
  /** Number of clusters; chosen by {@link chooseK} when absent. */
  k?: number;
  /** Range for choosing k (default 2–15). */
  kMin?: number;
  kMax?: number;
  /**
   * k-means++ starts (default 25: need data have many near-equal local optima; on the
   * demo cohort one start in five reaches the best partition at k = 9).
   */
  restarts?: number;
  /** EM starts for 'lca' (default 10), besides the start from the k-means solution. */
  lcaRestarts?: number;
  /** A second thread for the k-means starts of the fit (same result; see KMeansOptions.threads). */
  threads?: KMeansThreads;
  /** Seed of every random draw (default 1). */
  seed?: number;
  /** k-means steps per start (default 300). */
  maxIterations?: number;
  /** k-means tolerance (default 0: run until no family changes cluster, so the saved model reproduces the assignments). */
  tolerance?: number;
  /** Labels and headline problems by indicator id (default: the contract's catalogue). */
  indicators?: Record<string, IndicatorLabel>;
  /** Indicators to cluster on (default: every need indicator of the cohort). */
  needIds?: string[];
  /** Number of groups of clusters (default 4). */
  groups?: number;
  /** Names by cluster label, replacing the suggested ones. */
  names?: Record<string, string>;
  /** Group names by cluster label, replacing the automatic grouping for those clusters (levels follow the new groups). */
  groupOverrides?: Record<string, string>;
  /**
   * Large cohorts: when more families are clustered than this, k is chosen (kMeans and the
   * Bernoulli-mixture BIC) and the k-means++ starts are run on a seeded simple random sample
   * of this many families, and the best start's solution is refined by Lloyd's algorithm on
   * every family (default: every family throughout). 'lca' then fits EM on every family.
   */
  sampleSize?: number;
  /**
   * Stability (default: the bootstrap, 100 resamples, refits with 5 starts); `subsetSize`
   * switches to Hennig's subsetting scheme (resamples of that many distinct families; used
   * only when it is below the families clustered); false to skip.
   */
  stability?: false | { resamples?: number; restarts?: number; seed?: number; subsetSize?: number };
  /** Rows in the silhouette sample when choosing k (default 2000). */
  silhouetteSampleSize?: number;
  /** Adjustment of the profile and cross-tabulation p-values (default 'holm'). */
  adjust?: PAdjustMethod;
  /** Significance level (default 0.05). */
  alpha?: number;
  /** Cross-tabulations with family characteristics (default true). */
  crossTabs?: boolean;
}

/** A row of the choice-of-k table. */
export type ChoiceOfKRow = ChooseKRow;

/** One cluster in {@link ClusterAnalysisResult}. */
export interface ClusterSummary {
  label: string;
  size: number;
  /** Percent of the clustered families. */
  percent: number;
  /** Group name. */
  group: string;
  groupNumber: number;
  level: NeedLevel;
  /** Name in use (the configuration's, else the suggested one). */
  name: string;
  suggestedName: string;
  /** Mean number of needs of the cluster's families. */
  meanNeeds: number;
  /** Over-represented needs, strongest first. */
  distinctive: string[];
  needs: NeedProfileEntry[];
  stability: { meanJaccard: number; reading: StabilityReading; dissolved: number; recovered: number } | null;
  /** lca: mean posterior probability of the cluster among its families (classification certainty). */
  meanPosterior: number | null;
}

/** The `clusters` section of results.json. */
export interface ClusterAnalysisResult {
  method: ClusterMethod;
  k: number;
  seed: number;
  /** Within-cluster sum of squares of the partition (0/1 indicators, Euclidean). */
  inertia: number;
  restarts: number;
  kChosenBy: 'given' | ChooseKRule;
  choiceOfK: {
    kMin: number;
    kMax: number;
    rule: ChooseKRule;
    chosen: number;
    reason: string;
    silhouetteRows: number;
    silhouetteSampled: boolean;
    table: ChoiceOfKRow[];
  } | null;
  indicators: string[];
  families: { total: number; clustered: number; excludedMissing: number };
  missingRule: string;
  kmeans: {
    iterations: number;
    converged: boolean;
    tolerance: number;
    maxIterations: number;
    /** Inertia of each k-means++ start (on the sample when `sample` is set). */
    restartInertias: number[];
  } | null;
  /**
   * The sample the k-means++ starts (and the choice of k) ran on, for large cohorts; null
   * when every family was used. `sampleInertia` is the best start's inertia on the sample.
   */
  sample: { rows: number; of: number; seed: number; sampleInertia: number; method: string } | null;
  lca: {
    logLikelihood: number;
    bic: number;
    aic: number;
    entropyR2: number;
    iterations: number;
    converged: boolean;
    /** The start the fit came from: the best of the k-means++ starts, or the k-means solution. */
    start: 'kmeans++' | 'kmeans-solution';
    restartLogLikelihoods: number[];
    kmeansStartLogLikelihood: number;
    /** Adjusted Rand index between the latent classes and the k-means partition with the same k. */
    agreementWithKMeans: number;
    floor: string;
  } | null;
  profileTest: string;
  adjust: PAdjustMethod;
  alpha: number;
  profileTests: number;
  clusters: ClusterSummary[];
  groups: { number: number; name: string; clusters: string[] }[];
  stability: { resamples: number; restarts: number; seed: number; scheme: 'bootstrap' | 'subset'; resampleRows: number; method: string } | null;
  crossTabs: ClusterCrossTabsResult | null;
  /** Cluster label per family, aligned with cohort.families (null: not clustered). */
  assignments: (string | null)[];
  /** Group name per family, aligned with cohort.families. */
  groupAssignments: (string | null)[];
  /** The saved model (earlyhelp cluster --model-out writes this). */
  model: ClusterModel;
}

/**
 * The need cluster analysis: clusters families by their need indicators (k-means with
 * k-means++ starts, or a Bernoulli mixture), chooses k when not given (table of WSS,
 * silhouette and Bernoulli-mixture BIC), names, groups and levels the clusters, profiles
 * their needs against the rest with adjusted p-values, measures cluster stability by the
 * bootstrap, cross-tabulates clusters with family characteristics, and builds the model
 * for assigning new families. Families with a blank indicator are left out (MISSING_NEED_RULE).
 * The cohort is not modified; same cohort, options and seed give the same result.
 *
 * Cost: dominated by the fits: (kMax − kMin + 1 + 1) k-means fits of `restarts` starts when
 * k is chosen, plus `resamples` refits for stability, plus EM fits (BIC, lca). With
 * `sampleSize` the choice of k and the starts cost what they cost on that many families,
 * plus one Lloyd run on every family; with `stability.subsetSize` each refit is on that
 * many families. Memory: the 0/1 matrix of the families clustered (rows × indicators
 * bytes) and O(rows · k) for the Lloyd bounds.
 *
 * @throws if an option is invalid (see kMeans, chooseK, bernoulliMixture), an indicator
 *   is not in the cohort, or no family has every indicator recorded.
 * @example clusterNeeds(cohort, { k: 9 }).clusters.map((c) => `${c.label} ${c.level} ${c.size}`)
 */
export function clusterNeeds(cohort: Cohort, options: ClusterNeedsOptions = {}): ClusterAnalysisResult {
  const method = options.method ?? 'kmeans';
  if (!CLUSTER_METHODS.includes(method)) {
    throw new Error(`clusterNeeds requires method to be one of ${CLUSTER_METHODS.join(', ')}, got ${String(method)}`);
  }
  const seed = options.seed ?? 1;
  const restarts = options.restarts ?? 25;
  const maxIterations = options.maxIterations ?? 300;
  const tolerance = options.tolerance ?? 0;
  const alpha = options.alpha ?? 0.05;
  const adjust = options.adjust ?? 'holm';
  const indicatorLabels = options.indicators ?? defaultLabels();
  const matrix = needMatrix(cohort, options.needIds);
  const data = matrix.data;
  const n = data.rows;
  const d = data.cols;
  const sampleSize = options.sampleSize;
  if (sampleSize !== undefined && (!Number.isSafeInteger(sampleSize) || sampleSize < 2)) {
    throw new Error(`clusterNeeds requires sampleSize to be a whole number >= 2, got ${String(sampleSize)}`);
  }
  // Large cohorts: the starts (and the choice of k) on a seeded sample, refined on every family.
  const fitData: DataMatrix = sampleSize !== undefined && sampleSize < n ? takeRows(data, sampleRows(n, sampleSize, createRng(seed))) : data;
  const sampled = fitData !== data;

  // 1. k: given, or chosen.
  let k: number;
  let choice: ClusterAnalysisResult['choiceOfK'] = null;
  let kmFit: KMeansResult | null = null;
  if (options.k !== undefined) {
    k = options.k;
    if (!Number.isSafeInteger(k) || k < 1) throw new Error(`clusterNeeds requires k to be a whole number >= 1, got k=${String(k)}`);
    if (k > n) throw new Error(`clusterNeeds requires k <= clustered families, got k=${k}, families=${n}`);
  } else {
    const chosen = chooseK(fitData, {
      kMin: options.kMin,
      kMax: options.kMax,
      restarts,
      seed,
      maxIterations,
      tolerance,
      silhouetteSampleSize: options.silhouetteSampleSize,
    });
    k = chosen.chosen;
    kmFit = chosen.fits[chosen.table.findIndex((r) => r.k === k)]!;
    choice = {
      kMin: chosen.kMin,
      kMax: chosen.kMax,
      rule: chosen.rule,
      chosen: chosen.chosen,
      reason: chosen.reason,
      silhouetteRows: chosen.silhouetteRows,
      silhouetteSampled: chosen.silhouetteSampled,
      table: chosen.table,
    };
  }

  // 2. Fit (on a sample: the best start refined on every family).
  kmFit ??= kMeans(fitData, { k, restarts, seed, maxIterations, tolerance, ...(options.threads ? { threads: options.threads } : {}) });
  let sample: ClusterAnalysisResult['sample'] = null;
  const startInertias = kmFit.restarts.map((r) => r.inertia);
  if (sampled) {
    const onSample = kmFit;
    kmFit = kMeans(data, { k, initialCentroids: onSample.centroids, maxIterations, tolerance });
    sample = {
      rows: fitData.rows,
      of: n,
      seed,
      sampleInertia: onSample.inertia,
      method:
        `${choice ? 'k was chosen and ' : ''}the ${restarts} k-means++ start(s) were run on a simple random sample of ` +
        `${fitData.rows.toLocaleString('en-GB')} families (seed ${seed}); the best start's ` +
        `solution was then refined by Lloyd's algorithm on every family (${kmFit.iterations} step(s))`,
    };
  }
  let labels: ArrayLike<number> = kmFit.labels;
  let centroids: number[][] = kmFit.centroids;
  let weights: number[] = kmFit.sizes.map((s) => s / n);
  let lca: ClusterAnalysisResult['lca'] = null;
  let lcaFit: BernoulliMixtureResult | null = null;
  const lcaRestarts = options.lcaRestarts ?? 10;
  if (method === 'lca') {
    const fromStarts = bernoulliMixture(data, { k, restarts: lcaRestarts, seed });
    const fromKMeans = bernoulliMixture(data, { k, initial: { weights, probabilities: kmFit.centroids } });
    const useKMeans = fromKMeans.logLikelihood > fromStarts.logLikelihood;
    lcaFit = useKMeans ? fromKMeans : fromStarts;
    labels = lcaFit.labels;
    centroids = lcaFit.probabilities;
    weights = lcaFit.weights;
    lca = {
      logLikelihood: lcaFit.logLikelihood,
      bic: lcaFit.bic,
      aic: lcaFit.aic,
      entropyR2: lcaFit.entropyR2,
      iterations: lcaFit.iterations,
      converged: lcaFit.converged,
      start: useKMeans ? 'kmeans-solution' : 'kmeans++',
      restartLogLikelihoods: fromStarts.restarts.map((r) => r.logLikelihood),
      kmeansStartLogLikelihood: fromKMeans.logLikelihood,
      agreementWithKMeans: adjustedRandIndex(lcaFit.labels, kmFit.labels),
      floor: 'class probabilities kept in [1e-10, 1 − 1e-10]',
    };
  }

  // 3. Partition summaries (means of the families in each cluster).
  const sizes = new Array<number>(k).fill(0);
  const sums = Array.from({ length: k }, () => new Float64Array(d));
  for (let i = 0; i < n; i++) {
    const c = labels[i]!;
    sizes[c]++;
    for (let j = 0; j < d; j++) sums[c]![j] += data.values[i * d + j]!;
  }
  const means = sums.map((s, c) => Array.from(s, (v) => (sizes[c]! > 0 ? v / sizes[c]! : 0)));
  let inertia = 0;
  for (let c = 0; c < k; c++) {
    if (sizes[c] === 0) continue;
    for (let j = 0; j < d; j++) inertia += (sums[c]![j]! * (sizes[c]! - sums[c]![j]!)) / sizes[c]!;
  }

  // 4. Groups, levels, labels; profiles; names.
  const arrangement = arrangeClusters(means, sizes, { groups: options.groups });
  const profiles = needProfiles(data, labels, k, matrix.indicators, { adjust, alpha });
  const suggested = suggestClusterNames(
    {
      groups: arrangement.groups,
      levels: arrangement.level,
      distinctive: profiles.profiles.map((p) =>
        p.distinctive.map((id) => ({ id, z: p.needs.find((e) => e.id === id)!.z! })),
      ),
    },
    indicatorLabels,
  );
  for (const [what, given] of [['names', options.names], ['groupOverrides', options.groupOverrides]] as const) {
    for (const label of Object.keys(given ?? {})) {
      if (!arrangement.labels.includes(label)) {
        throw new Error(`clusterNeeds requires ${what} keyed by cluster labels (${arrangement.labels.join(', ')}), got "${label}"`);
      }
    }
  }
  const groupName = (c: number): string => options.groupOverrides?.[arrangement.labels[c]!] ?? suggested.groups.get(arrangement.groups[c]!)!;
  // Levels within the final groups (after overrides): by mean number of needs.
  const finalGroups = new Map<string, number[]>();
  for (const c of arrangement.order) {
    const g = groupName(c);
    if (!finalGroups.has(g)) finalGroups.set(g, []);
    finalGroups.get(g)!.push(c);
  }
  const level = [...arrangement.level];
  const groupNumber = new Array<number>(k).fill(0);
  [...finalGroups.values()].forEach((members, gi) => {
    const sorted = [...members].sort((a, b) => arrangement.meanNeeds[a]! - arrangement.meanNeeds[b]! || arrangement.order.indexOf(a) - arrangement.order.indexOf(b));
    const m = sorted.length;
    sorted.forEach((c, r) => {
      const p = m === 1 ? 0.5 : r / (m - 1);
      level[c] = p < 1 / 3 ? 'LOW' : p > 2 / 3 ? 'HIGH' : 'MID';
      groupNumber[c] = gi + 1;
    });
  });

  // 5. Stability.
  let stability: ClusterAnalysisResult['stability'] = null;
  let stabilityByCluster: ReturnType<typeof clusterStability> | null = null;
  if (options.stability !== false) {
    const s = options.stability ?? {};
    const refitRestarts = s.restarts ?? 5;
    const refit =
      method === 'kmeans'
        ? (sample: DataMatrix, refitSeed: number) =>
            kMeans(sample, { k, restarts: refitRestarts, seed: refitSeed, maxIterations, tolerance }).labels
        : (sample: DataMatrix, refitSeed: number) => {
            const km = kMeans(sample, { k, restarts: refitRestarts, seed: refitSeed, maxIterations, tolerance });
            return bernoulliMixture(sample, {
              k,
              initial: { weights: km.sizes.map((v) => v / sample.rows), probabilities: km.centroids },
            }).labels;
          };
    const subsetSize = s.subsetSize !== undefined && s.subsetSize < n ? s.subsetSize : undefined;
    stabilityByCluster = clusterStability(data, labels, k, refit, { resamples: s.resamples, seed: s.seed ?? seed, subsetSize });
    stability = {
      resamples: stabilityByCluster.resamples,
      restarts: refitRestarts,
      seed: stabilityByCluster.seed,
      scheme: stabilityByCluster.scheme,
      resampleRows: stabilityByCluster.resampleRows,
      method:
        stabilityByCluster.method +
        (method === 'lca' ? '; each refit runs EM from the k-means solution of the resample' : '') +
        `; refits use ${refitRestarts} k-means++ start(s)`,
    };
  }

  // 6. Assignments aligned with the cohort's families.
  const assignments: (string | null)[] = new Array(cohort.families.length).fill(null);
  const groupAssignments: (string | null)[] = new Array(cohort.families.length).fill(null);
  for (let i = 0; i < n; i++) {
    const f = matrix.familyIndex[i]!;
    assignments[f] = arrangement.labels[labels[i]!]!;
    groupAssignments[f] = groupName(labels[i]!);
  }

  // 7. Model: centroids (k-means means, or class probabilities) and the 99th percentile of training distances.
  const distances = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const c = centroids[labels[i]!]!;
    let s = 0;
    for (let j = 0; j < d; j++) {
      const e = data.values[i * d + j]! - c[j]!;
      s += e * e;
    }
    distances[i] = Math.sqrt(s);
  }
  const nameOf = (c: number): string => options.names?.[arrangement.labels[c]!] ?? suggested.clusters[c]!;
  const model: ClusterModel = {
    kind: CLUSTER_MODEL_KIND,
    version: CLUSTER_MODEL_VERSION,
    method,
    indicators: [...matrix.indicators],
    clusters: arrangement.order.map((c) => ({
      label: arrangement.labels[c]!,
      name: nameOf(c),
      group: groupName(c),
      level: level[c]!,
      centroid: centroids[c]!.map((v) => Math.min(1, Math.max(0, v))),
      weight: Math.min(1, Math.max(0, weights[c]!)),
    })),
    trainingHash: cohort.source.sha256,
    trainingFamilies: n,
    seed,
    distance99: quantile(distances, 0.99),
    missingRule: MISSING_NEED_RULE,
  };

  const clusters: ClusterSummary[] = arrangement.order.map((c) => {
    let meanPosterior: number | null = null;
    if (lcaFit) {
      let s = 0;
      for (let i = 0; i < n; i++) if (labels[i] === c) s += lcaFit.posteriors[i * k + c]!;
      meanPosterior = sizes[c]! > 0 ? s / sizes[c]! : null;
    }
    return {
      label: arrangement.labels[c]!,
      size: sizes[c]!,
      percent: Math.round((10000 * sizes[c]!) / n) / 100,
      group: groupName(c),
      groupNumber: groupNumber[c]!,
      level: level[c]!,
      name: nameOf(c),
      suggestedName: suggested.clusters[c]!,
      meanNeeds: arrangement.meanNeeds[c]!,
      distinctive: profiles.profiles[c]!.distinctive,
      needs: profiles.profiles[c]!.needs,
      stability: stabilityByCluster
        ? {
            meanJaccard: stabilityByCluster.meanJaccard[c]!,
            reading: stabilityByCluster.reading[c]!,
            dissolved: stabilityByCluster.dissolved[c]!,
            recovered: stabilityByCluster.recovered[c]!,
          }
        : null,
      meanPosterior,
    };
  });
  const groups = [...finalGroups.entries()].map(([name, members], gi) => ({
    number: gi + 1,
    name,
    clusters: members.map((c) => arrangement.labels[c]!),
  }));

  const labelList = arrangement.order.map((c) => arrangement.labels[c]!);
  return {
    method,
    k,
    seed,
    inertia,
    restarts: method === 'kmeans' ? restarts : lcaRestarts,
    kChosenBy: choice ? choice.rule : 'given',
    choiceOfK: choice,
    indicators: [...matrix.indicators],
    families: { total: cohort.families.length, clustered: n, excludedMissing: matrix.excludedMissing },
    missingRule: MISSING_NEED_RULE,
    kmeans:
      method === 'kmeans'
        ? {
            iterations: kmFit.iterations,
            converged: kmFit.converged,
            tolerance,
            maxIterations,
            restartInertias: startInertias,
          }
        : null,
    sample,
    lca,
    profileTest: profiles.test,
    adjust,
    alpha,
    profileTests: profiles.tests,
    clusters,
    groups,
    stability,
    crossTabs: options.crossTabs === false ? null : clusterCrossTabs(cohort, assignments, labelList, { adjust, alpha }),
    assignments,
    groupAssignments,
    model,
  };
}

function defaultLabels(): Record<string, IndicatorLabel> {
  const out: Record<string, IndicatorLabel> = {};
  for (const e of NEED_CATALOGUE) out[e.id] = { label: e.label, headlineProblem: e.headlineProblem };
  return out;
}
