import { treeFocus } from './tree-focus.js';
import type { DecisionTree } from './tree-types.js';

/** Options for {@link gainsTable}. */
export interface GainsTableOptions {
  /** Target category of interest (default: "1" for 0/1 targets, else the first category). */
  focus?: string;
}

/** One row of the gains table: a terminal node. */
export interface GainsRow {
  node: number;
  n: number;
  /** n / all cases, percent. */
  nPercent: number;
  /** Cases of the focus category in the node. */
  count: number;
  /** Share of all focus-category cases found in this node (gain), percent. */
  gainPercent: number;
  /** count / n (response), percent. */
  responsePercent: number;
  /** Response / overall response × 100 (above 100: the node is richer in the focus category than the cohort). */
  index: number;
  /** Running totals down the table: cases percent and gain percent. */
  cumulativeNPercent: number;
  cumulativeGainPercent: number;
}

/** Result of {@link gainsTable}. */
export interface GainsTableResult {
  focus: string;
  /** All cases and focus-category cases in the tree. */
  n: number;
  count: number;
  /** Terminal nodes, highest index first (ties: node order). */
  rows: GainsRow[];
}

const r2 = (x: number): number => Math.round(x * 100) / 100;

/**
 * The gains table of a tree for one target category, as SPSS reports it: for each
 * terminal node its cases, the focus-category cases it holds (as a share of all of them:
 * the gain), its response rate, and the index (response rate over the overall rate × 100),
 * sorted by index with cumulative shares. Percentages are rounded to 2 decimals.
 *
 * Cost: O(nodes log nodes).
 * @throws if `focus` is not a target category.
 * @example gainsTable(tree).rows[0] // { node: 7, n: 905, count: 416, gainPercent: 37.4, responsePercent: 45.97, index: 165.2, ... }
 */
export function gainsTable(tree: DecisionTree, options: GainsTableOptions = {}): GainsTableResult {
  const focus = treeFocus('gainsTable', tree, options.focus);
  const root = tree.nodes[0]!;
  const n = root.n;
  const count = root.distribution[focus]!;
  const overall = n === 0 ? 0 : count / n;
  const terminals = tree.nodes.filter((x) => x.split === null);
  const rows = terminals
    .map((x) => {
      const c = x.distribution[focus]!;
      const response = x.n === 0 ? 0 : c / x.n;
      return { node: x.id, n: x.n, count: c, response, index: overall === 0 ? 0 : (100 * response) / overall };
    })
    .sort((a, b) => b.index - a.index || a.node - b.node);
  let cumN = 0;
  let cumC = 0;
  return {
    focus,
    n,
    count,
    rows: rows.map((x) => {
      cumN += x.n;
      cumC += x.count;
      return {
        node: x.node,
        n: x.n,
        nPercent: r2((100 * x.n) / n),
        count: x.count,
        gainPercent: count === 0 ? 0 : r2((100 * x.count) / count),
        responsePercent: r2(100 * x.response),
        index: r2(x.index),
        cumulativeNPercent: r2((100 * cumN) / n),
        cumulativeGainPercent: count === 0 ? 0 : r2((100 * cumC) / count),
      };
    }),
  };
}
