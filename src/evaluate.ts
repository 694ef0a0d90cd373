import type { Cohort } from './cohort/types.js';
import type { WorkbenchConfig } from './cohort/config.js';
import type { DataQualitySummary } from './cohort/data-quality.js';
import { needPrevalence, type NeedPrevalenceResult } from './needs/need-prevalence.js';
import { clusterNeeds, type ClusterAnalysisResult, type ClusterNeedsOptions } from './cluster/cluster-needs.js';
import { parseClusterOptions } from './cluster/parse-cluster-options.js';
import { computeFamilyProgress } from './progress/compute-family-progress.js';
import { progressSummary } from './progress/progress-summary.js';
import { progressByGroup } from './progress/progress-by-group.js';
import { familyProgressCategories } from './progress/family-progress-categories.js';
import { familyStartScores } from './progress/family-start-scores.js';
import { ageBandGrouping } from './progress/age-band-grouping.js';
import { parseProgressBands } from './progress/parse-progress-bands.js';
import type { ProgressBands, ProgressByGroupResult, ProgressResult } from './progress/types.js';
import { outcomesAnalysis, type OutcomesResult } from './outcomes/outcomes-analysis.js';
import { OUTCOME_MEASURES } from './cohort/catalogues.js';
import { shareTreeAnalysis, treeAnalysis, type TreeAnalysisOptions, type TreeAnalysisResult } from './tree/tree-analysis.js';

/** Above this many families, the slowest optional parts are reduced (and the results say so). */
export const LARGE_COHORT = 20_000;
/** Stability resamples of a large cohort (100 otherwise). */
export const LARGE_COHORT_RESAMPLES = 20;
/**
 * Large cohorts: families in the seeded sample on which k is chosen and the k-means++ starts
 * run; the best start is then refined on every family (measured at 100,000 and 1,000,000
 * synthetic families: the same partition as 25 starts on every family, and the same k).
 */
export const LARGE_COHORT_CLUSTER_SAMPLE = 20_000;
/**
 * Large cohorts: families in each stability resample, drawn without replacement (Hennig's
 * subsetting scheme; half the families when that is fewer, clusterboot's default).
 */
export const LARGE_COHORT_STABILITY_SUBSET = 50_000;

/**
 * Above this many families the trees' accuracy comes from one hold-out fold instead of
 * k-fold cross-validation: the training folds are as large as in k-fold, and the held-out
 * fold alone (a k-th of at least this many families) pins the accuracy down to a few tenths
 * of a percentage point, so the other k − 1 fits add time, not information.
 */
export const TREE_HOLDOUT_COHORT = 200_000;

/**
 * How the evaluation validates its trees for a cohort of `families` with `folds` folds:
 * every fold held out in turn, or above TREE_HOLDOUT_COHORT the first fold only (`rounds`
 * 1), with the note that says so. Cost: O(1).
 */
export function treeValidation(families: number, folds: number): { rounds: number | undefined; note: string | null } {
  if (folds < 2 || families <= TREE_HOLDOUT_COHORT) return { rounds: undefined, note: null };
  return {
    rounds: 1,
    note:
      `tree accuracy from one hold-out split (the first of ${folds} folds, 1/${folds} of the families, predicted by trees grown on the rest), not ${folds}-fold cross-validation: ` +
      `the cohort has more than ${TREE_HOLDOUT_COHORT.toLocaleString('en-GB')} families (the held-out families per tree are in trees.*.crossValidation.heldOut)`,
  };
}

/**
 * The cluster options for a cohort of `families`: above LARGE_COHORT, where the options
 * leave them unset, k and the starts on a seeded sample (LARGE_COHORT_CLUSTER_SAMPLE) and
 * stability by subsetting (LARGE_COHORT_RESAMPLES of LARGE_COHORT_STABILITY_SUBSET
 * families). `notes` words, for `settings.scale`, what the fitted result says was done.
 * Used by the report and by `earlyhelp cluster`, so both cluster a cohort alike. Cost: O(1).
 */
export function largeCohortClusterOptions(
  families: number,
  given: ClusterNeedsOptions,
): { options: ClusterNeedsOptions; notes: (result: ClusterAnalysisResult) => string[] } {
  const options: ClusterNeedsOptions = { ...given };
  const large = families > LARGE_COHORT;
  const largeCohort = `the cohort has more than ${LARGE_COHORT.toLocaleString('en-GB')} families`;
  const defaultStability = large && options.stability === undefined;
  if (defaultStability) {
    const subsetSize = Math.min(LARGE_COHORT_STABILITY_SUBSET, Math.floor(families / 2));
    options.stability = { resamples: LARGE_COHORT_RESAMPLES, subsetSize };
  }
  if (large && options.sampleSize === undefined) options.sampleSize = LARGE_COHORT_CLUSTER_SAMPLE;
  const notes = (clusters: ClusterAnalysisResult): string[] => {
    const out: string[] = [];
    if (large && clusters.sample) out.push(`clusters: ${clusters.sample.method}: ${largeCohort} (set analysis.cluster.sampleSize to change it)`);
    if (defaultStability && clusters.stability) {
      const st = clusters.stability;
      out.push(
        `cluster stability from ${st.resamples} resamples, not 100` +
          (st.scheme === 'subset'
            ? `, each of ${st.resampleRows === Math.floor(families / 2) ? 'half the' : st.resampleRows.toLocaleString('en-GB')} families drawn without replacement (Hennig's subsetting scheme) rather than a bootstrap resample of every family`
            : '') +
          `: ${largeCohort} (set analysis.cluster.stability to change it)`,
      );
    }
    return out;
  };
  return { options, notes };
}

/** The stages of an evaluation, in the order they run (for progress reporting). */
export const EVALUATION_STAGES = ['needs', 'clusters', 'progress', 'outcomes', 'trees'] as const;
export type EvaluationStage = (typeof EVALUATION_STAGES)[number];

export interface ToolInfo {
  name: string;
  version: string;
  /** Versions of the libraries that compute results (ml-kmeans, ml-cart, vega, …). */
  libraries: Record<string, string>;
}

export interface EvaluateOptions {
  /** Seed of every random draw (default 1). Recorded in `settings.seed`. */
  seed?: number;
  tool: ToolInfo;
  /** Cluster options (the configuration's `analysis.cluster` is applied first). */
  cluster?: ClusterNeedsOptions;
  /** Bands of the progress matrix (default: the configuration's, else k-means). */
  bands?: ProgressBands;
  /** Tree options shared by every tree (the configuration's `analysis.tree` is applied first). */
  tree?: Partial<Pick<TreeAnalysisOptions, 'alphaMerge' | 'alphaSplit' | 'maxDepth' | 'minParent' | 'minChild' | 'exhaustive'>> & {
    crossValidationFolds?: number;
  };
  /** Called as each stage starts (for a progress bar). */
  onStage?: (stage: EvaluationStage, index: number, total: number) => void;
}

/** The trees of the evaluation: what predicts social care after, and progress. */
export interface EvaluationTrees {
  /** The contract's `trees.chaid`: CHAID of social care after the intervention. */
  chaid: TreeAnalysisResult | null;
  /** CHAID of the progress category (up / same / down). */
  progress: TreeAnalysisResult | null;
  /** CHAID of the case outcome (met or partially met vs not met). */
  outcome: TreeAnalysisResult | null;
  /** Why a tree could not be grown, by tree. */
  notes: Record<string, string>;
}

/** The clusters section without per-family arrays (results.json holds no case-level rows). */
export type EvaluationClusters = Omit<ClusterAnalysisResult, 'assignments' | 'groupAssignments'>;

/** results.json: exact analyst output of the whole evaluation (contract cli.md, plus more). */
export interface EvaluationResults {
  _notice: string;
  tool: ToolInfo;
  input: {
    sha256: string;
    source: string;
    files: { name: string; sha256: string; bytes: number }[];
    families: number;
    children: number;
    starReadings: number;
    planOutcomes: number | null;
  };
  settings: {
    seed: number;
    disclosure: WorkbenchConfig['disclosure'];
    ageBands: WorkbenchConfig['ageBands'];
    stages: WorkbenchConfig['stages'];
    dateFormat: WorkbenchConfig['dateFormat'];
    columns: WorkbenchConfig['columns'];
    codes: WorkbenchConfig['codes'];
    analysis: WorkbenchConfig['analysis'];
    bands: ProgressBands;
    tree: Record<string, unknown>;
    /** What was reduced because the cohort is large (empty for most cohorts). */
    scale: string[];
  };
  dataQuality: DataQualitySummary;
  needs: NeedPrevalenceResult;
  clusters: EvaluationClusters;
  progress: ProgressResult & { byCluster: ProgressByGroupResult; byAgeBand: ProgressByGroupResult };
  outcomes: OutcomesResult;
  trees: EvaluationTrees;
}

const pick = <T>(section: Record<string, unknown> | undefined, key: string, check: (v: unknown) => boolean, what: string): T | undefined => {
  if (!section || section[key] === undefined) return undefined;
  const v = section[key];
  if (!check(v)) throw new Error(`configuration analysis option ${key} must be ${what}, got ${JSON.stringify(v)}`);
  return v as T;
};
const isWhole = (v: unknown) => Number.isInteger(v);
const isProb = (v: unknown) => typeof v === 'number' && v > 0 && v < 1;

/** Reads `analysis.cluster`, `analysis.progress` and `analysis.tree` of the configuration. */
export function analysisOptionsFromConfig(config: WorkbenchConfig): {
  cluster: ClusterNeedsOptions;
  bands: ProgressBands | undefined;
  tree: NonNullable<EvaluateOptions['tree']>;
} {
  const cluster = parseClusterOptions(config.analysis.cluster ?? {});

  const p = config.analysis.progress;
  let bands: ProgressBands | undefined;
  const b = pick<string>(p, 'bands', (v) => typeof v === 'string', 'kmeans or cuts:A,B');
  if (b !== undefined) bands = parseProgressBands(b);

  const t = config.analysis.tree;
  const tree: NonNullable<EvaluateOptions['tree']> = {};
  const am = pick<number>(t, 'alphaMerge', isProb, 'a probability');
  if (am !== undefined) tree.alphaMerge = am;
  const as = pick<number>(t, 'alphaSplit', isProb, 'a probability');
  if (as !== undefined) tree.alphaSplit = as;
  for (const key of ['maxDepth', 'minParent', 'minChild', 'crossValidationFolds'] as const) {
    const v = pick<number>(t, key, isWhole, 'a whole number');
    if (v !== undefined) tree[key] = v;
  }
  const ex = pick<boolean>(t, 'exhaustive', (v) => typeof v === 'boolean', 'true or false');
  if (ex !== undefined) tree.exhaustive = ex;
  return { cluster, bands, tree };
}

/**
 * The whole evaluation of a validated cohort, as the Leicestershire 2018 evaluation did it:
 * need prevalence, need clusters (named, grouped, levelled, profiled, with stability),
 * Family Star progress (domains, stages, the 3×3 matrix) overall, by cluster and by age
 * band, outcomes (case outcomes, age bands, social care, re-referral, demand, plans), and
 * CHAID trees of social care after, progress and case outcome. Pure and deterministic:
 * the same cohort, configuration and seed give the same results.
 *
 * Cost: dominated by clustering (see clusterNeeds) and the trees.
 * @throws when an analysis option is invalid.
 */
export function evaluate(cohort: Cohort, config: WorkbenchConfig, summary: DataQualitySummary, options: EvaluateOptions): EvaluationResults {
  const seed = options.seed ?? 1;
  if (!Number.isSafeInteger(seed)) throw new Error(`evaluate requires a whole-number seed, got ${seed}`);
  const fromConfig = analysisOptionsFromConfig(config);
  const stage = (s: EvaluationStage) => options.onStage?.(s, EVALUATION_STAGES.indexOf(s), EVALUATION_STAGES.length);

  stage('needs');
  const needs = needPrevalence(cohort, { indicators: config.indicators });

  stage('clusters');
  const large = cohort.families.length > LARGE_COHORT;
  const scaleNotes: string[] = [];
  const scaled = largeCohortClusterOptions(cohort.families.length, { indicators: config.indicators, ...fromConfig.cluster, ...options.cluster, seed });
  const clusters = clusterNeeds(cohort, scaled.options);
  scaleNotes.push(...scaled.notes(clusters));
  const clusterGrouping = { name: 'cluster', values: clusters.assignments };
  const groupGrouping = { name: 'cluster_group', values: clusters.groupAssignments };

  stage('progress');
  const bands: ProgressBands = options.bands ?? fromConfig.bands ?? { method: 'kmeans', seed };
  const progressOptions = { stages: config.stages, bands };
  const family = computeFamilyProgress(cohort, progressOptions);
  if (family.bands.method === 'kmeans' && family.bands.sample !== null) {
    scaleNotes.push(
      `progress bands: the k-means restarts ran on a seeded sample of ${family.bands.sample.toLocaleString('en-GB')} complete start and end vectors, the best refined by Lloyd on all of them`,
    );
  }
  const overall = progressSummary(family);
  const byCluster = progressByGroup(family, clusterGrouping);
  const byAgeBand = progressByGroup(family, ageBandGrouping(cohort, config.ageBands));

  stage('outcomes');
  const catalogue = config.outcomeMeasureIds ? OUTCOME_MEASURES.filter((m) => config.outcomeMeasureIds!.includes(m.id)) : undefined;
  const outcomes = outcomesAnalysis(cohort, {
    ageBands: config.ageBands,
    clusters: clusterGrouping,
    ...(catalogue ? { catalogue } : {}),
  });

  stage('trees');
  const treeOptions = { ...fromConfig.tree, ...options.tree };
  const folds = treeOptions.crossValidationFolds ?? 5;
  const { crossValidationFolds: _folds, ...chaidOptions } = treeOptions;
  const sources = {
    clusters: clusterGrouping,
    clusterGroups: groupGrouping,
    progressCategory: familyProgressCategories(family),
    startScore: familyStartScores(cohort),
  };
  const notes: Record<string, string> = {};
  // CART is cross-validated beside CHAID for the contract's tree (social care after) only,
  // and only up to LARGE_COHORT families: ml-cart's fit dominates the run time and grows
  // faster than linearly (measured: 35 s at 20,000 families).
  const cartComparison = !large;
  if (!cartComparison) {
    scaleNotes.push(`CART was not cross-validated beside CHAID: the cohort has more than ${LARGE_COHORT.toLocaleString('en-GB')} families (run earlyhelp tree --method cart to compare)`);
  }
  const validation = treeValidation(cohort.families.length, folds);
  if (validation.note) scaleNotes.push(validation.note);
  // the three trees share their predictor columns, built and coded once
  const shared = shareTreeAnalysis(cohort, sources);
  const grow = (name: string, target: string, cart: boolean): TreeAnalysisResult | null => {
    try {
      return treeAnalysis(
        cohort,
        {
          target,
          ...sources,
          ...chaidOptions,
          ...(folds > 1 ? { crossValidation: { folds, seed, cart, rounds: validation.rounds } } : {}),
        },
        shared,
      );
    } catch (e) {
      notes[name] = (e as Error).message;
      return null;
    }
  };
  const trees: EvaluationTrees = {
    chaid: grow('chaid', 'social_care_after', cartComparison),
    progress: grow('progress', 'progress_category', false),
    outcome: grow('outcome', 'outcome_met', false),
    notes,
  };

  const { assignments: _a, groupAssignments: _g, ...clustersOut } = clusters;
  return {
    _notice:
      'Exact analyst output before disclosure control: small counts are NOT suppressed here. Not for publication; publish the report pages, which are disclosure-controlled.',
    tool: options.tool,
    input: {
      sha256: cohort.source.sha256,
      source: cohort.source.kind,
      files: cohort.source.files,
      families: cohort.families.length,
      children: cohort.children.length,
      starReadings: cohort.star.length,
      planOutcomes: cohort.plans ? cohort.plans.length : null,
    },
    settings: {
      seed,
      disclosure: config.disclosure,
      ageBands: config.ageBands,
      stages: config.stages,
      dateFormat: config.dateFormat,
      columns: config.columns,
      codes: config.codes,
      analysis: config.analysis,
      bands,
      tree: { ...chaidOptions, crossValidationFolds: folds },
      scale: scaleNotes,
    },
    dataQuality: summary,
    needs,
    clusters: clustersOut,
    progress: { ...overall, byCluster, byAgeBand },
    outcomes,
    trees,
  };
}
