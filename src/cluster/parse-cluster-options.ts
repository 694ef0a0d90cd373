import { P_ADJUST_METHODS, type PAdjustMethod } from '../stats/p-adjust.js';
import { CLUSTER_METHODS, type ClusterMethod } from './cluster-model.js';
import type { ClusterNeedsOptions } from './cluster-needs.js';

const WHOLE_KEYS = { k: 1, kMin: 2, kMax: 2, restarts: 1, lcaRestarts: 1, seed: 0, maxIterations: 1, groups: 1, silhouetteSampleSize: 2, sampleSize: 2 } as const;
const KNOWN = [
  ...Object.keys(WHOLE_KEYS),
  'method',
  'tolerance',
  'needIds',
  'names',
  'groupOverrides',
  'stability',
  'adjust',
  'alpha',
  'crossTabs',
] as const;

/**
 * Reads the configuration's `analysis.cluster` section as {@link ClusterNeedsOptions}
 * (the same names: k, kMin, kMax, restarts, lcaRestarts, seed, maxIterations, tolerance,
 * method, groups, needIds, names, groupOverrides, stability (false or { resamples,
 * restarts, seed, subsetSize }), silhouetteSampleSize, sampleSize, adjust, alpha, crossTabs),
 * checking each value.
 *
 * Cost: O(size of the section).
 *
 * @throws naming the first key that is unknown or has a value of the wrong kind, and the value.
 * @example parseClusterOptions({ k: 9, stability: { resamples: 50 } }) // { k: 9, stability: { resamples: 50 } }
 */
export function parseClusterOptions(section: Record<string, unknown>): ClusterNeedsOptions {
  const fail = (key: string, rule: string, value: unknown): never => {
    throw new Error(`analysis.cluster.${key} must be ${rule}, got ${JSON.stringify(value)}`);
  };
  const out: ClusterNeedsOptions = {};
  const o = out as Record<string, unknown>;
  for (const [key, value] of Object.entries(section)) {
    if (!(KNOWN as readonly string[]).includes(key)) fail(key, `one of the known keys (${KNOWN.join(', ')})`, key);
    if (key in WHOLE_KEYS) {
      const min = WHOLE_KEYS[key as keyof typeof WHOLE_KEYS];
      if (!Number.isSafeInteger(value) || (value as number) < min) fail(key, `a whole number >= ${min}`, value);
      o[key] = value;
    } else if (key === 'method') {
      if (!CLUSTER_METHODS.includes(value as ClusterMethod)) fail(key, CLUSTER_METHODS.join(' or '), value);
      out.method = value as ClusterMethod;
    } else if (key === 'adjust') {
      if (!P_ADJUST_METHODS.includes(value as PAdjustMethod)) fail(key, `one of ${P_ADJUST_METHODS.join(', ')}`, value);
      out.adjust = value as PAdjustMethod;
    } else if (key === 'tolerance' || key === 'alpha') {
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || (key === 'alpha' && !(value > 0 && value < 1))) {
        fail(key, key === 'alpha' ? 'a number in (0, 1)' : 'a number >= 0', value);
      }
      o[key] = value;
    } else if (key === 'crossTabs') {
      if (typeof value !== 'boolean') fail(key, 'true or false', value);
      out.crossTabs = value as boolean;
    } else if (key === 'needIds') {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) fail(key, 'a list of indicator ids', value);
      out.needIds = [...(value as string[])];
    } else if (key === 'names' || key === 'groupOverrides') {
      if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.values(value).every((v) => typeof v === 'string')) {
        fail(key, 'a map from cluster labels to text', value);
      }
      o[key] = { ...(value as Record<string, string>) };
    } else if (key === 'stability') {
      if (value === false) out.stability = false;
      else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        const s: { resamples?: number; restarts?: number; seed?: number; subsetSize?: number } = {};
        for (const [sk, sv] of Object.entries(value)) {
          if (!['resamples', 'restarts', 'seed', 'subsetSize'].includes(sk)) fail(`stability.${sk}`, 'one of resamples, restarts, seed, subsetSize', sk);
          const min = sk === 'seed' ? 0 : sk === 'subsetSize' ? 2 : 1;
          if (!Number.isSafeInteger(sv) || (sv as number) < min) fail(`stability.${sk}`, `a whole number >= ${min}`, sv);
          s[sk as 'resamples'] = sv as number;
        }
        out.stability = s;
      } else fail(key, 'false or { resamples, restarts, seed, subsetSize }', value);
    }
  }
  return out;
}
