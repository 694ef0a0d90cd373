import { describe, expect, it } from 'vitest';
import { parseWhere } from '../../src/outcomes/where.js';

describe('parseWhere', () => {
  it('reads a range, both ends included', () => {
    expect(parseWhere('age 10-15').conditions).toEqual([{ kind: 'range', field: 'age', min: 10, max: 15, position: 1 }]);
  });

  it('reads comparisons with every operator, == as =', () => {
    const ops = ['=', '==', '!=', '<', '<=', '>', '>='];
    const parsed = ops.map((op) => parseWhere(`imd_decile ${op} 3`).conditions[0]);
    expect(parsed.map((c) => (c!.kind === 'compare' ? c!.op : null))).toEqual(['=', '=', '!=', '<', '<=', '>', '>=']);
    expect(parsed.every((c) => c!.kind === 'compare' && c!.value === 3)).toBe(true);
  });

  it('reads quoted text with an apostrophe, words, and "and" in any case', () => {
    const e = parseWhere(`age >= 12 AND service = "Children's Centre" and cluster = D`);
    expect(e.conditions).toEqual([
      { kind: 'compare', field: 'age', op: '>=', value: 12, raw: '12', position: 1 },
      { kind: 'compare', field: 'service', op: '=', value: "Children's Centre", raw: "Children's Centre", position: 15 },
      { kind: 'compare', field: 'cluster', op: '=', value: 'D', raw: 'D', position: 49 },
    ]);
  });

  it('reads "field value" as equality and lower-cases field names', () => {
    expect(parseWhere('Age 12').conditions[0]).toEqual({ kind: 'compare', field: 'age', op: '=', value: 12, raw: '12', position: 1 });
    expect(parseWhere("ethnicity 'White British'").conditions[0]).toMatchObject({ value: 'White British' });
  });

  it('rejects bad syntax with the position', () => {
    expect(() => parseWhere('')).toThrow(/empty filter at position 1/);
    expect(() => parseWhere('age >=')).toThrow(/expected a value after ">=" at position 7/);
    expect(() => parseWhere('age 15-10')).toThrow(/first end <= its second, got 15-10 at position 5/);
    expect(() => parseWhere('age 10-')).toThrow(/expected a number after "10-" to close the range at position 8/);
    expect(() => parseWhere('age 12 or age 14')).toThrow(/expected "and" or the end of the filter, got "or" \(only "and" is supported\) at position 8/);
    expect(() => parseWhere('service = "Family')).toThrow(/unterminated quoted text .* at position 11/);
    expect(() => parseWhere('age 12 and')).toThrow(/expected a field name after "and" at position 11/);
    expect(() => parseWhere('12 = age')).toThrow(/expected a field name, got "12" at position 1/);
    expect(() => parseWhere('age ; 3')).toThrow(/unexpected character ";" at position 5/);
  });
});
