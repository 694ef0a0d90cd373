import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvField } from '../../src/synth/csv-field.js';

describe('csvField', () => {
  it('leaves plain values alone and quotes what RFC 4180 requires', () => {
    expect(csvField('White British')).toBe('White British');
    expect(csvField("Children's Centres")).toBe("Children's Centres");
    expect(csvField('')).toBe('');
    expect(csvField('Smith, J')).toBe('"Smith, J"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
  });

  it('round-trips through an independent RFC 4180 reader (papaparse)', () => {
    const values = ['a,b', 'q"uote', 'line\r\nbreak', ' lead', 'trail ', 'plain', ''];
    const parsed = Papa.parse<string[]>(values.map(csvField).join(','), { header: false });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0]).toEqual(values);
  });
});
