import { describe, expect, it } from 'vitest';
import { auditDisclosure } from '../../src/disclosure/index.js';
import { exactlyDetermined } from './exact-rank.js';
import { tableRules } from './table-rules.js';

describe('auditDisclosure', () => {
  it('solves the one unknown of a row whose total is known', () => {
    expect(auditDisclosure([true, false, false], [{ total: 2, parts: [0, 1] }])).toEqual([true, false, false]);
  });

  it('leaves two unknowns of a row unsolved', () => {
    expect(auditDisclosure([true, true, false], [{ total: 2, parts: [0, 1] }])).toEqual([false, false, false]);
  });

  it('follows a chain: a solved cell helps solve the next rule', () => {
    // a + b = t1 (t1 known), b + c = t2 (t2 known), c known → b, then a.
    const unknown = [true, true, false, false, false];
    const rules = [
      { total: 3, parts: [0, 1] },
      { total: 4, parts: [1, 2] },
    ];
    expect(auditDisclosure(unknown, rules)).toEqual([true, true, false, false, false]);
  });

  it('leaves a 2 × 2 block of suppressed cells unsolved (rank 3 for 4 unknowns)', () => {
    const t = tableRules(3, 3);
    const unknown = new Array<boolean>(t.cells).fill(false);
    for (const [r, c] of [[0, 0], [0, 1], [1, 0], [1, 1]] as const) unknown[t.at(r, c)] = true;
    expect(auditDisclosure(unknown, t.rules).some(Boolean)).toBe(false);
  });

  it('finds the bridge between two suppressed cycles although every row and column has two unknowns', () => {
    // 4 × 4 with all margins known: cycles {0,1}×{0,1} and {2,3}×{2,3} joined by cell (0,2).
    // Rows 0+1 minus columns 0+1 leaves exactly cell (0,2): it is determined.
    const t = tableRules(4, 4);
    const unknown = new Array<boolean>(t.cells).fill(false);
    const pattern = [[0, 0], [0, 1], [1, 0], [1, 1], [2, 2], [2, 3], [3, 2], [3, 3], [0, 2]] as const;
    for (const [r, c] of pattern) unknown[t.at(r, c)] = true;
    const determined = auditDisclosure(unknown, t.rules);
    expect(determined.map((d, i) => (d ? i : -1)).filter((i) => i >= 0)).toEqual([t.at(0, 2)]);
    expect(determined).toEqual(exactlyDetermined(unknown, t.rules));
  });

  it('agrees with exact integer elimination on every pattern of a 3 × 3 table with hidden margins', () => {
    const t = tableRules(3, 3);
    // Every subset of the 9 inner cells, with row total 1 and the grand total unknown too.
    for (let mask = 0; mask < 1 << 9; mask++) {
      const unknown = new Array<boolean>(t.cells).fill(false);
      for (let k = 0; k < 9; k++) if (mask & (1 << k)) unknown[k] = true;
      unknown[9 + 1] = true;
      unknown[t.cells - 1] = mask % 3 === 0;
      expect(auditDisclosure(unknown, t.rules)).toEqual(exactlyDetermined(unknown, t.rules));
    }
  });

  it('rejects a rule that refers to a missing cell', () => {
    expect(() => auditDisclosure([true], [{ total: 0, parts: [3] }])).toThrow('auditDisclosure requires rule cells in 0..0, got 3');
  });
});
