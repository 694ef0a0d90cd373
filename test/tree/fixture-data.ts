/** Loading the CSV fixtures of test/fixtures/tree/ as tree data (shared by the tree tests). */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { PredictorLevel, TreeData } from '../../src/tree/tree-types.js';

const DIR = new URL('../fixtures/tree/', import.meta.url);

/** Rows of a fixture CSV as text (blank = ''). */
export function fixtureRows(file: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(readFileSync(new URL(file, DIR), 'utf8'), { header: true, skipEmptyLines: true }).data;
}

/** Tree data from fixture rows: nominal columns as text, others as numbers; blank = missing. */
export function fixtureData(rows: Record<string, string>[], target: string, predictors: [string, PredictorLevel][]): TreeData {
  return {
    target: rows.map((r) => (r[target] === '' ? null : r[target]!)),
    targetName: target,
    predictors: predictors.map(([name, level]) => ({
      name,
      level,
      values: rows.map((r) => (r[name] === '' ? null : level === 'nominal' ? r[name]! : Number(r[name]))),
    })),
  };
}

/** The social-care fixture with its six predictors. */
export function socialCareData(): TreeData {
  return fixtureData(fixtureRows('chaid-social-care.csv'), 'social_care_after', [
    ['cluster', 'nominal'],
    ['band', 'ordinal'],
    ['adults', 'ordinal'],
    ['months', 'continuous'],
    ['need_debt', 'nominal'],
    ['service', 'nominal'],
  ]);
}
