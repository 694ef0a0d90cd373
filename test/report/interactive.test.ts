/**
 * The interactive report (renderReport with `interactive: true`), checked in Node: the
 * static content is all still there, the additions are only the embedded Vega specs, one
 * style sheet and two inline scripts allowed by their SHA-256, the embedded data are the
 * static charts' published data, and the tooltips Vega computes from them show nothing the
 * figure's table does not publish (so no suppressed count). The browser side is in
 * browser-interactive.test.ts.
 */
import { createHash } from 'node:crypto';
import { parse, View, type Spec } from 'vega';
import { expressionInterpreter } from 'vega-interpreter';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_DISCLOSURE } from '../../src/cohort/config.js';
import { readBrowserLibraries } from '../../src/io/package-files.js';
import { INTERACTIVE_BOOT_SCRIPT } from '../../src/report/interactive-boot-script.js';
import { interactiveLibraryScript, type BrowserLibraries } from '../../src/report/interactive-library-script.js';
import { INTERACTIVE_STYLE } from '../../src/report/interactive-style.js';
import { refusingLoader } from '../../src/report/refusing-loader.js';
import { contentSecurityPolicy } from '../../src/report/render-page.js';
import { renderReport } from '../../src/report/render-report.js';
import type { ReportFile } from '../../src/report/report-file.js';
import type { ReportResults } from '../../src/report/report-results.js';
import { REPORT_STYLE } from '../../src/report/report-style.js';
import { escapeHtml } from '../../src/report/escape-html.js';
import { reportFixture } from './report-fixture.js';

const PAGES = ['index.html', 'data-quality.html', 'needs.html', 'clusters.html', 'progress.html', 'trees.html', 'outcomes.html', 'methods.html'];
const WITH_FIGURES = PAGES.filter((p) => p !== 'index.html' && p !== 'methods.html');
const SPEC_LINE = /^<script type="application\/json" class="chart-spec" id="([a-z0-9-]+)-spec">(.*)<\/script>$/;

let results: ReportResults;
let libraries: BrowserLibraries;
let staticFiles: ReportFile[];
let files: ReportFile[];
const content = (list: readonly ReportFile[], path: string): string => {
  const f = list.find((x) => x.path === path);
  if (!f) throw new Error(`no file ${path}`);
  return f.content;
};
const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

beforeAll(async () => {
  results = reportFixture({ families: 800, seed: 11 }).results;
  libraries = await readBrowserLibraries();
  staticFiles = await renderReport(results, { disclosure: DEFAULT_DISCLOSURE, runTimeSeconds: 2.5 });
  files = await renderReport(results, { disclosure: DEFAULT_DISCLOSURE, runTimeSeconds: 2.5, interactive: true, browserLibraries: libraries });
}, 60_000);

/** The embedded specs of a page, by figure id (the JSON as written, and parsed). */
function embeddedSpecs(html: string): Map<string, { text: string; spec: Spec }> {
  const specs = new Map<string, { text: string; spec: Spec }>();
  for (const line of html.split('\n')) {
    const m = SPEC_LINE.exec(line);
    if (m) specs.set(m[1]!, { text: m[2]!, spec: JSON.parse(m[2]!) as Spec });
  }
  return specs;
}

/** Every `values` array of inline data in a spec (Vega or Vega-Lite), as JSON text, sorted. */
function inlineData(spec: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'values' && Array.isArray(value) && value.every((v) => v !== null && typeof v === 'object' && !Array.isArray(v))) {
        found.push(JSON.stringify(value));
      } else walk(value);
    }
  };
  walk(spec);
  // Vega-Lite writes a data set used by several layers once.
  return [...new Set(found)].sort();
}

/** The numbers written in a text ("1,234", "27.1%", "0.3"), as written. */
const numbersIn = (text: string): string[] => text.match(/\d[\d,]*(?:\.\d+)?%?/g) ?? [];

/** The tooltip of every scenegraph item, as Vega computes it from the spec (ast + interpreter, as in the page). */
async function tooltips(spec: Spec): Promise<unknown[]> {
  const view = new View(parse(spec, undefined, { ast: true }), { renderer: 'none', loader: refusingLoader(), expr: expressionInterpreter, logLevel: 2 });
  try {
    await view.runAsync();
    const out: unknown[] = [];
    const walk = (node: { tooltip?: unknown; items?: unknown[] }): void => {
      if (node.tooltip !== undefined && node.tooltip !== null) out.push(node.tooltip);
      for (const child of node.items ?? []) walk(child as { tooltip?: unknown; items?: unknown[] });
    };
    walk((view.scenegraph() as unknown as { root: { items?: unknown[] } }).root);
    return out;
  } finally {
    view.finalize();
  }
}

/**
 * Checks the tooltips Vega computes for a chart against its table: every tooltip value is
 * text, and is a table cell or text built from cells (e.g. "Need clusters: a need indicator
 * is blank") whose every number is a number in the table.
 */
async function tooltipCheck(spec: Spec, cells: Set<string>): Promise<{ shown: number; problems: string[] }> {
  const numbers = new Set([...cells].flatMap(numbersIn));
  const problems: string[] = [];
  let shown = 0;
  for (const tip of await tooltips(spec)) {
    if (typeof tip !== 'object') {
      problems.push(`tooltip ${String(tip)} is not a table of fields`);
      continue;
    }
    for (const value of Object.values(tip as Record<string, unknown>)) {
      shown++;
      if (typeof value !== 'string') problems.push(`tooltip value ${String(value)} is not published text`);
      else if (!cells.has(value) && !numbersIn(value).every((n) => numbers.has(n))) problems.push(`tooltip value ${value} shows a number the table does not`);
    }
  }
  return { shown, problems };
}

/** The text of every header and data cell of the figure's table, as the reader sees it. */
function tableCells(html: string, id: string): Set<string> {
  const start = html.indexOf(`<figure id="${id}"`);
  const figure = html.slice(start, html.indexOf('</figure>', start));
  const table = figure.slice(figure.indexOf('<table>'), figure.indexOf('</table>'));
  const unescape = (t: string): string =>
    t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  return new Set([...table.matchAll(/<t[hd][^>]*>([^<]*)<\/t[hd]>/g)].map((m) => unescape(m[1]!)));
}

describe('renderReport interactive', () => {
  it('writes the same files as the static report, with the same data files; only pages with figures and the methods page differ', () => {
    expect(files.map((f) => f.path)).toEqual(staticFiles.map((f) => f.path));
    for (const f of files) {
      if (f.path.endsWith('.html')) continue;
      expect(f.content, f.path).toBe(content(staticFiles, f.path));
    }
    expect(content(files, 'index.html')).toBe(content(staticFiles, 'index.html'));
    const methods = content(files, 'methods.html');
    expect(methods).not.toContain('<script');
    const note = /\n<h2>Interactive charts<\/h2>\n<ul>\n<li>Pages with charts inline ([^<]*?), and draw[\s\S]*?\n<\/ul>/;
    const { vega, vegaEmbed, vegaInterpreter } = libraries;
    expect(note.exec(methods)?.[1]).toBe(`${vega.name} ${vega.version}, ${vegaEmbed.name} ${vegaEmbed.version}, ${vegaInterpreter.name} ${vegaInterpreter.version}`);
    expect(methods.replace(note, '')).toBe(content(staticFiles, 'methods.html'));
  });

  it('keeps every page with figures the static page plus the specs, one style sheet and two scripts, under a CSP of their hashes', () => {
    const library = interactiveLibraryScript(libraries);
    const staticCsp = escapeHtml(contentSecurityPolicy());
    for (const page of WITH_FIGURES) {
      const html = content(files, page);
      const csp = contentSecurityPolicy({ scripts: [library, INTERACTIVE_BOOT_SCRIPT], styles: [INTERACTIVE_STYLE] });
      expect(csp).toBe(
        `default-src 'none'; script-src ${sha256(library)} ${sha256(INTERACTIVE_BOOT_SCRIPT)}; style-src ${sha256(REPORT_STYLE)} ${sha256(INTERACTIVE_STYLE)}; img-src data:; base-uri 'none'; form-action 'none'`,
      );
      expect(csp).not.toMatch(/unsafe|'self'|https?:|\*/);
      // The executable scripts are exactly these two, in this order, and their hashes are the CSP's.
      const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
      expect(scripts).toEqual([library, INTERACTIVE_BOOT_SCRIPT]);
      const stripped = html
        .replace(`<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">`, `<meta http-equiv="Content-Security-Policy" content="${staticCsp}">`)
        .replace(`<style>${INTERACTIVE_STYLE}</style>\n`, '')
        .replace(`<script>${library}</script>\n<script>${INTERACTIVE_BOOT_SCRIPT}</script>\n`, '')
        .split('\n')
        .filter((line) => !SPEC_LINE.test(line))
        .join('\n');
      expect(stripped, page).toBe(content(staticFiles, page));
      const figures = [...html.matchAll(/<figure id="([^"]+)"/g)].map((m) => m[1]!);
      expect([...embeddedSpecs(html).keys()]).toEqual(figures);
    }
  });

  it('embeds each chart as Vega JSON with < escaped, holding exactly the published data of the static chart', () => {
    let figures = 0;
    for (const page of WITH_FIGURES) {
      for (const [id, { text, spec }] of embeddedSpecs(content(files, page))) {
        figures++;
        expect(text).not.toMatch(/[<>&]/);
        expect(JSON.stringify(spec)).not.toMatch(/https?:/);
        const published = JSON.parse(content(files, `${id}.vl.json`)) as unknown;
        expect(inlineData(spec), id).toEqual(inlineData(published));
        expect(inlineData(spec).length, id).toBeGreaterThan(0);
        expect(spec.data?.some((d) => 'url' in d), id).toBe(false);
        // As the static chart data (render-report.test.ts): suppressed values are null with the symbol as their label.
        for (const rows of inlineData(spec).map((t) => JSON.parse(t) as Record<string, unknown>[])) {
          for (const row of rows) {
            for (const [key, value] of Object.entries(row)) {
              if (key.endsWith('_label') && value === DEFAULT_DISCLOSURE.symbol) expect(row[key.slice(0, -'_label'.length)], id).toBeNull();
            }
          }
        }
      }
    }
    expect(figures).toBeGreaterThanOrEqual(15);
  });

  it('shows in tooltips only what the figure table publishes, so no suppressed count (and a leaked count would be caught)', async () => {
    let shown = 0;
    let control: { spec: Spec; cells: Set<string>; id: string } | undefined;
    for (const page of WITH_FIGURES) {
      const html = content(files, page);
      for (const [id, { spec }] of embeddedSpecs(html)) {
        const cells = tableCells(html, id);
        const check = await tooltipCheck(spec, cells);
        expect(check.problems, id).toEqual([]);
        shown += check.shown;
        if (!control && check.shown > 0 && JSON.stringify(spec).includes(`_label":"${DEFAULT_DISCLOSURE.symbol}"`)) control = { spec, cells, id };
      }
    }
    expect(shown).toBeGreaterThan(500);
    // Control: the same chart with its suppressed values put back as a small count is caught.
    expect(control, 'a chart with a suppressed value and tooltips').toBeDefined();
    const { spec, cells, id } = control!;
    const numbers = new Set([...cells].flatMap(numbersIn));
    const small = [1, 2, 3, 4, 5].map(String).find((n) => !numbers.has(n));
    expect(small, `a count from 1 to 5 not in the table of ${id}`).toBeDefined();
    const leaked = JSON.parse(JSON.stringify(spec)) as Spec;
    let restored = 0;
    const restore = (node: unknown): void => {
      if (node === null || typeof node !== 'object') return;
      const row = node as Record<string, unknown>;
      for (const [key, value] of Object.entries(row)) {
        if (key.endsWith('_label') && value === DEFAULT_DISCLOSURE.symbol) {
          row[key] = small;
          row[key.slice(0, -'_label'.length)] = Number(small);
          restored++;
        } else restore(value);
      }
    };
    restore(leaked);
    expect(restored).toBeGreaterThan(0);
    expect((await tooltipCheck(leaked, cells)).problems.length, id).toBeGreaterThan(0);
  }, 30_000);

  it('is deterministic: a second run gives the same bytes except the one run-time line', async () => {
    const again = await renderReport(results, { disclosure: DEFAULT_DISCLOSURE, runTimeSeconds: 9.75, interactive: true, browserLibraries: await readBrowserLibraries() });
    expect(again.map((f) => f.path)).toEqual(files.map((f) => f.path));
    for (let i = 0; i < files.length; i++) {
      const a = files[i]!.content.split('\n');
      const b = again[i]!.content.split('\n');
      expect(b.length).toBe(a.length);
      const differing = a.filter((line, k) => line !== b[k]);
      expect(differing, files[i]!.path).toEqual(files[i]!.path === 'methods.html' ? ['<p class="run-time">Run time: 2.5 seconds.</p>'] : []);
    }
  }, 30_000);

  it('needs the browser libraries with interactive mode, and refuses them without it', async () => {
    await expect(renderReport(results, { disclosure: DEFAULT_DISCLOSURE, interactive: true })).rejects.toThrow(
      'renderReport interactive mode requires browserLibraries (the browser builds of vega, vega-embed and vega-interpreter), got none',
    );
    await expect(renderReport(results, { disclosure: DEFAULT_DISCLOSURE, browserLibraries: libraries })).rejects.toThrow(
      'renderReport takes browserLibraries only with interactive: true, got interactive=undefined',
    );
  });
});

describe('interactiveLibraryScript', () => {
  it('bundles vega, the interpreter as a classic script, then vega-embed, with versions and licences and no source maps', () => {
    const script = interactiveLibraryScript(libraries);
    expect(script.startsWith('/*! Interactive charts of this report')).toBe(true);
    for (const lib of [libraries.vega, libraries.vegaEmbed, libraries.vegaInterpreter]) expect(script).toContain(`\n${lib.name} ${lib.version}\n`);
    expect(script).not.toMatch(/sourceMappingURL|<\/script|<!--|^import |^export /m);
    const at = (s: string): number => script.indexOf(s);
    expect(at('t.version="6.')).toBeGreaterThan(0);
    expect(at('globalThis.vegaInterpreter = Object.freeze({ expressionInterpreter:')).toBeGreaterThan(at('t.version="6.'));
    expect(at('.vegaEmbed=')).toBeGreaterThan(at('globalThis.vegaInterpreter'));
    expect(interactiveLibraryScript(libraries)).toBe(script);
  });

  it('rejects another package, another major version, text that would end the script, and an interpreter of another shape', () => {
    expect(() => interactiveLibraryScript({ ...libraries, vegaEmbed: { ...libraries.vegaEmbed, name: 'vega-lite' } })).toThrow(
      'interactiveLibraryScript requires vegaEmbed to be the package vega-embed, got "vega-lite"',
    );
    expect(() => interactiveLibraryScript({ ...libraries, vega: { ...libraries.vega, version: '5.30.0' } })).toThrow(
      'interactiveLibraryScript requires vega 6.x, got "5.30.0"',
    );
    expect(() => interactiveLibraryScript({ ...libraries, vega: { ...libraries.vega, source: 'var a = "</SCRIPT>";' } })).toThrow(
      'interactiveLibraryScript requires sources that are safe inside <script>, got </script or <!-- in vega',
    );
    expect(() => interactiveLibraryScript({ ...libraries, vega: { ...libraries.vega, license: 'x */ y' } })).toThrow(
      'interactiveLibraryScript requires licence texts without */, got one in vega',
    );
    const twoImports = `import { a } from 'vega-util';\nimport { b } from 'd3';\n${libraries.vegaInterpreter.source}`;
    expect(() => interactiveLibraryScript({ ...libraries, vegaInterpreter: { ...libraries.vegaInterpreter, source: twoImports } })).toThrow(
      'interactiveLibraryScript requires vega-interpreter to have one import from vega-util and one export of expressionInterpreter, got 3 import(s) and 1 export(s)',
    );
  });
});
