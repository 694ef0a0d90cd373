import { bernoulliMixture } from './bernoulli-mixture.js';
import { checkDataMatrix, type DataMatrix } from './data-matrix.js';
import { kMeans, type KMeansResult } from './k-means.js';
import { silhouetteOnSample, silhouetteSample } from './silhouette.js';

/** Options for {@link chooseK}. */
export interface ChooseKOptions {
  /** Smallest k tried (default 2). */
  kMin?: number;
  /** Largest k tried (default 15; lowered to rows − 1 when there are fewer rows, and said so). */
  kMax?: number;
  /** k-means++ starts per k (default 10). */
  restarts?: number;
  /** Seed of every random draw (default 1). */
  seed?: number;
  /** Passed to {@link kMeans}. */
  maxIterations?: number;
  tolerance?: number;
  /** Rows in the silhouette sample (default 2000; every row when fewer). */
  silhouetteSampleSize?: number;
}

/** One k in the table of {@link chooseK}. */
export interface ChooseKRow {
  k: number;
  /** Within-cluster sum of squares of the best k-means run. */
  inertia: number;
  /** Mean silhouette width of that k-means partition (on the sample). */
  silhouette: number;
  /** BIC of a Bernoulli mixture with k classes (null for data that are not 0/1). */
  bic: number | null;
  logLikelihood: number | null;
}

/** How k was chosen. */
export const CHOOSE_K_RULES = ['lowest-bic', 'highest-silhouette'] as const;
export type ChooseKRule = (typeof CHOOSE_K_RULES)[number];

/** Result of {@link chooseK}. */
export interface ChooseKResult {
  table: ChooseKRow[];
  chosen: number;
  rule: ChooseKRule;
  /** One or two sentences saying why. */
  reason: string;
  kMin: number;
  kMax: number;
  silhouetteRows: number;
  silhouetteSampled: boolean;
  /** The k-means fit at each k (same order as the table). */
  fits: KMeansResult[];
}

/**
 * Chooses the number of clusters over a range of k: for each k, the best of `restarts`
 * seeded k-means runs gives the within-cluster sum of squares and a mean silhouette width
 * (on one seeded sample of rows, the same for every k), and a Bernoulli mixture started
 * from that k-means solution (class probabilities = centroids, weights = cluster shares)
 * and fitted by EM gives a BIC. For 0/1 data the chosen k has the lowest BIC (a likelihood
 * model made for binary indicators, penalised for its k·cols + k − 1 parameters; ties to
 * the smaller k); otherwise the highest mean silhouette.
 *
 * Cost: (kMax − kMin + 1) k-means fits and EM fits, plus O(m² · cols) for the silhouette sample.
 *
 * @throws if the data are malformed, kMin is not a whole number >= 2, kMax < kMin, there
 *   are fewer than kMin + 1 rows, or an option passed on is invalid.
 * @example chooseK(data, { kMin: 2, kMax: 6 }).chosen // the k with the lowest BIC
 */
export function chooseK(data: DataMatrix, options: ChooseKOptions = {}): ChooseKResult {
  const { binary } = checkDataMatrix('chooseK', data);
  const kMin = options.kMin ?? 2;
  const kMaxAsked = options.kMax ?? 15;
  if (!Number.isSafeInteger(kMin) || kMin < 2) throw new Error(`chooseK requires kMin to be a whole number >= 2, got kMin=${String(kMin)}`);
  if (!Number.isSafeInteger(kMaxAsked) || kMaxAsked < kMin) {
    throw new Error(`chooseK requires kMax to be a whole number >= kMin=${kMin}, got kMax=${String(kMaxAsked)}`);
  }
  if (data.rows < kMin + 1) throw new Error(`chooseK requires at least kMin + 1 = ${kMin + 1} rows, got ${data.rows}`);
  const kMax = Math.min(kMaxAsked, data.rows - 1);
  const seed = options.seed ?? 1;
  const sample = silhouetteSample(data, { sampleSize: options.silhouetteSampleSize, seed });

  const table: ChooseKRow[] = [];
  const fits: KMeansResult[] = [];
  for (let k = kMin; k <= kMax; k++) {
    const fit = kMeans(data, {
      k,
      restarts: options.restarts,
      seed,
      maxIterations: options.maxIterations,
      tolerance: options.tolerance,
    });
    fits.push(fit);
    const presentInSample = new Set(sample.rows.map((r) => fit.labels[r]!)).size;
    const sil = presentInSample >= 2 ? silhouetteOnSample(sample, fit.labels).mean : 0;
    let bic: number | null = null;
    let logLikelihood: number | null = null;
    if (binary) {
      const mixture = bernoulliMixture(data, {
        k,
        initial: { weights: fit.sizes.map((s) => s / data.rows), probabilities: fit.centroids },
      });
      bic = mixture.bic;
      logLikelihood = mixture.logLikelihood;
    }
    table.push({ k, inertia: fit.inertia, silhouette: sil, bic, logLikelihood });
  }

  const bestSil = table.reduce((b, r) => (r.silhouette > b.silhouette ? r : b), table[0]!);
  let chosen: ChooseKRow;
  let rule: ChooseKRule;
  let reason: string;
  if (binary) {
    chosen = table.reduce((b, r) => (r.bic! < b.bic! ? r : b), table[0]!);
    rule = 'lowest-bic';
    const neighbours = table
      .filter((r) => Math.abs(r.k - chosen.k) === 1)
      .map((r) => `${fmt(r.bic!)} at k=${r.k}`)
      .join(' and ');
    reason =
      `k=${chosen.k}: the Bernoulli mixture (latent class) model has its lowest BIC there over k=${kMin}–${kMax} ` +
      `(${fmt(chosen.bic!)}${neighbours ? `, against ${neighbours}` : ''}). ` +
      `The mean silhouette at k=${chosen.k} is ${chosen.silhouette.toFixed(3)} (highest ${bestSil.silhouette.toFixed(3)} at k=${bestSil.k}).`;
  } else {
    chosen = bestSil;
    rule = 'highest-silhouette';
    reason = `k=${chosen.k}: the mean silhouette width is highest there over k=${kMin}–${kMax} (${chosen.silhouette.toFixed(3)}); the data are not all 0/1, so no Bernoulli-mixture BIC.`;
  }
  if (chosen.k === kMax && kMax > kMin) reason += ` It is the top of the range: a wider range may choose more clusters.`;
  if (kMax < kMaxAsked) reason += ` The range was cut to k <= ${kMax} because there are only ${data.rows} rows.`;
  return {
    table,
    chosen: chosen.k,
    rule,
    reason,
    kMin,
    kMax,
    silhouetteRows: sample.rows.length,
    silhouetteSampled: sample.sampled,
    fits,
  };
}

function fmt(x: number): string {
  return x.toFixed(1);
}
