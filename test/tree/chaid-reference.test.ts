/**
 * CHAID against an independent implementation: the Python package CHAID (Rambatino/CHAID,
 * 5.4.x), run by test/fixtures/tree/make-chaid-fixtures.py on the cases in
 * test/fixtures/tree/chaid-*.csv. The package does not adjust p-values, so the trees are
 * compared with `bonferroni: false`; the script also gives each reference split its SPSS
 * Bonferroni multiplier (exact rational arithmetic), checked against the adjusted tree.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { chaid, type ChaidTree } from '../../src/tree/chaid.js';
import type { TreeData, TreeNode } from '../../src/tree/tree-types.js';

interface RefSplit {
  variable: string;
  groups: string[][];
  chiSquare: number;
  df: number;
  p: number;
  categoriesInNode: number;
  bonferroni: number;
}
interface RefNode {
  path: { variable: string; categories: string[] }[];
  n: number;
  distribution: Record<string, number>;
  split: RefSplit | null;
}
interface Fixture {
  target: string;
  predictors: { name: string; level: 'nominal' | 'ordinal' | 'continuous' }[];
  settings: { alphaMerge: number; alphaSplit: number; maxDepth: number; minParent: number; minChild: number };
  monthsCuts?: number[];
  exhaustiveRoot?: RefSplit & { pAdjusted: number };
  nodes: RefNode[];
}

const DIR = new URL('../fixtures/tree/', import.meta.url);

function load(name: string): { fixture: Fixture; data: TreeData } {
  const fixture = JSON.parse(readFileSync(new URL(`chaid-${name}.json`, DIR), 'utf8')) as Fixture;
  const csv = Papa.parse<Record<string, string>>(readFileSync(new URL(`chaid-${name}.csv`, DIR), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  });
  const rows = csv.data;
  const data: TreeData = {
    target: rows.map((r) => r[fixture.target]!),
    targetName: fixture.target,
    predictors: fixture.predictors.map((p) => ({
      name: p.name,
      level: p.level,
      values: rows.map((r) => {
        const v = r[p.name]!;
        if (v === '') return null;
        // ordinal codes are written by pandas as 7.0 when the column has missing values
        return p.level === 'nominal' ? v : Number(v);
      }),
    })),
  };
  return { fixture, data };
}

/** A node's path in the reference's terms (continuous predictors as bin indices). */
function pathKey(tree: ChaidTree, node: TreeNode): string {
  const parts: string[] = [];
  let cur: TreeNode = node;
  while (cur.parent !== null) {
    parts.push(`${cur.branch!.variable}=${labelsAsReference(tree, cur.branch!.variable, cur.branch!.categories).join(',')}`);
    cur = tree.nodes[cur.parent]!;
  }
  return parts.reverse().join(' / ');
}

function labelsAsReference(tree: ChaidTree, variable: string, labels: string[]): string[] {
  const info = tree.predictors.find((p) => p.name === variable)!;
  const out = info.level === 'continuous' ? labels.map((l) => (l === '<missing>' ? l : String(info.categories.indexOf(l)))) : labels;
  return out.slice().sort();
}

function refKey(node: RefNode): string {
  return node.path.map((p) => `${p.variable}=${p.categories.join(',')}`).join(' / ');
}

function sortedGroups(groups: string[][]): string[] {
  return groups.map((g) => g.join(',')).sort();
}

function compareTrees(tree: ChaidTree, fixture: Fixture, adjusted: boolean): void {
  const mine = new Map(tree.nodes.map((n) => [pathKey(tree, n), n]));
  expect([...mine.keys()].sort()).toEqual(fixture.nodes.map(refKey).sort());
  for (const ref of fixture.nodes) {
    const node = mine.get(refKey(ref))!;
    expect(node.n).toBe(ref.n);
    expect(node.distribution).toEqual(ref.distribution);
    if (ref.split === null) {
      expect(node.split).toBeNull();
      continue;
    }
    const s = node.split!;
    expect(s.variable).toBe(ref.split.variable);
    expect(sortedGroups(s.groups.map((g) => labelsAsReference(tree, s.variable, g)))).toEqual(sortedGroups(ref.split.groups));
    expect(s.chiSquare).toBeCloseTo(ref.split.chiSquare, 8);
    expect(s.df).toBe(ref.split.df);
    expect(s.p / ref.split.p).toBeCloseTo(1, 8);
    expect(s.categoriesInNode).toBe(ref.split.categoriesInNode);
    if (adjusted) {
      expect(s.bonferroni).toBe(ref.split.bonferroni);
      expect(s.pAdjusted / Math.min(1, ref.split.p * ref.split.bonferroni)).toBeCloseTo(1, 8);
    }
  }
}

describe('chaid agrees with the CHAID package (Rambatino/CHAID 5.4.x)', () => {
  it('social care: binary target, nominal, ordinal and binned continuous predictors, depth 3', () => {
    const { fixture, data } = load('social-care');
    const tree = chaid(data, { ...fixture.settings, bonferroni: false });
    const months = tree.predictors.find((p) => p.name === 'months')!;
    expect(months.cuts!.length).toBe(fixture.monthsCuts!.length);
    months.cuts!.forEach((c, i) => expect(c).toBeCloseTo(fixture.monthsCuts![i]!, 10));
    compareTrees(tree, fixture, false);
    expect(tree.nodes.length).toBe(14);
  });

  it('missing values: three-category target, nominal and floating ordinal missing categories', () => {
    const { fixture, data } = load('missing');
    const tree = chaid(data, { ...fixture.settings, bonferroni: false });
    compareTrees(tree, fixture, false);
    // the floating missing category of imd joined the lower deciles in both implementations
    expect(tree.nodes[0]!.split!.groups.some((g) => g.includes('<missing>') && g.includes('0'))).toBe(true);
  });

  it('with Bonferroni adjustment: same p and chi-square, p multiplied by the SPSS multiplier; a changed choice is explained by it', () => {
    let same = 0;
    let changed = 0;
    for (const name of ['social-care', 'missing']) {
      const { fixture, data } = load(name);
      const tree = chaid(data, { ...fixture.settings, bonferroni: true });
      const refs = new Map(fixture.nodes.map((r) => [refKey(r), r]));
      for (const node of tree.nodes) {
        const ref = refs.get(pathKey(tree, node));
        if (!ref || !ref.split || !node.split) continue;
        const s = node.split;
        const refAdjusted = Math.min(1, ref.split.p * ref.split.bonferroni);
        if (s.variable === ref.split.variable) {
          same++;
          expect(sortedGroups(s.groups.map((g) => labelsAsReference(tree, s.variable, g)))).toEqual(sortedGroups(ref.split.groups));
          expect(s.chiSquare).toBeCloseTo(ref.split.chiSquare, 8);
          expect(s.bonferroni).toBe(ref.split.bonferroni);
          expect(s.pAdjusted / refAdjusted).toBeCloseTo(1, 8);
        } else {
          // the unadjusted winner loses once adjusted: cluster (9 categories into 2 groups, S(9, 2) = 255)
          changed++;
          expect(s.pAdjusted).toBeLessThan(refAdjusted);
        }
      }
    }
    expect(same).toBeGreaterThanOrEqual(4);
    expect(changed).toBeGreaterThanOrEqual(1);
  });

  it('Exhaustive CHAID root split matches the script\'s exhaustive merging (Biggs et al. 1991, written from the SPSS description)', () => {
    const { fixture, data } = load('social-care');
    const tree = chaid(data, { ...fixture.settings, exhaustive: true });
    const ref = fixture.exhaustiveRoot!;
    const s = tree.nodes[0]!.split!;
    expect(tree.method).toBe('exhaustive-chaid');
    expect(s.variable).toBe(ref.variable);
    expect(sortedGroups(s.groups.map((g) => labelsAsReference(tree, s.variable, g)))).toEqual(sortedGroups(ref.groups));
    expect(s.chiSquare).toBeCloseTo(ref.chiSquare, 8);
    expect(s.df).toBe(ref.df);
    expect(s.bonferroni).toBe(ref.bonferroni); // 10 bins, ordinal: 10 * 9 / 2
    expect(s.pAdjusted / ref.pAdjusted).toBeCloseTo(1, 8);
  });
});
