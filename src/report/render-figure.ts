import type { TopLevelSpec } from 'vega-lite';
import type { DisclosureProfile } from '../cohort/config.js';
import { compileChart } from './compile-chart.js';
import { escapeHtml } from './escape-html.js';
import { checkFigureData, csvRows, type FigureData } from './figure-data.js';
import { htmlPivotTable, type PivotLayout } from './html-pivot-table.js';
import { htmlTable } from './html-table.js';
import { jsonForHtml } from './json-for-html.js';
import { renderSvg } from './render-svg.js';
import type { ReportFile } from './report-file.js';
import { toCsv } from './to-csv.js';

export interface FigureInput {
  /** Unique in the report: lower-case letters, digits and `-`; names the .vl.json and .csv files. */
  readonly id: string;
  /** Shown in the page text (charts carry no title of their own). */
  readonly title: string;
  /** One sentence saying what the chart shows, with its main numbers. */
  readonly description: string;
  /** Built from `chartRows(data)`: published values only. */
  readonly spec: TopLevelSpec;
  readonly data: FigureData;
  /** Show the table wide (rows × columns of one value) instead of one row per data row. */
  readonly pivot?: PivotLayout;
  /** Keep the chart at full size and let it scroll sideways (wide trees) instead of shrinking it. */
  readonly wide?: boolean;
  /** Notes under the table (plain text). */
  readonly notes?: readonly string[];
}

export interface RenderFigureOptions {
  /**
   * Also embed the chart as a Vega spec (compiled in Node, data inline) in a
   * `<script type="application/json" class="chart-spec">` for the page's interactive
   * script; the static SVG, table and caption are unchanged. Default false.
   */
  readonly interactive?: boolean;
}

export interface RenderedFigure {
  readonly html: string;
  /** `<id>.vl.json` and `<id>.csv`, beside the page. */
  readonly files: readonly ReportFile[];
}

/**
 * Renders one figure: the chart as inline SVG inside `<figure>` with a `<figcaption>`
 * holding its title and one-sentence description (the SVG's container is `role="img"`
 * labelled by them), the same data as an HTML table, and links to the spec
 * (`<id>.vl.json`, data inline) and the data (`<id>.csv`) written beside the page.
 * With `interactive`, the figure also holds its chart compiled to Vega as JSON (`<`, `>`
 * and `&` escaped) in `<script type="application/json" class="chart-spec" id="<id>-spec">`:
 * the same published data as the static chart, so its tooltips show no suppressed count.
 * Cost: one `renderSvg` (and one compile when interactive) plus O(data).
 * @throws Error when the id is malformed, the data fails `checkFigureData`, or the chart fails to render.
 * @example const { html, files } = await renderFigure(figure, DEFAULT_DISCLOSURE)
 */
export async function renderFigure(figure: FigureInput, profile: DisclosureProfile, options: RenderFigureOptions = {}): Promise<RenderedFigure> {
  if (!/^[a-z][a-z0-9-]*$/.test(figure.id)) {
    throw new Error(`renderFigure requires an id of lower-case letters, digits and -, got ${JSON.stringify(figure.id)}`);
  }
  checkFigureData(figure.data);
  const svg = await renderSvg(figure.spec, { idPrefix: figure.id });
  const id = escapeHtml(figure.id);
  const tableOptions = { caption: `Table: ${figure.title}`, symbol: profile.symbol };
  const table = figure.pivot ? htmlPivotTable(figure.data, figure.pivot, tableOptions) : htmlTable(figure.data, tableOptions);
  const notes = (figure.notes ?? []).map((n) => `<p class="note">${escapeHtml(n)}</p>`).join('\n');
  const html = [
    `<figure id="${id}" aria-labelledby="${id}-title" aria-describedby="${id}-description">`,
    `<figcaption><span class="figure-title" id="${id}-title">${escapeHtml(figure.title)}</span>`,
    `<span class="figure-description" id="${id}-description">${escapeHtml(figure.description)}</span></figcaption>`,
    `<div class="chart${figure.wide ? ' wide' : ''}" role="img" aria-labelledby="${id}-title ${id}-description">${svg}</div>`,
    options.interactive ? `<script type="application/json" class="chart-spec" id="${id}-spec">${jsonForHtml(compileChart(figure.spec))}</script>` : '',
    `<div class="table-wrap" role="region" aria-labelledby="${id}-title" tabindex="0">${table}</div>`,
    notes,
    `<p class="downloads">Reuse this figure: <a href="${id}.csv" download>data (CSV)</a> · <a href="${id}.vl.json" download>chart (Vega-Lite JSON)</a></p>`,
    `</figure>`,
  ]
    .filter((line) => line !== '')
    .join('\n');
  const csv = toCsv(
    figure.data.fields.map((f) => f.name),
    csvRows(figure.data, profile.symbol),
  );
  return {
    html,
    files: [
      { path: `${figure.id}.vl.json`, content: JSON.stringify(figure.spec, null, 2) + '\n' },
      { path: `${figure.id}.csv`, content: csv },
    ],
  };
}
