import { escapeHtml } from './escape-html.js';
import { checkFigureData, formatValue, type FigureData } from './figure-data.js';

/** A wide layout of a figure's long data: one row per value of `row`, one column per value of `column`. */
export interface PivotLayout {
  /** A text field whose values become the rows. */
  readonly row: string;
  /** A text field whose values become the columns. */
  readonly column: string;
  /** The field shown in the cells. */
  readonly value: string;
}

/**
 * A figure's data as a wide HTML table (e.g. needs × clusters): rows and columns in
 * order of first appearance, cells formatted as the value field (the symbol where
 * suppressed, an en dash where a combination is absent), headings with `scope`, every
 * string escaped. Cost: O(rows × fields).
 * @throws Error when a field is not in the data, or a row/column pair repeats.
 * @example htmlPivotTable(data, { row: 'need', column: 'cluster', value: 'percent' }, { caption: 'Needs by cluster', symbol: '[c]' })
 */
export function htmlPivotTable(data: FigureData, pivot: PivotLayout, options: { caption: string; symbol: string }): string {
  checkFigureData(data);
  const field = (name: string) => {
    const f = data.fields.find((x) => x.name === name);
    if (!f) throw new Error(`htmlPivotTable requires field ${name} in the data`);
    return f;
  };
  const rowField = field(pivot.row);
  const columnField = field(pivot.column);
  const valueField = field(pivot.value);
  const rows: string[] = [];
  const columns: string[] = [];
  const cells = new Map<string, string>();
  for (const r of data.rows) {
    const rv = formatValue(r[pivot.row]!, rowField, options.symbol);
    const cv = formatValue(r[pivot.column]!, columnField, options.symbol);
    if (!rows.includes(rv)) rows.push(rv);
    if (!columns.includes(cv)) columns.push(cv);
    const key = JSON.stringify([rv, cv]);
    if (cells.has(key)) throw new Error(`htmlPivotTable requires one value per ${pivot.row} and ${pivot.column}, got ${rv}, ${cv} twice`);
    cells.set(key, formatValue(r[pivot.value]!, valueField, options.symbol));
  }
  const head = `<tr><th scope="col">${escapeHtml(rowField.title)}</th>${columns.map((c) => `<th scope="col" class="num">${escapeHtml(c)}</th>`).join('')}</tr>`;
  const body = rows
    .map(
      (r) =>
        `<tr><th scope="row">${escapeHtml(r)}</th>${columns.map((c) => `<td class="num ${valueField.kind}">${escapeHtml(cells.get(JSON.stringify([r, c])) ?? '\u2013')}</td>`).join('')}</tr>`,
    )
    .join('\n');
  const caption = `${options.caption}; cells: ${valueField.title}`;
  return `<table>\n<caption>${escapeHtml(caption)}</caption>\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}
