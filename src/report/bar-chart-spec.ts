import type { TopLevelSpec } from 'vega-lite';
import { ANALYSIS_FUNCTION_COLOURS, TEXT_COLOUR } from './analysis-colours.js';
import { CHART_CONFIG, VEGA_LITE_SCHEMA } from './chart-config.js';
import type { ChartRow } from './figure-data.js';

export interface BarChartSpecOptions {
  /** Inline data (published values only), from `chartRows`. */
  readonly values: readonly ChartRow[];
  /** One-sentence description (also the chart's ARIA description). */
  readonly description: string;
  readonly category: { readonly field: string; readonly title: string };
  /** The number field; its text label is `<field>_label`. */
  readonly value: { readonly field: string; readonly title: string; readonly percent?: boolean; readonly domain?: readonly [number, number] };
  /** Optional interval drawn as a line across the bar end (e.g. a 95% Wilson interval). */
  readonly interval?: { readonly low: string; readonly high: string };
  /** Palette position of the bar colour (default 0, dark blue). */
  readonly colour?: number;
  readonly width?: number;
}

/**
 * A horizontal bar chart: one bar per category in data order, each labelled with its
 * published value (the suppression symbol where suppressed, with no bar), so the value
 * never depends on colour or on reading the axis. Percent axes run 0–100.
 * Cost: O(rows). Never throws for well-formed options.
 * @example barChartSpec({ values, description: 'Families by need.', category: { field: 'need', title: 'Need' },
 *   value: { field: 'percent', title: 'Families (%)', percent: true } })
 */
export function barChartSpec(options: BarChartSpecOptions): TopLevelSpec {
  const { category, value } = options;
  const colour = ANALYSIS_FUNCTION_COLOURS[options.colour ?? 0] ?? ANALYSIS_FUNCTION_COLOURS[0];
  const order = options.values.map((row) => String(row[category.field]));
  // No axis title beside the labels (Vega estimates label widths in Node, and a title there
  // can overlap them); the caption and the table name the categories.
  const y = { field: category.field, type: 'nominal' as const, title: category.title, sort: order, axis: { labelLimit: 480, title: null } };
  const at = (field: string): string => `isValid(datum['${field}']) ? datum['${field}']`;
  const labelPosition = options.interval ? `${at(options.interval.high)} : ${at(value.field)} : 0` : `${at(value.field)} : 0`;
  const xScale = value.domain ? { domain: [...value.domain] } : value.percent ? { domain: [0, 100] } : { zero: true };
  return {
    $schema: VEGA_LITE_SCHEMA,
    description: options.description,
    config: CHART_CONFIG,
    width: options.width ?? 480,
    height: { step: 22 },
    data: { values: options.values.map((row) => ({ ...row })) },
    transform: [
      { calculate: labelPosition, as: 'label_position' },
      { calculate: `datum['${category.field}'] + ': ' + datum['${value.field}_label']`, as: 'aria_description' },
    ],
    layer: [
      {
        mark: { type: 'bar', color: colour },
        encoding: {
          y,
          x: {
            field: value.field,
            type: 'quantitative',
            title: value.title,
            scale: xScale,
            axis: { format: value.percent ? 'd' : value.domain && value.domain[1] <= 1 ? '.1f' : ',', grid: true },
          },
          description: { field: 'aria_description' },
          tooltip: [
            { field: category.field, type: 'nominal', title: category.title },
            { field: `${value.field}_label`, type: 'nominal', title: value.title },
          ],
        },
      },
      ...(options.interval
        ? [
            {
              mark: { type: 'rule' as const, color: TEXT_COLOUR, strokeWidth: 1.5, aria: false },
              encoding: {
                y,
                x: { field: options.interval.low, type: 'quantitative' as const },
                x2: { field: options.interval.high },
              },
            },
          ]
        : []),
      {
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 4, color: TEXT_COLOUR, aria: false },
        encoding: {
          y,
          x: { field: 'label_position', type: 'quantitative' },
          text: { field: `${value.field}_label`, type: 'nominal' },
        },
      },
    ],
  };
}
