import { createRng } from '../stats/rng.js';
import { checkDataMatrix, type DataMatrix } from './data-matrix.js';
import { checkFitOptions, type CheckedFitOptions } from './fit-options.js';
import { kMeansPlusPlus } from './k-means-plus-plus.js';
import { packBinary, type PackedBinary } from './pack-binary.js';

/** Class probabilities are kept in [FLOOR, 1 − FLOOR] so that every log-likelihood is finite. */
export const BERNOULLI_FLOOR = 1e-10;

/** Parameters of a mixture of independent Bernoulli distributions (latent classes). */
export interface BernoulliMixtureParameters {
  /** Class weights π_c (sum 1). */
  weights: number[];
  /** probabilities[c][j]: chance that indicator j is 1 in class c. */
  probabilities: number[][];
}

/** Options for {@link bernoulliMixture}. */
export interface BernoulliMixtureOptions {
  /** Number of latent classes, 1 <= k <= rows. */
  k: number;
  /** EM starts; the one with the highest log-likelihood is kept (default 10). */
  restarts?: number;
  /** Seed of the k-means++ draws that make the starts (default 1). */
  seed?: number;
  /** Most EM steps per start (default 1000). */
  maxIterations?: number;
  /** Stop when the log-likelihood changes by no more than tolerance × |log-likelihood| (default 1e-7). */
  tolerance?: number;
  /** Start from these parameters instead (one start; `restarts` must be 1 or absent). */
  initial?: BernoulliMixtureParameters;
}

/** One EM start within {@link bernoulliMixture}. */
export interface BernoulliMixtureRestart {
  logLikelihood: number;
  iterations: number;
  converged: boolean;
}

/** Result of {@link bernoulliMixture}. */
export interface BernoulliMixtureResult extends BernoulliMixtureParameters {
  k: number;
  /** Σ_i log Σ_c π_c Π_j p_cj^x_ij (1 − p_cj)^(1 − x_ij) at the fitted parameters. */
  logLikelihood: number;
  /** Free parameters: k·cols probabilities + (k − 1) weights. */
  parameters: number;
  /** −2 logLikelihood + parameters · ln(rows). */
  bic: number;
  /** −2 logLikelihood + 2 parameters. */
  aic: number;
  /** Posterior class probabilities, rows × k, row-major. */
  posteriors: Float64Array;
  /** Modal class of each row (highest posterior, ties to the lower index). */
  labels: Int32Array;
  /**
   * Entropy R² of the classification, 1 − Σ_i Σ_c −r_ic ln r_ic / (rows · ln k): 1 when
   * every row belongs to one class for sure (1 when k = 1).
   */
  entropyR2: number;
  iterations: number;
  converged: boolean;
  restarts: BernoulliMixtureRestart[];
  bestRestart: number;
  initialization: 'kmeans++' | 'given';
  seed: number | null;
}

/**
 * Latent class analysis of 0/1 indicators: a mixture of k classes, each with independent
 * Bernoulli indicators, fitted by maximum likelihood with the EM algorithm from several
 * seeded starts. Each start takes k-means++ seeds, assigns every row to its nearest seed,
 * and estimates the first parameters from that hard partition; EM then runs until the
 * log-likelihood stops rising (relative change <= tolerance). Probabilities are kept in
 * [1e-10, 1 − 1e-10] (stated as BERNOULLI_FLOOR); a class whose weight falls to 0 keeps its
 * probabilities. The start with the highest log-likelihood is kept.
 *
 * Cost: O(restarts · iterations · rows · k · cols/8) with per-class lookup tables over bytes
 * of packed rows; posteriors take rows · k numbers.
 *
 * @throws if the data are not all 0/1, k is not a whole number in [1, rows], restarts or
 *   maxIterations are not whole numbers >= 1, tolerance is negative, the seed is not a safe
 *   integer, or the initial parameters have the wrong shape or values outside [0, 1].
 * @example
 * const fit = bernoulliMixture({ rows: 4, cols: 2, values: new Uint8Array([1, 1, 1, 1, 0, 0, 0, 0]) }, { k: 2 });
 * fit.labels // [0, 0, 1, 1] or [1, 1, 0, 0]; fit.logLikelihood ≈ 4·ln(0.5) = −2.77
 */
export function bernoulliMixture(data: DataMatrix, options: BernoulliMixtureOptions): BernoulliMixtureResult {
  const { binary } = checkDataMatrix('bernoulliMixture', data);
  if (!binary) throw new Error('bernoulliMixture requires 0/1 data, got values other than 0 and 1');
  const n = data.rows;
  const d = data.cols;
  const o = checkOptions(options, n, d);
  const packed = packBinary(data);
  const restarts: BernoulliMixtureRestart[] = [];
  let best: EmRun | null = null;
  let bestRestart = 0;
  const starts: BernoulliMixtureParameters[] = [];
  if (o.initial) {
    starts.push(o.initial);
  } else {
    const rng = createRng(o.seed);
    for (let r = 0; r < o.restarts; r++) {
      const seeding = kMeansPlusPlus({ kind: 'binary', packed }, o.k, rng.fork());
      starts.push(hardStart(packed, seeding.labels, o.k));
    }
  }
  starts.forEach((start, r) => {
    const run = runEm(packed, start, o.k, o.maxIterations, o.tolerance);
    restarts.push({ logLikelihood: run.logLikelihood, iterations: run.iterations, converged: run.converged });
    if (best === null || run.logLikelihood > best.logLikelihood) {
      best = run;
      bestRestart = r;
    }
  });
  const fit = best as unknown as EmRun;
  const k = o.k;
  const parameters = k * d + (k - 1);
  const labels = new Int32Array(n);
  let entropy = 0;
  for (let i = 0; i < n; i++) {
    let bi = 0;
    for (let c = 0; c < k; c++) {
      const r = fit.posteriors[i * k + c]!;
      if (r > fit.posteriors[i * k + bi]!) bi = c;
      if (r > 0) entropy -= r * Math.log(r);
    }
    labels[i] = bi;
  }
  return {
    k,
    weights: Array.from(fit.weights),
    probabilities: Array.from({ length: k }, (_, c) => Array.from(fit.probabilities.subarray(c * d, (c + 1) * d))),
    logLikelihood: fit.logLikelihood,
    parameters,
    bic: -2 * fit.logLikelihood + parameters * Math.log(n),
    aic: -2 * fit.logLikelihood + 2 * parameters,
    posteriors: fit.posteriors,
    labels,
    entropyR2: k === 1 ? 1 : 1 - entropy / (n * Math.log(k)),
    iterations: fit.iterations,
    converged: fit.converged,
    restarts,
    bestRestart,
    initialization: o.initial ? 'given' : 'kmeans++',
    seed: o.initial ? null : o.seed,
  };
}

/**
 * The log-likelihood of a Bernoulli mixture's parameters on 0/1 data:
 * Σ_i log Σ_c π_c Π_j p_cj^x_ij (1 − p_cj)^(1 − x_ij), computed with log-sum-exp.
 * Probabilities are used as given (0 and 1 allowed: a row impossible in every class gives −Infinity).
 *
 * Cost: O(rows · k · cols).
 *
 * @throws if the data are not all 0/1, or the parameters have the wrong shape, weights
 *   outside [0, 1] or probabilities outside [0, 1].
 * @example bernoulliMixtureLogLikelihood({ rows: 1, cols: 1, values: new Uint8Array([1]) }, { weights: [1], probabilities: [[0.25]] }) // ln 0.25
 */
export function bernoulliMixtureLogLikelihood(data: DataMatrix, params: BernoulliMixtureParameters): number {
  const { binary } = checkDataMatrix('bernoulliMixtureLogLikelihood', data);
  if (!binary) throw new Error('bernoulliMixtureLogLikelihood requires 0/1 data, got values other than 0 and 1');
  const k = Array.isArray(params?.weights) ? params.weights.length : 0;
  checkParameters('bernoulliMixtureLogLikelihood', params, k, data.cols);
  const { rows: n, cols: d, values } = data;
  const logf = new Float64Array(k);
  let total = 0;
  for (let i = 0; i < n; i++) {
    let m = -Infinity;
    for (let c = 0; c < k; c++) {
      let s = Math.log(params.weights[c]!);
      const p = params.probabilities[c]!;
      for (let j = 0; j < d; j++) s += values[i * d + j] === 1 ? Math.log(p[j]!) : Math.log(1 - p[j]!);
      logf[c] = s;
      if (s > m) m = s;
    }
    if (m === -Infinity) return -Infinity;
    let sum = 0;
    for (let c = 0; c < k; c++) sum += Math.exp(logf[c]! - m);
    total += m + Math.log(sum);
  }
  return total;
}

interface EmRun {
  weights: Float64Array;
  probabilities: Float64Array;
  logLikelihood: number;
  posteriors: Float64Array;
  iterations: number;
  converged: boolean;
}

/** Parameters estimated from a hard partition (the M-step with 0/1 responsibilities). */
function hardStart(packed: PackedBinary, labels: Int32Array, k: number): BernoulliMixtureParameters {
  const { rows: n, cols: d, stride: S, bytes } = packed;
  const sizes = new Float64Array(k);
  const counts = new Float64Array(k * d);
  for (let i = 0; i < n; i++) {
    const c = labels[i]!;
    sizes[c]++;
    for (let b = 0; b < S; b++) {
      let v = bytes[i * S + b]!;
      while (v !== 0) {
        const low = v & -v;
        counts[c * d + b * 8 + 31 - Math.clz32(low)]++;
        v ^= low;
      }
    }
  }
  return {
    weights: Array.from(sizes, (s) => s / n),
    probabilities: Array.from({ length: k }, (_, c) =>
      Array.from({ length: d }, (_, j) => (sizes[c]! > 0 ? counts[c * d + j]! / sizes[c]! : 0.5)),
    ),
  };
}

/** A probability kept in [BERNOULLI_FLOOR, 1 − BERNOULLI_FLOOR]. Internal (also used by assignToModel). */
export const clampP = (p: number): number => (p < BERNOULLI_FLOOR ? BERNOULLI_FLOOR : p > 1 - BERNOULLI_FLOOR ? 1 - BERNOULLI_FLOOR : p);

/** EM from the given parameters on packed rows. */
function runEm(packed: PackedBinary, start: BernoulliMixtureParameters, k: number, maxIterations: number, tolerance: number): EmRun {
  const { rows: n, cols: d, stride: S, groups: G, bytes } = packed;
  const weights = Float64Array.from(start.weights);
  const probs = new Float64Array(k * d);
  start.probabilities.forEach((p, c) => p.forEach((v, j) => (probs[c * d + j] = clampP(v))));
  const table = new Float64Array(k * S * 256);
  const base = new Float64Array(k);
  const logf = new Float64Array(k);
  const posteriors = new Float64Array(n * k);
  const hist = new Float64Array(k * S * 256);
  const w8 = new Float64Array(8);

  // E-step: posteriors and the log-likelihood at the current parameters.
  const eStep = (): number => {
    for (let c = 0; c < k; c++) {
      let s = Math.log(weights[c]!);
      for (let j = 0; j < d; j++) s += Math.log(1 - probs[c * d + j]!);
      base[c] = s;
      for (let b = 0; b < S; b++) {
        for (let t = 0; t < 8; t++) {
          const j = b * 8 + t;
          w8[t] = j < d ? Math.log(probs[c * d + j]!) - Math.log(1 - probs[c * d + j]!) : 0;
        }
        const tb = (c * S + b) << 8;
        table[tb] = 0;
        for (let v = 1; v < 256; v++) {
          const low = v & -v;
          table[tb + v] = table[tb + (v ^ low)]! + w8[31 - Math.clz32(low)]!;
        }
      }
    }
    let ll = 0;
    for (let i = 0; i < n; i++) {
      const off = i * S;
      let m = -Infinity;
      for (let c = 0; c < k; c++) {
        let s = base[c]!;
        for (let g = 0; g < G; g++) {
          const o = off + g * 8;
          const t = (c * S + g * 8) << 8;
          s += table[t + bytes[o]!]! + table[t + 256 + bytes[o + 1]!]! + table[t + 512 + bytes[o + 2]!]! +
            table[t + 768 + bytes[o + 3]!]! + table[t + 1024 + bytes[o + 4]!]! + table[t + 1280 + bytes[o + 5]!]! +
            table[t + 1536 + bytes[o + 6]!]! + table[t + 1792 + bytes[o + 7]!]!;
        }
        logf[c] = s;
        if (s > m) m = s;
      }
      let sum = 0;
      for (let c = 0; c < k; c++) {
        const e = Math.exp(logf[c]! - m);
        posteriors[i * k + c] = e;
        sum += e;
      }
      for (let c = 0; c < k; c++) posteriors[i * k + c] /= sum;
      ll += m + Math.log(sum);
    }
    return ll;
  };

  // M-step: weights and probabilities from the posteriors (histograms of byte values per class).
  const mStep = (): void => {
    hist.fill(0);
    const sizes = new Float64Array(k);
    for (let i = 0; i < n; i++) {
      const off = i * S;
      for (let c = 0; c < k; c++) {
        const r = posteriors[i * k + c]!;
        sizes[c] += r;
        const hb = (c * S) << 8;
        for (let b = 0; b < S; b++) hist[hb + (b << 8) + bytes[off + b]!] += r;
      }
    }
    for (let c = 0; c < k; c++) {
      weights[c] = sizes[c]! / n;
      if (sizes[c]! === 0) continue;
      for (let b = 0; b < S; b++) {
        const hb = (c * S + b) << 8;
        for (let t = 0; t < 8; t++) {
          const j = b * 8 + t;
          if (j >= d) break;
          let s = 0;
          for (let v = 1; v < 256; v++) if ((v >> t) & 1) s += hist[hb + v]!;
          probs[c * d + j] = clampP(s / sizes[c]!);
        }
      }
    }
  };

  let ll = eStep();
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    mStep();
    const next = eStep();
    const change = next - ll;
    ll = next;
    if (Math.abs(change) <= tolerance * Math.abs(ll)) {
      converged = true;
      break;
    }
  }
  return { weights, probabilities: probs, logLikelihood: ll, posteriors, iterations, converged };
}

interface CheckedOptions extends CheckedFitOptions {
  initial: BernoulliMixtureParameters | null;
}

function checkParameters(fn: string, params: BernoulliMixtureParameters, k: number, d: number): void {
  if (!params || !Array.isArray(params.weights) || params.weights.length !== k) {
    throw new Error(`${fn} requires ${k} class weights, got ${Array.isArray(params?.weights) ? params.weights.length : typeof params?.weights}`);
  }
  params.weights.forEach((w, c) => {
    if (typeof w !== 'number' || !(w >= 0 && w <= 1)) throw new Error(`${fn} requires weights in [0, 1], got ${String(w)} for class ${c}`);
  });
  if (!Array.isArray(params.probabilities) || params.probabilities.length !== k) {
    throw new Error(`${fn} requires ${k} rows of probabilities, got ${Array.isArray(params.probabilities) ? params.probabilities.length : typeof params.probabilities}`);
  }
  params.probabilities.forEach((p, c) => {
    if (!Array.isArray(p) || p.length !== d) {
      throw new Error(`${fn} requires ${d} probabilities per class, got ${Array.isArray(p) ? p.length : typeof p} for class ${c}`);
    }
    p.forEach((v, j) => {
      if (typeof v !== 'number' || !(v >= 0 && v <= 1)) {
        throw new Error(`${fn} requires probabilities in [0, 1], got ${String(v)} for class ${c}, indicator ${j}`);
      }
    });
  });
}

function checkOptions(options: BernoulliMixtureOptions, n: number, d: number): CheckedOptions {
  const fit = checkFitOptions('bernoulliMixture', options, n, options?.initial !== undefined, { maxIterations: 1000, tolerance: 1e-7 });
  const { k, restarts } = fit;
  let initial: BernoulliMixtureParameters | null = null;
  if (options.initial !== undefined) {
    checkParameters('bernoulliMixture', options.initial, k, d);
    if (restarts !== 1) throw new Error(`bernoulliMixture requires restarts=1 with initial parameters, got restarts=${restarts}`);
    initial = options.initial;
  }
  return { ...fit, initial };
}
