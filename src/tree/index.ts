/** Decision trees: CHAID (as SPSS), Exhaustive CHAID, CART (ml-cart), their outputs and saved models. */
export { bonferroniMultiplier, exhaustiveBonferroniMultiplier, MERGE_KINDS, type MergeKind } from './bonferroni-multiplier.js';
export { binContinuous, type BinContinuousResult } from './bin-continuous.js';
export { mergeCategories, type MergeCategoriesInput, type MergeCategoriesOptions, type MergeCategoriesResult } from './merge-categories.js';
export { chaid, CHAID_DEFAULTS, type ChaidTree } from './chaid.js';
export { cartTree, CART_ENCODING, type CartOptions } from './cart-tree.js';
export { crossValidateTree, type CrossValidateTreeOptions, type CrossValidateTreeResult, type FoldAccuracy } from './cross-validate-tree.js';
export { predictTree, type TreeCase, type TreePrediction } from './predict-tree.js';
export { toTreeModel } from './tree-model.js';
export { loadTreeModel } from './load-tree-model.js';
export { treeRules, type TreeRule, type TreeRulesOptions } from './tree-rules.js';
export { gainsTable, type GainsRow, type GainsTableOptions, type GainsTableResult } from './gains-table.js';
export { treeText } from './tree-text.js';
export { treeColumns, type TreeColumn, type TreeColumnSources } from './tree-columns.js';
export {
  treeAnalysis,
  TREE_ANALYSIS_METHODS,
  type TreeAnalysisMethod,
  type TreeAnalysisOptions,
  type TreeAnalysisPredictor,
  type TreeAnalysisResult,
} from './tree-analysis.js';
export * from './tree-types.js';
