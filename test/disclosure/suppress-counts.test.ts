import { describe, expect, it } from 'vitest';
import { DEFAULT_DISCLOSURE, type DisclosureProfile } from '../../src/cohort/config.js';
import { auditDisclosure, SUPPRESSED, suppressCounts, type CountCell } from '../../src/disclosure/index.js';
import { tableRules } from './table-rules.js';

/** The cells of a table with margins, laid out as tableRules says. */
function tableCells(counts: number[][]): CountCell[] {
  const cells: CountCell[] = counts.flat().map((value) => ({ value, show: true }));
  const rowSums = counts.map((row) => row.reduce((a, b) => a + b, 0));
  const columnSums = counts[0]!.map((_, c) => counts.reduce((s, row) => s + row[c]!, 0));
  for (const value of [...rowSums, ...columnSums]) cells.push({ value, show: true, total: true });
  cells.push({ value: rowSums.reduce((a, b) => a + b, 0), show: true, total: true });
  return cells;
}

describe('suppressCounts', () => {
  it('suppresses a small count and the smallest other cell of its row (the doc example)', () => {
    const cells = [3, 40, 57, 100].map((value, i) => ({ value, show: true, total: i === 3 }));
    const result = suppressCounts({ cells, sums: [{ total: 3, parts: [0, 1, 2] }] }, DEFAULT_DISCLOSURE);
    expect(result.suppressed).toEqual([true, true, false, false]);
    expect(result.values).toEqual([SUPPRESSED, SUPPRESSED, 57, 100]);
    expect(result.primaryCount).toBe(1);
    expect(result.secondaryCount).toBe(1);
  });

  it('publishes zero and counts above the threshold untouched', () => {
    const cells = [0, 6, 94, 100].map((value, i) => ({ value, show: true, total: i === 3 }));
    const result = suppressCounts({ cells, sums: [{ total: 3, parts: [0, 1, 2] }] }, DEFAULT_DISCLOSURE);
    expect(result.values).toEqual([0, 6, 94, 100]);
  });

  it('completes the textbook 3 × 3 pattern: a 2 × 2 block around the small cell', () => {
    // 2 is primary; row 0 takes 10 (its smallest), column 0 takes 15, column 1 (now with 10
    // alone) takes 30; row 1 then holds two unknowns. Derivation by hand from the rule.
    const counts = [
      [2, 10, 20],
      [15, 30, 40],
      [25, 35, 45],
    ];
    const t = tableRules(3, 3);
    const result = suppressCounts({ cells: tableCells(counts), sums: t.rules }, DEFAULT_DISCLOSURE);
    const pattern = result.suppressed.map((s, i) => (s ? i : -1)).filter((i) => i >= 0);
    expect(pattern).toEqual([t.at(0, 0), t.at(0, 1), t.at(1, 0), t.at(1, 1)]);
    expect(result.primaryCount).toBe(1);
    expect(result.secondaryCount).toBe(3);
  });

  it('suppresses the whole of a 2 × 2 table with one small cell (each margin would give it away)', () => {
    const t = tableRules(2, 2);
    const result = suppressCounts({ cells: tableCells([[3, 20], [30, 40]]), sums: t.rules }, DEFAULT_DISCLOSURE);
    expect(result.suppressed.slice(0, 4)).toEqual([true, true, true, true]);
    expect(result.values.slice(4)).toEqual([23, 70, 33, 60, 93]);
  });

  it('protects a hidden small complement: 998 of 1,000 is suppressed because 2 are without', () => {
    const cells: CountCell[] = [
      { value: 998, show: true },
      { value: 2, show: false },
      { value: 1000, show: true, total: true },
    ];
    const result = suppressCounts({ cells, sums: [{ total: 2, parts: [0, 1] }] }, DEFAULT_DISCLOSURE);
    expect(result.values).toEqual([SUPPRESSED, SUPPRESSED, 1000]);
    expect(result.primaryCount).toBe(0);
    expect(result.secondaryCount).toBe(1);
  });

  it('breaks a bridge between two suppressed cycles by another suppression', () => {
    const counts = [
      [10, 11, 12, 40],
      [13, 14, 41, 42],
      [43, 44, 15, 16],
      [45, 46, 17, 18],
    ];
    const t = tableRules(4, 4);
    const force = [[0, 0], [0, 1], [1, 0], [1, 1], [2, 2], [2, 3], [3, 2], [3, 3], [0, 2]].map(([r, c]) => t.at(r!, c!));
    const result = suppressCounts({ cells: tableCells(counts), sums: t.rules, force }, DEFAULT_DISCLOSURE);
    const unknown = [...result.suppressed];
    expect(auditDisclosure(unknown, t.rules).some(Boolean)).toBe(false);
    expect(result.suppressed.filter(Boolean).length).toBeGreaterThan(force.length);
  });

  it('publishes counts of blank values however small, and needs no protection for them', () => {
    // 5,485 of 5,486 families have the need recorded: the 1 blank is not disclosive, so
    // the recorded total stays published (a small count of the need itself would not).
    const cells: CountCell[] = [
      { value: 5485, show: true, total: true },
      { value: 1, show: true, notDisclosive: true },
      { value: 5486, show: true, total: true },
      { value: 2, show: true },
      { value: 5483, show: false },
    ];
    const sums = [
      { total: 2, parts: [0, 1] },
      { total: 0, parts: [3, 4] },
    ];
    const result = suppressCounts({ cells, sums }, DEFAULT_DISCLOSURE);
    expect(result.values).toEqual([5485, 1, 5486, SUPPRESSED, SUPPRESSED]);
    expect(result.primaryCount).toBe(1);
    expect(result.secondaryCount).toBe(0);
    const strict = suppressCounts({ cells: cells.map((c) => ({ ...c, notDisclosive: false })), sums }, DEFAULT_DISCLOSURE);
    expect(strict.values[1]).toBe(SUPPRESSED);
    expect(strict.values[0]).toBe(SUPPRESSED);
  });

  it('rounds published totals and suppresses a total that would round into the small range', () => {
    const profile: DisclosureProfile = { ...DEFAULT_DISCLOSURE, roundTotalsTo: 5 };
    const cells: CountCell[] = [
      { value: 0, show: true },
      { value: 7, show: true },
      { value: 7, show: true, total: true },
    ];
    // total 7 rounds to 5, inside 1..5: suppressed, and then 7 with it (the row would give it).
    const small = suppressCounts({ cells, sums: [{ total: 2, parts: [0, 1] }] }, profile);
    expect(small.values).toEqual([0, SUPPRESSED, SUPPRESSED]);
    const big = suppressCounts(
      { cells: [{ value: 40, show: true }, { value: 62, show: true }, { value: 102, show: true, total: true }], sums: [{ total: 2, parts: [0, 1] }] },
      { ...DEFAULT_DISCLOSURE, roundTotalsTo: 10 },
    );
    expect(big.values).toEqual([40, 62, 100]);
  });

  it('follows the threshold of the profile', () => {
    const cells = [8, 50, 58].map((value, i) => ({ value, show: true, total: i === 2 }));
    const sums = [{ total: 2, parts: [0, 1] }];
    expect(suppressCounts({ cells, sums }, DEFAULT_DISCLOSURE).values).toEqual([8, 50, 58]);
    expect(suppressCounts({ cells, sums }, { ...DEFAULT_DISCLOSURE, threshold: 10 }).values).toEqual([SUPPRESSED, SUPPRESSED, 58]);
  });

  it('rejects invalid profiles, counts and rules with the rule and the value', () => {
    const cells = [1, 2, 3].map((value) => ({ value, show: true }));
    const sums = [{ total: 2, parts: [0, 1] }];
    expect(() => suppressCounts({ cells, sums }, { ...DEFAULT_DISCLOSURE, threshold: 0 })).toThrow(
      'disclosure profile requires threshold to be a whole number >= 1, got threshold=0',
    );
    expect(() => suppressCounts({ cells, sums }, { ...DEFAULT_DISCLOSURE, symbol: '5' })).toThrow('cannot be read as a number');
    expect(() => suppressCounts({ cells: [{ value: 1.5, show: true }], sums: [] }, DEFAULT_DISCLOSURE)).toThrow(
      'suppressCounts requires whole-number counts >= 0, got 1.5 at cell 0',
    );
    expect(() => suppressCounts({ cells, sums: [{ total: 2, parts: [0] }] }, DEFAULT_DISCLOSURE)).toThrow(
      "rule 0 has total=3, parts sum=1",
    );
    expect(() => suppressCounts({ cells, sums: [{ total: 2, parts: [] }] }, DEFAULT_DISCLOSURE)).toThrow('rule 0 has none');
  });
});
