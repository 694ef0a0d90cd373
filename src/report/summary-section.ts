import type { DisclosureProfile } from '../cohort/config.js';
import type { PublishedCounts } from '../disclosure/count-system.js';
import { isSuppressed } from '../disclosure/suppressed.js';
import { clustersFindings } from './clusters-section.js';
import { escapeHtml } from './escape-html.js';
import { formatNumber } from './format-number.js';
import { needsFindings } from './needs-section.js';
import { outcomesFindings } from './outcomes-section.js';
import { paragraph, type PageBlock, type PageContent } from './page-content.js';
import { progressFindings, progressKeys } from './progress-section.js';
import type { ReportResults } from './report-results.js';
import { treesFindings } from './trees-section.js';

/** One numbered key finding: a headline and the sentences (with numbers) behind it. */
interface Finding {
  headline: string;
  sentences: string[];
}

/**
 * The summary page (index.html), in the manner of an evaluation's executive summary:
 * who the service worked with, then numbered key findings, each a headline with the
 * sentences and published numbers behind it, then what each page holds.
 * @example summaryPage(results, counts, profile, pages).file // 'index.html'
 */
export function summaryPage(
  results: ReportResults,
  counts: PublishedCounts,
  profile: DisclosureProfile,
  pages: readonly { file: string; title: string; about: string }[],
): PageContent {
  const s = profile.symbol;
  const q = results.dataQuality;
  const findings: Finding[] = [];
  const needs = [...needsFindings(results, counts, profile), ...clustersFindings(results, counts, profile)];
  if (needs.length > 0) {
    findings.push({ headline: 'The families supported have a wide range of needs, in distinct groups.', sentences: needs });
  }
  const progress = progressFindings(results, counts, profile);
  if (progress.length > 0) {
    const any = counts.percent(progressKeys.any, progressKeys.eligible);
    const headline = isSuppressed(any)
      ? 'Progress is measured with the Family Star Plus.'
      : any >= 50
        ? 'Where progress is measured, most families make progress.'
        : 'Where progress is measured, fewer than half of families make progress.';
    findings.push({ headline, sentences: [...progress, ...byClusterSentences(results, counts)] });
  }
  findings.push({ headline: 'Outcomes at closure and contact with social care.', sentences: outcomesFindings(results, counts, profile) });
  const trees = treesFindings(results, counts, profile);
  if (trees.length > 0) findings.push({ headline: 'What is associated with the outcome.', sentences: trees });

  const period = q.startDates ? ` whose cases started between ${q.startDates.first} and ${q.startDates.last}` : '';
  const blocks: PageBlock[] = [
    paragraph(
      `This report evaluates Early Help casework for ${formatNumber(counts.get('input:families'), s)} families and ${formatNumber(counts.get('input:children'), s)} children${period}. It brings together the needs recorded at the start, the groups of need families fall into, the progress they make on the Family Star Plus, and the outcomes of their cases.`,
      'lead',
    ),
    { kind: 'html', html: '<h2>Key findings</h2>' },
    {
      kind: 'html',
      html: `<ol class="findings">\n${findings
        .map((f) => `<li><p><strong>${escapeHtml(f.headline)}</strong></p>\n${f.sentences.map((t) => `<p>${escapeHtml(t)}</p>`).join('\n')}</li>`)
        .join('\n')}\n</ol>`,
    },
    { kind: 'html', html: '<h2>In this report</h2>' },
    {
      kind: 'html',
      html: `<ul>\n${pages
        .map((p) => `<li><a href="${escapeHtml(p.file)}">${escapeHtml(p.title)}</a>: ${escapeHtml(p.about)}</li>`)
        .join('\n')}\n</ul>`,
    },
  ];
  return { file: 'index.html', title: 'Summary of the evaluation', blocks };
}

/** Sentences naming the clusters whose families move up significantly more or less often. */
function byClusterSentences(results: ReportResults, counts: PublishedCounts): string[] {
  const by = results.progress.byCluster;
  if (!by) return [];
  const pick = (which: 'higher' | 'lower') =>
    by.groups
      .filter((g) => {
        const sig = counts.derived(progressKeys.group(by.grouping, g.label, 'up'), progressKeys.group(by.grouping, g.label, 'n'), g.up.significant);
        return !isSuppressed(sig) && sig === which;
      })
      .map((g) => g.label);
  const higher = pick('higher');
  const lower = pick('lower');
  const out: string[] = [];
  if (higher.length > 0) out.push(`Families in cluster${higher.length > 1 ? 's' : ''} ${higher.join(', ')} moved to a higher segment significantly more often than families in other clusters.`);
  if (lower.length > 0) out.push(`Families in cluster${lower.length > 1 ? 's' : ''} ${lower.join(', ')} moved to a higher segment significantly less often.`);
  return out;
}
