import { readFile, readdir, stat } from 'node:fs/promises';
import { join, basename } from 'node:path';
import { statSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { COHORT_FILES, type CohortFile, type WorkbenchConfig } from '../cohort/config.js';
import {
  parseCohortSources,
  parseCohortTables,
  sha256Hex,
  type CohortFileInput,
  type CohortReadResult,
} from '../cohort/parse-cohort.js';
import type { Problem, RawTable } from './parse-csv.js';
import type { CohortSource } from '../cohort/types.js';
import { readCsvFile } from './read-csv-file.js';
import type { TableSource } from './table-source.js';

/**
 * Reads a cohort from a folder of CSV files or an `.xlsx` workbook and validates it.
 * Missing required files are reported as problems, not thrown. Throws only when the path
 * cannot be read at all.
 */
export async function readCohort(path: string, config?: Partial<WorkbenchConfig>): Promise<CohortReadResult> {
  const info = await stat(path);
  if (info.isDirectory()) return readCohortFolder(path, config);
  if (path.toLowerCase().endsWith('.xlsx')) return readCohortWorkbook(path, config);
  throw new Error(`a cohort is a folder of CSV files or an .xlsx workbook: ${path}`);
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
  return parseCohortSources(sources, config, { path: dir, kind: 'folder', files });
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

/** A worksheet cell as contract text: dates as ISO, formulas as their cached value. */
function cellText(cell: ExcelJS.Cell): { text: string } | { error: string } {
  const v = cell.value;
  if (v === null || v === undefined) return { text: '' };
  if (v instanceof Date) return { text: v.toISOString().slice(0, 10) };
  if (typeof v === 'number') return { text: String(v) };
  if (typeof v === 'boolean') return { text: v ? '1' : '0' };
  if (typeof v === 'string') return { text: v };
  if (typeof v === 'object') {
    if ('error' in v) return { error: String(v.error) };
    if ('formula' in v || 'sharedFormula' in v) {
      const r = (v as ExcelJS.CellFormulaValue).result;
      if (r === undefined || r === null) return { text: '' };
      if (r instanceof Date) return { text: r.toISOString().slice(0, 10) };
      if (typeof r === 'object' && 'error' in r) return { error: String(r.error) };
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
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const file = basename(path);
  const problems: Problem[] = [];
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
          header.push('text' in t ? t.text.trim() : '');
        }
        return;
      }
      const cells: string[] = [];
      for (let c = 1; c <= Math.max(width, row.cellCount); c++) {
        const t = cellText(row.getCell(c));
        if ('error' in t) {
          problems.push({ severity: 'error', file: label, line: rowNumber, column: header[c - 1] ?? `column ${c}`, message: 'the cell holds a spreadsheet error', value: t.error });
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
  const files = [{ name: file, sha256: sha256Hex(bytes), bytes: bytes.length }];
  return parseCohortTables(tables, config, { path, kind: 'xlsx', files }, problems);
}
