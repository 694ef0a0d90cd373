import { describe, expect, it } from 'vitest';
import { dayOf, isoDay } from '../../src/synth/iso-day.js';

describe('isoDay / dayOf', () => {
  it('convert between day numbers and ISO dates, in and out of the cached range', () => {
    expect(isoDay(0)).toBe('1970-01-01');
    expect(dayOf('2016-02-29')).toBe(Date.UTC(2016, 1, 29) / 86_400_000);
    for (const iso of ['2009-12-31', '2010-01-01', '2016-02-29', '2018-05-31', '2030-12-31', '2031-01-01']) {
      expect(isoDay(dayOf(iso))).toBe(iso);
    }
  });

  it('reject what is not a date or a whole day', () => {
    expect(() => dayOf('31/05/2018')).toThrow('dayOf requires a date YYYY-MM-DD, got 31/05/2018');
    expect(() => isoDay(1.5)).toThrow('isoDay requires a whole day number, got 1.5');
  });
});
