import type { SumRule } from '../../src/disclosure/index.js';

/**
 * Cell layout of an r × c table with its margins, as publishTable builds it: cells
 * row-major, then row totals, column totals, the grand total. Used by the tests to
 * state patterns by (row, column).
 */
export function tableRules(rows: number, columns: number): { cells: number; rules: SumRule[]; at: (r: number, c: number) => number } {
  const at = (r: number, c: number): number => r * columns + c;
  const rowTotal = rows * columns;
  const columnTotal = rowTotal + rows;
  const grand = columnTotal + columns;
  const rules: SumRule[] = [];
  for (let r = 0; r < rows; r++) rules.push({ total: rowTotal + r, parts: Array.from({ length: columns }, (_, c) => at(r, c)) });
  for (let c = 0; c < columns; c++) rules.push({ total: columnTotal + c, parts: Array.from({ length: rows }, (_, r) => at(r, c)) });
  rules.push({ total: grand, parts: Array.from({ length: rows }, (_, r) => rowTotal + r) });
  rules.push({ total: grand, parts: Array.from({ length: columns }, (_, c) => columnTotal + c) });
  return { cells: grand + 1, rules, at };
}
