import { NEED_LEVELS, type NeedLevel } from './arrange-clusters.js';

/** The `kind` of a saved cluster model. */
export const CLUSTER_MODEL_KIND = 'earlyhelp-cluster-model';
/** The version written by this workbench. */
export const CLUSTER_MODEL_VERSION = 1;

/** Clustering methods a model can come from. */
export const CLUSTER_METHODS = ['kmeans', 'lca'] as const;
export type ClusterMethod = (typeof CLUSTER_METHODS)[number];

/** One cluster of a saved model. */
export interface ClusterModelCluster {
  label: string;
  name: string;
  group: string;
  level: NeedLevel;
  /** Mean of each indicator in the cluster (k-means), or the class's probabilities (lca); order of `indicators`. */
  centroid: number[];
  /** Share of the training families (lca: the class weight). */
  weight: number;
}

/**
 * A fitted clustering saved as plain JSON, to put the families of another cohort into
 * the same clusters (`assignToModel`).
 */
export interface ClusterModel {
  kind: typeof CLUSTER_MODEL_KIND;
  version: typeof CLUSTER_MODEL_VERSION;
  method: ClusterMethod;
  /** Need indicator ids (without `need_`), the columns of every centroid. */
  indicators: string[];
  clusters: ClusterModelCluster[];
  /** SHA-256 of the training cohort's files (`cohort.source.sha256`). */
  trainingHash: string;
  /** Families the model was fitted on. */
  trainingFamilies: number;
  seed: number;
  /**
   * 99th percentile (type 7) of the training families' Euclidean distances to their own
   * cluster's centroid: a new family farther than this from every centroid is flagged.
   */
  distance99: number;
  /** How families with a blank indicator are treated. */
  missingRule: string;
}

/**
 * Checks a parsed JSON value and returns it as a {@link ClusterModel}: kind and version,
 * method, indicator ids (unique, non-empty), one or more clusters with unique labels, a
 * level among LOW/MID/HIGH, a centroid of finite numbers in [0, 1] per indicator, a weight
 * in [0, 1], the training hash, a whole-number seed and family count, and a finite
 * distance99 >= 0. The value returned is a fresh copy.
 *
 * Cost: O(k · indicators).
 *
 * @throws naming the first field that breaks a rule and its value.
 * @example loadClusterModel(JSON.parse(text)).clusters.map((c) => c.label) // ['A', 'B', …]
 */
export function loadClusterModel(json: unknown): ClusterModel {
  const fail = (rule: string, value: unknown): never => {
    const shown = typeof value === 'string' ? `"${value}"` : Array.isArray(value) ? `an array of ${value.length}` : String(value);
    throw new Error(`loadClusterModel requires ${rule}, got ${shown.length > 80 ? `${shown.slice(0, 77)}...` : shown}`);
  };
  if (json === null || typeof json !== 'object' || Array.isArray(json)) fail('a JSON object', json);
  const o = json as Record<string, unknown>;
  if (o.kind !== CLUSTER_MODEL_KIND) fail(`kind "${CLUSTER_MODEL_KIND}"`, o.kind);
  if (o.version !== CLUSTER_MODEL_VERSION) fail(`version ${CLUSTER_MODEL_VERSION}`, o.version);
  if (!CLUSTER_METHODS.includes(o.method as ClusterMethod)) fail(`method one of ${CLUSTER_METHODS.join(', ')}`, o.method);
  if (!Array.isArray(o.indicators) || o.indicators.length === 0) fail('indicators as a non-empty array of ids', o.indicators);
  const indicators = o.indicators as unknown[];
  const seen = new Set<string>();
  for (const id of indicators) {
    if (typeof id !== 'string' || id.length === 0) fail('indicator ids as non-empty strings', id);
    if (seen.has(id as string)) fail('each indicator id once', id);
    seen.add(id as string);
  }
  if (!Array.isArray(o.clusters) || o.clusters.length === 0) fail('clusters as a non-empty array', o.clusters);
  const labels = new Set<string>();
  const clusters = (o.clusters as unknown[]).map((raw, i): ClusterModelCluster => {
    if (raw === null || typeof raw !== 'object') fail(`cluster ${i} as an object`, raw);
    const c = raw as Record<string, unknown>;
    if (typeof c.label !== 'string' || c.label.length === 0) fail(`a label for cluster ${i}`, c.label);
    if (labels.has(c.label as string)) fail('unique cluster labels', c.label);
    labels.add(c.label as string);
    if (typeof c.name !== 'string') fail(`a name for cluster ${i}`, c.name);
    if (typeof c.group !== 'string') fail(`a group for cluster ${i}`, c.group);
    if (!NEED_LEVELS.includes(c.level as NeedLevel)) fail(`level LOW, MID or HIGH for cluster ${i}`, c.level);
    if (!Array.isArray(c.centroid) || c.centroid.length !== indicators.length) {
      fail(`a centroid of ${indicators.length} values for cluster ${i}`, c.centroid);
    }
    for (const v of c.centroid as unknown[]) {
      if (typeof v !== 'number' || !(v >= 0 && v <= 1)) fail(`centroid values in [0, 1] for cluster ${i}`, v);
    }
    if (typeof c.weight !== 'number' || !(c.weight >= 0 && c.weight <= 1)) fail(`a weight in [0, 1] for cluster ${i}`, c.weight);
    return {
      label: c.label as string,
      name: c.name as string,
      group: c.group as string,
      level: c.level as NeedLevel,
      centroid: [...(c.centroid as number[])],
      weight: c.weight as number,
    };
  });
  if (typeof o.trainingHash !== 'string') fail('trainingHash as a string', o.trainingHash);
  if (!Number.isSafeInteger(o.trainingFamilies) || (o.trainingFamilies as number) < 1) {
    fail('trainingFamilies as a whole number >= 1', o.trainingFamilies);
  }
  if (!Number.isSafeInteger(o.seed)) fail('seed as a whole number', o.seed);
  if (typeof o.distance99 !== 'number' || !(o.distance99 >= 0) || !Number.isFinite(o.distance99)) {
    fail('distance99 as a finite number >= 0', o.distance99);
  }
  if (typeof o.missingRule !== 'string') fail('missingRule as a string', o.missingRule);
  return {
    kind: CLUSTER_MODEL_KIND,
    version: CLUSTER_MODEL_VERSION,
    method: o.method as ClusterMethod,
    indicators: [...(indicators as string[])],
    clusters,
    trainingHash: o.trainingHash as string,
    trainingFamilies: o.trainingFamilies as number,
    seed: o.seed as number,
    distance99: o.distance99 as number,
    missingRule: o.missingRule as string,
  };
}
