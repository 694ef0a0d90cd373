import type { Config } from 'vega-lite';
import { ANALYSIS_FUNCTION_COLOURS, SECONDARY_TEXT_COLOUR, TEXT_COLOUR } from './analysis-colours.js';

/** The Vega-Lite `$schema` every report spec names (a name only: nothing is fetched). */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Font stack of the charts (GOV.UK pages use Arial when GDS Transport is not available). */
export const CHART_FONT = 'Arial, Helvetica, sans-serif';

/**
 * The shared Vega-Lite config of report charts, in the GOV.UK Analysis Function style:
 * the categorical palette in order, dark text, light grid lines, no chart frame,
 * thousands separators on numbers, titles left to the page text.
 */
export const CHART_CONFIG: Config = {
  font: CHART_FONT,
  background: '#FFFFFF',
  padding: 8,
  numberFormat: ',',
  view: { stroke: null },
  range: { category: [...ANALYSIS_FUNCTION_COLOURS] },
  axis: {
    labelColor: TEXT_COLOUR,
    titleColor: TEXT_COLOUR,
    labelFontSize: 12,
    titleFontSize: 12,
    titleFontWeight: 'bold',
    domainColor: SECONDARY_TEXT_COLOUR,
    tickColor: SECONDARY_TEXT_COLOUR,
    gridColor: '#D9D9D9',
    labelLimit: 480,
  },
  legend: { labelColor: TEXT_COLOUR, titleColor: TEXT_COLOUR, labelFontSize: 12, titleFontSize: 12, labelLimit: 260 },
  header: { labelColor: TEXT_COLOUR, titleColor: TEXT_COLOUR, labelFontSize: 13, labelFontWeight: 'bold', titleFontSize: 12 },
  text: { color: TEXT_COLOUR, fontSize: 12 },
  bar: { color: ANALYSIS_FUNCTION_COLOURS[0] },
};
