import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { DEFAULT_DISCLOSURE } from '../../src/cohort/config.js';
import { SUPPRESSED } from '../../src/disclosure/index.js';
import { barChartSpec } from '../../src/report/bar-chart-spec.js';
import { escapeHtml } from '../../src/report/escape-html.js';
import { chartRows, type FigureData } from '../../src/report/figure-data.js';
import { jsonForHtml } from '../../src/report/json-for-html.js';
import { refusingLoader } from '../../src/report/refusing-loader.js';
import { renderFigure } from '../../src/report/render-figure.js';
import { contentSecurityPolicy, renderPage } from '../../src/report/render-page.js';
import { renderSvg } from '../../src/report/render-svg.js';
import { toCsv } from '../../src/report/to-csv.js';
import { REPORT_STYLE } from '../../src/report/report-style.js';
import { createHash } from 'node:crypto';

const HOSTILE = `<script>alert("x")</script><img src=x onerror='y'>&amp;`;

describe('escapeHtml', () => {
  it('escapes the five characters that matter in content and quoted attributes', () => {
    expect(escapeHtml(HOSTILE)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=&#39;y&#39;&gt;&amp;amp;',
    );
  });
});

describe('jsonForHtml', () => {
  it('writes no < > & or line separators, and parses back to the same value', () => {
    const value = { a: '</script><!--', b: ['&', '\u2028', '\u2029'], c: 1.5 };
    const text = jsonForHtml(value);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('toCsv', () => {
  it('neutralises text that a spreadsheet would run as a formula, keeps numbers as numbers', () => {
    const csv = toCsv(
      ['label', 'n'],
      [
        ['=HYPERLINK("http://x")', -3],
        ['+1', 12],
        ['-1', 0],
        ['@SUM(A1)', 1234],
        ['\tTab', 1.5],
        ['\rCR', null],
        ['plain, with "quotes"', 7],
      ],
    );
    expect(csv).toBe(
      'label,n\r\n' +
        `"'=HYPERLINK(""http://x"")",-3\r\n` +
        "'+1,12\r\n" +
        "'-1,0\r\n" +
        "'@SUM(A1),1234\r\n" +
        "'\tTab,1.5\r\n" +
        `"'\rCR",\r\n` +
        '"plain, with ""quotes""",7\r\n',
    );
  });

  it('rejects ragged rows and non-finite numbers', () => {
    expect(() => toCsv(['a', 'b'], [['x']])).toThrow('toCsv requires every row to have 2 cells, got 1 in row 1');
    expect(() => toCsv(['a'], [[Number.NaN]])).toThrow('toCsv requires finite numbers, got NaN');
  });
});

describe('refusingLoader and renderSvg', () => {
  it('the loader refuses every URL and file', async () => {
    const loader = refusingLoader();
    await expect(loader.load('https://example.org/data.csv')).rejects.toThrow('report charts take inline data only');
    await expect(loader.sanitize('data.csv', { context: 'href' })).rejects.toThrow('refused to sanitize');
    await expect(loader.http('https://example.org', {})).rejects.toThrow('refused to fetch');
    await expect(loader.file('/etc/passwd')).rejects.toThrow('refused to read');
  });

  it('a chart that names its data by URL does not render', async () => {
    const spec: TopLevelSpec = {
      data: { url: 'https://example.org/data.csv' },
      mark: 'bar',
      encoding: { x: { field: 'a', type: 'nominal' }, y: { field: 'b', type: 'quantitative' } },
    };
    await expect(renderSvg(spec, { idPrefix: 'u' })).rejects.toThrow();
  });

  it('renders SVG with escaped labels, ids prefixed, and no external reference', async () => {
    const data: FigureData = {
      fields: [
        { name: 'need', title: 'Need', kind: 'text' },
        { name: 'count', title: 'Families', kind: 'count' },
      ],
      rows: [
        { need: HOSTILE, count: 1234 },
        { need: 'Housing', count: SUPPRESSED },
      ],
    };
    const spec = barChartSpec({
      values: chartRows(data, '[c]'),
      description: 'Families by need.',
      category: { field: 'need', title: 'Need' },
      value: { field: 'count', title: 'Families' },
    });
    const svg = await renderSvg(spec, { idPrefix: 'fig-a' });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<img');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).toContain('1,234');
    expect(svg).toContain('[c]');
    expect(svg).not.toMatch(/(?:href|src)="(?!#)/);
    for (const m of svg.matchAll(/\sid="([^"]+)"/g)) expect(m[1]!.startsWith('fig-a-')).toBe(true);
  });
});

describe('renderFigure and renderPage', () => {
  const data: FigureData = {
    fields: [
      { name: 'need', title: 'Need', kind: 'text' },
      { name: 'count', title: 'Families', kind: 'count' },
      { name: 'percent', title: 'Families (%)', kind: 'percent' },
    ],
    rows: [
      { need: '=cmd|"/c calc"!A1', count: 4321, percent: 43.21 },
      { need: HOSTILE, count: SUPPRESSED, percent: SUPPRESSED },
    ],
  };
  const figure = () => ({
    id: 'needs-test',
    title: `Needs <${'b'}>`,
    description: 'One sentence & a number: 4,321.',
    data,
    spec: barChartSpec({
      values: chartRows(data, DEFAULT_DISCLOSURE.symbol),
      description: 'One sentence.',
      category: { field: 'need', title: 'Need' },
      value: { field: 'percent', title: 'Families (%)', percent: true },
    }),
  });

  it('gives a figure with caption, SVG, table and the two reuse files, all escaped', async () => {
    const { html, files } = await renderFigure(figure(), DEFAULT_DISCLOSURE);
    expect(html).toMatch(/^<figure id="needs-test" aria-labelledby="needs-test-title" aria-describedby="needs-test-description">/);
    expect(html).toContain('<figcaption>');
    expect(html).toContain('Needs &lt;b&gt;');
    expect(html).toContain('<svg');
    expect(html).toContain('<table>');
    expect(html).not.toContain('<script');
    expect(html).toContain('<td class="num count">4,321</td>');
    expect(html).toContain('<td class="num count">[c]</td>');
    expect(files.map((f) => f.path)).toEqual(['needs-test.vl.json', 'needs-test.csv']);
    const csv = files[1]!.content;
    expect(csv.split('\r\n')[0]).toBe('need,count,percent');
    expect(csv).toContain(`"'=cmd|""/c calc""!A1",4321,43.21`);
    expect(csv).toContain(',[c],[c]');
    const spec = JSON.parse(files[0]!.content) as { data: { values: unknown[] } };
    expect(spec.data.values).toHaveLength(2);
  });

  it('is deterministic: the same figure twice gives the same bytes', async () => {
    const a = await renderFigure(figure(), DEFAULT_DISCLOSURE);
    const b = await renderFigure(figure(), DEFAULT_DISCLOSURE);
    expect(b).toEqual(a);
  });

  it('puts a strict Content-Security-Policy whose style hash matches the inline style, and names the profile', () => {
    const page = renderPage({
      title: 'Summary <x>',
      file: 'index.html',
      pages: [{ file: 'index.html', title: 'Summary' }],
      body: '<p>Body</p>',
      profile: DEFAULT_DISCLOSURE,
      tool: 'early-help-workbench 0.1.0',
      inputSha256: 'ab'.repeat(32),
    });
    const csp = contentSecurityPolicy();
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe');
    const hash = createHash('sha256').update(REPORT_STYLE).digest('base64');
    expect(csp).toContain(`'sha256-${hash}'`);
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="${csp.replace(/'/g, '&#39;')}">`);
    expect(page).toContain(`<style>${REPORT_STYLE}</style>`);
    expect(page).toContain('Summary &lt;x&gt;');
    expect(page).toContain(escapeHtml(DEFAULT_DISCLOSURE.name));
    expect(page).not.toMatch(/<script|<link|<iframe|https?:\/\/(?!www\.w3\.org)/);
  });
});
