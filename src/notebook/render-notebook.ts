import { DEFAULT_DISCLOSURE, type DisclosureProfile } from '../cohort/config.js';
import { escapeHtml } from '../report/escape-html.js';
import { htmlPivotTable } from '../report/html-pivot-table.js';
import { htmlTable } from '../report/html-table.js';
import { renderFigure } from '../report/render-figure.js';
import { renderPage } from '../report/render-page.js';
import type { ReportFile } from '../report/report-file.js';
import type { NotebookOutput } from './notebook-output.js';
import { cellAtLine, type NotebookCell } from './parse-notebook.js';
import { publishNotebookOutputs, type PublishedBlock, type PublishedNotebook } from './publish-notebook-outputs.js';
import { renderMarkdown } from './render-markdown.js';

export interface RenderNotebookInput {
  /** The notebook's name (file name without `.ts`), e.g. `leicestershire-2018`. */
  readonly name: string;
  readonly cells: readonly NotebookCell[];
  /** What the notebook showed, exact, in order (from a display session). */
  readonly outputs: readonly NotebookOutput[];
  /** Used unless the notebook sets its own with `show.disclosure` (default DEFAULT_DISCLOSURE). */
  readonly profile?: DisclosureProfile;
  /** e.g. "early-help-workbench 0.1.0". */
  readonly tool: string;
  /** SHA-256 of the notebook file's text (the page footer names it). */
  readonly sourceSha256: string;
}

export interface RenderedNotebook {
  /** `index.html` and each figure's `.vl.json` and `.csv`, paths relative to the page's folder, sorted. */
  readonly files: ReportFile[];
  readonly title: string;
  /** The published outputs the page was built from (for checks). */
  readonly published: PublishedNotebook;
  /** Index of the cell each published block was placed after. */
  readonly placement: readonly number[];
}

/**
 * Renders a notebook run as one self-contained page, `index.html`, in the report's page
 * frame (Content-Security-Policy, no scripts, nothing loaded, the disclosure profile
 * named): the first markdown heading `# …` is the page title; markdown cells become HTML
 * through the safe subset of `renderMarkdown`; code cells are shown as escaped
 * preformatted text; after each code cell come the outputs its lines made, after
 * disclosure control (`publishNotebookOutputs`): tables (`htmlTable`), charts as inline
 * SVG with their table and reuse files (`renderFigure`), facts and text. An output whose
 * line is in no code cell goes after the cell of the output before it (or the last code
 * cell). Deterministic: the same cells and outputs give the same bytes.
 * Cost: one chart render per figure plus O(page).
 * @throws Error when an output fails its check or a chart fails to render.
 * @example const { files } = await renderNotebook({ name: 'demo', cells, outputs, tool: 'early-help-workbench 0.1.0', sourceSha256 })
 */
export async function renderNotebook(input: RenderNotebookInput): Promise<RenderedNotebook> {
  const published = publishNotebookOutputs(input.outputs, input.profile ?? DEFAULT_DISCLOSURE);
  const profile = published.profile;
  const cells = input.cells;
  const lastCode = cells.map((c) => c.kind).lastIndexOf('code');
  const placement: number[] = [];
  let previous = -1;
  for (const block of published.blocks) {
    let at = block.line === null ? -1 : cellAtLine(cells, block.line);
    if (at < 0 || cells[at]!.kind !== 'code') at = previous >= 0 ? previous : lastCode;
    placement.push(at);
    previous = at;
  }

  let title = input.name;
  const bodyCells = cells.map((c) => ({ ...c }));
  const first = bodyCells.find((c) => c.kind === 'markdown' && c.source.trim() !== '');
  if (first) {
    const lines = first.source.split('\n');
    const h1 = /^#\s+(.+?)\s*#*\s*$/.exec(lines[0]!);
    if (h1) {
      title = h1[1]!.replace(/[*_`]/g, '');
      first.source = lines.slice(1).join('\n');
    }
  }

  const files: ReportFile[] = [];
  const ids = new Set<string>();
  const figureId = (text: string): string => {
    const slug =
      text
        .toLowerCase()
        .normalize('NFKD')
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 48)
        .replace(/-+$/, '') || 'figure';
    const base = /^[a-z]/.test(slug) ? slug : `figure-${slug}`;
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    ids.add(id);
    return id;
  };

  const parts: string[] = [
    `<p class="note">Rendered from the notebook <code>notebooks/${escapeHtml(input.name)}.ts</code> (run it again with <code>npm run notebook -- ${escapeHtml(input.name)}</code>). Code cells are shown as written; every count below has been through disclosure control.</p>`,
  ];
  for (let i = 0; i < bodyCells.length; i++) {
    const cell = bodyCells[i]!;
    if (cell.kind === 'markdown') {
      if (cell.source.trim() !== '') parts.push(`<section class="cell markdown-cell">\n${renderMarkdown(cell.source)}\n</section>`);
    } else if (cell.source.trim() !== '') {
      parts.push(`<pre class="code" aria-label="Code, cell ${i + 1}"><code>${escapeHtml(cell.source)}</code></pre>`);
    }
    const mine = published.blocks.filter((_, b) => placement[b] === i);
    if (mine.length === 0) continue;
    const html: string[] = [];
    let facts: [string, string][] = [];
    const flushFacts = (): void => {
      if (facts.length === 0) return;
      html.push(`<dl class="facts">\n${facts.map(([t, d]) => `<dt>${escapeHtml(t)}</dt><dd>${escapeHtml(d)}</dd>`).join('\n')}\n</dl>`);
      facts = [];
    };
    for (const block of mine) {
      if (block.kind === 'fact') {
        facts.push([block.label, block.text]);
        continue;
      }
      flushFacts();
      html.push(await renderBlock(block, profile, figureId, files));
    }
    flushFacts();
    parts.push(`<div class="output" role="region" aria-label="Output of cell ${i + 1}">\n${html.join('\n')}\n</div>`);
  }
  files.push({
    path: 'index.html',
    content: renderPage({
      title,
      file: 'index.html',
      pages: [{ file: 'index.html', title }],
      body: parts.join('\n'),
      profile,
      tool: input.tool,
      inputSha256: input.sourceSha256,
    }),
  });
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, title, published, placement };
}

async function renderBlock(
  block: Exclude<PublishedBlock, { kind: 'fact' }>,
  profile: DisclosureProfile,
  figureId: (text: string) => string,
  files: ReportFile[],
): Promise<string> {
  if (block.kind === 'text') {
    return `<div class="text-output"><p><strong>${escapeHtml(block.title)}</strong></p>\n<pre>${escapeHtml(block.text)}</pre></div>`;
  }
  if (block.kind === 'figure') {
    const rendered = await renderFigure(
      {
        id: figureId(block.title),
        title: block.title,
        description: block.description,
        spec: block.spec,
        data: block.data,
        ...(block.pivot ? { pivot: block.pivot } : {}),
        notes: block.notes,
      },
      profile,
    );
    files.push(...rendered.files);
    return rendered.html;
  }
  const id = figureId(block.title);
  const options = { caption: block.title, symbol: profile.symbol };
  const table = block.pivot ? htmlPivotTable(block.data, block.pivot, options) : htmlTable(block.data, options);
  const description = block.description ? `<p>${escapeHtml(block.description)}</p>\n` : '';
  const notes = block.notes.map((n) => `\n<p class="note">${escapeHtml(n)}</p>`).join('');
  return `<div class="table-output" id="${id}">\n${description}<div class="table-wrap" role="region" aria-label="${escapeHtml(block.title)}" tabindex="0">${table}</div>${notes}\n</div>`;
}
