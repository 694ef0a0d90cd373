import { describe, expect, it } from 'vitest';
import { DEFAULT_DISCLOSURE } from '../../src/cohort/config.js';
import { createCountSystem, SUPPRESSED } from '../../src/disclosure/index.js';

describe('createCountSystem', () => {
  it('suppresses a shared count on every table that shows it, and protects it across tables', () => {
    // Table 1: need count by cluster (3, 40, 60) adding up to the overall 103; table 2 (another
    // page) shows the overall 103 again under the same key: one cell, one decision.
    const s = createCountSystem();
    for (const [k, v] of [['a', 3], ['b', 40], ['c', 60]] as const) s.cell(`cluster:${k}`, v);
    s.cell('overall', 103, { total: true });
    s.sum('overall', ['cluster:a', 'cluster:b', 'cluster:c']);
    s.cell('overall', 103, { total: true });
    const p = s.publish(DEFAULT_DISCLOSURE);
    expect([p.get('cluster:a'), p.get('cluster:b'), p.get('cluster:c'), p.get('overall')]).toEqual([SUPPRESSED, SUPPRESSED, 60, 103]);
    expect(p.primaryCount).toBe(1);
    expect(p.secondaryCount).toBe(1);
  });

  it('gives percentages from exact counts, suppressed with their count or base', () => {
    const s = createCountSystem();
    s.cell('n', 200, { total: true });
    s.cell('yes', 150);
    s.cell('no', 50, { show: false });
    s.sum('n', ['yes', 'no']);
    s.cell('small base', 4, { total: true, show: false });
    s.cell('zero', 0);
    const p = s.publish(DEFAULT_DISCLOSURE);
    expect(p.percent('yes', 'n')).toBe(75);
    expect(p.percent('no', 'n')).toBe(SUPPRESSED); // a hidden count is not published
    expect(p.percent('zero', 'small base')).toBe(SUPPRESSED); // 0 of a hidden 4
    expect(p.derived('yes', 'n', [68.5, 80.9])).toEqual([68.5, 80.9]);
    expect(p.derived('no', 'n', [20, 30])).toBe(SUPPRESSED);
  });

  it('rejects one key with two values, sums that do not add up, and unknown keys', () => {
    const s = createCountSystem();
    s.cell('a', 3);
    expect(() => s.cell('a', 4)).toThrow('count system requires one value per key, got 3 and 4 for a');
    s.cell('t', 10, { total: true });
    expect(() => s.sum('t', ['a'])).toThrow('count system requires parts to add up to their total, got t=10, parts sum=3');
    expect(() => s.sum('t', ['b'])).toThrow('count system requires existing cells in a sum, got b');
    expect(() => s.publish(DEFAULT_DISCLOSURE).get('nope')).toThrow('count system has no cell nope');
  });
});
