import { describe, expect, it } from 'vitest';
import { FirstLines } from '../../src/cohort/repeats.js';

describe('FirstLines', () => {
  it('gives each id the line it was first seen on, whether ids come in order or not', () => {
    // In order at first (listed, no map), then out of order (a map of those listed), with
    // repeats on both sides of the switch; checked against a plain map.
    const ids = ['a1', 'a2', 'b', 'c', 'a2', 'd', 'a1', 'e', 'd', 'b0', 'b0', 'zz', 'a'];
    const lines = new FirstLines();
    const oracle = new Map<string, number>();
    ids.forEach((id, i) => {
      const line = i + 2;
      if (!oracle.has(id)) oracle.set(id, line);
      expect(lines.add(id, line)).toBe(oracle.get(id));
    });
  });

  it('finds a repeat of the last id while still in order', () => {
    const lines = new FirstLines();
    expect(lines.add('C1', 2)).toBe(2);
    expect(lines.add('C2', 3)).toBe(3);
    expect(lines.add('C2', 4)).toBe(3);
    expect(lines.add('C3', 5)).toBe(5);
  });
});
