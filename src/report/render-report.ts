import type { DisclosureProfile } from '../cohort/config.js';
import { createCountSystem } from '../disclosure/count-system.js';
import { validateDisclosureProfile } from '../disclosure/validate-disclosure-profile.js';
import { clustersPage, registerClusters } from './clusters-section.js';
import { dataQualityPage, registerDataQuality } from './data-quality-section.js';
import { methodsPage } from './methods-section.js';
import { needsPage, registerNeeds } from './needs-section.js';
import { outcomesPage, registerOutcomes } from './outcomes-section.js';
import type { PageContent } from './page-content.js';
import { progressPage, registerProgress } from './progress-section.js';
import { renderFigure } from './render-figure.js';
import { renderPage } from './render-page.js';
import type { ReportFile } from './report-file.js';
import type { ReportResults } from './report-results.js';
import { summaryPage } from './summary-section.js';
import { registerTrees, treesPage } from './trees-section.js';

export interface RenderReportOptions {
  /** The disclosure profile applied to every published count (e.g. DEFAULT_DISCLOSURE). */
  readonly disclosure: DisclosureProfile;
  /** Shown on the methods page: the one line that differs between identical runs. */
  readonly runTimeSeconds?: number;
  /** Interactive charts (vega and vega-embed inlined). Not available in this build. */
  readonly interactive?: boolean;
}

/** The notice at the top of results.json. */
export const RESULTS_NOTICE =
  'Exact analyst output before disclosure control: it holds small counts and must not be published. The report pages beside it are the publishable version.';

const PAGE_ABOUT: Record<string, string> = {
  'data-quality.html': 'sizes, dates, blank cells and what each analysis leaves out',
  'needs.html': 'how common each need is at the start, with 95% intervals',
  'clusters.html': 'the groups of need families fall into: sizes, profiles, groups and levels',
  'progress.html': 'Family Star Plus progress: the start and end matrix, domains, stages, and by cluster',
  'trees.html': 'decision trees of what is associated with the outcome: the tree, its rules and gains',
  'outcomes.html': 'case outcomes, outcomes by age band, social care and re-referral',
  'methods.html': 'input checksum, versions, settings, seed, disclosure control and run time',
};

/**
 * Renders the whole evaluation as a report: every count goes through one disclosure
 * control system first (so a count shared by two pages is suppressed on both or neither,
 * and no suppressed count can be solved from totals on any page), then each page is built
 * from the published values: figures as inline SVG with a caption, a table, and their
 * `.vl.json` and `.csv` beside the page; summary (`index.html`), data quality, needs,
 * clusters, progress, trees, outcomes, methods. `results.json` is included with a
 * `_notice` marking it as exact analyst output. Pure: returns the files (paths relative
 * to the report folder, sorted); writing them atomically is the caller's job.
 * Deterministic: the same results give the same bytes, except the run-time line.
 * Cost: roughly linear in the published cells; a chart render each (tens of milliseconds).
 * @throws Error when the profile is invalid, interactive mode is asked for, a figure id
 *   repeats, or a section's counts do not add up.
 * @example const files = await renderReport(results, { disclosure: DEFAULT_DISCLOSURE })
 */
export async function renderReport(results: ReportResults, options: RenderReportOptions): Promise<ReportFile[]> {
  const profile = validateDisclosureProfile(options.disclosure);
  if (options.interactive) {
    throw new Error('renderReport interactive mode requires vega-embed and vega-interpreter, which are not installed; use the static report');
  }
  if (options.runTimeSeconds !== undefined && !(Number.isFinite(options.runTimeSeconds) && options.runTimeSeconds >= 0)) {
    throw new Error(`renderReport requires runTimeSeconds >= 0, got ${options.runTimeSeconds}`);
  }
  const system = createCountSystem();
  registerDataQuality(system, results);
  registerNeeds(system, results);
  registerClusters(system, results);
  registerProgress(system, results);
  registerOutcomes(system, results);
  registerTrees(system, results);
  const counts = system.publish(profile);

  const sections: PageContent[] = [
    dataQualityPage(results, counts, profile),
    needsPage(results, counts, profile),
    clustersPage(results, counts, profile),
    progressPage(results, counts, profile),
    treesPage(results, counts, profile),
    outcomesPage(results, counts, profile),
    methodsPage(results, counts, profile, options.runTimeSeconds),
  ];
  const summary = summaryPage(
    results,
    counts,
    profile,
    sections.map((p) => ({ file: p.file, title: p.title, about: PAGE_ABOUT[p.file] ?? '' })),
  );
  const pages = [summary, ...sections];
  const links = pages.map((p) => ({ file: p.file, title: p.file === 'index.html' ? 'Summary' : p.title }));
  const tool = `${results.tool.name} ${results.tool.version}`;
  const files: ReportFile[] = [];
  const figureIds = new Set<string>();
  for (const page of pages) {
    const parts: string[] = [];
    for (const block of page.blocks) {
      if (block.kind === 'html') {
        parts.push(block.html);
        continue;
      }
      if (figureIds.has(block.figure.id)) throw new Error(`renderReport requires unique figure ids, got ${block.figure.id} twice`);
      figureIds.add(block.figure.id);
      const rendered = await renderFigure(block.figure, profile);
      parts.push(rendered.html);
      files.push(...rendered.files);
    }
    files.push({
      path: page.file,
      content: renderPage({ title: page.title, file: page.file, pages: links, body: parts.join('\n'), profile, tool, inputSha256: results.input.sha256 }),
    });
  }
  // The evaluation's own notice is kept; it is required to say the file is not for publication.
  const notice = typeof results._notice === 'string' && results._notice.trim() !== '' ? results._notice : RESULTS_NOTICE;
  const { _notice: _given, ...rest } = results;
  files.push({ path: 'results.json', content: JSON.stringify({ _notice: notice, ...rest }, null, 2) + '\n' });
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
