/** Kinds of notebook cell. */
export const NOTEBOOK_CELL_KINDS = ['markdown', 'code'] as const;
export type NotebookCellKind = (typeof NOTEBOOK_CELL_KINDS)[number];

/** One cell of a percent-format notebook. */
export interface NotebookCell {
  kind: NotebookCellKind;
  /** Markdown text (comment markers removed) or code, without leading and trailing blank lines. */
  source: string;
  /** First line of the cell in the file (its `// %%` marker line; 1 for text before the first marker), 1-based. */
  startLine: number;
  /** Last line of the cell in the file (the line before the next marker, or the last line), 1-based. */
  endLine: number;
  /** The title after `// %%`, if any (e.g. `// %% Load the cohort`). */
  title: string | null;
}

const MARKER = /^\s*\/\/\s?%%(?!%)(.*)$/;
const COMMENT = /^\s*\/\/ ?(.*)$/;

/**
 * Splits a TypeScript notebook in the percent format (as Jupytext and VS Code read it)
 * into cells. A line `// %%` starts a code cell; `// %% [markdown]` (or `[md]`) starts a
 * markdown cell whose lines are `// ` comments (the marker and one space are removed;
 * a line of only `//` is a blank line). Text may follow `%%` as the cell's title, before
 * the bracketed type. Lines before the first marker form a code cell when any of them is
 * not blank. Blank lines at the start and end of a cell are dropped; cells left empty are
 * kept (a marker with nothing under it), so every line of the file belongs to one cell.
 * Cost: O(lines).
 * @throws Error naming the line when a markdown cell holds a line that is not a `//`
 *   comment, or the cell type in brackets is unknown.
 * @example parseNotebook('// %% [markdown]\n// # Title\n// %%\nconst x = 1;\n').map((c) => c.kind) // ['markdown', 'code']
 */
export function parseNotebook(text: string): NotebookCell[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const cells: NotebookCell[] = [];
  let current: { kind: NotebookCellKind; title: string | null; start: number; body: string[] } | null = null;
  const finish = (endLine: number): void => {
    if (!current) return;
    const body = [...current.body];
    while (body.length > 0 && body[0]!.trim() === '') body.shift();
    while (body.length > 0 && body[body.length - 1]!.trim() === '') body.pop();
    cells.push({ kind: current.kind, source: body.join('\n'), startLine: current.start, endLine, title: current.title });
  };
  const preamble: string[] = [];
  lines.forEach((line, i) => {
    const lineNumber = i + 1;
    const marker = MARKER.exec(line);
    if (marker) {
      if (current) finish(lineNumber - 1);
      else if (preamble.some((l) => l.trim() !== '')) {
        current = { kind: 'code', title: null, start: 1, body: preamble };
        finish(lineNumber - 1);
      }
      const { kind, title } = parseMarker(marker[1]!, lineNumber);
      current = { kind, title, start: lineNumber, body: [] };
      return;
    }
    if (!current) {
      preamble.push(line);
      return;
    }
    if (current.kind === 'code') {
      current.body.push(line);
      return;
    }
    if (line.trim() === '') {
      current.body.push('');
      return;
    }
    const comment = COMMENT.exec(line);
    if (!comment) {
      throw new Error(`parseNotebook requires every line of a markdown cell to be a // comment, got line ${lineNumber}: ${JSON.stringify(line.slice(0, 60))}`);
    }
    current.body.push(comment[1]!);
  });
  if (current) finish(lines.length);
  else if (preamble.some((l) => l.trim() !== '')) {
    current = { kind: 'code', title: null, start: 1, body: preamble };
    finish(lines.length);
  }
  return cells;
}

/** The cell kind and title of a marker line's text after `%%`. */
function parseMarker(rest: string, lineNumber: number): { kind: NotebookCellKind; title: string | null } {
  const bracket = /\[([^\]]*)\]/.exec(rest);
  let kind: NotebookCellKind = 'code';
  let titleText = rest;
  if (bracket) {
    const type = bracket[1]!.trim().toLowerCase();
    if (type === 'markdown' || type === 'md') kind = 'markdown';
    else throw new Error(`parseNotebook requires a cell type of [markdown] or [md], got [${bracket[1]}] on line ${lineNumber}`);
    titleText = rest.slice(0, bracket.index);
  }
  // Jupytext metadata (key="value") after the type is not a title.
  const title = titleText.trim();
  return { kind, title: title === '' ? null : title };
}

/**
 * The cell that holds a line of the file (1-based), or -1 when none does.
 * Cost: O(cells).
 * @example cellAtLine(parseNotebook(text), 4) // 1
 */
export function cellAtLine(cells: readonly NotebookCell[], line: number): number {
  return cells.findIndex((c) => line >= c.startLine && line <= c.endLine);
}
