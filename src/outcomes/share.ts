import { wilsonInterval } from '../stats/wilson-interval.js';

/** A count out of a stated denominator, as a percentage with a Wilson 95% interval. */
export interface Share {
  count: number;
  denominator: number;
  /** 100 * count / denominator; null when the denominator is 0. */
  percent: number | null;
  /** Wilson score 95% interval, in percent; null when the denominator is 0. */
  ci95: [number, number] | null;
}

/**
 * A count as a share of its denominator, with a Wilson score 95% interval (as R's
 * `prop.test(count, denominator, correct = FALSE)$conf.int`, times 100).
 *
 * Cost: O(1).
 * @throws when count or denominator is not a whole number >= 0, or count > denominator.
 * @example share(3, 12) // { count: 3, denominator: 12, percent: 25, ci95: [8.89, 53.23] }
 */
export function share(count: number, denominator: number): Share {
  if (!Number.isInteger(count) || count < 0) {
    throw new Error(`share requires a whole-number count >= 0, got ${count}`);
  }
  if (!Number.isInteger(denominator) || denominator < count) {
    throw new Error(`share requires a whole-number denominator >= count, got ${denominator} (count ${count})`);
  }
  if (denominator === 0) return { count, denominator, percent: null, ci95: null };
  const [lo, hi] = wilsonInterval(count, denominator, 0.95);
  return { count, denominator, percent: (100 * count) / denominator, ci95: [100 * lo, 100 * hi] };
}
