import { describe, expect, it } from 'vitest';
import { dayNumber, isoDayNumber, parseDate } from '../../src/cohort/values.js';

describe('the fast paths agree with the general parsers', () => {
  it('isoDayNumber equals dayNumber on every day of 1900–2100 and refuses what parseDate refuses', () => {
    for (let t = Date.UTC(1900, 0, 1); t <= Date.UTC(2100, 11, 31); t += 86_400_000) {
      const iso = new Date(t).toISOString().slice(0, 10);
      if (isoDayNumber(iso) !== dayNumber(iso)) throw new Error(`${iso}: ${isoDayNumber(iso)} vs ${dayNumber(iso)}`);
    }
    for (const bad of ['2021-02-30', '2021-2-03', '2021/02/03', '1899-12-31', '2101-01-01', ' 2021-02-03', '2021-13-01', '20a1-01-01']) {
      expect(isoDayNumber(bad)).toBe(-1);
      const parsed = parseDate(bad, 'yyyy-mm-dd');
      expect(parsed.ok && parsed.value === bad).toBe(false);
    }
  });
});
