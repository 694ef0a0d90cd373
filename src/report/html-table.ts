import { escapeHtml } from './escape-html.js';
import { checkFigureData, formatValue, type FigureData } from './figure-data.js';

export interface HtmlTableOptions {
  /** Caption (plain text; escaped here). */
  readonly caption: string;
  /** The disclosure profile's symbol for suppressed values. */
  readonly symbol: string;
}

/**
 * A figure's data as an accessible HTML table: a caption, column headings with
 * `scope="col"`, the first text field as row headings with `scope="row"`, numbers right
 * aligned with thousands separators (class `num` and the field kind: `count`, `percent`,
 * `number`), suppressed values as the symbol. Every string is HTML-escaped. Cost: O(rows × fields).
 * @throws Error when the data does not pass `checkFigureData`.
 * @example htmlTable(data, { caption: 'Families by need', symbol: '[c]' }) // '<table>…'
 */
export function htmlTable(data: FigureData, options: HtmlTableOptions): string {
  checkFigureData(data);
  const header = data.fields.findIndex((f) => f.kind === 'text');
  const head = data.fields
    .map((f) => `<th scope="col"${f.kind === 'text' ? '' : ' class="num"'}>${escapeHtml(f.title)}</th>`)
    .join('');
  const body = data.rows
    .map((row) => {
      const cells = data.fields.map((f, i) => {
        const text = escapeHtml(formatValue(row[f.name]!, f, options.symbol));
        if (i === header) return `<th scope="row">${text}</th>`;
        return f.kind === 'text' ? `<td>${text}</td>` : `<td class="num ${f.kind}">${text}</td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('\n');
  return `<table>\n<caption>${escapeHtml(options.caption)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}
