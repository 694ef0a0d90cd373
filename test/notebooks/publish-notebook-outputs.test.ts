import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DISCLOSURE } from '../../src/cohort/config.js';
import { SUPPRESSED } from '../../src/disclosure/index.js';
import { checkNotebookOutput } from '../../src/notebook/check-notebook-output.js';
import { closeDisplaySession, openDisplaySession, show } from '../../src/notebook/display.js';
import type { NotebookOutput, TableOptions, TableOutput, TableRow } from '../../src/notebook/notebook-output.js';
import { parseNotebook } from '../../src/notebook/parse-notebook.js';
import { publishNotebookOutputs, type PublishedBlock } from '../../src/notebook/publish-notebook-outputs.js';
import { renderNotebook } from '../../src/notebook/render-notebook.js';

const table = (title: string, rows: TableRow[], options: TableOptions): TableOutput => ({ kind: 'table', title, rows, options, line: null });
const rowsOf = (block: PublishedBlock) => {
  if (block.kind !== 'table' && block.kind !== 'figure') throw new Error(`expected a table, got ${block.kind}`);
  return block.data.rows;
};
const C = SUPPRESSED;

describe('publishNotebookOutputs: disclosure control of tables', () => {
  const needs = (rows: TableRow[], extra: Partial<TableOptions> = {}) =>
    table('Needs', rows, {
      columns: [
        { name: 'need', title: 'Need', kind: 'text' },
        { name: 'families', title: 'Families', kind: 'count' },
        { name: 'recorded', title: 'Recorded', kind: 'count', hidden: true },
        { name: 'percent', title: '%', kind: 'percent', of: ['families', 'recorded'] },
        { name: 'ci', title: 'Interval', kind: 'number', with: 'percent' },
        { name: 'published', title: 'Published', kind: 'published', percent: true },
      ],
      ...extra,
    });

  it('suppresses counts 1 to 5 and their percentages and tied statistics; zero and published figures stay', () => {
    const out = publishNotebookOutputs([
      needs([
        { need: 'Debt', families: 3, recorded: 40, ci: 2.5, published: 10 },
        { need: 'Housing', families: 30, recorded: 40, ci: 60.1, published: 70 },
        { need: 'None', families: 0, recorded: 40, ci: 0, published: null },
      ]),
    ]);
    expect(rowsOf(out.blocks[0]!)).toEqual([
      { need: 'Debt', families: C, percent: C, ci: C, published: 10 },
      { need: 'Housing', families: 30, percent: 75, ci: 60.1, published: 70 },
      { need: 'None', families: 0, percent: 0, ci: 0, published: null },
    ]);
    expect(out.primaryCount).toBe(1);
    // the hidden base is never published
    expect(out.blocks[0]!.kind === 'table' && out.blocks[0]!.data.fields.map((f) => f.name)).toEqual(['need', 'families', 'percent', 'ci', 'published']);
  });

  it('protects the complement of a percentage: 998 of 1000 would give away the 2 without', () => {
    const out = publishNotebookOutputs([needs([{ need: 'Common', families: 998, recorded: 1000, ci: 99.5, published: null }])]);
    expect(rowsOf(out.blocks[0]!)[0]).toMatchObject({ families: C, percent: C, ci: C });
  });

  it('protects hidden counts behind a percentage as if shown: small numerators, small bases, small complements', () => {
    const out = publishNotebookOutputs([
      table('Shares', [
        { group: 'a', yes: 4, n: 100 },
        { group: 'b', yes: 2, n: 4 },
        { group: 'c', yes: 50, n: 100 },
        { group: 'd', yes: 97, n: 100 },
      ], {
        columns: [
          { name: 'group', title: 'Group', kind: 'text' },
          { name: 'yes', title: 'Yes', kind: 'count', hidden: true },
          { name: 'n', title: 'N', kind: 'count', hidden: true },
          { name: 'pct', title: '%', kind: 'percent', of: ['yes', 'n'] },
        ],
      }),
    ]);
    expect(rowsOf(out.blocks[0]!).map((r) => r['pct'])).toEqual([C, C, 50, C]);
  });

  it('uses the declared sums and total row for secondary suppression (the classic row: 3, 40, 57 of 100)', () => {
    const out = publishNotebookOutputs([
      table('Row', [
        { part: 'a', n: 3 },
        { part: 'b', n: 40 },
        { part: 'c', n: 57 },
        { part: 'All', n: 100 },
      ], { columns: [{ name: 'part', title: 'Part', kind: 'text' }, { name: 'n', title: 'N', kind: 'count' }], totalRow: 'All' }),
      table('Within rows', [{ g: 'x', total: 45, yes: 42, no: 3 }], {
        columns: [
          { name: 'g', title: 'G', kind: 'text' },
          { name: 'total', title: 'Total', kind: 'count' },
          { name: 'yes', title: 'Yes', kind: 'count' },
          { name: 'no', title: 'No', kind: 'count' },
        ],
        sums: [{ total: 'total', parts: ['yes', 'no'] }],
      }),
    ]);
    expect(rowsOf(out.blocks[0]!).map((r) => r['n'])).toEqual([C, C, 57, 100]);
    expect(rowsOf(out.blocks[1]!)[0]).toEqual({ g: 'x', total: 45, yes: C, no: C });
    expect(out.primaryCount).toBe(2);
    expect(out.secondaryCount).toBe(2);
  });

  it('treats counts with the same key as one count: suppressed in every table or none', () => {
    const sizes = table('Sizes', [
      { cluster: 'A', n: 3 },
      { cluster: 'B', n: 40 },
      { cluster: 'C', n: 57 },
      { cluster: 'All', n: 100 },
    ], { columns: [{ name: 'cluster', title: 'Cluster', kind: 'text' }, { name: 'n', title: 'N', kind: 'count', key: 'size' }], totalRow: 'All' });
    const needsByCluster = table('Needs by cluster', [
      { need: 'debt', cluster: 'B', yes: 20, size: 40 },
      { need: 'debt', cluster: 'C', yes: 30, size: 57 },
      { need: 'work', cluster: 'B', yes: 10, size: 40 },
    ], {
      columns: [
        { name: 'need', title: 'Need', kind: 'text' },
        { name: 'cluster', title: 'Cluster', kind: 'text' },
        { name: 'yes', title: 'Yes', kind: 'count' },
        { name: 'size', title: 'Size', kind: 'count', hidden: true, key: 'size', keyBy: 'cluster' },
        { name: 'pct', title: '%', kind: 'percent', of: ['yes', 'size'] },
      ],
    });
    const out = publishNotebookOutputs([sizes, needsByCluster, { kind: 'count', label: 'B', count: 40, base: null, key: 'size|B', baseKey: null, line: null }]);
    // B's size (40) is suppressed to protect A's 3; its percentages would give it back (20 of 40 = 50%), so they go too.
    expect(rowsOf(out.blocks[1]!).map((r) => r['pct'])).toEqual([C, 30 / 57 * 100, C]);
    expect(out.blocks[2]).toEqual({ kind: 'fact', line: null, label: 'B', text: '[c]' });
    expect(() =>
      publishNotebookOutputs([sizes, { kind: 'count', label: 'B', count: 41, base: null, key: 'size|B', baseKey: null, line: null }]),
    ).toThrow('count system requires one value per key, got 40 and 41 for size|B');
  });

  it('publishes a cross-tabulation with its margins, percentages and published figures as a heatmap with a wide table', () => {
    const out = publishNotebookOutputs([
      {
        kind: 'crossTab',
        title: 'Matrix',
        input: { rowTitle: 'Start', columnTitle: 'End', rowLabels: ['Low', 'High'], columnLabels: ['Low', 'High'], counts: [[10, 3], [20, 30]] },
        options: { published: [[11, 5], [30, 54]] },
        line: 4,
      },
    ]);
    const block = out.blocks[0]!;
    expect(block.kind).toBe('figure');
    if (block.kind !== 'figure') return;
    expect(block.pivot).toEqual({ row: 'row', column: 'column', value: 'cell' });
    const cell = (r: string, c: string) => block.data.rows.find((x) => x['row'] === r && x['column'] === c)!;
    // 3 is small; 10, 20 and 30 go with it so that no margin gives it back
    expect([cell('Low', 'Low')['count'], cell('Low', 'High')['count'], cell('High', 'Low')['count'], cell('High', 'High')['count']]).toEqual([C, C, C, C]);
    expect(cell('Low', 'Total')).toMatchObject({ count: 13, cell: '13 (20.6%)' });
    expect(cell('Total', 'Total')).toMatchObject({ count: 63, percent: 100 });
    expect(cell('Low', 'Low')).toMatchObject({ percent: C, published: 11, cell: '[c] ([c]) published 11%' });
  });

  it('formats single counts and proportions, suppressing the complement too', () => {
    const out = publishNotebookOutputs([
      { kind: 'count', label: 'Families', count: 5486, base: null, key: null, baseKey: null, line: null },
      { kind: 'count', label: 'Progressed', count: 2795, base: 3000, key: null, baseKey: null, line: null },
      { kind: 'count', label: 'Nearly all', count: 297, base: 300, key: null, baseKey: null, line: null },
      { kind: 'value', label: 'k', value: 9, decimals: null, line: null },
      { kind: 'value', label: 'p', value: 0.01234, decimals: 3, line: null },
      { kind: 'disclosure', profile: { ...DEFAULT_DISCLOSURE, symbol: '*' }, line: null },
    ]);
    expect(out.blocks.map((b) => (b.kind === 'fact' ? b.text : b.kind))).toEqual(['5,486', '2,795 of 3,000 (93.2%)', '* of 300 (*)', '9', '0.012']);
    expect(out.profile.symbol).toBe('*');
  });

  it('refuses two disclosure profiles', () => {
    const d: NotebookOutput = { kind: 'disclosure', profile: DEFAULT_DISCLOSURE, line: null };
    expect(() => publishNotebookOutputs([d, d])).toThrow('a notebook may set its disclosure profile once, got 2 calls of show.disclosure');
  });
});

describe('checkNotebookOutput', () => {
  const columns: TableOptions['columns'] = [
    { name: 'g', title: 'G', kind: 'text' },
    { name: 'n', title: 'N', kind: 'count' },
    { name: 'k', title: 'K', kind: 'count' },
  ];
  const cases: [string, TableOutput][] = [
    ['show.table "T" has no column x (row 0); columns: g, n, k', table('T', [{ g: 'a', n: 1, k: 1, x: 2 }], { columns })],
    ['show.table "T" requires whole-number counts >= 0 (or null) in column n, got 1.5 in row 0', table('T', [{ g: 'a', n: 1.5, k: 1 }], { columns })],
    ['show.table "T" requires a unique key per row, got "a" twice', table('T', [{ g: 'a', n: 1, k: 1 }, { g: 'a', n: 2, k: 1 }], { columns })],
    ['show.table "T" requires n = k, got 2 and 1 in row 0', table('T', [{ g: 'a', n: 2, k: 1 }], { columns, sums: [{ total: 'n', parts: ['k'] }] })],
    ['show.table "T" requires the total row to add up in column n, got 5 and rows summing to 2', table('T', [{ g: 'a', n: 2, k: 1 }, { g: 'All', n: 5, k: 1 }], { columns, totalRow: 'All' })],
    ['show.table "T" requires count <= base for percent column p, got 3 of 2 in row 0', table('T', [{ g: 'a', n: 3, k: 2 }], { columns: [...columns, { name: 'p', title: 'P', kind: 'percent', of: ['n', 'k'] }] })],
    ['show.table "T" computes percent column p itself: leave it out of the rows (row 0)', table('T', [{ g: 'a', n: 1, k: 2, p: 50 }], { columns: [...columns, { name: 'p', title: 'P', kind: 'percent', of: ['n', 'k'] }] })],
    ['show.table "T" requires chart value to name a shown count or percent or number or published column, got "g"', table('T', [{ g: 'a', n: 1, k: 1 }], { columns, chart: { type: 'bar', category: 'g', value: 'g' } })],
    ['show.table "T" requires number column x to be "with" a shown count or percent column, got "g"', table('T', [{ g: 'a', n: 1, k: 1, x: 1 }], { columns: [...columns, { name: 'x', title: 'X', kind: 'number', with: 'g' }] })],
  ];
  for (const [message, output] of cases) {
    it(`rejects: ${message}`, () => {
      expect(() => checkNotebookOutput(output)).toThrow(message);
    });
  }
  it('rejects counts that are not whole numbers and proportions above their base', () => {
    expect(() => show.count('Families', -1)).toThrow('show.count requires a whole-number count >= 0, got -1 for "Families"');
    expect(() => show.proportion('Families', 5, 4)).toThrow('show.proportion requires a whole-number base >= count, got base=4, count=5 for "Families"');
    expect(() => show.value('k', Number.NaN)).toThrow('show.value requires a finite number or text, got NaN for "k"');
  });
});

describe('display sessions', () => {
  const here = fileURLToPath(import.meta.url);

  it('records each output with the line of this file that made it, and only inside a session', () => {
    show.count('outside', 7); // checked, not recorded
    const session = openDisplaySession(here);
    expect(() => openDisplaySession(here)).toThrow('openDisplaySession requires no open session');
    const first = new Error().stack!.match(/publish-notebook-outputs\.test\.ts:(\d+)/)![1];
    show.count('inside', 7);
    const helper = () => show.value('from a helper', 'x');
    helper(); // placed at this call, the outermost frame in the file
    const outputs = closeDisplaySession(session);
    expect(outputs.map((o) => [o.kind, o.line])).toEqual([
      ['count', Number(first) + 1],
      ['value', Number(first) + 3],
    ]);
    expect(() => closeDisplaySession(session)).toThrow('closeDisplaySession requires the open session');
  });
});

describe('renderNotebook', () => {
  const text = [
    '// %% [markdown]', // 1
    '// # Notebook <title> & more', // 2
    '// Intro with <b>html</b>.', // 3
    '// %%', // 4
    "show.table('<Needs>', rows)", // 5
    '// %% [markdown]', // 6
    '// ## Next', // 7
    '// %%', // 8
    "show.count('n', 3)", // 9
  ].join('\n');
  const outputs: NotebookOutput[] = [
    {
      ...table('<Needs> & "more"', [{ need: '<img src=x onerror=y>', n: 12 }, { need: 'b', n: 2 }], {
        columns: [{ name: 'need', title: 'Need <i>', kind: 'text' }, { name: 'n', title: 'N', kind: 'count' }],
        chart: { type: 'bar', category: 'need', value: 'n' },
      }),
      line: 5,
    },
    { kind: 'count', label: 'n <x>', count: 3, base: null, key: null, baseKey: null, line: 9 },
    { kind: 'text', title: 'Log', text: '</pre><script>x()</script>', line: 5 },
  ];

  it('places outputs after their cells, escapes every string, and renders a page with a strict CSP', async () => {
    const cells = parseNotebook(text);
    const a = await renderNotebook({ name: 'demo', cells, outputs, tool: 'early-help-workbench 0.1.0', sourceSha256: 'ab'.repeat(32) });
    expect(a.title).toBe('Notebook <title> & more');
    expect(a.placement).toEqual([1, 3, 1]);
    expect(a.files.map((f) => f.path)).toEqual(['index.html', 'needs-more.csv', 'needs-more.vl.json']);
    const page = a.files[0]!.content;
    expect(page).toContain('<title>Notebook &lt;title&gt; &amp; more – Early Help evaluation</title>');
    expect(page).toContain('<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;');
    expect(page).not.toMatch(/<script|<img|<iframe|<link/);
    expect(page).toContain('Intro with &lt;b&gt;html&lt;/b&gt;.');
    expect(page).toContain('&lt;/pre&gt;&lt;script&gt;x()&lt;/script&gt;');
    expect(page).toContain('<dt>n &lt;x&gt;</dt><dd>[c]</dd>');
    // the table's small count is suppressed on the page, in the chart and in the CSV
    expect(page).not.toMatch(/<td class="num[^"]*">2<\/td>/);
    expect(a.files[1]!.content).toBe('need,n\r\n<img src=x onerror=y>,12\r\nb,[c]\r\n');
    // order: markdown cell 1, code cell 2 with the table and the text, markdown, code cell 4 with the count
    const order = ['Intro with', "show.table(&#39;&lt;Needs&gt;&#39;, rows)", 'figure id="needs-more"', 'Log', '<h2>Next</h2>', 'n &lt;x&gt;'].map((s) => page.indexOf(s));
    expect(order.every((v, i) => v >= 0 && (i === 0 || v > order[i - 1]!))).toBe(true);
    const b = await renderNotebook({ name: 'demo', cells, outputs, tool: 'early-help-workbench 0.1.0', sourceSha256: 'ab'.repeat(32) });
    expect(b.files).toEqual(a.files);
  });

  it('puts an output from no code cell after the output before it, else after the last code cell', async () => {
    const cells = parseNotebook(text);
    const r = await renderNotebook({
      name: 'demo',
      cells,
      outputs: [
        { kind: 'value', label: 'a', value: 1, decimals: null, line: null },
        { kind: 'value', label: 'b', value: 2, decimals: null, line: 5 },
        { kind: 'value', label: 'c', value: 3, decimals: null, line: 2 },
      ],
      tool: 'x',
      sourceSha256: '00',
    });
    expect(r.placement).toEqual([3, 1, 1]);
  });
});
