import { conditionText } from './tree-conditions.js';
import { treeFocus } from './tree-focus.js';
import type { DecisionTree, TreeNode } from './tree-types.js';

/** Options for {@link treeRules}. */
export interface TreeRulesOptions {
  /** Target category the rules report the share of (default: "1" for 0/1 targets, else the first category). */
  focus?: string;
}

/** One rule: the path to a terminal node. */
export interface TreeRule {
  node: number;
  /** Conditions from the root down, one per split on the path. */
  conditions: string[];
  n: number;
  focus: string;
  /** Cases of the focus category in the node. */
  count: number;
  /** count / n, percent with one decimal. */
  percent: number;
  /** "IF cluster in {B, D} AND months_of_involvement > 6 THEN social care after 62%, n = 54". */
  text: string;
}

function targetPhrase(target: string, focus: string): string {
  const name = target.replace(/_/g, ' ');
  return focus === '1' ? name : `${name} = ${focus}`;
}

/** The conditions that lead from the root to a node. */
export function nodeConditions(tree: DecisionTree, node: TreeNode): string[] {
  const info = new Map(tree.predictors.map((p) => [p.name, p]));
  const out: string[] = [];
  let cur = node;
  while (cur.parent !== null) {
    const parent = tree.nodes[cur.parent]!;
    const g = parent.children.indexOf(cur.id);
    out.push(conditionText(info.get(parent.split!.variable)!, parent.split!, g));
    cur = parent;
  }
  return out.reverse();
}

/**
 * The tree as rules, one per terminal node in node order: "IF <conditions> THEN <target>
 * <share of the focus category>%, n = <cases>". Ordered predictors read as ranges
 * ("months_of_involvement > 6.2"), nominal ones as sets ("cluster in {B, D}").
 *
 * Cost: O(nodes · depth).
 * @throws if `focus` is not a target category.
 * @example treeRules(tree)[0].text // "IF cluster in {B, D} AND months_of_involvement > 6 THEN social care after 62%, n = 54"
 */
export function treeRules(tree: DecisionTree, options: TreeRulesOptions = {}): TreeRule[] {
  const focus = treeFocus('treeRules', tree, options.focus);
  return tree.nodes
    .filter((n) => n.split === null)
    .map((node) => {
      const conditions = nodeConditions(tree, node);
      const count = node.distribution[focus]!;
      const share = node.n === 0 ? 0 : count / node.n;
      const percent = Math.round(share * 1000) / 10;
      const text = `IF ${conditions.length ? conditions.join(' AND ') : 'any case'} THEN ${targetPhrase(tree.target, focus)} ${Math.round(share * 100)}%, n = ${node.n}`;
      return { node: node.id, conditions, n: node.n, focus, count, percent, text };
    });
}
