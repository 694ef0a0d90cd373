import type { DisclosureProfile } from '../cohort/config.js';
import { createCountSystem } from '../disclosure/count-system.js';
import { validateDisclosureProfile } from '../disclosure/validate-disclosure-profile.js';
import { clustersPage, registerClusters } from './clusters-section.js';
import { dataQualityPage, registerDataQuality } from './data-quality-section.js';
import { INTERACTIVE_BOOT_SCRIPT } from './interactive-boot-script.js';
import { interactiveLibraryScript, type BrowserLibraries } from './interactive-library-script.js';
import { INTERACTIVE_STYLE } from './interactive-style.js';
import { methodsPage } from './methods-section.js';
import { needsPage, registerNeeds } from './needs-section.js';
import { outcomesPage, registerOutcomes } from './outcomes-section.js';
import { bulletList, heading, type PageContent } from './page-content.js';
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
  /**
   * Interactive charts (tooltips): pages with figures also inline one copy of vega,
   * vega-embed and vega-interpreter and draw each chart from its embedded Vega spec, over
   * the static SVG. Needs `browserLibraries`. Default false: the static report.
   */
  readonly interactive?: boolean;
  /** The browser builds to inline; required with `interactive`, refused without it. */
  readonly browserLibraries?: BrowserLibraries;
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
 * With `interactive`, every page with a figure also embeds each chart compiled to Vega
 * (the same published data, so tooltips show no suppressed count), a style sheet for the
 * tooltip, and two inline scripts (the libraries, then `INTERACTIVE_BOOT_SCRIPT`) allowed
 * by their SHA-256 in the page's CSP (no 'unsafe-eval', no 'unsafe-inline'); the methods
 * page names the libraries' versions. Pages without figures stay script-free, and the
 * static report is unchanged when `interactive` is false.
 * Cost: roughly linear in the published cells; a chart render each (tens of milliseconds);
 * interactive pages add about 600 kB each (the libraries, inlined once per page).
 * @throws Error when the profile is invalid, `interactive` comes without `browserLibraries`
 *   (or the reverse) or the libraries are not the expected ones, a figure id repeats, or a
 *   section's counts do not add up.
 * @example const files = await renderReport(results, { disclosure: DEFAULT_DISCLOSURE })
 */
export async function renderReport(results: ReportResults, options: RenderReportOptions): Promise<ReportFile[]> {
  const profile = validateDisclosureProfile(options.disclosure);
  const interactive = options.interactive === true;
  if (interactive && !options.browserLibraries) {
    throw new Error('renderReport interactive mode requires browserLibraries (the browser builds of vega, vega-embed and vega-interpreter), got none');
  }
  if (!interactive && options.browserLibraries) {
    throw new Error(`renderReport takes browserLibraries only with interactive: true, got interactive=${String(options.interactive)}`);
  }
  const libraryScript = options.browserLibraries ? interactiveLibraryScript(options.browserLibraries) : '';
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
    withInteractiveNote(methodsPage(results, counts, profile, options.runTimeSeconds), options.browserLibraries),
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
    let figures = 0;
    for (const block of page.blocks) {
      if (block.kind === 'html') {
        parts.push(block.html);
        continue;
      }
      if (figureIds.has(block.figure.id)) throw new Error(`renderReport requires unique figure ids, got ${block.figure.id} twice`);
      figureIds.add(block.figure.id);
      figures++;
      const rendered = await renderFigure(block.figure, profile, { interactive });
      parts.push(rendered.html);
      files.push(...rendered.files);
    }
    const inline = interactive && figures > 0 ? { scripts: [libraryScript, INTERACTIVE_BOOT_SCRIPT], styles: [INTERACTIVE_STYLE] } : {};
    files.push({
      path: page.file,
      content: renderPage({ title: page.title, file: page.file, pages: links, body: parts.join('\n'), profile, tool, inputSha256: results.input.sha256, ...inline }),
    });
  }
  // The evaluation's own notice is kept; it is required to say the file is not for publication.
  const notice = typeof results._notice === 'string' && results._notice.trim() !== '' ? results._notice : RESULTS_NOTICE;
  const { _notice: _given, ...rest } = results;
  files.push({ path: 'results.json', content: JSON.stringify({ _notice: notice, ...rest }, null, 2) + '\n' });
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The methods page with, for an interactive report, the libraries its pages inline and how. */
function withInteractiveNote(page: PageContent, libraries: BrowserLibraries | undefined): PageContent {
  if (!libraries) return page;
  const names = [libraries.vega, libraries.vegaEmbed, libraries.vegaInterpreter].map((l) => `${l.name} ${l.version}`).join(', ');
  return {
    ...page,
    blocks: [
      ...page.blocks,
      heading('Interactive charts'),
      bulletList([
        `Pages with charts inline ${names}, and draw each chart from its Vega specification (compiled from Vega-Lite when the report was made) to show tooltips. The chart drawn without JavaScript stays in the page, for printing and for readers with scripts off.`,
        'The charts are drawn from the same published, disclosure-controlled data as the tables: a tooltip shows no suppressed count. Nothing is fetched: the data are inline and the chart loader refuses every address; the Content-Security-Policy allows only these inline scripts, by their SHA-256, and no evaluation of code from text.',
      ]),
    ],
  };
}
