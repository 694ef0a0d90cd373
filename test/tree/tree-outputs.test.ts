/**
 * Rules, gains table, text, predictions and saved trees, on the CHAID tree of the
 * social-care fixture (chaid-social-care.csv; its tree is checked against the CHAID
 * package in chaid-reference.test.ts). Expected values are recomputed here from the node
 * counts: gains as SPSS defines them (gain % = node's share of all focus cases, response %
 * = focus cases / node cases, index = response / overall response × 100).
 */
import { describe, expect, it } from 'vitest';
import { chaid } from '../../src/tree/chaid.js';
import { gainsTable } from '../../src/tree/gains-table.js';
import { loadTreeModel } from '../../src/tree/load-tree-model.js';
import { predictTree, type TreeCase } from '../../src/tree/predict-tree.js';
import { toTreeModel } from '../../src/tree/tree-model.js';
import { treeRules } from '../../src/tree/tree-rules.js';
import { treeText } from '../../src/tree/tree-text.js';
import type { TreeData } from '../../src/tree/tree-types.js';
import { socialCareData } from './fixture-data.js';

const data = socialCareData();
const tree = chaid(data, { minChild: 1 });
const cases: TreeCase[] = data.target.map((_, i) => Object.fromEntries(data.predictors.map((p) => [p.name, p.values[i]!])));

describe('predictTree', () => {
  it('puts every fitting case in the terminal node that counted it', () => {
    const counts = new Map<number, number>();
    for (const p of predictTree(tree, cases)) {
      expect(p.terminal).toBe(true);
      counts.set(p.node, (counts.get(p.node) ?? 0) + 1);
    }
    for (const node of tree.nodes.filter((n) => n.split === null)) expect(counts.get(node.id)).toBe(node.n);
  });

  it('predicts the most frequent category and gives the shares', () => {
    const [p] = predictTree(tree, [cases[0]!]);
    const node = tree.nodes[p!.node]!;
    expect(p!.probabilities['1']).toBeCloseTo(node.distribution['1']! / node.n, 15);
    expect(p!.predicted).toBe(node.distribution['1']! > node.distribution['0']! ? '1' : '0');
  });

  it('places values between or beyond the fitted categories by order, and stops at an unseen nominal category', () => {
    const root = tree.nodes[0]!;
    expect(root.split!.variable).toBe('months');
    const far = predictTree(tree, [{ ...cases[0]!, months: 1e6 }])[0]!;
    const long = tree.nodes[root.children[1]!]!;
    let node = tree.nodes[far.node]!;
    while (node.parent !== null && node.parent !== root.id) node = tree.nodes[node.parent]!;
    expect(node.id).toBe(long.id);
    const unseen = predictTree(tree, [{ ...cases[0]!, months: 20, cluster: 'Z' }])[0]!;
    expect(unseen.terminal).toBe(false);
    expect(unseen.node).toBe(long.id); // the long branch splits on cluster, which has no "Z"
  });

  it('requires every predictor the tree splits on', () => {
    expect(() => predictTree(tree, [{ cluster: 'A' }])).toThrow(/every case to give "months" \(null when missing\), case 1 does not/);
  });
});

describe('saved trees', () => {
  it('round-trip through JSON and predict the same', () => {
    const model = loadTreeModel(JSON.stringify(toTreeModel(tree)));
    expect(model.kind).toBe('early-help-workbench/tree');
    expect(model.version).toBe(1);
    const extra: TreeCase[] = [
      { ...cases[1]!, months: null },
      { ...cases[2]!, cluster: 'Z' },
      { ...cases[3]!, band: 7, adults: -1 },
    ];
    expect(predictTree(model, [...cases, ...extra])).toEqual(predictTree(tree, [...cases, ...extra]));
  });

  it('reject a model that breaks a rule, naming it', () => {
    const good = toTreeModel(tree);
    const bad = (change: (m: Record<string, any>) => void): Record<string, any> => {
      const m = JSON.parse(JSON.stringify(good));
      change(m);
      return m;
    };
    expect(() => loadTreeModel(bad((m) => (m.kind = 'other')))).toThrow(/kind "early-help-workbench\/tree", got "other"/);
    expect(() => loadTreeModel(bad((m) => (m.version = 2)))).toThrow(/version 1, got 2/);
    expect(() => loadTreeModel(bad((m) => (m.nodes[0].parent = 3)))).toThrow(/node 0 to have no parent, got 3/);
    expect(() => loadTreeModel(bad((m) => (m.nodes[1].parent = 5)))).toThrow(/node 1 to name node 0 as its parent, got 5/);
    expect(() => loadTreeModel(bad((m) => m.nodes[0].children.pop()))).toThrow(/node 0 to have one child per group/);
    expect(() => loadTreeModel(bad((m) => (m.nodes[0].split.variable = 'x')))).toThrow(/node 0 to split on a known predictor, got "x"/);
    expect(() => loadTreeModel(bad((m) => (m.nodes[2].distribution['1'] += 1)))).toThrow(/node 2 distribution to add up to n/);
    expect(() => loadTreeModel(bad((m) => (m.predictors[3].cuts = [5, 2])))).toThrow(/ascending cut points for predictor "months"/);
    expect(() => loadTreeModel('[]')).toThrow(/requires an object, got an array/);
  });
});

describe('treeRules, gainsTable, treeText', () => {
  it('writes one rule per terminal node with its conditions and the share of the focus category', () => {
    const rules = treeRules(tree);
    const terminals = tree.nodes.filter((n) => n.split === null);
    expect(rules.map((r) => r.node)).toEqual(terminals.map((n) => n.id));
    for (const r of rules) {
      const node = tree.nodes[r.node]!;
      expect(r.conditions.length).toBe(node.depth);
      expect(r.count).toBe(node.distribution['1']);
      expect(r.text).toBe(`IF ${r.conditions.join(' AND ')} THEN social care after ${Math.round((100 * r.count) / r.n)}%, n = ${r.n}`);
    }
    const cut = tree.predictors.find((p) => p.name === 'months')!.cuts![4]!;
    expect(rules.some((r) => r.text === `IF months > ${Number(cut.toPrecision(6))} AND cluster in {A, C, G, H} THEN social care after 46%, n = 905`)).toBe(true);
    expect(treeRules(tree, { focus: '0' })[0]!.text).toMatch(/THEN social care after = 0 \d+%/);
    expect(() => treeRules(tree, { focus: 'x' })).toThrow(/focus to be a category of social_care_after \(0, 1\), got "x"/);
  });

  it('computes the gains table from the node counts', () => {
    const g = gainsTable(tree);
    const root = tree.nodes[0]!;
    const overall = root.distribution['1']! / root.n;
    expect(g.count).toBe(root.distribution['1']);
    let lastIndex = Infinity;
    for (const row of g.rows) {
      const node = tree.nodes[row.node]!;
      const response = node.distribution['1']! / node.n;
      expect(row.responsePercent).toBeCloseTo(100 * response, 2);
      expect(row.gainPercent).toBeCloseTo((100 * node.distribution['1']!) / root.distribution['1']!, 2);
      expect(row.index).toBeCloseTo((100 * response) / overall, 2);
      expect(row.index).toBeLessThanOrEqual(lastIndex);
      lastIndex = row.index;
    }
    expect(g.rows.at(-1)!.cumulativeNPercent).toBeCloseTo(100, 6);
    expect(g.rows.at(-1)!.cumulativeGainPercent).toBeCloseTo(100, 6);
  });

  it('prints one line per node, indented by depth, and one per split', () => {
    const lines = treeText(tree).split('\n');
    for (const node of tree.nodes) {
      const line = lines.find((l) => l.trimStart().startsWith(`[${node.id}] `))!;
      expect(line.length - line.trimStart().length).toBe(2 * node.depth);
      expect(line).toContain(`n = ${node.n};`);
    }
    expect(lines.filter((l) => l.includes('split on ')).length).toBe(tree.nodes.filter((n) => n.split).length);
  });
});

describe('chaid settings and stops', () => {
  it('stops at max depth 0, at the minimum parent size, and on a pure target', () => {
    expect(chaid(data, { maxDepth: 0 }).nodes.map((n) => n.stop)).toEqual(['max-depth']);
    expect(chaid(data, { minParent: 5000 }).nodes.map((n) => n.stop)).toEqual(['min-parent']);
    const pure: TreeData = { ...data, target: data.target.map(() => '1') };
    expect(chaid(pure).nodes.map((n) => n.stop)).toEqual(['pure']);
  });

  it('never makes a child smaller than the minimum child size', () => {
    for (const minChild of [50, 200, 400]) {
      const t = chaid(data, { minChild, minParent: 2 * minChild });
      for (const n of t.nodes.slice(1)) expect(n.n).toBeGreaterThanOrEqual(minChild);
    }
  });

  it('is deterministic and leaves its input alone', () => {
    const before = JSON.stringify(data);
    expect(JSON.stringify(chaid(data))).toBe(JSON.stringify(chaid(data)));
    expect(JSON.stringify(data)).toBe(before);
  });

  it('leaves out and counts cases with a missing target or every predictor missing', () => {
    const d: TreeData = {
      ...data,
      target: data.target.map((t, i) => (i < 10 ? null : t)),
      predictors: data.predictors.map((p) => ({ ...p, values: p.values.map((v, i) => (i >= 10 && i < 15 ? null : v)) })),
    };
    const t = chaid(d);
    expect(t.excluded).toEqual({ missingTarget: 10, allPredictorsMissing: 5 });
    expect(t.n).toBe(data.target.length - 15);
  });

  it('rejects invalid data and options, naming them', () => {
    expect(() => chaid(data, { alphaMerge: 0 })).toThrow(/alphaMerge in \(0, 1\], got 0/);
    expect(() => chaid(data, { alphaSplit: 1 })).toThrow(/alphaSplit in \(0, 1\), got 1/);
    expect(() => chaid(data, { minChild: 0 })).toThrow(/minChild to be a whole number >= 1, got 0/);
    expect(() => chaid(data, { statistic: 'g' as never })).toThrow(/statistic to be one of pearson, likelihood-ratio, got g/);
    const short: TreeData = { ...data, predictors: [{ name: 'x', level: 'nominal', values: ['a'] }] };
    expect(() => chaid(short)).toThrow(/predictor "x" to have one value per case: 4000, got 1/);
    const text: TreeData = { ...data, predictors: [{ name: 'band', level: 'ordinal', values: data.target.map(() => 'a') }] };
    expect(() => chaid(text)).toThrow(/category order of ordinal predictor "band"/);
    const reserved: TreeData = { ...data, predictors: [{ name: 'c', level: 'nominal', values: data.target.map(() => '<missing>') }] };
    expect(() => chaid(reserved)).toThrow(/reserves the label <missing>/);
    const cont: TreeData = { ...data, predictors: [{ name: 'm', level: 'continuous', values: data.target.map(() => 'a') }] };
    expect(() => chaid(cont)).toThrow(/finite numbers or null in continuous predictor "m", got "a"/);
  });

  it('reports the likelihood-ratio statistic when asked', () => {
    const t = chaid(data, { statistic: 'likelihood-ratio' });
    expect(t.settings.statistic).toBe('likelihood-ratio');
    const pearson = chaid(data);
    expect(t.nodes[0]!.split!.chiSquare).not.toBeCloseTo(pearson.nodes[0]!.split!.chiSquare, 3);
  });
});
