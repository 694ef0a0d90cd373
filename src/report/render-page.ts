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

export interface RenderPageOptions extends InlineContent {
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

/** Inline scripts and extra style sheets of a page, allowed by their SHA-256 in its CSP. */
export interface InlineContent {
  /** Classic scripts' text, in page order, run at the end of the body. */
  readonly scripts?: readonly string[];
  /** Style sheets' text, after the report's own. */
  readonly styles?: readonly string[];
}

/**
 * The Content-Security-Policy of a page: nothing may load except the inline style sheet
 * (allowed by its SHA-256), any extra inline style sheets and inline scripts (each allowed
 * by its SHA-256 only: no 'unsafe-inline', no 'unsafe-eval', no URL), and data: images; no
 * connections, no forms. With no scripts there is no `script-src` at all (`default-src
 * 'none'` forbids every script). Cost: one SHA-256 per inline text.
 * @example contentSecurityPolicy() // "default-src 'none'; style-src 'sha256-…'; …"
 */
export function contentSecurityPolicy(inline: InlineContent = {}): string {
  const hash = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
  const scripts = inline.scripts ?? [];
  const scriptSrc = scripts.length > 0 ? `script-src ${[...new Set(scripts.map(hash))].join(' ')}; ` : '';
  const styleSrc = [...new Set([REPORT_STYLE, ...(inline.styles ?? [])].map(hash))].join(' ');
  return `default-src 'none'; ${scriptSrc}style-src ${styleSrc}; img-src data:; base-uri 'none'; form-action 'none'`;
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
 * and the input's SHA-256; then any inline scripts (interactive pages), each allowed by its
 * hash in the CSP. The page loads nothing. Cost: O(body + scripts).
 * @throws Error when the page's file is not among the pages, or an inline script or style
 *   holds `</script` or `</style` (it would end its element early).
 * @example renderPage({ title: 'Summary', file: 'index.html', pages, body: '<p>…</p>', profile, tool, inputSha256 })
 */
export function renderPage(options: RenderPageOptions): string {
  if (!options.pages.some((p) => p.file === options.file)) {
    throw new Error(`renderPage requires the page's file among the pages, got ${options.file}`);
  }
  for (const [kind, texts] of [['script', options.scripts ?? []], ['style', options.styles ?? []]] as const) {
    if (texts.some((t) => new RegExp(`</${kind}`, 'i').test(t))) throw new Error(`renderPage requires inline ${kind}s without </${kind}, got one`);
  }
  const nav = options.pages
    .map((p) => {
      const current = p.file === options.file ? ' aria-current="page"' : '';
      return `<li><a href="${escapeHtml(p.file)}"${current}>${escapeHtml(p.title)}</a></li>`;
    })
    .join('');
  const styles = (options.styles ?? []).map((text) => `<style>${text}</style>\n`).join('');
  const scripts = (options.scripts ?? []).map((text) => `<script>${text}</script>\n`).join('');
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(options))}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)} – Early Help evaluation</title>
<style>${REPORT_STYLE}</style>
${styles}</head>
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
${scripts}</body>
</html>
`;
}
