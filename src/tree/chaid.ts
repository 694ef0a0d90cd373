import { mergeCategories, type MergeCategoriesResult } from './merge-categories.js';
import { codeTreeData, type TreeView, type ViewPredictor } from './code-tree-data.js';
import {
  MISSING_CATEGORY,
  TREE_STATISTICS,
  type ChaidOptions,
  type DecisionTree,
  type ResolvedChaidOptions,
  type StopReason,
  type TreeData,
  type TreeNode,
  type TreePredictorInfo,
  type TreeSplit,
} from './tree-types.js';

/** A CHAID tree: the grown nodes and the settings that made them. */
export interface ChaidTree extends DecisionTree {
  method: 'chaid' | 'exhaustive-chaid';
  settings: ResolvedChaidOptions;
}

/** SPSS defaults. */
export const CHAID_DEFAULTS: ResolvedChaidOptions = {
  alphaMerge: 0.05,
  alphaSplit: 0.05,
  maxDepth: 3,
  minParent: 100,
  minChild: 50,
  statistic: 'pearson',
  exhaustive: false,
  splitMerged: false,
  alphaSplitMerge: 0.05,
  bonferroni: true,
  intervals: 10,
};

/**
 * Fills the defaults of CHAID options and checks them.
 * @throws naming the option and the value when one is out of range.
 */
export function resolveChaidOptions(fn: string, options: ChaidOptions = {}): ResolvedChaidOptions {
  const o: ResolvedChaidOptions = {
    ...CHAID_DEFAULTS,
    ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
  } as ResolvedChaidOptions;
  if (options.alphaSplitMerge === undefined) o.alphaSplitMerge = o.alphaMerge;
  const prob = (name: keyof ResolvedChaidOptions, v: number, closedTop: boolean): void => {
    if (typeof v !== 'number' || !(v > 0 && (closedTop ? v <= 1 : v < 1))) {
      throw new Error(`${fn} requires ${name} in (0, 1${closedTop ? ']' : ')'}, got ${String(v)}`);
    }
  };
  prob('alphaMerge', o.alphaMerge, true);
  prob('alphaSplit', o.alphaSplit, false);
  prob('alphaSplitMerge', o.alphaSplitMerge, true);
  const whole = (name: keyof ResolvedChaidOptions, v: number, min: number): void => {
    if (!Number.isSafeInteger(v) || v < min) throw new Error(`${fn} requires ${name} to be a whole number >= ${min}, got ${String(v)}`);
  };
  whole('maxDepth', o.maxDepth, 0);
  whole('minParent', o.minParent, 1);
  whole('minChild', o.minChild, 1);
  whole('intervals', o.intervals, 2);
  if (!TREE_STATISTICS.includes(o.statistic)) {
    throw new Error(`${fn} requires statistic to be one of ${TREE_STATISTICS.join(', ')}, got ${String(o.statistic)}`);
  }
  for (const b of ['exhaustive', 'splitMerged', 'bonferroni'] as const) {
    if (typeof o[b] !== 'boolean') throw new Error(`${fn} requires ${b} to be true or false, got ${String(o[b])}`);
  }
  return o;
}

interface Candidate {
  predictor: ViewPredictor;
  result: MergeCategoriesResult;
}

/** Codes × target codes tables up to this size are counted on the codes, then folded into categories. */
const DIRECT_TABLE = 4096;

/**
 * Counts of predictor category (0 … k, k = missing) × target category over some rows of a
 * view. Counts on the shared codes (a small table, folded into the view's categories after)
 * unless a continuous predictor has many distinct values.
 */
function crossCounts(vp: ViewPredictor, view: TreeView, rows: Int32Array, J: number): number[][] {
  const k = vp.info.categories.length;
  const codes = vp.coded.codes;
  const map = vp.map;
  const tcodes = view.coded.targetCodes;
  const tmap = view.targetMap;
  const counts = Array.from({ length: k + 1 }, () => new Array<number>(J).fill(0));
  const G = map.length;
  const Jc = tmap.length;
  if (G * Jc <= DIRECT_TABLE) {
    const c = new Int32Array(G * Jc);
    for (let r = 0; r < rows.length; r++) {
      const i = rows[r]!;
      c[codes[i]! * Jc + tcodes[i]!]!++;
    }
    for (let g = 0; g < G; g++) {
      for (let t = 0; t < Jc; t++) {
        const v = c[g * Jc + t]!;
        if (v > 0) counts[map[g]!]![tmap[t]!]! += v;
      }
    }
  } else {
    const c = new Int32Array((k + 1) * J);
    for (let r = 0; r < rows.length; r++) {
      const i = rows[r]!;
      c[map[codes[i]!]! * J + tmap[tcodes[i]!]!]!++;
    }
    for (let g = 0; g <= k; g++) for (let t = 0; t < J; t++) counts[g]![t] = c[g * J + t]!;
  }
  return counts;
}

function distributionOf(view: TreeView, rows: Int32Array): Record<string, number> {
  const counts = new Array<number>(view.targetCategories.length).fill(0);
  const tcodes = view.coded.targetCodes;
  const tmap = view.targetMap;
  for (let r = 0; r < rows.length; r++) counts[tmap[tcodes[rows[r]!]!]!]!++;
  return Object.fromEntries(view.targetCategories.map((t, k) => [t, counts[k]!]));
}

/** The labels of a group of category indices (index k = missing). */
export function groupLabels(info: TreePredictorInfo, group: readonly number[]): string[] {
  const cats = info.categories;
  return group.map((c) => (c === cats.length ? MISSING_CATEGORY : cats[c]!));
}

/**
 * Grows a CHAID tree (Kass 1980) as the SPSS TREE procedure does: continuous predictors
 * are binned into ordered categories (`intervals` quantile bins, once, on all cases);
 * at each node every predictor's categories are merged (`mergeCategories`: adjacent only
 * for ordinal predictors; a missing value is a floating category for ordinal and
 * continuous predictors and a category of its own for nominal ones), the predictor with
 * the smallest Bonferroni-adjusted p is chosen (ties: larger chi-square, then the earlier
 * predictor) and the node is split into its groups when that p <= alphaSplit. A node is
 * not split when it is pure, at maxDepth, or has fewer than minParent cases; no child has
 * fewer than minChild cases. Nodes are numbered breadth-first, children in group order.
 * With `exhaustive`, Exhaustive CHAID (Biggs, de Ville and Suen 1991). Cases whose target
 * is missing, or whose predictors are all missing, are left out and counted.
 *
 * Cost: O(nodes · (n · p + p · c³)) for n cases, p predictors of at most c categories.
 *
 * @throws on invalid data (see the messages: lengths, levels, value types, ordinal order)
 *   or an option out of range.
 * @example
 * const tree = chaid({ target: ['1', '0', ...], predictors: [{ name: 'cluster', level: 'nominal', values: ['A', 'B', ...] }] });
 * tree.nodes[0].split // { variable: 'cluster', groups: [['A', 'D'], ['B', 'C']], chiSquare, df, p, pAdjusted, ... }
 */
export function chaid(data: TreeData, options: ChaidOptions = {}): ChaidTree {
  const o = resolveChaidOptions('chaid', options);
  const { view } = codeTreeData('chaid', data, o.intervals);
  return growChaid(view, o);
}

/**
 * Grows a CHAID tree on a view of coded data (internal: `chaid` on coded data, shared by
 * the full tree and the cross-validation folds).
 *
 * Cost: as `chaid`; the counting reads one to four bytes per case and predictor per level.
 */
export function growChaid(view: TreeView, o: ResolvedChaidOptions): ChaidTree {
  const J = view.targetCategories.length;
  const nodes: TreeNode[] = [];
  const nodeRows: (Int32Array | null)[] = [];

  const addNode = (rows: Int32Array, parent: number | null, depth: number, branch: TreeNode['branch']): number => {
    const id = nodes.length;
    nodes.push({ id, parent, depth, n: rows.length, distribution: distributionOf(view, rows), branch, split: null, children: [], stop: null });
    nodeRows.push(rows);
    return id;
  };

  addNode(view.rows, null, 0, null);
  for (let id = 0; id < nodes.length; id++) {
    const node = nodes[id]!;
    const rows = nodeRows[id]!;
    nodeRows[id] = null; // done with: let the rows go
    const stop = stopBefore(node, o);
    if (stop) {
      node.stop = stop;
      continue;
    }
    let best: Candidate | null = null;
    for (const vp of view.predictors) {
      const counts = crossCounts(vp, view, rows, J);
      const ordered = vp.info.level !== 'nominal';
      const k = vp.info.categories.length;
      const result = mergeCategories(
        { counts, ordered, missing: k },
        {
          alphaMerge: o.alphaMerge,
          minChild: o.minChild,
          statistic: o.statistic,
          exhaustive: o.exhaustive,
          splitMerged: o.splitMerged,
          alphaSplitMerge: o.alphaSplitMerge,
          bonferroni: o.bonferroni,
        },
      );
      if (!result) continue;
      if (
        best === null ||
        result.pAdjusted < best.result.pAdjusted ||
        (result.pAdjusted === best.result.pAdjusted && result.statistic > best.result.statistic)
      ) {
        best = { predictor: vp, result };
      }
    }
    if (!best) {
      node.stop = 'no-predictor';
      continue;
    }
    if (!(best.result.pAdjusted <= o.alphaSplit)) {
      node.stop = 'not-significant';
      continue;
    }
    const vp = best.predictor;
    const info = vp.info;
    const groups = best.result.groups.map((g) => groupLabels(info, g));
    const split: TreeSplit = {
      variable: info.name,
      level: info.level,
      groups,
      chiSquare: best.result.statistic,
      df: best.result.df,
      p: best.result.p,
      pAdjusted: best.result.pAdjusted,
      bonferroni: best.result.multiplier,
      categoriesInNode: best.result.categoriesInNode,
    };
    node.split = split;
    const groupOf = new Int32Array(info.categories.length + 2).fill(-1);
    best.result.groups.forEach((g, gi) => g.forEach((c) => (groupOf[c] = gi)));
    // child of each code, then the rows of each child (ascending, as the parent's)
    const childOf = Int32Array.from(vp.map, (c) => groupOf[c]!);
    const codes = vp.coded.codes;
    const sizes = new Int32Array(best.result.groups.length);
    for (let r = 0; r < rows.length; r++) sizes[childOf[codes[rows[r]!]!]!]!++;
    const childRows = Array.from(sizes, (s) => new Int32Array(s));
    const fill = new Int32Array(sizes.length);
    for (let r = 0; r < rows.length; r++) {
      const i = rows[r]!;
      const g = childOf[codes[i]!]!;
      childRows[g]![fill[g]!++] = i;
    }
    best.result.groups.forEach((_, gi) => {
      const child = addNode(childRows[gi]!, id, node.depth + 1, { variable: info.name, categories: groups[gi]! });
      node.children.push(child);
    });
  }

  return {
    method: o.exhaustive ? 'exhaustive-chaid' : 'chaid',
    target: view.coded.targetName,
    targetCategories: view.targetCategories,
    predictors: view.predictors.map((p) => p.info),
    nodes,
    n: view.rows.length,
    excluded: view.coded.excluded,
    settings: o,
  };
}

function stopBefore(node: TreeNode, o: ResolvedChaidOptions): StopReason | null {
  const nonEmpty = Object.values(node.distribution).filter((v) => v > 0).length;
  if (nonEmpty < 2) return 'pure';
  if (node.depth >= o.maxDepth) return 'max-depth';
  if (node.n < o.minParent) return 'min-parent';
  return null;
}
