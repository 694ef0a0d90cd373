import type { DecisionTree } from './tree-types.js';

/**
 * The target category rules and gains report on: the one asked for (checked), else "1"
 * when the target has it (0/1 targets), else the first category.
 * @throws if the category asked for is not a target category.
 */
export function treeFocus(fn: string, tree: Pick<DecisionTree, 'targetCategories' | 'target'>, focus?: string): string {
  if (focus !== undefined) {
    if (!tree.targetCategories.includes(focus)) {
      throw new Error(`${fn} requires focus to be a category of ${tree.target} (${tree.targetCategories.join(', ')}), got "${focus}"`);
    }
    return focus;
  }
  return tree.targetCategories.includes('1') ? '1' : tree.targetCategories[0]!;
}
