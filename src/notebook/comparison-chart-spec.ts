import type { TopLevelSpec } from 'vega-lite';
import { ANALYSIS_FUNCTION_COLOURS, TEXT_COLOUR } from '../report/analysis-colours.js';
import { CHART_CONFIG, VEGA_LITE_SCHEMA } from '../report/chart-config.js';
import type { ChartRow } from '../report/figure-data.js';

export interface ComparisonChartSpecOptions {
  /** Inline data (published values only), from `chartRows`. */
  readonly values: readonly ChartRow[];
  readonly description: string;
  /** The category field; its title is the tooltip's (the axis has none: the table names it). */
  readonly category: { readonly field: string; readonly title: string };
  /** This cohort's value (a bar); its text is `<field>_label`. */
  readonly value: { readonly field: string; readonly title: string; readonly percent?: boolean };
  /** The published figure (a black mark across the bar); its text is `<field>_label`. */
  readonly published: { readonly field: string; readonly title: string };
  readonly width?: number;
}

/**
 * A result beside its published figure: one horizontal bar per category for this
 * cohort's value and a black vertical mark at the published value, each bar labelled
 * "value (published p)" so nothing depends on colour or on reading the axis. Suppressed
 * values draw no bar and read as the suppression symbol; a category with no published
 * figure has no mark. Percent axes run 0–100.
 * Cost: O(rows). Never throws for well-formed options.
 * @example comparisonChartSpec({ values, description: 'Needs: demo against published.', category: { field: 'need', title: 'Need' },
 *   value: { field: 'percent', title: 'Demo cohort (%)', percent: true }, published: { field: 'published', title: 'Published (%)' } })
 */
export function comparisonChartSpec(options: ComparisonChartSpecOptions): TopLevelSpec {
  const { category, value, published } = options;
  const order = options.values.map((row) => String(row[category.field]));
  // No axis title: labels are measured by estimate in Node, and a title beside long labels can overlap them.
  const y = { field: category.field, type: 'nominal' as const, title: null, sort: order, axis: { labelLimit: 480 } };
  const v = (field: string): string => `(isValid(datum['${field}']) ? datum['${field}'] : 0)`;
  const xScale = value.percent ? { domain: [0, 100] } : { zero: true };
  return {
    $schema: VEGA_LITE_SCHEMA,
    description: options.description,
    config: CHART_CONFIG,
    width: options.width ?? 420,
    height: { step: 22 },
    data: { values: options.values.map((row) => ({ ...row })) },
    transform: [
      { calculate: `max(${v(value.field)}, ${v(published.field)})`, as: 'label_position' },
      {
        calculate: `isValid(datum['${published.field}']) ? datum['${value.field}_label'] + ' (published ' + datum['${published.field}_label'] + ')' : datum['${value.field}_label']`,
        as: 'comparison_label',
      },
      { calculate: `datum['${category.field}'] + ': ' + datum['comparison_label']`, as: 'aria_description' },
    ],
    layer: [
      {
        mark: { type: 'bar', color: ANALYSIS_FUNCTION_COLOURS[0] },
        encoding: {
          y,
          x: { field: value.field, type: 'quantitative', title: value.title, scale: xScale, axis: { format: value.percent ? 'd' : ',', grid: true } },
          description: { field: 'aria_description' },
          tooltip: [
            { field: category.field, type: 'nominal', title: category.title },
            { field: `${value.field}_label`, type: 'nominal', title: value.title },
            { field: `${published.field}_label`, type: 'nominal', title: published.title },
          ],
        },
      },
      {
        transform: [{ filter: `isValid(datum['${published.field}'])` }],
        mark: { type: 'tick', color: TEXT_COLOUR, thickness: 3, aria: false },
        encoding: { y, x: { field: published.field, type: 'quantitative' } },
      },
      {
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 6, color: TEXT_COLOUR, aria: false },
        encoding: { y, x: { field: 'label_position', type: 'quantitative' }, text: { field: 'comparison_label', type: 'nominal' } },
      },
    ],
  };
}
