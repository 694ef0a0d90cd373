import { version as vegaVersion } from 'vega';
import { version as vegaLiteVersion } from 'vega-lite';
import type { DisclosureProfile } from '../cohort/config.js';
import type { PublishedCounts } from '../disclosure/count-system.js';
import { escapeHtml } from './escape-html.js';
import { formatNumber } from './format-number.js';
import { bulletList, factList, heading, paragraph, type PageBlock, type PageContent } from './page-content.js';
import type { ReportResults } from './report-results.js';

/**
 * The methods and provenance page: the input's SHA-256 (and each file's), tool and
 * library versions, the seed and every setting, the disclosure profile and how much it
 * suppressed, the methods of each analysis, and the run time (the page's one line that
 * changes between identical runs; omitted when not given).
 * @example methodsPage(results, counts, profile, 12.5).file // 'methods.html'
 */
export function methodsPage(
  results: ReportResults,
  counts: PublishedCounts,
  profile: DisclosureProfile,
  runTimeSeconds: number | undefined,
): PageContent {
  const s = profile.symbol;
  const libraries: [string, string][] = [
    ['vega', vegaVersion],
    ['vega-lite', vegaLiteVersion],
    ...Object.entries(results.tool.libraries ?? {}).filter(([name]) => name !== 'vega' && name !== 'vega-lite'),
  ].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) as [string, string][];
  const blocks: PageBlock[] = [
    heading('Provenance'),
    factList([
      ['Tool', `${results.tool.name} ${results.tool.version}`],
      ['Libraries', libraries.map(([n, v]) => `${n} ${v}`).join(', ')],
      ['Input SHA-256', results.input.sha256],
      ['Seed', String(results.settings.seed)],
      ['Families, children, Star readings', `${formatNumber(counts.get('input:families'), s)}, ${formatNumber(counts.get('input:children'), s)}, ${formatNumber(counts.get('input:star-readings'), s)}`],
    ]),
  ];
  if (results.input.files && results.input.files.length > 0) {
    blocks.push(
      heading('Input files', 3),
      bulletList(results.input.files.map((f) => `${f.name}: ${formatNumber(f.bytes, s)} bytes, SHA-256 ${f.sha256}`)),
    );
  }
  blocks.push(
    heading('Disclosure control'),
    factList([
      ['Profile', profile.name],
      ['Threshold', `counts from 1 to ${formatNumber(profile.threshold, s)} are suppressed`],
      ['Symbol', profile.symbol],
      ['Totals', profile.roundTotalsTo > 1 ? `rounded to the nearest ${formatNumber(profile.roundTotalsTo, s)}` : 'not rounded'],
      ['Suppressed on these pages', `${formatNumber(counts.primaryCount, s)} counts for being small, ${formatNumber(counts.secondaryCount, s)} more to protect them`],
    ]),
    bulletList([
      'Disclosure control is applied to the counts before any table, chart, chart label, description or download is made: no published figure, and no text in a chart, holds a suppressed count.',
      'Secondary suppression: every count that appears with its total (on any page) is checked so that no suppressed count can be worked out exactly from the published counts and totals, including sums across tables (for example clusters adding up to all families); where one could, the smallest other count on the same line is suppressed too.',
      'Counts of blank (not recorded) values, such as families with a need indicator left blank, describe the recording rather than families, and are published as they are; they are still part of the sums checked above.',
      'A percentage, interval or test difference built on a suppressed count, or on a suppressed base, is suppressed with it. Where a table used in a significance test has a suppressed count, the statistic is withheld and only a band of p is given.',
      'results.json, written beside these pages, holds the exact counts before disclosure control: it is analyst output and must not be published.',
    ]),
    heading('Methods'),
    bulletList([
      `Needs: ${results.needs.method}.`,
      ...Object.entries(results.progress.methods).map(([k, v]) => `Progress (${k}): ${v}`),
      `Outcomes: ${results.outcomes.caseOutcomes.definition}`,
      `Age bands: ${results.outcomes.ageBands.definition}`,
      `Social care: ${results.outcomes.socialCare.definition}`,
    ]),
    heading('Settings'),
    paragraph('Every setting that changes a result, as used for this report:'),
    { kind: 'html', html: `<pre>${escapeHtml(JSON.stringify(results.settings, null, 2))}</pre>` },
  );
  if (runTimeSeconds !== undefined) {
    blocks.push({ kind: 'html', html: `<p class="run-time">Run time: ${escapeHtml(formatNumber(runTimeSeconds, s, 1))} seconds.</p>` });
  }
  return { file: 'methods.html', title: 'Methods and provenance', blocks };
}
