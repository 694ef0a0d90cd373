/**
 * Opens local pages in headless Chromium (playwright-core, the system's /usr/bin/chromium)
 * with a fresh profile, offline and with networking features off, and reports what a reader's browser
 * would: console errors, page errors, and every request other than the page itself.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Headless Chromium with its profile in `profileDir`: offline, networking features off.
 * @throws Error when Chromium is not installed at CHROMIUM.
 */
export async function launchChromium(profileDir: string): Promise<BrowserContext> {
  if (!existsSync(CHROMIUM)) throw new Error(`the browser test needs Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
  return chromium.launchPersistentContext(profileDir, { executablePath: CHROMIUM, headless: true, offline: true, javaScriptEnabled: true, args: CHROMIUM_ARGS });
}

/** The little of the DOM the checks read. */
interface BrowserDocument {
  title: string;
  querySelector(selector: string): { textContent: string | null } | null;
  querySelectorAll(selector: string): { length: number };
}

export interface PageVisit {
  file: string;
  title: string;
  h1: string;
  svgCount: number;
  tableCount: number;
  consoleErrors: string[];
  pageErrors: string[];
  /** Requests other than the page's own document. */
  requests: string[];
}

/** Opens each file in turn in one fresh browser profile; the profile is removed afterwards. */
export async function openInBrowser(files: readonly string[]): Promise<PageVisit[]> {
  const profile = await mkdtemp(join(tmpdir(), 'earlyhelp-chromium-'));
  const context = await launchChromium(profile);
  try {
    const visits: PageVisit[] = [];
    for (const file of files) {
      const url = pathToFileURL(file).href;
      const page = await context.newPage();
      const consoleErrors: string[] = [];
      const pageErrors: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') consoleErrors.push(`${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => pageErrors.push(e.message));
      page.on('request', (r) => {
        if (r.url() !== url) requests.push(r.url());
      });
      await page.goto(url, { waitUntil: 'load' });
      const facts = await page.evaluate(() => {
        // Runs in the page: the DOM types are not in this project's lib.
        const doc = (globalThis as unknown as { document: BrowserDocument }).document;
        return {
          title: doc.title,
          h1: doc.querySelector('h1')?.textContent ?? '',
          svgCount: doc.querySelectorAll('svg').length,
          tableCount: doc.querySelectorAll('table').length,
        };
      });
      visits.push({ file, ...facts, consoleErrors, pageErrors, requests });
      await page.close();
    }
    return visits;
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}
