/** The options kMeans and bernoulliMixture share, checked. */
export interface CheckedFitOptions {
  k: number;
  restarts: number;
  seed: number;
  maxIterations: number;
  tolerance: number;
}

/**
 * Checks the options every seeded clustering fit shares (k, restarts, seed, maxIterations,
 * tolerance) and fills in defaults: restarts 1 when the fit starts from given parameters
 * (`given`), else 10; seed 1; maxIterations and tolerance from `defaults`. Internal: the
 * messages name `fn`, the rule and the value.
 *
 * Cost: O(1).
 *
 * @throws if options is not an object, k is not a whole number in [1, n], restarts or
 *   maxIterations are not whole numbers >= 1, the seed is not a safe integer, or tolerance
 *   is negative or not finite.
 * @example checkFitOptions('kMeans', { k: 2 }, 10, false, { maxIterations: 300, tolerance: 1e-6 }).restarts // 10
 */
export function checkFitOptions(
  fn: string,
  options: { k: number; restarts?: number; seed?: number; maxIterations?: number; tolerance?: number },
  n: number,
  given: boolean,
  defaults: { maxIterations: number; tolerance: number },
): CheckedFitOptions {
  if (options === null || typeof options !== 'object') {
    throw new Error(`${fn} requires an options object with k, got ${String(options)}`);
  }
  const { k } = options;
  if (!Number.isSafeInteger(k) || k < 1) throw new Error(`${fn} requires k to be a whole number >= 1, got k=${String(k)}`);
  if (k > n) throw new Error(`${fn} requires k <= n, got k=${k}, n=${n}`);
  const restarts = options.restarts ?? (given ? 1 : 10);
  if (!Number.isSafeInteger(restarts) || restarts < 1) {
    throw new Error(`${fn} requires restarts to be a whole number >= 1, got restarts=${String(restarts)}`);
  }
  const seed = options.seed ?? 1;
  if (!Number.isSafeInteger(seed)) throw new Error(`${fn} requires a whole-number seed, got seed=${String(seed)}`);
  const maxIterations = options.maxIterations ?? defaults.maxIterations;
  if (!Number.isSafeInteger(maxIterations) || maxIterations < 1) {
    throw new Error(`${fn} requires maxIterations to be a whole number >= 1, got maxIterations=${String(maxIterations)}`);
  }
  const tolerance = options.tolerance ?? defaults.tolerance;
  if (typeof tolerance !== 'number' || !Number.isFinite(tolerance) || tolerance < 0) {
    throw new Error(`${fn} requires tolerance to be a finite number >= 0, got tolerance=${String(tolerance)}`);
  }
  return { k, restarts, seed, maxIterations, tolerance };
}
