import { escapeHtml } from './escape-html.js';
import type { FigureInput } from './render-figure.js';

/** A piece of a page: trusted HTML (built from escaped parts) or a figure to render. */
export type PageBlock = { readonly kind: 'html'; readonly html: string } | { readonly kind: 'figure'; readonly figure: FigureInput };

/** A page before rendering: its file, its title (plain text) and its blocks in order. */
export interface PageContent {
  readonly file: string;
  readonly title: string;
  readonly blocks: readonly PageBlock[];
}

/**
 * A paragraph of plain text (escaped).
 * @example paragraph('3 < 4') // { kind: 'html', html: '<p>3 &lt; 4</p>' }
 */
export function paragraph(text: string, className?: string): PageBlock {
  const cls = className ? ` class="${escapeHtml(className)}"` : '';
  return { kind: 'html', html: `<p${cls}>${escapeHtml(text)}</p>` };
}

/**
 * A second-level heading of plain text (escaped).
 * @example heading('Needs') // { kind: 'html', html: '<h2>Needs</h2>' }
 */
export function heading(text: string, level: 2 | 3 = 2): PageBlock {
  return { kind: 'html', html: `<h${level}>${escapeHtml(text)}</h${level}>` };
}

/**
 * A bulleted list of plain-text items (escaped).
 * @example bulletList(['a', 'b']).html // '<ul>\n<li>a</li>\n<li>b</li>\n</ul>'
 */
export function bulletList(items: readonly string[], className?: string): PageBlock {
  const cls = className ? ` class="${escapeHtml(className)}"` : '';
  return { kind: 'html', html: `<ul${cls}>\n${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('\n')}\n</ul>` };
}

/**
 * A definition list of plain-text terms and values (escaped).
 * @example factList([['Seed', '1']]).html // '<dl class="facts">…'
 */
export function factList(facts: readonly (readonly [string, string])[]): PageBlock {
  return {
    kind: 'html',
    html: `<dl class="facts">\n${facts.map(([t, d]) => `<dt>${escapeHtml(t)}</dt><dd>${escapeHtml(d)}</dd>`).join('\n')}\n</dl>`,
  };
}

/**
 * A figure block.
 * @example figureBlock(figure).kind // 'figure'
 */
export function figureBlock(figure: FigureInput): PageBlock {
  return { kind: 'figure', figure };
}
