/**
 * The shapes shared by the decision trees (CHAID, Exhaustive CHAID, CART): predictors in,
 * nodes out, saved models. A tree is plain JSON: `nodes[0]` is the root, every node names
 * its parent, and a split node lists the groups of predictor categories its children take.
 */

/** Measurement level of a predictor (cli.md: whole numbers ordinal, text and 0/1 nominal, other numbers continuous). */
export const PREDICTOR_LEVELS = ['nominal', 'ordinal', 'continuous'] as const;
export type PredictorLevel = (typeof PREDICTOR_LEVELS)[number];

/** Chi-square statistics CHAID can use for merging and splitting. */
export const TREE_STATISTICS = ['pearson', 'likelihood-ratio'] as const;
export type TreeStatistic = (typeof TREE_STATISTICS)[number];

/** Growing methods. */
export const TREE_METHODS = ['chaid', 'exhaustive-chaid', 'cart'] as const;
export type TreeMethod = (typeof TREE_METHODS)[number];

/** Label of the missing-value category of a predictor (nominal: a category of its own; ordinal: floating). */
export const MISSING_CATEGORY = '<missing>';

/** Why a node was not split. */
export const STOP_REASONS = [
  'pure', // one target category only
  'max-depth', // at the maximum depth
  'min-parent', // fewer cases than the minimum parent size
  'no-predictor', // no predictor has two groups that each reach the minimum child size
  'not-significant', // the best adjusted p is above alpha-split (CART: no split improves the fit)
] as const;
export type StopReason = (typeof STOP_REASONS)[number];

/** One predictor column given to a tree. */
export interface TreePredictorInput {
  name: string;
  level: PredictorLevel;
  /** One value per case, aligned with the target; null = missing. */
  values: readonly (string | number | null)[];
  /**
   * Category order of an ordinal predictor whose values are text (required then), e.g.
   * `['<1', '1-4', '5-9', '10-15', '16+']`. Numeric ordinal values are ordered by value.
   */
  order?: readonly string[];
}

/** The columns a tree is grown on. */
export interface TreeData {
  /** The target (dependent variable) per case; null = missing (left out and counted). */
  target: readonly (string | null)[];
  predictors: readonly TreePredictorInput[];
  /** Name of the target, for output (default "target"). */
  targetName?: string;
  /** Order of the target categories in output (default: sorted, numbers numerically). */
  targetOrder?: readonly string[];
}

/** What the tree knows about a predictor after preparing it (saved with the model). */
export interface TreePredictorInfo {
  name: string;
  level: PredictorLevel;
  /**
   * Category labels in order (ordinal and continuous: ascending), without the missing
   * category. A continuous predictor's categories are its bins: "<= a", "(a, b]", "> b".
   */
  categories: string[];
  /** Numeric value of each category of a numeric ordinal predictor, else null. */
  categoryValues: number[] | null;
  /** Continuous predictors: upper bounds of the bins but the last (bin i is (cuts[i−1], cuts[i]]), else null. */
  cuts: number[] | null;
  /** Whether the fitting data had missing values for this predictor. */
  hasMissing: boolean;
}

/** How a node divides its cases among its children. */
export interface TreeSplit {
  /** The predictor. */
  variable: string;
  level: PredictorLevel;
  /**
   * The groups of categories, one per child, in child order; the missing category is
   * `<missing>`. For a threshold split (CART on a continuous predictor) the two groups are
   * `["< t"]` and `[">= t"]`.
   */
  groups: string[][];
  /** Chi-square of the groups × target table (Pearson unless the likelihood ratio was asked for). */
  chiSquare: number;
  df: number;
  /** Unadjusted p-value of `chiSquare`. */
  p: number;
  /** Bonferroni-adjusted p: min(1, p × bonferroni); equals p when no adjustment is made. */
  pAdjusted: number;
  /** The Bonferroni multiplier used (1 when not adjusted). */
  bonferroni: number;
  /** Categories the predictor had in this node before merging (c of the multiplier). */
  categoriesInNode: number;
  /** CART on a continuous predictor: child 0 takes values < threshold, child 1 values >= threshold. */
  threshold?: number;
  /** Child that takes a missing value when no group names `<missing>` (CART: the side of the imputed value). */
  missingGroup?: number;
  /** Child that takes a category not seen when fitting (CART one-hot: the "not" side); absent = prediction stops here. */
  unseenGroup?: number;
}

/** A node of a tree. */
export interface TreeNode {
  id: number;
  parent: number | null;
  depth: number;
  /** Cases in the node. */
  n: number;
  /** Cases per target category (every category of the tree, zeros included). */
  distribution: Record<string, number>;
  /** The parent's split variable and the group of categories that leads here (null at the root). */
  branch: { variable: string; categories: string[] } | null;
  split: TreeSplit | null;
  children: number[];
  /** Why a terminal node was not split (null for split nodes). */
  stop: StopReason | null;
}

/** Settings of a CHAID tree (defaults as SPSS). */
export interface ChaidOptions {
  /** Merge the least significant pair while its p > alphaMerge (default 0.05; 1 = never merge). */
  alphaMerge?: number;
  /** Split a node when the best adjusted p <= alphaSplit (default 0.05). */
  alphaSplit?: number;
  /** Levels below the root (default 3). */
  maxDepth?: number;
  /** A node with fewer cases is not split (default 100). */
  minParent?: number;
  /** No child may have fewer cases: small groups are merged with their most similar neighbour (default 50). */
  minChild?: number;
  /** 'pearson' (default) or 'likelihood-ratio'. */
  statistic?: TreeStatistic;
  /** Exhaustive CHAID (Biggs, de Ville and Suen 1991): merge down to two groups and keep the best set (default false). */
  exhaustive?: boolean;
  /** Allow a merged category of three or more to be split again (SPSS SPLITMERGED, default false). */
  splitMerged?: boolean;
  /** Significance for re-splitting a merged category (default: alphaMerge). */
  alphaSplitMerge?: number;
  /** Adjust p-values with the Bonferroni multipliers (default true, as SPSS). */
  bonferroni?: boolean;
  /** Quantile bins of a continuous predictor (default 10). */
  intervals?: number;
}

export type ResolvedChaidOptions = Required<ChaidOptions>;

/** Cases left out of a tree, by reason. */
export interface TreeExclusions {
  /** The target is missing. */
  missingTarget: number;
  /** Every predictor is missing (SPSS ignores such cases). */
  allPredictorsMissing: number;
}

/** A grown tree (CHAID or CART) with what it needs to predict. */
export interface DecisionTree {
  method: TreeMethod;
  target: string;
  targetCategories: string[];
  predictors: TreePredictorInfo[];
  nodes: TreeNode[];
  /** Cases the tree was grown on. */
  n: number;
  excluded: TreeExclusions;
  /** Settings that change the tree. */
  settings: Record<string, unknown>;
}

/** Kind tag of a saved tree. */
export const TREE_MODEL_KIND = 'early-help-workbench/tree';
/** Version of the saved-tree format. */
export const TREE_MODEL_VERSION = 1;

/** A saved tree: plain JSON that `loadTreeModel` checks and `predictTree` uses. */
export interface TreeModel extends DecisionTree {
  kind: typeof TREE_MODEL_KIND;
  version: typeof TREE_MODEL_VERSION;
}
