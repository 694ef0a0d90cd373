/**
 * How the categories of a CHAID predictor may be merged, which decides its Bonferroni
 * multiplier: any two categories ('nominal'), adjacent categories only ('ordinal'), or
 * adjacent categories plus a floating missing category that may join any group ('floating').
 */
export const MERGE_KINDS = ['nominal', 'ordinal', 'floating'] as const;
export type MergeKind = (typeof MERGE_KINDS)[number];

function binomialBig(n: number, k: number): bigint {
  if (k < 0 || n < 0 || k > n) return 0n;
  let kk = Math.min(k, n - k);
  let num = 1n;
  let den = 1n;
  for (let i = 0; i < kk; i++) {
    num *= BigInt(n - i);
    den *= BigInt(i + 1);
  }
  return num / den;
}

function factorialBig(n: number): bigint {
  let f = 1n;
  for (let i = 2; i <= n; i++) f *= BigInt(i);
  return f;
}

function checkCounts(fn: string, c: number, r: number): void {
  if (!Number.isSafeInteger(c) || c < 1) throw new Error(`${fn} requires c to be a whole number >= 1, got c=${c}`);
  if (!Number.isSafeInteger(r) || r < 1 || r > c) {
    throw new Error(`${fn} requires r to be a whole number with 1 <= r <= c, got r=${r}, c=${c}`);
  }
}

/**
 * The Bonferroni multiplier of CHAID (Kass 1980; the SPSS TREE algorithm): the number of
 * ways `c` categories of a predictor can be reduced to `r` groups.
 *
 * - nominal: S(c, r) = Σ_{i=0}^{r−1} (−1)^i (r−i)^c / (i! (r−i)!) (a Stirling number of the
 *   second kind), computed exactly in integers as Σ (−1)^i C(r, i) (r−i)^c / r!;
 * - ordinal: C(c−1, r−1);
 * - floating (ordinal with a missing category; `c` counts the missing category):
 *   C(c−2, r−2) + r·C(c−2, r−1).
 *
 * r = c gives 1 for every kind. The result is a JavaScript number (exact up to 2^53).
 *
 * Cost: O(r · log c) big-integer operations.
 * @throws if c or r is not a whole number with 1 <= r <= c, or the kind is unknown.
 * @example bonferroniMultiplier(5, 3, 'ordinal') // 6
 * @example bonferroniMultiplier(5, 3, 'nominal') // 25
 * @example bonferroniMultiplier(5, 3, 'floating') // 12
 */
export function bonferroniMultiplier(c: number, r: number, kind: MergeKind): number {
  checkCounts('bonferroniMultiplier', c, r);
  switch (kind) {
    case 'ordinal':
      return Number(binomialBig(c - 1, r - 1));
    case 'floating':
      return Number(binomialBig(c - 2, r - 2) + BigInt(r) * binomialBig(c - 2, r - 1));
    case 'nominal': {
      let sum = 0n;
      for (let i = 0; i < r; i++) {
        const term = binomialBig(r, i) * BigInt(r - i) ** BigInt(c);
        sum += i % 2 === 0 ? term : -term;
      }
      return Number(sum / factorialBig(r));
    }
    default:
      throw new Error(`bonferroniMultiplier requires kind to be one of ${MERGE_KINDS.join(', ')}, got ${String(kind)}`);
  }
}

/**
 * The Bonferroni multiplier of Exhaustive CHAID (Biggs, de Ville and Suen 1991, as the
 * SPSS TREE algorithm gives it): merging goes on until two groups remain, and the
 * multiplier is the number of pairs that could have been merged, summed over the
 * iterations: ordinal (and floating) c(c−1)/2, nominal c(c²−1)/6, where `c` is the
 * number of categories the predictor has in the node.
 *
 * Cost: O(1).
 * @throws if c is not a whole number >= 1, or the kind is unknown.
 * @example exhaustiveBonferroniMultiplier(5, 'ordinal') // 10
 * @example exhaustiveBonferroniMultiplier(5, 'nominal') // 20
 */
export function exhaustiveBonferroniMultiplier(c: number, kind: MergeKind): number {
  checkCounts('exhaustiveBonferroniMultiplier', c, 1);
  switch (kind) {
    case 'ordinal':
    case 'floating':
      return Math.max(1, (c * (c - 1)) / 2);
    case 'nominal':
      return Math.max(1, (c * (c * c - 1)) / 6);
    default:
      throw new Error(
        `exhaustiveBonferroniMultiplier requires kind to be one of ${MERGE_KINDS.join(', ')}, got ${String(kind)}`,
      );
  }
}
