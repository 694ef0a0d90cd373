import type { TopLevelSpec } from 'vega-lite';
import { ANALYSIS_FUNCTION_COLOURS, contrastRatio, mixColour, SECONDARY_TEXT_COLOUR, SEQUENTIAL_LIGHT } from './analysis-colours.js';
import { CHART_CONFIG, VEGA_LITE_SCHEMA } from './chart-config.js';
import type { ChartRow } from './figure-data.js';

export interface HeatmapSpecOptions {
  readonly values: readonly ChartRow[];
  readonly description: string;
  readonly row: { readonly field: string; readonly title: string; readonly order: readonly string[] };
  readonly column: { readonly field: string; readonly title: string; readonly order: readonly string[] };
  /** The number coloured and printed in each cell (its text is `<field>_label`). */
  readonly value: { readonly field: string; readonly title: string; readonly domain: readonly [number, number] };
  /** The text printed in each cell (default `<value field>_label`). */
  readonly textField?: string;
  /** Cell width in pixels (default 44). */
  readonly cellWidth?: number;
  /** Cell height in pixels (default 28). */
  readonly cellHeight?: number;
}

/** The dark end of the heatmap scale: the first palette colour. */
const DARK = ANALYSIS_FUNCTION_COLOURS[0];

/**
 * The fraction of the heatmap scale from which white text reads better than black:
 * the first point where white's contrast with the fill reaches black's (both then
 * exceed 4.5:1 on this scale: at the crossing both equal √21 ≈ 4.58). Cost: O(1000).
 * @example whiteTextFrom() // 0.697 (white text on the darker 30% of the scale)
 */
export function whiteTextFrom(): number {
  for (let i = 0; i <= 1000; i++) {
    const fill = mixColour(SEQUENTIAL_LIGHT, DARK, i / 1000);
    if (contrastRatio(fill, '#FFFFFF') >= contrastRatio(fill, '#000000')) return i / 1000;
  }
  return 1;
}

/**
 * A heatmap: rows × columns of cells coloured on a single-hue scale (light grey-blue to
 * dark blue, RGB interpolation) with the published value printed in every cell (black or
 * white for contrast), and a dark outline on each cell so light cells keep a 3:1 edge
 * against the page. Suppressed cells have no fill and show the symbol.
 * Cost: O(cells). Never throws for well-formed options.
 * @example heatmapSpec({ values, description: 'Needs by cluster.', row, column, value: { field: 'percent', title: '%', domain: [0, 100] } })
 */
export function heatmapSpec(options: HeatmapSpecOptions): TopLevelSpec {
  const { row, column, value } = options;
  const [low, high] = value.domain;
  const cut = low + whiteTextFrom() * (high - low);
  const x = { field: column.field, type: 'nominal' as const, title: column.title, sort: [...column.order], axis: { labelAngle: -45, labelLimit: 240, orient: 'top' as const } };
  const y = { field: row.field, type: 'nominal' as const, title: row.title, sort: [...row.order], axis: { labelLimit: 480, title: null } };
  return {
    $schema: VEGA_LITE_SCHEMA,
    description: options.description,
    config: CHART_CONFIG,
    width: { step: options.cellWidth ?? 44 },
    height: { step: options.cellHeight ?? 28 },
    data: { values: options.values.map((r) => ({ ...r })) },
    transform: [
      {
        calculate: `datum['${row.field}'] + ', ' + datum['${column.field}'] + ': ' + datum['${options.textField ?? `${value.field}_label`}']`,
        as: 'aria_description',
      },
    ],
    layer: [
      {
        mark: { type: 'rect', stroke: SECONDARY_TEXT_COLOUR, strokeWidth: 0.5, aria: false },
        encoding: { x, y, color: { value: '#FFFFFF' } },
      },
      {
        mark: { type: 'rect', stroke: SECONDARY_TEXT_COLOUR, strokeWidth: 0.5 },
        encoding: {
          x,
          y,
          color: {
            field: value.field,
            type: 'quantitative',
            title: value.title,
            scale: { domain: [low, high], range: [SEQUENTIAL_LIGHT, DARK], interpolate: 'rgb' },
            legend: { format: 'd', gradientLength: 160, titleLimit: 400 },
          },
          description: { field: 'aria_description' },
          tooltip: [
            { field: row.field, type: 'nominal', title: row.title },
            { field: column.field, type: 'nominal', title: column.title },
            { field: `${value.field}_label`, type: 'nominal', title: value.title },
          ],
        },
      },
      {
        mark: { type: 'text', baseline: 'middle', fontSize: 11, aria: false },
        encoding: {
          x,
          y,
          text: { field: options.textField ?? `${value.field}_label`, type: 'nominal' },
          color: { condition: { test: `isValid(datum['${value.field}']) && datum['${value.field}'] >= ${cut}`, value: '#FFFFFF' }, value: '#000000' },
        },
      },
    ],
  };
}
