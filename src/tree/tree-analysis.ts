import type { Cohort } from '../cohort/types.js';
import { cartTree, type CartOptions } from './cart-tree.js';
import { growChaid, resolveChaidOptions } from './chaid.js';
import { codeTreeData, codingCache, type CodedTreeData, type CodingCache } from './code-tree-data.js';
import { expandTreeData, expandValues, isCompact, type CompactTreeData } from './compact-values.js';
import { crossValidateCoded, type CrossValidateTreeResult } from './cross-validate-tree.js';
import { gainsTable, type GainsTableResult } from './gains-table.js';
import { compactTreeColumns, type CompactTreeColumn, type TreeColumnSources } from './tree-columns.js';
import { treeFocus } from './tree-focus.js';
import { compareLabels } from './tree-labels.js';
import { treeRules, type TreeRule } from './tree-rules.js';
import { treeText } from './tree-text.js';
import { PREDICTOR_LEVELS, type ChaidOptions, type DecisionTree, type PredictorLevel } from './tree-types.js';

/** Growing methods of {@link treeAnalysis} (Exhaustive CHAID is `method: 'chaid'` with `exhaustive: true`). */
export const TREE_ANALYSIS_METHODS = ['chaid', 'cart'] as const;
export type TreeAnalysisMethod = (typeof TREE_ANALYSIS_METHODS)[number];

/** Settings of {@link treeAnalysis}. */
export interface TreeAnalysisOptions extends ChaidOptions, TreeColumnSources {
  /** The target column (see `treeColumns`): progress_category, social_care_after, outcome_met, re_referred, any 0/1 or text column. */
  target: string;
  /**
   * Predictor columns by name, each optionally `name:ordinal`, `name:nominal` or
   * `name:continuous` to override its measurement level (default: the issue's set, see
   * `treeColumns`, without the target).
   */
  predictors?: readonly string[];
  /** 'chaid' (default) or 'cart' (ml-cart). */
  method?: TreeAnalysisMethod;
  /** Target category for rules and gains (default: up for progress_category, met for outcome_met, else 1 for 0/1 targets). */
  focus?: string;
  /** Options of CART (method 'cart' and cross-validation). */
  cart?: CartOptions;
  /** k-fold cross-validated accuracy of CHAID and CART against the majority class (default: not run; `rounds`: see `crossValidateTree`). */
  crossValidation?: { folds?: number; seed?: number; cart?: boolean; rounds?: number };
}

/** A predictor as the analysis used it. */
export interface TreeAnalysisPredictor {
  name: string;
  level: PredictorLevel;
  /** The level came from a `name:level` override. */
  overridden: boolean;
  description: string;
}

/** Result of {@link treeAnalysis}: the tree (its nodes are the contract's `trees.<method>.nodes`) with its readings. */
export interface TreeAnalysisResult extends DecisionTree {
  focus: string;
  /** The predictors offered to the tree, with their levels. */
  predictorLevels: TreeAnalysisPredictor[];
  /** Indented text of the tree. */
  text: string;
  rules: TreeRule[];
  gains: GainsTableResult;
  crossValidation: CrossValidateTreeResult | null;
}

const DEFAULT_FOCUS: Record<string, string> = { progress_category: 'up', outcome_met: 'met' };

/** The sources that make columns (see `TreeColumnSources`). */
const SOURCE_KEYS = ['clusters', 'clusterGroups', 'progressCategory', 'startScore', 'ageBands'] as const;

/**
 * The columns of one cohort and their codings, for several `treeAnalysis` calls with the
 * same sources (internal: `evaluate` grows three trees on the same predictors; each is then
 * built and coded once).
 */
export interface TreeAnalysisShared {
  cohort: Cohort;
  sources: TreeColumnSources;
  /** The columns, made by the first call. */
  columns: CompactTreeColumn[] | null;
  codings: CodingCache;
}

/** What `treeAnalysis` calls on this cohort with these sources can share. Cost: O(1); the columns are made by the first call. */
export function shareTreeAnalysis(cohort: Cohort, sources: TreeColumnSources): TreeAnalysisShared {
  const picked: TreeColumnSources = {};
  for (const k of SOURCE_KEYS) if (sources[k] !== undefined) (picked as Record<string, unknown>)[k] = sources[k];
  return { cohort, sources: picked, columns: null, codings: codingCache() };
}

/** Columns that exist only when their source is given. */
const NEEDS_SOURCE: Record<string, string> = {
  cluster: 'the clusters grouping (CLI: --clusters FILE)',
  cluster_group: 'the clusterGroups grouping',
  progress_category: 'the progressCategory grouping (familyProgressCategories in src/progress)',
  star_start_score: 'the startScore values (familyStartScores in src/progress)',
};

function parsePredictor(spec: string): { name: string; level: PredictorLevel | null } {
  const at = spec.lastIndexOf(':');
  if (at < 0) return { name: spec.trim(), level: null };
  const name = spec.slice(0, at).trim();
  const level = spec.slice(at + 1).trim();
  if (!PREDICTOR_LEVELS.includes(level as PredictorLevel)) {
    throw new Error(`treeAnalysis requires a predictor level override to be one of ${PREDICTOR_LEVELS.join(', ')}, got "${spec}"`);
  }
  return { name, level: level as PredictorLevel };
}

/** A column at another measurement level (an override), or an error when its values cannot be read so. */
function asLevel(column: CompactTreeColumn, level: PredictorLevel): CompactTreeData['predictors'][number] {
  if (level === column.level) return { name: column.name, level, values: column.values, ...(column.order ? { order: column.order } : {}) };
  const col = { ...column, values: expandValues(column.values) };
  const numbers = col.values.every((v) => v === null || typeof v === 'number' || (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))));
  if (level === 'continuous') {
    if (!numbers) throw new Error(`treeAnalysis cannot read "${col.name}" as continuous: it holds text`);
    return { name: col.name, level, values: col.values.map((v) => (v === null ? null : Number(v))) };
  }
  if (level === 'ordinal') {
    if (col.order) return { name: col.name, level, values: col.values, order: col.order };
    if (numbers) return { name: col.name, level, values: col.values.map((v) => (v === null ? null : Number(v))) };
    // text read as ordinal without a known order: sorted (numbers numerically, then text); the order used is in the tree's predictors
    return { name: col.name, level, values: col.values, order: [...new Set(col.values.filter((v): v is string => v !== null).map(String))].sort(compareLabels) };
  }
  return { name: col.name, level, values: col.values.map((v) => (v === null ? null : String(v))) };
}

/**
 * What predicts a family-level outcome: a CHAID tree (default; SPSS defaults, Exhaustive
 * CHAID with `exhaustive`) or a CART tree of `target` on the named predictors built from
 * the cohort (`treeColumns`), with its text, rules, gains table and, when asked,
 * cross-validated accuracy of CHAID and CART against the majority class. Families whose
 * target is missing are left out and counted (`excluded`).
 *
 * With `shared` (see `shareTreeAnalysis`), the columns and their codings are made once for
 * several trees on the same cohort and sources; the results are the same.
 *
 * Cost: one tree (see `chaid`, `cartTree`), plus k of each with cross-validation.
 * @throws naming an unknown target or predictor and listing the valid names; a target
 *   that is not a 0/1 or text column; progress_category without `progressCategory`;
 *   invalid options; `shared` made for another cohort or other sources.
 * @example treeAnalysis(cohort, { target: 'social_care_after', clusters }).rules[0].text
 */
export function treeAnalysis(cohort: Cohort, options: TreeAnalysisOptions, shared: TreeAnalysisShared | null = null): TreeAnalysisResult {
  if (!options || typeof options.target !== 'string' || options.target.trim() === '') {
    throw new Error('treeAnalysis requires a target column name');
  }
  const method = options.method ?? 'chaid';
  if (!TREE_ANALYSIS_METHODS.includes(method)) {
    throw new Error(`treeAnalysis requires method to be one of ${TREE_ANALYSIS_METHODS.join(', ')}, got "${String(method)}"`);
  }
  if (shared && (shared.cohort !== cohort || SOURCE_KEYS.some((k) => shared.sources[k] !== options[k]))) {
    throw new Error('treeAnalysis was given columns shared with another cohort or other sources');
  }
  const columns = shared ? (shared.columns ??= compactTreeColumns(cohort, options)) : compactTreeColumns(cohort, options);
  const byName = new Map(columns.map((c) => [c.name, c]));
  const target = byName.get(options.target);
  if (!target || !target.target) {
    if (!target && NEEDS_SOURCE[options.target]) {
      throw new Error(`treeAnalysis: target "${options.target}" needs ${NEEDS_SOURCE[options.target]}`);
    }
    const valid = columns.filter((c) => c.target).map((c) => c.name);
    throw new Error(
      target
        ? `treeAnalysis requires a 0/1 or text target, "${options.target}" is ${target.level}; valid targets: ${valid.join(', ')}`
        : `treeAnalysis: unknown target "${options.target}"; valid targets: ${valid.join(', ')}`,
    );
  }
  const specs = options.predictors
    ? options.predictors.map(parsePredictor)
    : columns.filter((c) => c.defaultPredictor && c.name !== target.name).map((c) => ({ name: c.name, level: null }));
  const unknown = specs.filter((s) => !byName.has(s.name));
  const unavailable = unknown.find((u) => NEEDS_SOURCE[u.name]);
  if (unavailable) throw new Error(`treeAnalysis: predictor "${unavailable.name}" needs ${NEEDS_SOURCE[unavailable.name]}`);
  if (unknown.length) {
    throw new Error(
      `treeAnalysis: unknown predictor${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u.name}"`).join(', ')}; valid predictors: ${columns.map((c) => c.name).join(', ')}`,
    );
  }
  if (specs.some((s) => s.name === target.name)) throw new Error(`treeAnalysis requires the target "${target.name}" not to be a predictor too`);
  const seen = new Set<string>();
  for (const s of specs) {
    if (seen.has(s.name)) throw new Error(`treeAnalysis requires each predictor once, got "${s.name}" twice`);
    seen.add(s.name);
  }
  if (specs.length === 0) throw new Error('treeAnalysis requires at least one predictor, got 0');

  const predictors = specs.map((s) => asLevel(byName.get(s.name)!, s.level ?? byName.get(s.name)!.level));
  const asText = (v: string | number | null): string | null => (v === null ? null : String(v));
  const tv = target.values;
  const data: CompactTreeData = {
    target: isCompact(tv) ? { table: tv.table.map(asText), codes: tv.codes } : tv.map(asText),
    targetName: target.name,
    predictors,
    ...(target.order ? { targetOrder: target.order } : {}),
  };
  const chaidOptions: ChaidOptions = {
    alphaMerge: options.alphaMerge,
    alphaSplit: options.alphaSplit,
    maxDepth: options.maxDepth,
    minParent: options.minParent,
    minChild: options.minChild,
    statistic: options.statistic,
    exhaustive: options.exhaustive,
    splitMerged: options.splitMerged,
    alphaSplitMerge: options.alphaSplitMerge,
    bonferroni: options.bonferroni,
    intervals: options.intervals,
  };
  const cartOptions: CartOptions = { maxDepth: options.maxDepth, minParent: options.minParent, ...options.cart };
  // CHAID: the data is checked and coded once, for the tree and the cross-validation folds
  let coded: CodedTreeData | null = null;
  let tree: DecisionTree;
  if (method === 'chaid') {
    const o = resolveChaidOptions('chaid', chaidOptions);
    const prepared = codeTreeData('chaid', data, o.intervals, shared?.codings ?? null);
    coded = prepared.coded;
    tree = growChaid(prepared.view, o);
  } else tree = cartTree(expandTreeData(data), cartOptions);
  const focus = treeFocus('treeAnalysis', tree, options.focus ?? (DEFAULT_FOCUS[target.name] && tree.targetCategories.includes(DEFAULT_FOCUS[target.name]!) ? DEFAULT_FOCUS[target.name] : undefined));
  const cv = options.crossValidation
    ? crossValidateCoded(data, coded, {
        folds: options.crossValidation.folds,
        seed: options.crossValidation.seed,
        rounds: options.crossValidation.rounds,
        chaid: chaidOptions,
        cart: options.crossValidation.cart === false ? false : cartOptions,
      })
    : null;
  return {
    ...tree,
    focus,
    predictorLevels: specs.map((s) => {
      const col = byName.get(s.name)!;
      return { name: s.name, level: s.level ?? col.level, overridden: s.level !== null && s.level !== col.level, description: col.description };
    }),
    text: treeText(tree),
    rules: treeRules(tree, { focus }),
    gains: gainsTable(tree, { focus }),
    crossValidation: cv,
  };
}
