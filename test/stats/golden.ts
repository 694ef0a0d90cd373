// Helpers for the golden-value tests in test/stats/: load a fixture written by
// test/fixtures/stats/make-fixtures.R or make-fixtures.py, and compare with tolerance.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

/** A fixture case: `call` is the R / SciPy call that produced the expected values. */
export type GoldenCase = { call: string } & Record<string, unknown>;

/** Reads test/fixtures/stats/<name>; "Infinity" / "-Infinity" strings become numbers. */
export function loadCases<T extends GoldenCase = GoldenCase>(name: string): T[] {
  const text = readFileSync(new URL(`../fixtures/stats/${name}`, import.meta.url), 'utf8');
  const doc = JSON.parse(text, (_key, value: unknown) =>
    value === 'Infinity' ? Infinity : value === '-Infinity' ? -Infinity : value,
  ) as { cases: T[] };
  if (!Array.isArray(doc.cases) || doc.cases.length === 0) throw new Error(`fixture ${name} has no cases`);
  return doc.cases;
}

/**
 * Absolute slack for probabilities: below 1e-300 the references (R pnorm, SciPy chi2.sf)
 * flush to 0 or lose digits to subnormals, so such values are compared absolutely.
 */
export const TINY = 1e-300;

/**
 * |actual − expected| <= rel·|expected| + abs. Use abs = 0 for probabilities (so tiny
 * p-values are compared relatively), a small abs for statistics that can be ~0.
 */
export function expectClose(actual: number, expected: number, rel = 1e-9, abs = 0, what = ''): void {
  if (expected === Infinity || expected === -Infinity || Number.isNaN(expected)) {
    expect(actual, what).toBe(expected);
    return;
  }
  const tol = rel * Math.abs(expected) + abs;
  if (!(Math.abs(actual - expected) <= tol)) {
    throw new Error(`${what} expected ${expected} ± ${tol}, got ${actual} (relative error ${Math.abs(actual - expected) / Math.abs(expected)})`);
  }
}

/** Element-wise {@link expectClose} for arrays and matrices of the same shape. */
export function expectAllClose(actual: readonly number[], expected: readonly number[], rel = 1e-9, abs = 0, what = ''): void {
  expect(actual.length, `${what} length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) expectClose(actual[i]!, expected[i]!, rel, abs, `${what}[${i}]`);
}
