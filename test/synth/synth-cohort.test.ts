import { describe, expect, it } from 'vitest';
import { synthCohort, synthCohortWithTruth } from '../../src/synth/synth-cohort.js';
import { synthCohortFilesWithTruth } from '../../src/synth/synth-cohort-files.js';

describe('synthCohort', () => {
  it('reads the generated files into the cohort model with the planted clusters aligned to the families', () => {
    const { cohort, truth } = synthCohortWithTruth({ families: 300, seed: 4 });
    const { files, truth: fileTruth } = synthCohortFilesWithTruth({ families: 300, seed: 4 });
    expect(cohort.families.length).toBe(300);
    expect(truth).toEqual(fileTruth);
    expect(cohort.families.map((f) => f.familyId)).toEqual(
      files['families.csv'].trim().split('\n').slice(1).map((line) => line.split(',')[0]),
    );
    expect(cohort.needIds.length).toBe(57);
    expect(cohort.children.length).toBe(files['children.csv'].trim().split('\n').length - 1);
    expect(cohort.star.length).toBe(files['star.csv'].trim().split('\n').length - 1);
    expect(cohort.plans!.length).toBe(files['plans.csv'].trim().split('\n').length - 1);
    expect(cohort.source.kind).toBe('memory');
    expect(cohort.source.path).toBe('synth:families=300,seed=4');
  });

  it('gives the same cohort for the same options', () => {
    const a = synthCohort({ families: 120, seed: 8 });
    const b = synthCohort({ families: 120, seed: 8 });
    expect(a.source.sha256).toBe(b.source.sha256);
    expect(a.families).toEqual(b.families);
    expect(synthCohort({ families: 120, seed: 9 }).source.sha256).not.toBe(a.source.sha256);
  });

  it('rejects invalid options', () => {
    expect(() => synthCohort({ families: -1 })).toThrow('synth requires families to be a whole number from 1 to 100000000, got -1');
  });
});
