/** Need clustering: the public API of src/cluster (re-exports only). */
export { kMeans, type KMeansOptions, type KMeansResult, type KMeansRestart } from './k-means.js';
export type { DataMatrix } from './data-matrix.js';
export {
  bernoulliMixture,
  bernoulliMixtureLogLikelihood,
  BERNOULLI_FLOOR,
  type BernoulliMixtureOptions,
  type BernoulliMixtureParameters,
  type BernoulliMixtureResult,
} from './bernoulli-mixture.js';
export { silhouette, type SilhouetteOptions, type SilhouetteResult } from './silhouette.js';
export { adjustedRandIndex } from './adjusted-rand-index.js';
export { chooseK, CHOOSE_K_RULES, type ChooseKOptions, type ChooseKResult, type ChooseKRow, type ChooseKRule } from './choose-k.js';
export {
  clusterStability,
  STABILITY_READINGS,
  type ClusterStabilityOptions,
  type ClusterStabilityResult,
  type StabilityReading,
} from './cluster-stability.js';
export { needMatrix, MISSING_NEED_RULE, type NeedMatrixResult } from './need-matrix.js';
export { needProfiles, PROFILE_TEST, type NeedProfileEntry, type NeedProfilesOptions, type NeedProfilesResult } from './need-profiles.js';
export { arrangeClusters, clusterLabel, NEED_LEVELS, type ArrangeClustersOptions, type ArrangeClustersResult, type NeedLevel } from './arrange-clusters.js';
export { suggestClusterNames, type ClusterNamingInput, type SuggestedNames } from './suggest-cluster-names.js';
export {
  clusterCrossTabs,
  CROSS_TAB_VARIABLES,
  type ClusterCrossTabsOptions,
  type ClusterCrossTabsResult,
  type CrossTab,
  type CrossTabCell,
  type CrossTabVariable,
} from './cluster-cross-tabs.js';
export {
  loadClusterModel,
  CLUSTER_METHODS,
  CLUSTER_MODEL_KIND,
  CLUSTER_MODEL_VERSION,
  type ClusterMethod,
  type ClusterModel,
  type ClusterModelCluster,
} from './cluster-model.js';
export { assignToModel, type AssignResult } from './assign-to-model.js';
export { clusterNeeds, type ClusterAnalysisResult, type ClusterNeedsOptions, type ClusterSummary } from './cluster-needs.js';
export { parseClusterOptions } from './parse-cluster-options.js';
export { sampleRows, takeRows } from './sample-rows.js';
