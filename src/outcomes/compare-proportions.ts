import { chiSquareTest } from '../stats/chi-square-test.js';
import { fisherExact } from '../stats/fisher-exact.js';
import { oddsRatio, type OddsRatioResult } from '../stats/odds-ratio.js';
import { share, type Share } from './share.js';

/** The test behind a 2 × 2 comparison, and why it was chosen. */
export interface TwoByTwoTest {
  method: 'fisher-exact' | 'chi-square';
  /** Smallest expected count under independence (the rule's input). */
  minExpected: number;
  reason: string;
  /** Pearson X² (no continuity correction) and df 1 for chi-square; null for Fisher. */
  statistic: number | null;
  df: 1 | null;
  p: number;
}

export interface ProportionComparison {
  /** Share with the characteristic in the subgroup and in the rest (Wilson 95%, percent). */
  subgroup: Share;
  rest: Share;
  /** [[subgroup yes, subgroup no], [rest yes, rest no]]. */
  table: [[number, number], [number, number]];
  /** Odds of yes in the subgroup over the rest, Woolf 95% interval (0.5 added to every cell when one is 0). */
  oddsRatio: OddsRatioResult | null;
  test: TwoByTwoTest | null;
  /** Why there is no odds ratio or test (an empty row or column), else null. */
  note: string | null;
}

/** How the test of a 2 × 2 comparison is chosen, stated in results. */
export const TWO_BY_TWO_TEST_RULE =
  "Fisher's exact test (two-sided, as R fisher.test) when any expected count is below 5; otherwise Pearson's " +
  'chi-square without continuity correction (as R chisq.test(correct = FALSE)); odds ratio with Woolf 95% interval';

/**
 * Compares a yes/no characteristic between a subgroup (x1 of n1) and the rest (x2 of n2):
 * the two shares with Wilson intervals, the odds ratio of the subgroup against the rest
 * with a Woolf 95% interval, and Fisher's exact test when any expected count is below 5,
 * else Pearson's chi-square without continuity correction.
 *
 * Cost: O(min(n1 + n2, margins)) for Fisher, else O(1).
 * @throws when a count is not a whole number >= 0 or exceeds its total.
 * @example compareProportions(12, 40, 20, 160).oddsRatio?.estimate // 3
 */
export function compareProportions(x1: number, n1: number, x2: number, n2: number): ProportionComparison {
  const subgroup = share(x1, n1);
  const rest = share(x2, n2);
  const table: [[number, number], [number, number]] = [
    [x1, n1 - x1],
    [x2, n2 - x2],
  ];
  const yes = x1 + x2;
  const no = n1 + n2 - yes;
  if (n1 === 0 || n2 === 0 || yes === 0 || no === 0) {
    const what = n1 === 0 ? 'the subgroup is empty' : n2 === 0 ? 'the rest is empty' : yes === 0 ? 'no one has the characteristic' : 'everyone has the characteristic';
    return { subgroup, rest, table, oddsRatio: null, test: null, note: `no odds ratio or test: ${what}` };
  }
  const chi = chiSquareTest(table);
  const minExpected = Math.min(...chi.expected.flat());
  let test: TwoByTwoTest;
  if (minExpected < 5) {
    test = {
      method: 'fisher-exact',
      minExpected,
      reason: `an expected count is below 5 (smallest ${minExpected.toFixed(2)})`,
      statistic: null,
      df: null,
      p: fisherExact(table).p,
    };
  } else {
    test = {
      method: 'chi-square',
      minExpected,
      reason: `every expected count is at least 5 (smallest ${minExpected.toFixed(2)})`,
      statistic: chi.statistic,
      df: 1,
      p: chi.p,
    };
  }
  return { subgroup, rest, table, oddsRatio: oddsRatio(table), test, note: null };
}
