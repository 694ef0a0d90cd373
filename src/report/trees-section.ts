import type { DisclosureProfile } from '../cohort/config.js';
import type { CountSystem, PublishedCounts } from '../disclosure/count-system.js';
import { isSuppressed } from '../disclosure/suppressed.js';
import { conditionText } from '../tree/tree-conditions.js';
import { nodeConditions } from '../tree/tree-rules.js';
import type { TreeAnalysisResult } from '../tree/tree-analysis.js';
import { barChartSpec } from './bar-chart-spec.js';
import { chartRows, type FigureData } from './figure-data.js';
import { formatNumber, formatPercent } from './format-number.js';
import { bulletList, figureBlock, heading, paragraph, type PageBlock, type PageContent } from './page-content.js';
import type { ReportResults } from './report-results.js';
import { testSentence } from './test-sentence.js';
import { treeDiagramSpec } from './tree-diagram-spec.js';

/** Keys of a tree's counts in the report's count system. */
export const treeKeys = {
  n: (tree: string, node: number) => `tree:${tree}:${node}:n`,
  category: (tree: string, node: number, category: string) => `tree:${tree}:${node}:category:${category}`,
  excluded: (tree: string, reason: string) => `tree:${tree}:excluded:${reason}`,
};

const METHOD_NAMES: Record<string, string> = { chaid: 'CHAID', 'exhaustive-chaid': 'Exhaustive CHAID', cart: 'CART' };

type Tree = TreeAnalysisResult;

/**
 * The trees in the results, by name, in the results' order (chaid, progress, outcome).
 * @example reportTrees(results).map(([name]) => name) // ['chaid', 'progress', 'outcome']
 */
export function reportTrees(results: ReportResults): [string, Tree][] {
  return Object.entries(results.trees).filter((entry): entry is [string, Tree] => {
    const t = entry[1] as Tree | null | Record<string, string>;
    return t !== null && Array.isArray((t as Tree).nodes) && (t as Tree).nodes.length > 0;
  });
}

/**
 * Adds every tree's counts to the report's count system: per node its cases and its
 * cases per target category, which add up within the node and from the children to
 * their parent; and the cases left out, which add up with the root to all families.
 * Cost: O(nodes × categories).
 * @example registerTrees(system, results)
 */
export function registerTrees(system: CountSystem, results: ReportResults): void {
  for (const [name, tree] of reportTrees(results)) {
    for (const node of tree.nodes) {
      system.cell(treeKeys.n(name, node.id), node.n, { total: true });
      const cats = tree.targetCategories.map((c) => treeKeys.category(name, node.id, c));
      tree.targetCategories.forEach((c) => system.cell(treeKeys.category(name, node.id, c), node.distribution[c] ?? 0));
      system.sum(treeKeys.n(name, node.id), cats);
    }
    for (const node of tree.nodes) {
      if (node.children.length === 0) continue;
      system.sum(treeKeys.n(name, node.id), node.children.map((c) => treeKeys.n(name, c)));
      for (const c of tree.targetCategories) {
        system.sum(treeKeys.category(name, node.id, c), node.children.map((k) => treeKeys.category(name, k, c)));
      }
    }
    const excluded = Object.entries(tree.excluded);
    for (const [reason, n] of excluded) system.cell(treeKeys.excluded(name, reason), n);
    const root = tree.nodes[0]!;
    if (root.n + excluded.reduce((s, [, n]) => s + n, 0) === results.input.families) {
      system.cell('input:families', results.input.families, { total: true });
      system.sum('input:families', [treeKeys.n(name, root.id), ...excluded.map(([r]) => treeKeys.excluded(name, r))]);
    }
  }
}

/**
 * Key sentences about the trees for the summary.
 * @example treesFindings(results, counts, profile)[0] // 'The CHAID tree for … splits first on …'
 */
export function treesFindings(results: ReportResults, counts: PublishedCounts, profile: DisclosureProfile): string[] {
  const out: string[] = [];
  for (const [name, tree] of reportTrees(results)) {
    const root = tree.nodes[0]!;
    if (!root.split) continue;
    const focus = tree.focus;
    const best = terminalNodes(tree)
      .map((node) => ({ node, percent: counts.percent(treeKeys.category(name, node.id, focus), treeKeys.n(name, node.id)) }))
      .filter((x) => !isSuppressed(x.percent))
      .sort((a, b) => (b.percent as number) - (a.percent as number))[0];
    const overall = counts.percent(treeKeys.category(name, root.id, focus), treeKeys.n(name, root.id));
    let sentence = `The ${METHOD_NAMES[tree.method] ?? tree.method} tree for ${targetText(tree, focus)} splits first on ${variableLabel(root.split.variable, needLabelMap(results))}.`;
    if (best) {
      sentence += ` The group most likely to have ${targetText(tree, focus)} (${nodeConditions(tree, best.node).map((t) => readableCondition(t, needLabelMap(results))).join(' and ')}) had a rate of ${formatPercent(best.percent, profile.symbol, 0)}, against ${formatPercent(overall, profile.symbol, 0)} overall.`;
    }
    out.push(sentence);
  }
  return out;
}

/**
 * The trees page: each tree drawn, its rules, its gains table and its splits.
 * @example treesPage(results, counts, profile).file // 'trees.html'
 */
export function treesPage(results: ReportResults, counts: PublishedCounts, profile: DisclosureProfile): PageContent {
  const s = profile.symbol;
  const trees = reportTrees(results);
  const blocks: PageBlock[] = [];
  const notes = Object.entries(results.trees.notes).map(([name, why]) => `The ${name} tree was not grown: ${why}`);
  if (trees.length === 0) {
    blocks.push(paragraph('No decision tree was grown for this report.'), ...notes.map((n) => paragraph(n)));
    return { file: 'trees.html', title: 'Decision trees', blocks };
  }
  blocks.push(
    paragraph(
      'A decision tree splits families, step by step, on the characteristic that best separates those with and without an outcome, giving groups that differ most in how often it happens.',
      'lead',
    ),
    ...treesFindings(results, counts, profile).map((t) => paragraph(t)),
    ...notes.map((n) => paragraph(n, 'note')),
  );
  const labels = needLabelMap(results);
  for (const [name, tree] of trees) {
    const focus = tree.focus;
    const method = METHOD_NAMES[tree.method] ?? tree.method;
    const info = new Map(tree.predictors.map((p) => [p.name, p] as const));
    const readable = (text: string) => readableCondition(text, labels);
    const pct = (id: number) => counts.percent(treeKeys.category(name, id, focus), treeKeys.n(name, id));
    const idPrefix = `tree-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
    blocks.push(heading(`${method}: ${targetText(tree, focus)}`));
    const excludedText = Object.entries(tree.excluded)
      .map(([reason, _n]) => `${formatNumber(counts.get(treeKeys.excluded(name, reason)), s)} ${reason === 'missingTarget' ? 'with the target missing' : reason === 'allPredictorsMissing' ? 'with every predictor missing' : reason}`)
      .join(' and ');
    blocks.push(
      paragraph(
        `Grown on ${formatNumber(counts.get(treeKeys.n(name, 0)), s)} families (${excludedText} left out) from ${formatNumber(tree.predictors.length, s)} candidate predictors (need indicators and family characteristics); ${splitSettings(tree)}. ${usedPredictors(tree, labels)}`,
      ),
    );

    // Diagram.
    const diagramNodes = tree.nodes.map((node) => {
      const parent = node.parent === null ? null : tree.nodes.find((x) => x.id === node.parent)!;
      const edge = parent && parent.split ? readable(conditionText(info.get(parent.split.variable)!, parent.split, parent.children.indexOf(node.id))) : '';
      return {
        id: node.id,
        parent: node.parent,
        edge,
        lines: [`Node ${node.id}`, `n = ${formatNumber(counts.get(treeKeys.n(name, node.id)), s)}`, `${shortFocus(tree, focus)}: ${formatPercent(pct(node.id), s)}`],
      };
    });
    const diagramData: FigureData = {
      fields: [
        { name: 'node', title: 'Node', kind: 'text' },
        { name: 'parent', title: 'Parent', kind: 'text' },
        { name: 'condition', title: 'Condition from the parent', kind: 'text' },
        { name: 'families', title: 'Families', kind: 'count' },
        { name: 'with_target', title: `Families with ${targetText(tree, focus)}`, kind: 'count' },
        { name: 'percent', title: `${focusLabel(tree, focus)} (%)`, kind: 'percent' },
      ],
      rows: tree.nodes.map((node, i) => ({
        node: String(node.id),
        parent: node.parent === null ? '' : String(node.parent),
        condition: diagramNodes[i]!.edge,
        families: counts.get(treeKeys.n(name, node.id)),
        with_target: counts.get(treeKeys.category(name, node.id, focus)),
        percent: pct(node.id),
      })),
    };
    const rootSplit = tree.nodes[0]!.split;
    const diagramDescription = rootSplit
      ? `The tree splits all ${formatNumber(counts.get(treeKeys.n(name, 0)), s)} families first on ${variableLabel(rootSplit.variable, labels)}; each box gives the families in the node and the percentage with ${targetText(tree, focus)}.`
      : `No split was significant: the tree is a single node of ${formatNumber(counts.get(treeKeys.n(name, 0)), s)} families.`;
    blocks.push(
      figureBlock({
        id: `${idPrefix}-diagram`,
        title: `The ${method} tree for ${targetText(tree, focus)}`,
        description: diagramDescription,
        data: diagramData,
        spec: treeDiagramSpec({ nodes: diagramNodes, description: diagramDescription }),
        wide: true,
      }),
    );

    // Rules.
    const terminals = terminalNodes(tree);
    blocks.push(
      heading('Rules', 3),
      bulletList(
        terminals.map(
          (node) =>
            `Node ${node.id}: IF ${nodeConditions(tree, node).map(readable).join(' AND ') || 'all families'} THEN ${focusLabel(tree, focus)} ${formatPercent(pct(node.id), s)} (n = ${formatNumber(counts.get(treeKeys.n(name, node.id)), s)}).`,
        ),
      ),
    );

    // Gains.
    const root = tree.nodes[0]!;
    const rootFocus = treeKeys.category(name, root.id, focus);
    const overall = tree.nodes[0]!.n === 0 ? 0 : (root.distribution[focus] ?? 0) / root.n;
    const gains = terminals
      .map((node) => ({ node, rate: node.n === 0 ? 0 : (node.distribution[focus] ?? 0) / node.n }))
      .sort((a, b) => b.rate - a.rate || a.node.id - b.node.id);
    const gainsData: FigureData = {
      fields: [
        { name: 'node', title: 'Node', kind: 'text' },
        { name: 'families', title: 'Families', kind: 'count' },
        { name: 'with_target', title: `With ${targetText(tree, focus)}`, kind: 'count' },
        { name: 'response', title: 'Response (%)', kind: 'percent' },
        { name: 'gain', title: 'Gain: share of all with it (%)', kind: 'percent' },
        { name: 'index', title: 'Index (%)', kind: 'number', decimals: 0 },
      ],
      rows: gains.map(({ node, rate }) => {
        const cat = treeKeys.category(name, node.id, focus);
        const index = counts.derived(cat, treeKeys.n(name, node.id), overall === 0 ? null : (100 * rate) / overall);
        return {
          node: `Node ${node.id}`,
          families: counts.get(treeKeys.n(name, node.id)),
          with_target: counts.get(cat),
          response: pct(node.id),
          gain: counts.percent(cat, rootFocus),
          index: index,
        };
      }),
    };
    const top = gains[0];
    const gainsDescription = top
      ? `Terminal nodes ordered by their rate of ${targetText(tree, focus)}, highest first; node ${top.node.id} has the highest rate (${formatPercent(pct(top.node.id), s)}).`
      : 'Terminal nodes ordered by their rate.';
    blocks.push(
      heading('Gains', 3),
      figureBlock({
        id: `${idPrefix}-gains`,
        title: `Rate of ${targetText(tree, focus)} in each terminal node (%)`,
        description: gainsDescription,
        data: gainsData,
        spec: barChartSpec({
          values: chartRows(gainsData, s),
          description: gainsDescription,
          category: { field: 'node', title: 'Terminal node' },
          value: { field: 'response', title: 'Response (%)', percent: true },
          colour: 1,
        }),
        notes: ['The index is the node’s rate as a percentage of the overall rate: above 100, the node holds more than its share.'],
      }),
    );

    // Splits.
    const splits = tree.nodes.filter((n) => n.split !== null);
    if (splits.length > 0) {
      blocks.push(
        heading('Splits', 3),
        bulletList(
          splits.map((node) => {
            const split = node.split!;
            const cells = node.children.flatMap((c) => tree.targetCategories.map((cat) => treeKeys.category(name, c, cat)));
            const exact = !cells.some((k) => isSuppressed(counts.get(k)));
            return `Node ${node.id} on ${variableLabel(split.variable, labels)}, ${split.groups.length} groups: ${testSentence({ name: 'chi-square test, Bonferroni-adjusted', statistic: split.chiSquare, df: split.df, p: split.pAdjusted, exact })}`;
          }),
        ),
      );
    }
  }
  return { file: 'trees.html', title: 'Decision trees', blocks };
}

function terminalNodes(tree: Tree) {
  return tree.nodes.filter((n) => n.split === null);
}

/** What the tree's target category is, in words. */
const TARGET_PHRASES: Record<string, string> = {
  'social_care_after=1': 'social care involvement after Early Help',
  'progress_category=up': 'moving to a higher segment (progress)',
  'outcome_met=met': 'the outcome met or partially met',
  're_referred=1': 're-referral to Early Help',
};

function targetText(tree: Tree, focus: string): string {
  const known = TARGET_PHRASES[`${tree.target}=${focus}`];
  if (known) return known;
  const name = tree.target.replace(/_/g, ' ');
  return focus === '1' ? name : `${name} = ${focus}`;
}

function focusLabel(tree: Tree, focus: string): string {
  const t = targetText(tree, focus);
  return t.charAt(0).toUpperCase() + t.slice(1);
}

/** The settings that shaped a tree, in words. */
function splitSettings(tree: Tree): string {
  const st = tree.settings as Record<string, unknown>;
  const parts: string[] = [];
  if (typeof st['alphaSplit'] === 'number') parts.push(`split at adjusted p <= ${st['alphaSplit']}`);
  if (typeof st['alphaMerge'] === 'number') parts.push(`merge at p > ${st['alphaMerge']}`);
  if (typeof st['maxDepth'] === 'number') parts.push(`at most ${st['maxDepth']} levels`);
  if (typeof st['minParent'] === 'number') parts.push(`parent nodes of at least ${st['minParent']}`);
  if (typeof st['minChild'] === 'number') parts.push(`child nodes of at least ${st['minChild']}`);
  return parts.length > 0 ? parts.join(', ') : 'default settings';
}

/** Short text for a node box. */
const SHORT_FOCUS: Record<string, string> = {
  'social_care_after=1': 'Social care after',
  'progress_category=up': 'Moved up',
  'outcome_met=met': 'Met',
  're_referred=1': 'Re-referred',
};

function shortFocus(tree: Tree, focus: string): string {
  const known = SHORT_FOCUS[`${tree.target}=${focus}`];
  if (known) return known;
  const label = focusLabel(tree, focus);
  return label.length > 20 ? `${label.slice(0, 19)}…` : label;
}

/** Names of the tree columns that are not need indicators. */
const VARIABLE_LABELS: Record<string, string> = {
  star_start_score: 'Family Star start score',
  oldest_child_band: 'age band of the oldest child',
  youngest_child_band: 'age band of the youngest child',
  oldest_child_age: 'age of the oldest child',
  youngest_child_age: 'age of the youngest child',
  months_of_involvement: 'months of involvement',
  imd_decile: 'IMD decile',
  cluster_group: 'cluster group',
  female_adults: 'female adults',
  social_care_before: 'social care before',
  re_referred: 're-referred',
};

/** Need labels by id. */
function needLabelMap(results: ReportResults): Map<string, string> {
  return new Map(results.needs.prevalence.map((r) => [r.id, r.label]));
}

/** A predictor's name in words: a need's label, a known column's name, else the name with spaces. */
function variableLabel(variable: string, needs: Map<string, string>): string {
  if (variable.startsWith('need_') && needs.has(variable.slice(5))) return needs.get(variable.slice(5))!;
  return VARIABLE_LABELS[variable] ?? variable.replace(/_/g, ' ');
}

/** A condition in words: need indicators by label, "= 1" / "= 0" of a need as yes / no. */
function readableCondition(text: string, needs: Map<string, string>): string {
  return text.replace(/\b([a-z][a-z0-9_]*)( = [01]\b)?/g, (whole: string, name: string, value: string | undefined) => {
    const isNeed = name.startsWith('need_') && needs.has(name.slice(5));
    if (!isNeed && !(name in VARIABLE_LABELS)) return whole;
    const label = variableLabel(name, needs);
    if (isNeed && value) return `${label}: ${value.endsWith('1') ? 'yes' : 'no'}`;
    return `${label}${value ?? ''}`;
  });
}

/** The predictors the tree splits on, in words. */
function usedPredictors(tree: Tree, needs: Map<string, string>): string {
  const used = [...new Set(tree.nodes.filter((n) => n.split).map((n) => n.split!.variable))];
  return used.length === 0 ? 'No predictor gave a significant split.' : `It splits on: ${used.map((v) => variableLabel(v, needs)).join('; ')}.`;
}
