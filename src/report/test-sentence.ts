import { formatNumber, formatP } from './format-number.js';

export interface TestSentenceOptions {
  /** e.g. "Pearson’s chi-square test (no continuity correction)". */
  readonly name: string;
  readonly statistic: number;
  readonly df: number;
  readonly p: number;
  /**
   * False when a count of the tested table is suppressed: then the statistic and the
   * exact p are withheld (with margins they could help solve the suppressed count) and
   * only a band of p is given.
   */
  readonly exact: boolean;
}

/**
 * One sentence reporting a significance test, e.g. "Pearson’s chi-square test: statistic
 * 172.86, df 4, p < 0.001." Cost: O(1).
 * @throws Error when p is not in [0, 1].
 * @example testSentence({ name: 'McNemar’s test', statistic: 4.2, df: 1, p: 0.04, exact: true }) // 'McNemar’s test: statistic 4.20, df 1, p = 0.040.'
 */
export function testSentence(options: TestSentenceOptions): string {
  const { name, statistic, df, p } = options;
  if (options.exact) {
    const pText = formatP(p);
    return `${name}: statistic ${formatNumber(statistic, '', 2)}, df ${df}, p ${pText.startsWith('<') ? pText : `= ${pText}`}.`;
  }
  formatP(p);
  const band = p < 0.001 ? 'p < 0.001' : p < 0.01 ? 'p < 0.01' : p < 0.05 ? 'p < 0.05' : 'p ≥ 0.05';
  return `${name}: ${band} (the statistic is not shown because a count in the table is suppressed).`;
}
