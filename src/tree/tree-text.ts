import { conditionText } from './tree-conditions.js';
import { percent1 } from './tree-labels.js';
import type { DecisionTree, TreeNode } from './tree-types.js';

function pFormat(p: number): string {
  return p === 0 ? '0' : p < 0.001 ? p.toExponential(2) : p.toFixed(4);
}

/**
 * The tree as indented text, one line per node and one per split, children indented two
 * spaces under their parent:
 *
 *     [0] all cases: n = 4000; 0 2887 (72.2%), 1 1113 (27.8%)
 *       split on months_of_involvement: chi-square 69.73, df 1, p 6.81e-17, adjusted p 3.06e-15
 *       [1] months_of_involvement <= 6.2: n = 2003; 0 1564 (78.1%), 1 439 (21.9%)
 *
 * Cost: O(nodes · groups).
 * @example console.log(treeText(tree))
 */
export function treeText(tree: DecisionTree): string {
  const info = new Map(tree.predictors.map((p) => [p.name, p]));
  const lines: string[] = [];
  const dist = (node: TreeNode): string =>
    tree.targetCategories.map((c) => `${c} ${node.distribution[c]} (${percent1(node.distribution[c]!, node.n)}%)`).join(', ');
  const visit = (node: TreeNode, label: string, indent: string): void => {
    lines.push(`${indent}[${node.id}] ${label}: n = ${node.n}; ${dist(node)}${node.stop ? ` (terminal: ${node.stop})` : ''}`);
    const s = node.split;
    if (!s) return;
    const adj = s.bonferroni !== 1 || s.pAdjusted !== s.p ? `, adjusted p ${pFormat(s.pAdjusted)}` : '';
    lines.push(`${indent}  split on ${s.variable}: chi-square ${s.chiSquare.toFixed(2)}, df ${s.df}, p ${pFormat(s.p)}${adj}`);
    node.children.forEach((c, g) => visit(tree.nodes[c]!, conditionText(info.get(s.variable)!, s, g), `${indent}  `));
  };
  lines.push(`${tree.method} tree of ${tree.target}: ${tree.n} cases`);
  visit(tree.nodes[0]!, 'all cases', '');
  return lines.join('\n');
}
