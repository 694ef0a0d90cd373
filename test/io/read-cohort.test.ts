import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readCohort } from '../../src/io/read-cohort.js';
import { formatProblem } from '../../src/index.js';

const TINY = new URL('../../../shared/contract/examples/tiny/', import.meta.url);
const csvRows = (name: string) =>
  readFileSync(new URL(name, TINY), 'utf8')
    .split(/\r?\n/)
    .filter((l) => l !== '')
    .map((l) => l.split(','));

/** Builds a workbook from the tiny cohort; `edit` may change sheets before writing. */
async function workbook(edit: (wb: ExcelJS.Workbook) => void = () => {}): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of ['families', 'children', 'star']) {
    const ws = wb.addWorksheet(sheet);
    for (const cells of csvRows(`${sheet}.csv`)) ws.addRow(cells);
  }
  edit(wb);
  const dir = mkdtempSync(join(tmpdir(), 'ehw-xlsx-'));
  const path = join(dir, 'cohort.xlsx');
  await wb.xlsx.writeFile(path);
  return path;
}

describe('reading an .xlsx workbook', () => {
  it('reads the three sheets like the CSV folder', async () => {
    const r = await readCohort(await workbook());
    expect(r.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
    const folder = await readCohort(TINY.pathname);
    expect(r.cohort!.families.map((f) => f.familyId)).toEqual(folder.cohort!.families.map((f) => f.familyId));
    expect(r.cohort!.star).toEqual(folder.cohort!.star);
    expect(r.cohort!.source.kind).toBe('xlsx');
  });

  it('reads a date cell as a date and a formula cell as its cached value', async () => {
    const path = await workbook((wb) => {
      const ws = wb.getWorksheet('families')!;
      ws.getCell('D2').value = new Date(Date.UTC(2023, 0, 21));
      ws.getCell('N2').value = { formula: '1+0', result: 1 } as ExcelJS.CellFormulaValue;
    });
    const r = await readCohort(path);
    expect(r.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
    expect(r.cohort!.families[0]!.startDate).toBe('2023-01-21');
    expect(r.cohort!.families[0]!.adults).toBe(1);
  });

  it('reports an error cell such as #N/A with sheet, row and column', async () => {
    const path = await workbook((wb) => {
      wb.getWorksheet('families')!.getCell('P3').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
    });
    const r = await readCohort(path);
    expect(r.cohort).toBeNull();
    expect(r.problems.map(formatProblem)).toContain('cohort.xlsx[families]:3:imd_decile: the cell holds a spreadsheet error ("#N/A")');
  });

  it('reports a formula cell with no saved result, never reading it as a blank', async () => {
    const path = await workbook((wb) => {
      wb.getWorksheet('families')!.getCell('N2').value = { formula: '1+0' } as ExcelJS.CellFormulaValue;
    });
    const r = await readCohort(path);
    expect(r.cohort).toBeNull();
    expect(r.problems.map(formatProblem)).toContain(
      'cohort.xlsx[families]:2:female_adults: the cell holds a formula with no saved result (open the workbook in a spreadsheet program and save it)',
    );
  });

  it('warns of a sheet that is not a cohort sheet (a misspelt optional sheet is not passed over)', async () => {
    const path = await workbook((wb) => wb.addWorksheet('Plans').addRow(['family_id']));
    const r = await readCohort(path);
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r.problems.map(formatProblem)).toContain('cohort.xlsx:0:: warning: sheet "Plans" is not a cohort sheet (families, children, star, plans): ignored');
  });

  it('reports a file that is not a workbook as a problem, not a crash', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ehw-xlsx-'));
    writeFileSync(join(dir, 'cohort.xlsx'), 'family_id,start_date\n');
    const r = await readCohort(join(dir, 'cohort.xlsx'));
    expect(r.cohort).toBeNull();
    expect(r.problems).toHaveLength(1);
    expect(formatProblem(r.problems[0]!)).toMatch(/^cohort\.xlsx:0:: not a readable \.xlsx workbook: /);
  });

  it('reports a missing sheet', async () => {
    const path = await workbook((wb) => wb.removeWorksheet(wb.getWorksheet('star')!.id));
    const r = await readCohort(path);
    expect(r.cohort).toBeNull();
    expect(r.problems.map(formatProblem)).toContain('cohort.xlsx:0:: the workbook has no sheet named "star" (required)');
  });
});

describe('reading a folder of CSV files', () => {
  it('warns of a CSV file that is not a cohort file (Plans.csv is not plans.csv)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ehw-folder-'));
    cpSync(TINY.pathname, dir, { recursive: true });
    writeFileSync(join(dir, 'Plans.csv'), 'family_id,outcome,identified_date,status,achieved_date\n');
    writeFileSync(join(dir, 'plans.CSV'), 'family_id,outcome,identified_date,status,achieved_date\n');
    const r = await readCohort(dir);
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(r.cohort).not.toBeNull();
    for (const name of ['Plans.csv', 'plans.CSV']) {
      expect(r.problems.map(formatProblem)).toContain(`${name}:1:: warning: not a cohort file (families.csv, children.csv, star.csv, plans.csv): ignored`);
    }
  });
});
