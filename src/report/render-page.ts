import { createHash } from 'node:crypto';
import type { DisclosureProfile } from '../cohort/config.js';
import { escapeHtml } from './escape-html.js';
import { formatNumber } from './format-number.js';
import { REPORT_STYLE } from './report-style.js';

/** A page of the report, for the navigation. */
export interface PageLink {
  readonly file: string;
  readonly title: string;
}

export interface RenderPageOptions {
  /** Plain text; escaped here. */
  readonly title: string;
  /** The page's own file name (marks the current page in the navigation). */
  readonly file: string;
  readonly pages: readonly PageLink[];
  /** Trusted HTML built from escaped parts. */
  readonly body: string;
  readonly profile: DisclosureProfile;
  /** e.g. "early-help-workbench 0.1.0". */
  readonly tool: string;
  readonly inputSha256: string;
}

/**
 * The Content-Security-Policy of every page: nothing may load except the inline style
 * sheet (allowed by its SHA-256) and data: images; no scripts, no connections, no forms.
 * @example contentSecurityPolicy() // "default-src 'none'; style-src 'sha256-…'; …"
 */
export function contentSecurityPolicy(): string {
  const hash = createHash('sha256').update(REPORT_STYLE, 'utf8').digest('base64');
  return `default-src 'none'; style-src 'sha256-${hash}'; img-src data:; base-uri 'none'; form-action 'none'`;
}

/**
 * The sentence naming the disclosure profile that every page carries.
 * Cost: O(1).
 * @example disclosureNotice(DEFAULT_DISCLOSURE) // 'Disclosure control: DfE children’s statistics … Counts from 1 to 5 are shown as [c]; …'
 */
export function disclosureNotice(profile: DisclosureProfile): string {
  const rounding =
    profile.roundTotalsTo > 1 ? ` Totals are rounded to the nearest ${formatNumber(profile.roundTotalsTo, profile.symbol)}.` : '';
  return (
    `Disclosure control: ${profile.name}. Counts from 1 to ${formatNumber(profile.threshold, profile.symbol)} are shown as ${profile.symbol}; ` +
    `other counts are shown as ${profile.symbol} where they would let a suppressed count be worked out from a total, ` +
    `and percentages of suppressed counts or bases are suppressed too. Counts of blank (not recorded) values are shown as they are.${rounding}`
  );
}

/**
 * A complete, self-contained HTML page: language, character set, a strict
 * Content-Security-Policy meta tag, no referrer, the inline style sheet, a skip link, the
 * disclosure profile, the navigation between pages, the body, and a footer naming the tool
 * and the input's SHA-256. The page loads nothing. Cost: O(body).
 * @throws Error when the page's file is not among the pages.
 * @example renderPage({ title: 'Summary', file: 'index.html', pages, body: '<p>…</p>', profile, tool, inputSha256 })
 */
export function renderPage(options: RenderPageOptions): string {
  if (!options.pages.some((p) => p.file === options.file)) {
    throw new Error(`renderPage requires the page's file among the pages, got ${options.file}`);
  }
  const nav = options.pages
    .map((p) => {
      const current = p.file === options.file ? ' aria-current="page"' : '';
      return `<li><a href="${escapeHtml(p.file)}"${current}>${escapeHtml(p.title)}</a></li>`;
    })
    .join('');
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy())}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)} – Early Help evaluation</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
<a class="skip" href="#main">Skip to main content</a>
<header class="masthead"><p class="tool">Early Help evaluation</p><p>Published statistics with disclosure control</p></header>
<p class="disclosure">${escapeHtml(disclosureNotice(options.profile))}</p>
<nav aria-label="Report pages"><ul>${nav}</ul></nav>
<main id="main">
<h1>${escapeHtml(options.title)}</h1>
${options.body}
</main>
<footer><p>Produced by ${escapeHtml(options.tool)} from input SHA-256 <code>${escapeHtml(options.inputSha256)}</code>. Figures are reproducible from the same input, configuration and seed.</p></footer>
</body>
</html>
`;
}
