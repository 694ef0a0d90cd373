/**
 * The extra style sheet of interactive pages (allowed by its hash in the CSP, like the
 * main one): the tooltip in the report's type and colours, since vega-embed's and
 * vega-tooltip's own style sheets are not injected (the CSP would refuse them); interactive
 * charts keep their drawn size (the chart area scrolls) so pointer positions match marks.
 */
export const INTERACTIVE_STYLE = `
.chart .interactive-view svg { max-width: none; height: auto; }
#vg-tooltip-element { visibility: hidden; position: fixed; z-index: 1000; padding: 8px; max-width: 360px; background: #FFFFFF; color: #0B0C0C; border: 2px solid #0B0C0C; font-family: Arial, Helvetica, sans-serif; font-size: 14px; white-space: pre-line; pointer-events: none; }
#vg-tooltip-element.visible { visibility: visible; }
#vg-tooltip-element h2 { margin: 0 0 6px; font-size: 16px; }
#vg-tooltip-element table { border-collapse: collapse; margin: 0; font-size: 14px; }
#vg-tooltip-element td { border: none; padding: 2px 0; vertical-align: top; }
#vg-tooltip-element td.key { color: #505A5F; padding-right: 8px; text-align: right; }
#vg-tooltip-element td.value { text-align: left; font-variant-numeric: tabular-nums; }
@media print { #vg-tooltip-element { display: none; } .chart .interactive-view svg { max-width: 100%; } }
`.trim();
