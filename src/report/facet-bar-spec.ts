import type { TopLevelSpec } from 'vega-lite';
import { ANALYSIS_FUNCTION_COLOURS, TEXT_COLOUR } from './analysis-colours.js';
import { CHART_CONFIG, VEGA_LITE_SCHEMA } from './chart-config.js';
import type { ChartRow } from './figure-data.js';

export interface FacetBarSpecOptions {
  readonly values: readonly ChartRow[];
  readonly description: string;
  /** One panel per value of this field, titled with it (so colour is never the only cue). */
  readonly facet: { readonly field: string; readonly title: string; readonly order: readonly string[] };
  readonly category: { readonly field: string; readonly title: string; readonly order: readonly string[] };
  readonly value: { readonly field: string; readonly title: string; readonly percent?: boolean };
  /** Panels per row (default 3). */
  readonly columns?: number;
  readonly colour?: number;
  readonly panelWidth?: number;
}

/**
 * Small multiples of horizontal bar charts: one titled panel per facet value, the same
 * categories and scale in each, every bar labelled with its published value (the symbol
 * where suppressed). Cost: O(rows). Never throws for well-formed options.
 * @example facetBarSpec({ values, description: 'Start and end stages.', facet: { field: 'when', title: '', order: ['Start', 'End'] },
 *   category: { field: 'stage', title: 'Stage', order: names }, value: { field: 'percent', title: 'Families (%)', percent: true } })
 */
export function facetBarSpec(options: FacetBarSpecOptions): TopLevelSpec {
  const { facet, category, value } = options;
  const colour = ANALYSIS_FUNCTION_COLOURS[options.colour ?? 0] ?? ANALYSIS_FUNCTION_COLOURS[0];
  const y = { field: category.field, type: 'nominal' as const, title: category.title, sort: [...category.order], axis: { labelLimit: 480, title: null } };
  return {
    $schema: VEGA_LITE_SCHEMA,
    description: options.description,
    config: CHART_CONFIG,
    data: { values: options.values.map((r) => ({ ...r })) },
    transform: [
      { calculate: `isValid(datum['${value.field}']) ? datum['${value.field}'] : 0`, as: 'label_position' },
      {
        calculate: `datum['${facet.field}'] + ', ' + datum['${category.field}'] + ': ' + datum['${value.field}_label']`,
        as: 'aria_description',
      },
    ],
    facet: { field: facet.field, type: 'nominal', title: facet.title, sort: [...facet.order], header: { labelAlign: 'left', labelAnchor: 'start' } },
    columns: options.columns ?? 3,
    spec: {
      width: options.panelWidth ?? 200,
      height: { step: 20 },
      layer: [
        {
          mark: { type: 'bar', color: colour },
          encoding: {
            y,
            x: {
              field: value.field,
              type: 'quantitative',
              title: value.title,
              scale: value.percent ? { domain: [0, 100] } : { zero: true },
              axis: { format: value.percent ? 'd' : ',', grid: true },
            },
            description: { field: 'aria_description' },
            tooltip: [
              { field: facet.field, type: 'nominal', title: facet.title || 'Group' },
              { field: category.field, type: 'nominal', title: category.title },
              { field: `${value.field}_label`, type: 'nominal', title: value.title },
            ],
          },
        },
        {
          mark: { type: 'text', align: 'left', baseline: 'middle', dx: 3, color: TEXT_COLOUR, fontSize: 11, aria: false },
          encoding: { y, x: { field: 'label_position', type: 'quantitative' }, text: { field: `${value.field}_label`, type: 'nominal' } },
        },
      ],
    },
  };
}
