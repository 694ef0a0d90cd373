import { describe, expect, it } from 'vitest';
import { callerLine } from '../../src/notebook/caller-line.js';
import { cellAtLine, parseNotebook } from '../../src/notebook/parse-notebook.js';

describe('parseNotebook', () => {
  it('splits markdown and code cells, strips the comment markers, and records each cell’s lines', () => {
    const text = [
      '// %% [markdown]', // 1
      '// # Title', // 2
      '//', // 3
      '// Some *text*.', // 4
      '', // 5
      '// %%', // 6
      "import { x } from './x.js';", // 7
      '', // 8
      'const y = x + 1; // %% not a marker', // 9
      '', // 10
      '// %% Load the cohort [md]', // 11
      '//   indented', // 12
      '// %% Second step', // 13
      'y;', // 14
    ].join('\n');
    const cells = parseNotebook(text);
    expect(cells).toEqual([
      { kind: 'markdown', source: '# Title\n\nSome *text*.', startLine: 1, endLine: 5, title: null },
      { kind: 'code', source: "import { x } from './x.js';\n\nconst y = x + 1; // %% not a marker", startLine: 6, endLine: 10, title: null },
      { kind: 'markdown', source: '  indented', startLine: 11, endLine: 12, title: 'Load the cohort' },
      { kind: 'code', source: 'y;', startLine: 13, endLine: 14, title: 'Second step' },
    ]);
    expect(cellAtLine(cells, 9)).toBe(1);
    expect(cellAtLine(cells, 13)).toBe(3);
    expect(cellAtLine(cells, 99)).toBe(-1);
  });

  it('keeps text before the first marker as a code cell, reads CRLF files, and keeps empty cells', () => {
    const cells = parseNotebook('#!/usr/bin/env tsx\r\nconst a = 1;\r\n// %%\r\n// %% [markdown]\r\n// text\r\n');
    expect(cells.map((c) => [c.kind, c.source, c.startLine, c.endLine])).toEqual([
      ['code', '#!/usr/bin/env tsx\nconst a = 1;', 1, 2],
      ['code', '', 3, 3],
      ['markdown', 'text', 4, 5],
    ]);
    expect(parseNotebook('\n\n// %%\nx\n')[0]!.startLine).toBe(3);
    expect(parseNotebook('')).toEqual([]);
  });

  it('covers every line of the file with exactly one cell', () => {
    const text = '// %% [markdown]\n// a\n\n// %%\nb\n// %% [markdown]\n// c\n';
    const cells = parseNotebook(text);
    const lines = text.split('\n').length - 1;
    for (let line = 1; line <= lines; line++) expect(cells.filter((c) => line >= c.startLine && line <= c.endLine)).toHaveLength(1);
  });

  it('rejects a markdown line that is not a comment, and an unknown cell type, naming the line', () => {
    expect(() => parseNotebook('// %% [markdown]\n// fine\nconst oops = 1;\n')).toThrow(
      'parseNotebook requires every line of a markdown cell to be a // comment, got line 3: "const oops = 1;"',
    );
    expect(() => parseNotebook('// %% [raw]\n')).toThrow('parseNotebook requires a cell type of [markdown] or [md], got [raw] on line 1');
  });
});

describe('callerLine', () => {
  const file = '/work/notebooks/nb.ts';
  it('takes the outermost frame in the notebook file, from paths and file URLs with queries', () => {
    const stack = [
      'Error',
      '    at line (/work/src/notebook/display.ts:70:17)',
      '    at Object.table (/work/src/notebook/display.ts:88:57)',
      '    at helper (file:///work/notebooks/nb.ts?run=3:40:8)',
      '    at file:///work/notebooks/nb.ts?run=3:52:1',
      '    at ModuleJob.run (node:internal/modules/esm/module_job:325:25)',
    ].join('\n');
    expect(callerLine(stack, file)).toBe(52);
    expect(callerLine('Error\n    at /work/notebooks/nb.ts:12:5', file)).toBe(12);
    expect(callerLine('Error\n    at async <anonymous> (/work/notebooks/nb.ts:7:3)', file)).toBe(7);
  });

  it('is null when no frame is in the file (a notebook of the same name elsewhere does not count)', () => {
    expect(callerLine('Error\n    at /other/notebooks/nb.ts:12:5\n    at /work/notebooks/nb.tsx:1:1', file)).toBeNull();
  });
});
