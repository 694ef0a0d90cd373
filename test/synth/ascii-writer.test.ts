import { describe, expect, it } from 'vitest';
import { AsciiWriter, asciiBytes } from '../../src/synth/ascii-writer.js';

describe('AsciiWriter', () => {
  it('writes text, bytes and zero-padded whole numbers, growing past its first capacity', () => {
    const w = new AsciiWriter(4);
    w.text('F');
    w.int(42, 7);
    w.byte(44);
    w.int(0);
    w.byte(44);
    w.int(1234567890, 3);
    w.bytes(asciiBytes(",Children's Centres\n"));
    expect(w.length).toBe(41);
    expect(w.take()).toBe("F0000042,0,1234567890,Children's Centres\n");
    expect(w.length).toBe(0);
    expect(w.take()).toBe('');
  });

  it('rejects text that is not ASCII', () => {
    expect(() => new AsciiWriter().text('café')).toThrow('AsciiWriter requires ASCII text, got "café"');
    expect(() => asciiBytes('£')).toThrow('asciiBytes requires ASCII text, got "£"');
  });
});
