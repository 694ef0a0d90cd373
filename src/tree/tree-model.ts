import { TREE_MODEL_KIND, TREE_MODEL_VERSION, type DecisionTree, type TreeModel } from './tree-types.js';

/**
 * The saved form of a tree: a plain JSON copy of what prediction needs (method, target,
 * target categories, predictors with their categories and cut points, nodes, settings)
 * tagged with `kind` and `version`. `loadTreeModel(JSON.parse(JSON.stringify(model)))`
 * predicts exactly as the tree does.
 *
 * Cost: O(size of the tree).
 * @example JSON.stringify(toTreeModel(chaid(data)))
 */
export function toTreeModel(tree: DecisionTree): TreeModel {
  const copy = JSON.parse(
    JSON.stringify({
      method: tree.method,
      target: tree.target,
      targetCategories: tree.targetCategories,
      predictors: tree.predictors,
      nodes: tree.nodes,
      n: tree.n,
      excluded: tree.excluded,
      settings: tree.settings,
    }),
  ) as DecisionTree;
  return { kind: TREE_MODEL_KIND, version: TREE_MODEL_VERSION, ...copy };
}
