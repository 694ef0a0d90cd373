import { describe, expect, it } from 'vitest';
import { CliUsageError } from '../../src/cli/context.js';
import { parseSeed, parseWholeOption } from '../../src/cli/parse-options.js';

describe('parseWholeOption', () => {
  it('takes whole numbers written as digits (sign and surrounding spaces allowed) and numbers from the configuration', () => {
    expect(parseWholeOption('12', '--k', 1)).toBe(12);
    expect(parseWholeOption(' +7 ', '--k')).toBe(7);
    expect(parseWholeOption('007', '--k')).toBe(7);
    expect(parseWholeOption(9, 'analysis.cluster.k', 2)).toBe(9);
    expect(parseWholeOption('-3', '--seed', -10)).toBe(-3);
    expect(parseWholeOption('10', '--families', 1, 10)).toBe(10);
  });

  it('refuses, never converts, what is not one, naming the option and the value (exit 2)', () => {
    for (const bad of ['1e3', '0x10', '1.0', '1.5', '', ' ', 'ten', '9007199254740993', 'Infinity', '1_000']) {
      expect(() => parseWholeOption(bad, '--k', 0)).toThrow(new CliUsageError(`--k must be a whole number ≥ 0, got ${JSON.stringify(bad)}`));
    }
    for (const bad of [1.5, NaN, Infinity, true, null, [3], {}]) expect(() => parseWholeOption(bad, 'analysis.x', 0)).toThrow(CliUsageError);
    expect(() => parseWholeOption('1', '--k', 2)).toThrow('--k must be a whole number ≥ 2, got "1"');
    expect(() => parseWholeOption('11', '--families', 1, 10)).toThrow('--families must be a whole number from 1 to 10, got "11"');
  });

  it('parseSeed defaults to 1 and refuses a negative or converted seed', () => {
    expect(parseSeed(undefined)).toBe(1);
    expect(parseSeed('42')).toBe(42);
    expect(() => parseSeed('-1')).toThrow('--seed must be a whole number ≥ 0, got "-1"');
    expect(() => parseSeed('0x10')).toThrow(CliUsageError);
  });
});
