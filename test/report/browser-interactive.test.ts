/**
 * The interactive report in a real browser: playwright-core driving Debian's chromium,
 * offline, fresh profile, from file://. Every page must load with no console error or
 * warning (a CSP violation is one, and so is an `eval` refused by the CSP), request nothing
 * but itself, and replace every figure's static SVG with a live Vega view (`svg.marks`)
 * that shows a tooltip on hover; the table and caption stay. A control page whose CSP lacks
 * the boot script's hash must log the violation and keep the static chart.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReportPage } from './open-report-page.js';
import { launchChromium } from '../notebooks/open-in-browser.js';
import { DEFAULT_DISCLOSURE } from '../../src/cohort/config.js';
import { readBrowserLibraries } from '../../src/io/package-files.js';
import { INTERACTIVE_BOOT_SCRIPT } from '../../src/report/interactive-boot-script.js';
import { renderReport } from '../../src/report/render-report.js';
import { reportFixture } from './report-fixture.js';
import { createHash } from 'node:crypto';

/** The few DOM shapes the checks use (the project compiles without the DOM library). */
interface El {
  id: string;
  textContent: string | null;
  classList: { contains(name: string): boolean };
  getAttribute(name: string): string | null;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El>;
}
interface Doc {
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El>;
  getElementById(id: string): El | null;
  scripts: ArrayLike<El>;
}

const PAGES = ['index.html', 'data-quality.html', 'needs.html', 'clusters.html', 'progress.html', 'trees.html', 'outcomes.html', 'methods.html'];
const CONTROL = 'needs-without-boot-hash.html';

let dir: string;
let reportDir: string;
let context: BrowserContext;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'earlyhelp-interactive-'));
  reportDir = join(dir, 'report');
  mkdirSync(reportDir);
  const { results } = reportFixture({ families: 800, seed: 11 });
  const files = await renderReport(results, {
    disclosure: DEFAULT_DISCLOSURE,
    runTimeSeconds: 1,
    interactive: true,
    browserLibraries: await readBrowserLibraries(),
  });
  for (const f of files) writeFileSync(join(reportDir, f.path), f.content);
  const bootHash = ` 'sha256-${createHash('sha256').update(INTERACTIVE_BOOT_SCRIPT).digest('base64')}'`.replace(/'/g, '&#39;');
  const needs = files.find((f) => f.path === 'needs.html')!.content;
  expect(needs).toContain(bootHash);
  writeFileSync(join(reportDir, CONTROL), needs.replace(bootHash, ''));
  context = await launchChromium(join(dir, 'profile'));
}, 60_000);

afterAll(async () => {
  await context?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});


describe('the interactive report in chromium', () => {
  it.each(PAGES)('%s: no console error, no request but itself, and every chart drawn live with its table kept', async (name) => {
    const { page, url, errors, requests } = await openReportPage(context, reportDir, name);
    await page.waitForFunction(
      () => Array.from((globalThis as unknown as { document: Doc }).document.querySelectorAll('figure .chart')).every((c) => c.getAttribute('data-interactive') === 'ready'),
      undefined,
      { timeout: 15_000 },
    );
    const facts = await page.evaluate(() => ({
      figures: Array.from((globalThis as unknown as { document: Doc }).document.querySelectorAll('figure')).map((f) => ({
        id: f.id,
        live: f.querySelectorAll('.chart .interactive-view svg.marks').length,
        svg: f.querySelectorAll('svg').length,
        marks: f.querySelectorAll('svg.marks .role-mark').length,
        table: f.querySelectorAll('table').length,
        caption: f.querySelector('figcaption')?.textContent?.trim() ?? '',
      })),
      csp: (globalThis as unknown as { document: Doc }).document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
      scripts: Array.from((globalThis as unknown as { document: Doc }).document.scripts).filter((s) => s.getAttribute('type') === null).length,
    }));
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    expect(facts.csp).toContain("default-src 'none'");
    expect(facts.csp).not.toMatch(/unsafe|'self'|https?:/);
    const withFigures = !['index.html', 'methods.html'].includes(name);
    expect(facts.figures.length > 0).toBe(withFigures);
    expect(facts.scripts).toBe(withFigures ? 2 : 0);
    expect(facts.csp.includes('script-src')).toBe(withFigures);
    for (const f of facts.figures) {
      expect(f.live, f.id).toBe(1);
      expect(f.svg, f.id).toBe(1);
      expect(f.marks, f.id).toBeGreaterThan(0);
      expect(f.table, f.id).toBe(1);
      expect(f.caption.length, f.id).toBeGreaterThan(20);
    }
    await page.close();
  });

  it('shows a tooltip with the published values when the pointer is on a bar', async () => {
    const { page, errors } = await openReportPage(context, reportDir, 'needs.html');
    await page.waitForFunction(() => (globalThis as unknown as { document: Doc }).document.querySelector('#needs-prevalence .chart')?.getAttribute('data-interactive') === 'ready');
    const bar = page.locator('#needs-prevalence svg.marks g.mark-rect.role-mark path').first();
    await bar.scrollIntoViewIfNeeded();
    const box = (await bar.boundingBox())!;
    await page.mouse.move(box.x + 4, box.y + box.height / 2);
    await page.mouse.move(box.x + 6, box.y + box.height / 2);
    await page.waitForFunction(() => (globalThis as unknown as { document: Doc }).document.getElementById('vg-tooltip-element')?.classList.contains('visible') === true, undefined, { timeout: 5_000 });
    const { tooltip, firstRow } = await page.evaluate(() => ({
      tooltip: (globalThis as unknown as { document: Doc }).document.getElementById('vg-tooltip-element')?.textContent ?? '',
      firstRow: Array.from((globalThis as unknown as { document: Doc }).document.querySelectorAll('#needs-prevalence tbody tr:first-child > *')).map((c) => c.textContent ?? ''),
    }));
    // The first bar is the first table row: its need and its published percentage.
    expect(firstRow.length).toBeGreaterThan(2);
    expect(tooltip).toContain(firstRow[0]!);
    expect(firstRow.slice(1).some((cell) => /%$/.test(cell) && tooltip.includes(cell))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('control: with the boot script not allowed by the CSP, the violation is reported and the static chart stays', async () => {
    const { page, errors } = await openReportPage(context, reportDir, CONTROL);
    await page.waitForTimeout(300);
    const facts = await page.evaluate(() => ({
      live: (globalThis as unknown as { document: Doc }).document.querySelectorAll('.interactive-view').length,
      static: (globalThis as unknown as { document: Doc }).document.querySelectorAll('figure .chart > svg').length,
      ready: (globalThis as unknown as { document: Doc }).document.querySelectorAll('[data-interactive]').length,
    }));
    expect(errors.some((e) => /Content Security Policy/i.test(e))).toBe(true);
    expect(facts).toEqual({ live: 0, static: 1, ready: 0 });
    await page.close();
  });
});
