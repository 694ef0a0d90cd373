import { mergeCategories, type MergeCategoriesResult } from './merge-categories.js';
import { allCodeTargetCounts, caseCodes } from './case-codes.js';
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
  /** The predictor's category × target counts in the node. */
  counts: number[][];
}

/** Code × target code tables up to this size are counted on the codes, then folded into categories. */
const DIRECT_TABLE = 4096;

/**
 * Whether a predictor's counts are kept per code × target code (predictors counted case by
 * case, see `caseCodes`, and other small tables; folded into the view's categories when
 * read) rather than per category × target category (a continuous predictor with many
 * distinct values).
 */
function direct(vp: ViewPredictor, view: TreeView): boolean {
  return caseCodes(view.coded).slots[vp.coded.index]! >= 0 || vp.map.length * view.targetMap.length <= DIRECT_TABLE;
}

/** Counts of every predictor over rows, each kept as `direct` says. */
function countRows(view: TreeView, rows: Int32Array, J: number): Int32Array[] {
  const all = allCodeTargetCounts(view.coded, rows, (p) => !direct(view.predictors[p]!, view));
  return view.predictors.map((vp, p) => all[p] ?? countMapped(vp, view, rows, J));
}

/** Counts of a predictor over rows per category × target category. */
function countMapped(vp: ViewPredictor, view: TreeView, rows: Int32Array, J: number): Int32Array {
  const tcodes = view.coded.targetCodes;
  const codes = vp.coded.codes;
  const map = vp.map;
  const tmap = view.targetMap;
  const c = new Int32Array((vp.info.categories.length + 1) * J);
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r]!;
    c[map[codes[i]!]! * J + tmap[tcodes[i]!]!]!++;
  }
  return c;
}

/** The root's counts of a predictor, kept as `direct` says (from the view's code × target code counts). */
function rootTable(vp: ViewPredictor, view: TreeView, J: number): Int32Array {
  if (direct(vp, view)) return vp.rootCounts;
  const Jc = view.targetMap.length;
  const c = new Int32Array((vp.info.categories.length + 1) * J);
  for (let g = 0; g < vp.map.length; g++) {
    for (let t = 0; t < Jc; t++) {
      const v = vp.rootCounts[g * Jc + t]!;
      if (v > 0) c[vp.map[g]! * J + view.targetMap[t]!]! += v;
    }
  }
  return c;
}

/** Counts of predictor category (0 … k, k = missing) × target category, from a table kept as `direct` says. */
function crossCounts(vp: ViewPredictor, view: TreeView, table: Int32Array, J: number): number[][] {
  const k = vp.info.categories.length;
  const counts = Array.from({ length: k + 1 }, () => new Array<number>(J).fill(0));
  if (direct(vp, view)) {
    const map = vp.map;
    const tmap = view.targetMap;
    const Jc = tmap.length;
    for (let g = 0; g < map.length; g++) {
      for (let t = 0; t < Jc; t++) {
        const v = table[g * Jc + t]!;
        if (v > 0) counts[map[g]!]![tmap[t]!]! += v;
      }
    }
  } else {
    for (let g = 0; g <= k; g++) for (let t = 0; t < J; t++) counts[g]![t] = table[g * J + t]!;
  }
  return counts;
}

/** Cases per target category over rows. */
function targetCounts(view: TreeView, rows: Int32Array): number[] {
  const counts = new Array<number>(view.targetCategories.length).fill(0);
  const tcodes = view.coded.targetCodes;
  const tmap = view.targetMap;
  for (let r = 0; r < rows.length; r++) counts[tmap[tcodes[rows[r]!]!]!]!++;
  return counts;
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
  // counts of every predictor in a node that is to be tested (null for the others)
  const nodeTables: (Int32Array[] | null)[] = [];

  const addNode = (rows: Int32Array, counts: readonly number[], parent: number | null, depth: number, branch: TreeNode['branch']): number => {
    const id = nodes.length;
    const distribution = Object.fromEntries(view.targetCategories.map((t, k) => [t, counts[k]!]));
    nodes.push({ id, parent, depth, n: rows.length, distribution, branch, split: null, children: [], stop: null });
    nodeRows.push(rows);
    nodeTables.push(null);
    return id;
  };

  addNode(view.rows, targetCounts(view, view.rows), null, 0, null);
  if (stopBefore(nodes[0]!, o) === null) nodeTables[0] = view.predictors.map((vp) => rootTable(vp, view, J));
  for (let id = 0; id < nodes.length; id++) {
    const node = nodes[id]!;
    const rows = nodeRows[id]!;
    const tables = nodeTables[id]!;
    nodeRows[id] = null; // done with: let them go
    nodeTables[id] = null;
    const stop = stopBefore(node, o);
    if (stop) {
      node.stop = stop;
      continue;
    }
    let best: Candidate | null = null;
    view.predictors.forEach((vp, p) => {
      const counts = crossCounts(vp, view, tables[p]!, J);
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
      if (!result) return;
      if (
        best === null ||
        result.pAdjusted < best.result.pAdjusted ||
        (result.pAdjusted === best.result.pAdjusted && result.statistic > best.result.statistic)
      ) {
        best = { predictor: vp, result, counts };
      }
    });
    if (!best) {
      node.stop = 'no-predictor';
      continue;
    }
    const chosen: Candidate = best;
    if (!(chosen.result.pAdjusted <= o.alphaSplit)) {
      node.stop = 'not-significant';
      continue;
    }
    const vp = chosen.predictor;
    const info = vp.info;
    const groups = chosen.result.groups.map((g) => groupLabels(info, g));
    const split: TreeSplit = {
      variable: info.name,
      level: info.level,
      groups,
      chiSquare: chosen.result.statistic,
      df: chosen.result.df,
      p: chosen.result.p,
      pAdjusted: chosen.result.pAdjusted,
      bonferroni: chosen.result.multiplier,
      categoriesInNode: chosen.result.categoriesInNode,
    };
    node.split = split;
    const groupOf = new Int32Array(info.categories.length + 2).fill(-1);
    chosen.result.groups.forEach((g, gi) => g.forEach((c) => (groupOf[c] = gi)));
    // child of each code, then the rows of each child (ascending, as the parent's)
    const childOf = Int32Array.from(vp.map, (c) => groupOf[c]!);
    const codes = vp.coded.codes;
    const sizes = new Int32Array(chosen.result.groups.length);
    for (let r = 0; r < rows.length; r++) sizes[childOf[codes[rows[r]!]!]!]!++;
    const childRows = Array.from(sizes, (s) => new Int32Array(s));
    const fill = new Int32Array(sizes.length);
    for (let r = 0; r < rows.length; r++) {
      const i = rows[r]!;
      const g = childOf[codes[i]!]!;
      childRows[g]![fill[g]!++] = i;
    }
    const children = chosen.result.groups.map((_, gi) => {
      // the child's cases per target category: the counts of its group's categories
      const counts = new Array<number>(J).fill(0);
      for (const c of chosen.result.groups[gi]!) for (let t = 0; t < J; t++) counts[t]! += chosen.counts[c]![t]!;
      const child = addNode(childRows[gi]!, counts, id, node.depth + 1, { variable: info.name, categories: groups[gi]! });
      node.children.push(child);
      return child;
    });
    childTables(children, childRows, tables);
  }

  /**
   * Counts of every predictor in the children that are to be tested. The largest child's
   * counts are the parent's minus its siblings' when that reads fewer rows than counting
   * the children that need them.
   */
  function childTables(children: number[], childRows: Int32Array[], parent: Int32Array[]): void {
    const need = children.map((c) => stopBefore(nodes[c]!, o) === null);
    if (!need.some(Boolean)) return;
    let largest = 0;
    childRows.forEach((r, g) => {
      if (r.length > childRows[largest]!.length) largest = g;
    });
    const total = childRows.reduce((s, r) => s + r.length, 0);
    const bySubtraction = need[largest] ? total - childRows[largest]!.length : Infinity;
    const countedRows = childRows.reduce((s, r, g) => s + (need[g] ? r.length : 0), 0);
    if (bySubtraction < countedRows) {
      const counted = childRows.map((r, g) => (g === largest ? null : countRows(view, r, J)));
      const rest = parent.map((t, p) => {
        const out = t.slice();
        for (const c of counted) if (c) for (let x = 0; x < out.length; x++) out[x]! -= c[p]![x]!;
        return out;
      });
      children.forEach((c, g) => {
        if (need[g]) nodeTables[c] = g === largest ? rest : counted[g]!;
      });
    } else {
      children.forEach((c, g) => {
        if (need[g]) nodeTables[c] = countRows(view, childRows[g]!, J);
      });
    }
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
