/**
 * The report pages' one style sheet, inlined in every page (and allowed by its hash in
 * the Content-Security-Policy). GOV.UK-like type and colours; prints without navigation.
 */
export const REPORT_STYLE = `
:root { color: #0B0C0C; background: #FFFFFF; font-family: Arial, Helvetica, sans-serif; font-size: 16px; line-height: 1.45; }
body { margin: 0; }
a { color: #1D70B8; }
a:visited { color: #4C2C92; }
a:focus { outline: 3px solid #FFDD00; background: #FFDD00; color: #0B0C0C; }
.skip { position: absolute; left: -9999px; }
.skip:focus { left: 8px; top: 8px; }
header.masthead { background: #12436D; color: #FFFFFF; padding: 12px 24px; }
header.masthead p { margin: 0; }
header.masthead .tool { font-weight: bold; font-size: 19px; }
.disclosure { background: #F3F2F1; border-left: 5px solid #505A5F; padding: 8px 24px; margin: 0; font-size: 14px; }
nav { border-bottom: 1px solid #B1B4B6; padding: 0 24px; }
nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 20px; }
nav li { padding: 10px 0; }
nav a[aria-current="page"] { font-weight: bold; color: #0B0C0C; text-decoration: none; border-bottom: 4px solid #12436D; }
main { max-width: 1100px; padding: 16px 24px 48px; }
h1 { font-size: 32px; margin: 16px 0; }
h2 { font-size: 24px; margin: 32px 0 12px; }
h3 { font-size: 19px; margin: 24px 0 8px; }
.lead { font-size: 19px; }
figure { margin: 24px 0 40px; padding: 0; }
figcaption .figure-title { display: block; font-weight: bold; font-size: 19px; }
figcaption .figure-description { display: block; margin: 4px 0 12px; }
.chart { overflow-x: auto; }
.chart svg { max-width: 100%; height: auto; }
.chart.wide svg { max-width: none; }
.table-wrap { overflow-x: auto; margin-top: 12px; }
table { border-collapse: collapse; font-size: 14px; margin: 8px 0; }
caption { text-align: left; font-weight: bold; padding: 4px 0; }
th, td { border-bottom: 1px solid #B1B4B6; padding: 4px 10px 4px 0; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid #0B0C0C; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.note, .downloads { font-size: 14px; color: #505A5F; }
.findings li { margin-bottom: 10px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
pre { background: #F3F2F1; padding: 12px; overflow-x: auto; font-size: 13px; }
footer { border-top: 1px solid #B1B4B6; padding: 12px 24px; font-size: 14px; color: #505A5F; }
@media print {
  nav, .skip, .downloads { display: none; }
  header.masthead { background: none; color: #0B0C0C; border-bottom: 2px solid #0B0C0C; }
  figure { break-inside: avoid; }
  a { color: #0B0C0C; text-decoration: none; }
}
`.trim();
