/**
 * Every notebook of notebooks/ runs on the demo cohort, renders its page, publishes no
 * count from 1 to the threshold anywhere (tables, charts' data, CSV files, facts), and the
 * page opens in Chromium with no console error and no request.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listNotebooks, runNotebook, type RunNotebookResult } from '../../src/cli/notebook-main.js';
import { isSuppressed } from '../../src/disclosure/index.js';
import { parseCsv } from '../../src/io/parse-csv.js';
import type { NotebookOutput } from '../../src/notebook/notebook-output.js';
import type { PublishedBlock } from '../../src/notebook/publish-notebook-outputs.js';
import { CHROMIUM, openInBrowser, type PageVisit } from './open-in-browser.js';

const NOTEBOOKS = ['herefordshire-age-bands', 'leicestershire-2018', 'new-cohort', 'target-resources'];
let out: string;
const results = new Map<string, RunNotebookResult>();
/** Exact small counts found (and checked suppressed) per notebook. */
const smallChecked = new Map<string, number>();

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'earlyhelp-notebooks-'));
  for (const name of NOTEBOOKS) results.set(name, await runNotebook(name, { out: join(out, name) }));
});
afterAll(async () => {
  if (out) await rm(out, { recursive: true, force: true });
});

const small = (v: number, threshold: number) => v >= 1 && v <= threshold;

/** Every published block with data, paired with the exact output it came from. */
function pairs(result: RunNotebookResult): { output: NotebookOutput; block: PublishedBlock }[] {
  const outputs = result.outputs.filter((o) => o.kind !== 'disclosure');
  expect(outputs).toHaveLength(result.published.blocks.length);
  return outputs.map((output, i) => ({ output, block: result.published.blocks[i]! }));
}

/** The cells of each HTML table of a page: caption, headings and body rows, as text. */
function htmlTables(page: string): { caption: string; head: string[]; rows: string[][] }[] {
  const text = (html: string) =>
    html
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&')
      .trim();
  return [...page.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((m) => {
    const t = m[1]!;
    const caption = text(/<caption>([\s\S]*?)<\/caption>/.exec(t)?.[1] ?? '');
    const head = [...(/<thead>([\s\S]*?)<\/thead>/.exec(t)?.[1] ?? '').matchAll(/<th[^>]*>([\s\S]*?)<\/th>/g)].map((c) => text(c[1]!));
    const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(t)?.[1] ?? '';
    const rows = [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => text(c[1]!)));
    return { caption, head, rows };
  });
}

describe.each(NOTEBOOKS)('notebook %s on the demo cohort', (name) => {
  const result = () => results.get(name)!;

  it('runs and writes its page beside the figures’ data and specs', async () => {
    const r = result();
    expect(r.outputs.length).toBeGreaterThan(5);
    const written = r.files.map((f) => f.path);
    expect(written).toContain('index.html');
    for (const f of written) expect(existsSync(join(out, name, f))).toBe(true);
    const page = await readFile(join(out, name, 'index.html'), 'utf8');
    expect(page).toBe(r.files.find((f) => f.path === 'index.html')!.content);
    expect(page).toContain('<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;');
    expect(page).not.toMatch(/<script|<iframe|<link|<img|\ssrc=|@import/);
    for (const m of page.matchAll(/href="([^"]*)"/g)) expect(m[1]).toMatch(/^(#|[\w.-]+\.(csv|vl\.json|html)$|https:\/\/)/);
  });

  it('publishes no count from 1 to the threshold: every exact small count is suppressed', () => {
    const r = result();
    const t = r.published.profile.threshold;
    let checked = 0;
    for (const { output, block } of pairs(r)) {
      if (output.kind === 'table') {
        expect(block.kind === 'table' || block.kind === 'figure').toBe(true);
        if (block.kind !== 'table' && block.kind !== 'figure') continue;
        output.rows.forEach((row, i) => {
          const pub = block.data.rows[i]!;
          for (const c of output.options.columns) {
            if (c.kind === 'count' && !c.hidden && typeof row[c.name] === 'number' && small(row[c.name] as number, t)) {
              expect(isSuppressed(pub[c.name]), `${name}: "${output.title}" row ${i} ${c.name}`).toBe(true);
              checked++;
            }
            if (c.kind === 'percent') {
              const [k, n] = [row[c.of[0]], row[c.of[1]]];
              if (typeof k === 'number' && typeof n === 'number' && (small(k, t) || small(n, t) || small(n - k, t))) {
                expect(isSuppressed(pub[c.name]), `${name}: "${output.title}" row ${i} ${c.name}`).toBe(true);
                checked++;
              }
            }
          }
        });
      } else if (output.kind === 'crossTab') {
        if (block.kind !== 'figure' && block.kind !== 'table') throw new Error('a cross-tab publishes a table');
        output.input.counts.forEach((row, r2) =>
          row.forEach((v, c) => {
            if (!small(v, t)) return;
            const cell = block.data.rows.find((x) => x['row'] === output.input.rowLabels[r2] && x['column'] === output.input.columnLabels[c])!;
            expect(isSuppressed(cell['count'])).toBe(true);
            checked++;
          }),
        );
      } else if (output.kind === 'count') {
        if (block.kind !== 'fact') throw new Error('a count publishes a fact');
        const tiny = small(output.count, t) || (output.base !== null && (small(output.base, t) || small(output.base - output.count, t)));
        if (tiny) {
          expect(block.text.startsWith(r.published.profile.symbol), `${name}: "${output.label}"`).toBe(true);
          checked++;
        }
      }
    }
    smallChecked.set(name, checked);
    for (const block of r.published.blocks) {
      if (block.kind !== 'table' && block.kind !== 'figure') continue;
      for (const f of block.data.fields.filter((x) => x.kind === 'count')) {
        for (const row of block.data.rows) {
          const v = row[f.name];
          expect(v === null || isSuppressed(v) || (typeof v === 'number' && !small(v, t)), `${name}: "${block.title}" ${f.name}=${JSON.stringify(v)}`).toBe(true);
        }
      }
    }
  });

  it('shows no count from 1 to the threshold in the page’s tables, facts or CSV files', async () => {
    const r = result();
    const t = r.published.profile.threshold;
    const page = r.files.find((f) => f.path === 'index.html')!.content;
    const countTitles = new Set(
      r.published.blocks.flatMap((b) => (b.kind === 'table' || b.kind === 'figure' ? b.data.fields.filter((f) => f.kind === 'count').map((f) => f.title) : [])),
    );
    const smallNumber = new RegExp(`^(?:${Array.from({ length: t }, (_, i) => i + 1).join('|')})(?![\\d.,])`);
    let cells = 0;
    for (const table of htmlTables(page)) {
      const pivot = /\(Cell; columns: /.test(table.caption);
      table.head.forEach((title, c) => {
        if (!pivot && !countTitles.has(title)) return;
        if (pivot && c === 0) return;
        for (const row of table.rows) {
          const v = row[c] ?? '';
          expect(smallNumber.test(v), `${name}: table "${table.caption}" column "${title}" shows ${v}`).toBe(false);
          cells++;
        }
      });
    }
    expect(cells).toBeGreaterThan(0);
    for (const m of page.matchAll(/<dd>([^<]*)<\/dd>/g)) {
      // a fact that is a count shows it first: "[c] of 300", "1,234", never "3 of 40"
      const label = page.slice(0, m.index).match(/<dt>([^<]*)<\/dt>$/)?.[1] ?? '';
      const output = r.outputs.find((o) => o.kind === 'count' && o.label.replace(/&/g, '&amp;') === label);
      if (output) expect(smallNumber.test(m[1]!), `${name}: fact "${label}" shows ${m[1]}`).toBe(false);
    }
    for (const file of r.files.filter((f) => f.path.endsWith('.csv'))) {
      const block = r.published.blocks.find((b) => (b.kind === 'figure' || b.kind === 'table') && file.content.startsWith(b.data.fields.map((f) => f.name).join(',')));
      if (!block || (block.kind !== 'figure' && block.kind !== 'table')) continue;
      const csv = parseCsv(file.content, file.path).table!;
      const counts = block.data.fields.filter((f) => f.kind === 'count').map((f) => csv.header.indexOf(f.name));
      expect(counts.every((i) => i >= 0)).toBe(true);
      for (const values of csv.rows) {
        for (const i of counts) {
          const v = values[i]!;
          expect(/^\d+$/.test(v) && small(Number(v), t), `${name}: ${file.path} shows ${v}`).toBe(false);
        }
      }
    }
  });
});

describe('the small-count check', () => {
  it('bites: the notebooks with few families (the tiny export, this month’s referrals, the cluster cross-tab) have small counts, all suppressed', () => {
    expect(smallChecked.get('new-cohort')).toBeGreaterThan(0);
    expect(smallChecked.get('target-resources')).toBeGreaterThan(0);
    expect(smallChecked.get('leicestershire-2018')).toBeGreaterThan(0);
  });
});

describe('the notebooks folder', () => {
  it('holds exactly the four notebooks, all tested here', async () => {
    expect(await listNotebooks()).toEqual(NOTEBOOKS);
  });
});

describe('the notebook pages in a browser', () => {
  let visits: PageVisit[] = [];
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`the browser test needs Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
    visits = await openInBrowser(NOTEBOOKS.map((n) => join(out, n, 'index.html')));
  });

  it.each(NOTEBOOKS)('%s opens with its charts and tables, no console error and no request', (name) => {
    const visit = visits.find((v) => v.file === join(out, name, 'index.html'))!;
    expect(visit.h1).toBe(results.get(name)!.title);
    expect(visit.title).toBe(`${results.get(name)!.title} – Early Help evaluation`);
    expect(visit.svgCount).toBeGreaterThan(0);
    expect(visit.tableCount).toBeGreaterThan(0);
    expect(visit.consoleErrors).toEqual([]);
    expect(visit.pageErrors).toEqual([]);
    expect(visit.requests).toEqual([]);
  });
});
