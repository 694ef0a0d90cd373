import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { NEED_CATALOGUE, OUTCOME_MEASURES } from '../../src/index.js';

const CONTRACT = new URL('../../../shared/contract/', import.meta.url);
const DATA = new URL('../../data/', import.meta.url);
const rows = (url: URL) => Papa.parse<Record<string, string>>(readFileSync(url, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true, delimiter: ',' }).data;

describe('the embedded catalogues equal the contract files', () => {
  it('need indicators (57)', () => {
    const contract = rows(new URL('need-indicators.csv', CONTRACT)).map((r) => ({ id: r.id, label: r.label, headlineProblem: r.headline_problem }));
    expect(NEED_CATALOGUE).toEqual(contract);
    expect(NEED_CATALOGUE).toHaveLength(57);
    expect(readFileSync(new URL('need-indicators.csv', DATA), 'utf8')).toBe(readFileSync(new URL('need-indicators.csv', CONTRACT), 'utf8'));
  });

  it('outcome-plan measures (31)', () => {
    const contract = rows(new URL('outcome-measures.csv', CONTRACT)).map((r) => ({ id: r.id, headlineProblem: r.headline_problem, label: r.label }));
    expect(OUTCOME_MEASURES).toEqual(contract);
    expect(OUTCOME_MEASURES).toHaveLength(31);
    expect(readFileSync(new URL('outcome-measures.csv', DATA), 'utf8')).toBe(readFileSync(new URL('outcome-measures.csv', CONTRACT), 'utf8'));
  });

  it('data/published-figures.json is the shared reference', () => {
    expect(readFileSync(new URL('published-figures.json', DATA), 'utf8')).toBe(readFileSync(new URL('../reference/published-figures.json', CONTRACT), 'utf8'));
  });
});
