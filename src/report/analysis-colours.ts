/**
 * The GOV.UK Analysis Function categorical palette, in the order it is to be used
 * (https://analysisfunction.civilservice.gov.uk/policy-store/data-visualisation-colours-in-charts/).
 */
export const ANALYSIS_FUNCTION_COLOURS = ['#12436D', '#28A197', '#801650', '#F46A25', '#3D3D3D', '#A285D1'] as const;
export type AnalysisFunctionColour = (typeof ANALYSIS_FUNCTION_COLOURS)[number];

/** Text and lines: GOV.UK black and dark grey. */
export const TEXT_COLOUR = '#0B0C0C';
export const SECONDARY_TEXT_COLOUR = '#505A5F';

/** The light end of the sequential (single-hue) scale used by heatmaps; the dark end is the first colour. */
export const SEQUENTIAL_LIGHT = '#F3F6F9';

/**
 * WCAG 2 contrast ratio of two `#RRGGBB` colours, from 1 to 21.
 * Cost: O(1). @throws Error when a colour is not `#RRGGBB`.
 * @example contrastRatio('#12436D', '#FFFFFF') // 10.25 (to two decimals)
 */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/**
 * WCAG 2 relative luminance of a `#RRGGBB` colour. Cost: O(1).
 * @throws Error when the colour is not `#RRGGBB`.
 * @example relativeLuminance('#FFFFFF') // 1
 */
export function relativeLuminance(colour: string): number {
  const [r, g, b] = parseHex(colour).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * The colour a fraction `t` (0..1) of the way from `from` to `to`, interpolated in RGB
 * and rounded to whole channels (as Vega's 'rgb' interpolation).
 * Cost: O(1). @throws Error when a colour is not `#RRGGBB`.
 * @example mixColour('#000000', '#FFFFFF', 0.5) // '#808080'
 */
export function mixColour(from: string, to: string, t: number): string {
  const a = parseHex(from);
  const b = parseHex(to);
  return (
    '#' +
    a
      .map((v, i) => Math.round(v + (b[i]! - v) * t))
      .map((v) => v.toString(16).padStart(2, '0').toUpperCase())
      .join('')
  );
}

function parseHex(colour: string): [number, number, number] {
  const m = /^#([0-9a-fA-F]{2})([0-9a-fA-F]{2})([0-9a-fA-F]{2})$/.exec(colour);
  if (!m) throw new Error(`contrastRatio requires colours as #RRGGBB, got ${colour}`);
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
}
