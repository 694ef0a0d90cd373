import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Opens a report page, recording console errors and warnings, page errors and requests; other schemes are refused. */
export async function openReportPage(context: BrowserContext, reportDir: string, name: string): Promise<{ page: Page; url: string; errors: string[]; requests: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
  const url = pathToFileURL(join(reportDir, name)).href;
  const response = await page.goto(url, { waitUntil: 'load' });
  expect(response === null || response.ok()).toBe(true);
  return { page, url, errors, requests };
}
