import { assertInteger } from './assert.js';

const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
const TABLE_SIZE = 171; // 170! is the largest factorial below the float maximum
const LOG_FACTORIALS: number[] = (() => {
  const out = [0];
  let f = 1;
  for (let m = 1; m < TABLE_SIZE; m++) {
    f *= m;
    out.push(Math.log(f));
  }
  return out;
})();

/**
 * Natural log of m! for a whole number m >= 0: from a table of exact products up to 170!,
 * and by Stirling's series lnΓ(x) = (x − ½)ln x − x + ½ln 2π + 1/(12x) − 1/(360x³) +
 * 1/(1260x⁵) − 1/(1680x⁷) with x = m + 1 beyond (truncation error < 1e-24 there).
 *
 * Cost: O(1).
 *
 * @throws if m is not a whole number >= 0.
 * @example logFactorial(10) // 15.104412573075516 (= ln 3628800)
 */
export function logFactorial(m: number): number {
  assertInteger('logFactorial', 'm', m, 0);
  if (m < TABLE_SIZE) return LOG_FACTORIALS[m]!;
  const x = m + 1;
  const x2 = x * x;
  const series = (1 / 12 - (1 / 360 - (1 / 1260 - 1 / (1680 * x2)) / x2) / x2) / x;
  return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + series;
}
