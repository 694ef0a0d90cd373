import { describe, expect, it } from 'vitest';
import {
  LARGE_COHORT,
  LARGE_COHORT_CLUSTER_SAMPLE,
  LARGE_COHORT_RESAMPLES,
  LARGE_COHORT_STABILITY_SUBSET,
  largeCohortClusterOptions,
} from '../../src/evaluate.js';
import type { ClusterAnalysisResult } from '../../src/cluster/cluster-needs.js';

describe('largeCohortClusterOptions (report and earlyhelp cluster alike)', () => {
  it('leaves a cohort of up to LARGE_COHORT families as given, with no notes', () => {
    const s = largeCohortClusterOptions(LARGE_COHORT, { k: 9, seed: 3 });
    expect(s.options).toEqual({ k: 9, seed: 3 });
    expect(s.notes({ sample: null, stability: null } as unknown as ClusterAnalysisResult)).toEqual([]);
  });

  it('above it, samples the starts and subsets stability where the options are silent, and says so', () => {
    const s = largeCohortClusterOptions(1_000_000, { seed: 1 });
    expect(s.options).toEqual({
      seed: 1,
      sampleSize: LARGE_COHORT_CLUSTER_SAMPLE,
      stability: { resamples: LARGE_COHORT_RESAMPLES, subsetSize: LARGE_COHORT_STABILITY_SUBSET },
    });
    const notes = s.notes({
      sample: { method: 'k chosen on a sample' },
      stability: { resamples: 20, scheme: 'subset', resampleRows: 50_000 },
    } as unknown as ClusterAnalysisResult);
    expect(notes).toEqual([
      'clusters: k chosen on a sample: the cohort has more than 20,000 families (set analysis.cluster.sampleSize to change it)',
      "cluster stability from 20 resamples, not 100, each of 50,000 families drawn without replacement (Hennig's subsetting scheme) rather than a bootstrap resample of every family: the cohort has more than 20,000 families (set analysis.cluster.stability to change it)",
    ]);
    // Half the families when that is fewer than the subset size.
    expect(largeCohortClusterOptions(30_000, {}).options.stability).toEqual({ resamples: LARGE_COHORT_RESAMPLES, subsetSize: 15_000 });
    // …and then says "half the families", not 15,000: the exact cohort size is not published where totals are rounded.
    const half = largeCohortClusterOptions(30_001, {});
    expect(half.notes({ sample: null, stability: { resamples: 20, scheme: 'subset', resampleRows: 15_000 } } as unknown as ClusterAnalysisResult)[0]).toMatch(
      /^cluster stability from 20 resamples, not 100, each of half the families drawn without replacement/,
    );
  });

  it('keeps what the user set (stability off, own sample size), and notes only what it chose', () => {
    const s = largeCohortClusterOptions(1_000_000, { stability: false, sampleSize: 5_000 });
    expect(s.options).toEqual({ stability: false, sampleSize: 5_000 });
    expect(s.notes({ sample: null, stability: null } as unknown as ClusterAnalysisResult)).toEqual([]);
  });
});
