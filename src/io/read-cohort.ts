import { readFile, readdir, stat } from 'node:fs/promises';
import { join, basename } from 'node:path';
import { statSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { COHORT_FILES, type CohortFile, type WorkbenchConfig } from '../cohort/config.js';
import {
  parseCohortSources,
  parseCohortTables,
  sha256Hex,
  type CohortReadResult,
} from '../cohort/parse-cohort.js';
import type { Problem, RawTable } from './parse-csv.js';
import type { CohortSource } from '../cohort/types.js';
import { readCsvFile } from './read-csv-file.js';
import type { TableSource } from './table-source.js';

/** The path given as a cohort is neither a folder nor an `.xlsx` workbook (bad input: exit status 2 in the CLI). */
export class NotACohortPathError extends Error {
  constructor(readonly path: string) {
    super(`a cohort is a folder of CSV files or an .xlsx workbook: ${path}`);
    this.name = 'NotACohortPathError';
  }
}

/**
 * Reads a cohort from a folder of CSV files or an `.xlsx` workbook and validates it.
 * Missing required files, and a workbook that cannot be opened, are reported as problems,
 * not thrown. Throws NotACohortPathError for a path that is neither, and the file system's
 * error when the path cannot be read at all.
 */
export async function readCohort(path: string, config?: Partial<WorkbenchConfig>): Promise<CohortReadResult> {
  const info = await stat(path);
  if (info.isDirectory()) return readCohortFolder(path, config);
  if (path.toLowerCase().endsWith('.xlsx')) return readCohortWorkbook(path, config);
  throw new NotACohortPathError(path);
}

async function readCohortFolder(dir: string, config?: Partial<WorkbenchConfig>): Promise<CohortReadResult> {
  const names = new Set(await readdir(dir));
  const sources: Partial<Record<CohortFile, TableSource>> = {};
  // Each file's hash is taken as it is read in full (in the order families, children,
  // star, plans), before the cohort's source is built.
  const files: CohortSource['files'] = [];
  for (const f of COHORT_FILES) {
    const name = `${f}.csv`;
    if (!names.has(name)) continue;
    sources[f] = csvFileSource(join(dir, name), name, (info) => files.push({ name, ...info }));
  }
  // Other CSV files (Plans.csv, plan.csv) are said to be ignored, not passed over in silence.
  const ignored: Problem[] = [...names]
    .filter((name) => /\.csv$/i.test(name) && !COHORT_FILES.some((f) => name === `${f}.csv`))
    .sort()
    .map((name) => ({ severity: 'warning', file: name, line: 1, column: '', message: `not a cohort file (${COHORT_FILES.map((f) => `${f}.csv`).join(', ')}): ignored` }));
  return parseCohortSources(sources, config, { path: dir, kind: 'folder', files }, ignored);
}

/**
 * A CSV file as a table source: each read streams the file in chunks (never whole, so a
 * star.csv larger than a JavaScript string can hold is read), stopping where the handler
 * stops. `onRead` gets the SHA-256 and size of every read to the end.
 */
export function csvFileSource(path: string, name: string, onRead: (info: { sha256: string; bytes: number }) => void): TableSource {
  return {
    file: name,
    bytes: statSync(path).size,
    read(handler, problems) {
      const info = readCsvFile(path, name, handler, problems, { stopWithHandler: true });
      if (info.complete) onRead({ sha256: info.sha256, bytes: info.bytes });
    },
  };
}

/** A worksheet cell as contract text (dates as ISO, formulas as their saved result), or why it has none. */
function cellText(cell: ExcelJS.Cell): { text: string } | { problem: string; value?: string } {
  const v = cell.value;
  if (v === null || v === undefined) return { text: '' };
  if (v instanceof Date) return { text: v.toISOString().slice(0, 10) };
  if (typeof v === 'number') return { text: String(v) };
  if (typeof v === 'boolean') return { text: v ? '1' : '0' };
  if (typeof v === 'string') return { text: v };
  if (typeof v === 'object') {
    if ('error' in v) return { problem: 'the cell holds a spreadsheet error', value: String(v.error) };
    if ('formula' in v || 'sharedFormula' in v) {
      const r = (v as ExcelJS.CellFormulaValue).result;
      // A workbook written by a program and never calculated has no saved result: not a blank.
      if (r === undefined || r === null) return { problem: 'the cell holds a formula with no saved result (open the workbook in a spreadsheet program and save it)' };
      if (r instanceof Date) return { text: r.toISOString().slice(0, 10) };
      if (typeof r === 'object' && 'error' in r) return { problem: 'the cell holds a spreadsheet error', value: String(r.error) };
      return { text: String(r) };
    }
    if ('richText' in v) return { text: v.richText.map((t) => t.text).join('') };
    if ('text' in v) return { text: String(v.text) };
  }
  return { text: String(v) };
}

async function readCohortWorkbook(path: string, config?: Partial<WorkbenchConfig>): Promise<CohortReadResult> {
  const bytes = await readFile(path);
  const wb = new ExcelJS.Workbook();
  const file = basename(path);
  const files = [{ name: file, sha256: sha256Hex(bytes), bytes: bytes.length }];
  const problems: Problem[] = [];
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    problems.push({ severity: 'error', file, line: 0, column: '', message: `not a readable .xlsx workbook: ${why}` });
    return parseCohortTables({}, config, { path, kind: 'xlsx', files }, problems);
  }
  for (const ws of wb.worksheets) {
    if (!(COHORT_FILES as readonly string[]).includes(ws.name)) {
      problems.push({ severity: 'warning', file, line: 0, column: '', message: `sheet "${ws.name}" is not a cohort sheet (${COHORT_FILES.join(', ')}): ignored` });
    }
  }
  const tables: Partial<Record<CohortFile, RawTable>> = {};
  for (const f of COHORT_FILES) {
    const ws = wb.getWorksheet(f);
    if (!ws) continue;
    const label = `${file}[${f}]`;
    const header: string[] = [];
    const rows: string[][] = [];
    const lines: number[] = [];
    let width = 0;
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (header.length === 0 && rows.length === 0 && rowNumber >= 1 && width === 0) {
        width = row.cellCount;
        for (let c = 1; c <= width; c++) {
          const t = cellText(row.getCell(c));
          if ('problem' in t) problems.push({ severity: 'error', file: label, line: rowNumber, column: `column ${c}`, message: `heading: ${t.problem}`, ...(t.value === undefined ? {} : { value: t.value }) });
          header.push('text' in t ? t.text.trim() : '');
        }
        return;
      }
      const cells: string[] = [];
      for (let c = 1; c <= Math.max(width, row.cellCount); c++) {
        const t = cellText(row.getCell(c));
        if ('problem' in t) {
          problems.push({ severity: 'error', file: label, line: rowNumber, column: header[c - 1] ?? `column ${c}`, message: t.problem, ...(t.value === undefined ? {} : { value: t.value }) });
          cells.push('');
        } else cells.push(t.text);
      }
      if (cells.length > width) {
        const extra = cells.slice(width).some((x) => x.trim() !== '');
        if (extra) problems.push({ severity: 'error', file: label, line: rowNumber, column: '', message: `row has values beyond the ${width} headed columns` });
        cells.length = width;
      }
      if (cells.every((x) => x.trim() === '')) return;
      rows.push(cells);
      lines.push(rowNumber);
    });
    tables[f] = { file: label, header, rows, lines };
  }
  return parseCohortTables(tables, config, { path, kind: 'xlsx', files }, problems);
}
