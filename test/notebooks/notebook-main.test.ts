import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listNotebooks, NotebookUsageError, runNotebook } from '../../src/cli/notebook-main.js';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));

describe('runNotebook', () => {
  it('runs a notebook once per call, places each output after the cell that made it, and writes the folder', async () => {
    const out = await mkdtemp(join(tmpdir(), 'earlyhelp-notebook-main-'));
    try {
      const first = await runNotebook('small', { notebooksDir: fixtures, out: join(out, 'small') });
      // cells: 0 markdown, 1 code (the table), 2 markdown, 3 code (the helper's count, after an await)
      expect(first.outputs.map((o) => [o.kind, o.line])).toEqual([
        ['table', 10],
        ['count', 32],
      ]);
      expect(first.placement).toEqual([1, 3]);
      expect(first.title).toBe('A small notebook');
      const page = await readFile(join(out, 'small', 'index.html'), 'utf8');
      expect(page).toMatch(/<td class="num[^"]*">\[c\]<\/td>/);
      expect(existsSync(join(out, 'small', 'needs.csv'))).toBe(true);
      // A second run executes the notebook again (a fresh module instance). Under vitest a
      // re-imported module's stack lines are not source-mapped, so lines are not compared.
      const second = await runNotebook('small', { notebooksDir: fixtures, dryRun: true });
      expect(second.out).toBeNull();
      expect(second.outputs.map(({ line: _, ...o }) => o)).toEqual(first.outputs.map(({ line: _, ...o }) => o));
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it('reports a failing notebook by name and closes its session', async () => {
    await expect(runNotebook('failing', { notebooksDir: fixtures, dryRun: true })).rejects.toThrow('notebook failing failed: the cohort has no families');
    // the session was closed: the next run opens its own
    expect((await runNotebook('small', { notebooksDir: fixtures, dryRun: true })).outputs).toHaveLength(2);
  });

  it('refuses unknown and malformed names, listing the notebooks', async () => {
    await expect(runNotebook('nope', { notebooksDir: fixtures })).rejects.toThrow(new NotebookUsageError(`no notebook nope in ${fixtures}; notebooks: failing, small`));
    await expect(runNotebook('../x', { notebooksDir: fixtures })).rejects.toThrow('a notebook name is lower-case letters, digits and -, got "../x"');
    expect(await listNotebooks(fixtures)).toEqual(['failing', 'small']);
  });
});
