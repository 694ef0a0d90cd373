/**
 * The generated report in a real browser: playwright-core driving Debian's chromium
 * (installed by .ci/run with apt-get), offline, from file://. Every page must load with no
 * console error (a CSP violation is one), request nothing but itself, show an SVG and a
 * table for every figure, and publish no count from 1 to the threshold, in a table or as a
 * number printed on a chart.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReportPage } from './open-report-page.js';
import { launchChromium } from '../notebooks/open-in-browser.js';
import { DEFAULT_DISCLOSURE } from '../../src/cohort/config.js';
import { renderReport } from '../../src/report/render-report.js';
import { reportFixture } from './report-fixture.js';


/** The few DOM shapes the page check uses (the project compiles without the DOM library). */
interface El {
  id: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El>;
  getBoundingClientRect(): { width: number };
}
interface Doc {
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El>;
  getElementById(id: string): El | null;
  scripts: ArrayLike<El>;
}
const PAGES = ['index.html', 'data-quality.html', 'needs.html', 'clusters.html', 'progress.html', 'trees.html', 'outcomes.html', 'methods.html'];

let dir: string;
let reportDir: string;
let context: BrowserContext;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'earlyhelp-browser-'));
  reportDir = join(dir, 'report');
  mkdirSync(reportDir);
  const { results } = reportFixture({ families: 800, seed: 11 });
  const files = await renderReport(results, { disclosure: DEFAULT_DISCLOSURE, runTimeSeconds: 1 });
  for (const f of files) writeFileSync(join(reportDir, f.path), f.content);
  context = await launchChromium(join(dir, 'profile'));
});

afterAll(async () => {
  await context?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the report in chromium', () => {
  it.each(PAGES)('%s loads offline with no console error, no request but itself, an SVG and a table per figure, and no small count', async (name) => {
    const { page, url, errors, requests } = await openReportPage(context, reportDir, name);

    const facts = await page.evaluate((threshold) => {
      const document = (globalThis as unknown as { document: Doc }).document;
      const figures = Array.from(document.querySelectorAll('figure')).map((f) => ({
        id: f.id,
        svg: f.querySelectorAll('svg').length,
        table: f.querySelectorAll('table').length,
        caption: f.querySelector('figcaption')?.textContent?.trim() ?? '',
        labelled: (f.getAttribute('aria-labelledby') ?? '').split(' ').every((id: string) => document.getElementById(id) !== null),
        svgWidth: f.querySelector('svg')?.getBoundingClientRect().width ?? 0,
      }));
      const smallCells = Array.from(document.querySelectorAll('td.count'))
        .map((td) => td.textContent ?? '')
        .filter((t) => /^[\d,]+$/.test(t) && Number(t.replace(/,/g, '')) >= 1 && Number(t.replace(/,/g, '')) <= threshold);
      // Numbers printed on the charts' marks (not axes): a bare whole number there is a count.
      const smallMarks = Array.from(document.querySelectorAll('svg .role-mark text'))
        .map((t) => t.textContent ?? '')
        .filter((t) => /^[\d,]+$/.test(t) && Number(t.replace(/,/g, '')) >= 1 && Number(t.replace(/,/g, '')) <= threshold);
      return {
        figures,
        smallCells,
        smallMarks,
        csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
        disclosure: document.querySelector('.disclosure')?.textContent ?? '',
        scripts: document.scripts.length,
      };
    }, DEFAULT_DISCLOSURE.threshold);

    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    expect(facts.csp).toContain("default-src 'none'");
    expect(facts.disclosure).toContain(DEFAULT_DISCLOSURE.name);
    expect(facts.scripts).toBe(0);
    for (const f of facts.figures) {
      expect(f.svg, f.id).toBe(1);
      expect(f.table, f.id).toBe(1);
      expect(f.caption.length, f.id).toBeGreaterThan(20);
      expect(f.labelled, f.id).toBe(true);
      expect(f.svgWidth, f.id).toBeGreaterThan(50);
    }
    if (!['index.html', 'methods.html'].includes(name)) expect(facts.figures.length).toBeGreaterThan(0);
    expect(facts.smallCells).toEqual([]);
    expect(facts.smallMarks).toEqual([]);
    await page.close();
  });
});
