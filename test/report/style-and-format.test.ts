import { describe, expect, it } from 'vitest';
import { SUPPRESSED } from '../../src/disclosure/index.js';
import { ANALYSIS_FUNCTION_COLOURS, contrastRatio, mixColour, SEQUENTIAL_LIGHT } from '../../src/report/analysis-colours.js';
import { CHART_CONFIG } from '../../src/report/chart-config.js';
import { formatNumber, formatP, formatPercent } from '../../src/report/format-number.js';
import { whiteTextFrom } from '../../src/report/heatmap-spec.js';
import { htmlPivotTable } from '../../src/report/html-pivot-table.js';
import { testSentence } from '../../src/report/test-sentence.js';
import { treeDiagramSpec } from '../../src/report/tree-diagram-spec.js';

describe('GOV.UK Analysis Function style', () => {
  it('uses the six categorical colours in order, each at least 3:1 against the white page', () => {
    expect(ANALYSIS_FUNCTION_COLOURS).toEqual(['#12436D', '#28A197', '#801650', '#F46A25', '#3D3D3D', '#A285D1']);
    expect(CHART_CONFIG.range?.category).toEqual([...ANALYSIS_FUNCTION_COLOURS]);
    for (const c of ANALYSIS_FUNCTION_COLOURS) expect(contrastRatio(c, '#FFFFFF')).toBeGreaterThanOrEqual(3);
  });

  it('computes WCAG contrast as the guidelines define it', () => {
    // WCAG 2 extremes: black on white is 21:1, a colour on itself 1:1.
    expect(contrastRatio('#000000', '#FFFFFF')).toBeCloseTo(21, 10);
    expect(contrastRatio('#12436D', '#12436D')).toBeCloseTo(1, 10);
    expect(mixColour('#000000', '#FFFFFF', 0.5)).toBe('#808080');
  });

  it('prints heatmap cell text in black or white with at least 4.5:1 contrast everywhere on the scale', () => {
    const cut = whiteTextFrom();
    expect(cut).toBeGreaterThan(0);
    expect(cut).toBeLessThan(1);
    for (let i = 0; i <= 100; i++) {
      const t = i / 100;
      const fill = mixColour(SEQUENTIAL_LIGHT, ANALYSIS_FUNCTION_COLOURS[0], t);
      const text = t >= cut ? '#FFFFFF' : '#000000';
      expect(contrastRatio(fill, text)).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('number formats', () => {
  it('uses thousands separators, fixed decimals, a true minus and the suppression symbol', () => {
    expect(formatNumber(1234567, '[c]')).toBe('1,234,567');
    expect(formatNumber(1234.56, '[c]', 1)).toBe('1,234.6');
    expect(formatNumber(-3.25, '[c]', 1)).toBe('\u22123.3');
    expect(formatNumber(-0.01, '[c]', 1)).toBe('0.0');
    expect(formatNumber(SUPPRESSED, '[c]')).toBe('[c]');
    expect(formatPercent(27.066, '[c]')).toBe('27.1%');
    expect(formatPercent(SUPPRESSED, '[x]')).toBe('[x]');
    expect(formatP(2.5e-36)).toBe('< 0.001');
    expect(formatP(0.0456)).toBe('0.046');
    expect(() => formatP(1.5)).toThrow('formatP requires p in [0, 1], got 1.5');
  });

  it('reports a test exactly, or only a band of p when a count of its table is suppressed', () => {
    expect(testSentence({ name: 'Test', statistic: 172.856, df: 4, p: 2.5e-36, exact: true })).toBe('Test: statistic 172.86, df 4, p < 0.001.');
    expect(testSentence({ name: 'Test', statistic: 4.2, df: 1, p: 0.04, exact: true })).toBe('Test: statistic 4.20, df 1, p = 0.040.');
    const banded = testSentence({ name: 'Test', statistic: 4.2, df: 1, p: 0.004, exact: false });
    expect(banded).toBe('Test: p < 0.01 (the statistic is not shown because a count in the table is suppressed).');
    expect(banded).not.toContain('4.2');
  });
});

describe('htmlPivotTable', () => {
  it('lays long data out wide, escaped, with the symbol and a dash for absent cells', () => {
    const html = htmlPivotTable(
      {
        fields: [
          { name: 'need', title: 'Need', kind: 'text' },
          { name: 'cluster', title: 'Cluster', kind: 'text' },
          { name: 'percent', title: 'Families (%)', kind: 'percent' },
        ],
        rows: [
          { need: '<b>Debt</b>', cluster: 'A', percent: 12.34 },
          { need: '<b>Debt</b>', cluster: 'B', percent: SUPPRESSED },
          { need: 'Housing', cluster: 'A', percent: 50 },
        ],
      },
      { row: 'need', column: 'cluster', value: 'percent' },
      { caption: 'Needs by cluster', symbol: '[c]' },
    );
    expect(html).toContain('<th scope="col" class="num">A</th><th scope="col" class="num">B</th>');
    expect(html).toContain('<tr><th scope="row">&lt;b&gt;Debt&lt;/b&gt;</th><td class="num percent">12.3%</td><td class="num percent">[c]</td></tr>');
    expect(html).toContain('<tr><th scope="row">Housing</th><td class="num percent">50.0%</td><td class="num percent">\u2013</td></tr>');
  });
});

describe('treeDiagramSpec', () => {
  const nodes = [
    { id: 0, parent: null, lines: ['Node 0'], edge: '' },
    { id: 1, parent: 0, lines: ['Node 1'], edge: 'a = 1' },
    { id: 2, parent: 0, lines: ['Node 2'], edge: 'a = 0' },
  ];

  it('places a parent above the middle of its children and joins them with lines', () => {
    const spec = treeDiagramSpec({ nodes, description: 'A tree.' }) as unknown as {
      layer: { data: { values: Record<string, number | string>[] } }[];
    };
    const boxes = spec.layer[2]!.data.values;
    expect(boxes[0]!['cx']).toBe(((boxes[1]!['cx'] as number) + (boxes[2]!['cx'] as number)) / 2);
    expect(boxes[1]!['y']).toBeGreaterThan(boxes[0]!['y2'] as number);
    expect(spec.layer[0]!.data.values).toHaveLength(2);
  });

  it('rejects a tree without exactly one root or with a missing parent', () => {
    expect(() => treeDiagramSpec({ nodes: nodes.slice(1), description: '' })).toThrow('treeDiagramSpec requires exactly one root, got 0');
    expect(() => treeDiagramSpec({ nodes: [nodes[0]!, { ...nodes[1]!, parent: 7 }], description: '' })).toThrow(
      'treeDiagramSpec requires every parent to exist, node 1 has parent 7',
    );
  });
});
