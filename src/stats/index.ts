// Statistics: distributions, tests, intervals, adjustments. Re-exports only.
export { createRng, shuffled, type Rng } from './rng.js';
export { chiSquareTail } from './chi-square-tail.js';
export { normalTail } from './normal-tail.js';
export { normalQuantile } from './normal-quantile.js';
export {
  chiSquareTest,
  CHI_SQUARE_STATISTICS,
  type ChiSquareStatistic,
  type ChiSquareTestOptions,
  type ChiSquareTestResult,
} from './chi-square-test.js';
export { wilsonInterval } from './wilson-interval.js';
export { pAdjust, P_ADJUST_METHODS, type PAdjustMethod } from './p-adjust.js';
export { twoProportionTest, type TwoProportionTestResult } from './two-proportion-test.js';
export { fisherExact, type FisherExactResult } from './fisher-exact.js';
export { oddsRatio, type OddsRatioResult, type TwoByTwoTable } from './odds-ratio.js';
export { mcnemarTest, type McNemarTestOptions, type McNemarTestResult } from './mcnemar-test.js';
export { mannWhitneyU, type MannWhitneyResult } from './mann-whitney.js';
export {
  wilcoxonSignedRank,
  wilcoxonSignedRankOfCounts,
  WILCOXON_EXACT_MAX_N,
  WILCOXON_METHODS,
  type WilcoxonMethod,
  type WilcoxonSignedRankResult,
} from './wilcoxon-signed-rank.js';
export { mean, median, medianOfCounts, quantile } from './descriptive.js';
export { binomialCoefficient, logBinomialCoefficient } from './binomial-coefficient.js';
export { logFactorial } from './log-factorial.js';
