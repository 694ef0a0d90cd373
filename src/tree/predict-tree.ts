import { childGroupFor } from './tree-conditions.js';
import type { DecisionTree, TreeNode } from './tree-types.js';

/** One case to predict: its predictor values by name (null = missing). */
export type TreeCase = Readonly<Record<string, string | number | null>>;

/** The prediction for one case. */
export interface TreePrediction {
  /** The node the case ends in. */
  node: number;
  /** Whether that node is terminal (false when a split could not place the case: a category not seen when fitting, or a missing value no group takes). */
  terminal: boolean;
  /** The most frequent target category of the node (ties: the first in `targetCategories`). */
  predicted: string;
  /** Share of each target category in the node. */
  probabilities: Record<string, number>;
}

/** The most frequent category of a node (ties: first in order). */
export function majorityCategory(targetCategories: readonly string[], node: Pick<TreeNode, 'distribution'>): string {
  let best = targetCategories[0]!;
  for (const c of targetCategories) if (node.distribution[c]! > node.distribution[best]!) best = c;
  return best;
}

/**
 * Predicts new cases with a tree (a grown tree, a tree analysis result, or a loaded
 * `TreeModel`): each case follows the splits from the root to a terminal node and gets
 * that node's most frequent target category and category shares. Values are given as
 * when fitting (continuous predictors as numbers, binned by the tree's cut points;
 * ordinal as numbers or their category text). A case stops early, at the node whose split
 * cannot place it (`terminal: false`), when it has a nominal or text category the tree
 * never saw there, or a missing value where no group took missing values.
 *
 * Cost: O(depth · groups) per case.
 * @throws if a case lacks a predictor the tree splits on (use null for a missing value).
 * @example predictTree(tree, [{ cluster: 'B', months_of_involvement: 7.5 }])[0].predicted // '1'
 */
export function predictTree(tree: DecisionTree, cases: readonly TreeCase[]): TreePrediction[] {
  const info = new Map(tree.predictors.map((p) => [p.name, p]));
  return cases.map((row, r) => {
    let node = tree.nodes[0]!;
    let terminal = true;
    while (node.split) {
      const s = node.split;
      if (!(s.variable in row)) {
        throw new Error(`predictTree requires every case to give "${s.variable}" (null when missing), case ${r + 1} does not`);
      }
      const v = row[s.variable]!;
      if (v !== null && typeof v !== 'string' && typeof v !== 'number') {
        throw new Error(`predictTree requires text, numbers or null for "${s.variable}", case ${r + 1} has ${typeof v}`);
      }
      const g = childGroupFor(info.get(s.variable)!, s, v);
      if (g === null) {
        terminal = false;
        break;
      }
      node = tree.nodes[node.children[g]!]!;
    }
    const probabilities = Object.fromEntries(
      tree.targetCategories.map((c) => [c, node.n === 0 ? 0 : node.distribution[c]! / node.n]),
    );
    return { node: node.id, terminal, predicted: majorityCategory(tree.targetCategories, node), probabilities };
  });
}
