import type { PlantedClusterId } from './planted-clusters.js';
import { synthCohortChunks } from './synth-cohort-chunks.js';
import type { SynthOptions } from './synth-options.js';

/** The four CSV files of a synthetic cohort, by file name, in the contract's format. */
export interface SynthCohortFiles {
  'families.csv': string;
  'children.csv': string;
  'star.csv': string;
  'plans.csv': string;
}

/** The planted truth of a synthetic cohort: the need cluster (A–I) of each family, in file order. */
export interface SynthTruth {
  cluster: PlantedClusterId[];
}

export interface SynthCohortFilesWithTruth {
  files: SynthCohortFiles;
  truth: SynthTruth;
}

/** V8's longest string (2^29 − 24 characters). */
const MAX_STRING_LENGTH = 2 ** 29 - 24;

/**
 * The demo cohort's files with the planted cluster of every family. See `synthCohortFiles`.
 * Cost: O(families). @throws as `synthCohortFiles`.
 * @example synthCohortFilesWithTruth({ families: 3 }).truth.cluster.length // 3
 */
export function synthCohortFilesWithTruth(options: SynthOptions = {}): SynthCohortFilesWithTruth {
  const parts: Record<keyof SynthCohortFiles, string[]> = { 'families.csv': [], 'children.csv': [], 'star.csv': [], 'plans.csv': [] };
  const lengths: Record<keyof SynthCohortFiles, number> = { 'families.csv': 0, 'children.csv': 0, 'star.csv': 0, 'plans.csv': 0 };
  const cluster: PlantedClusterId[] = [];
  const add = (name: keyof SynthCohortFiles, text: string) => {
    lengths[name] += text.length;
    if (lengths[name] > MAX_STRING_LENGTH) {
      throw new Error(
        `synthCohortFiles cannot hold ${name} in one string: it passes JavaScript's limit of ${MAX_STRING_LENGTH} characters ` +
          `(families=${options.families}); stream the cohort with synthCohortChunks instead`,
      );
    }
    parts[name].push(text);
  };
  for (const chunk of synthCohortChunks(options)) {
    add('families.csv', chunk.families);
    add('children.csv', chunk.children);
    add('star.csv', chunk.star);
    add('plans.csv', chunk.plans);
    for (const c of chunk.cluster) cluster.push(c);
  }
  return {
    files: {
      'families.csv': parts['families.csv'].join(''),
      'children.csv': parts['children.csv'].join(''),
      'star.csv': parts['star.csv'].join(''),
      'plans.csv': parts['plans.csv'].join(''),
    },
    truth: { cluster },
  };
}

/**
 * A seeded synthetic cohort calibrated to the published figures (data/published-figures.json):
 * the CSV text of families.csv, children.csv, star.csv and plans.csv exactly in the contract's
 * format (header names as in the contract, RFC 4180 quoting where needed, `\n` line ends,
 * dates YYYY-MM-DD, yes/no as 0/1, blank cells for missing values). Default 5,486 families
 * (Leicestershire's evaluation), seed 1. Nine need clusters A–I are planted in Leicestershire's
 * proportions over the 57 indicators of the default catalogue; Family Star readings reproduce
 * the published start/end matrix and domain progress; children's ages, gender and outcomes
 * follow Herefordshire's review. Same options, same bytes. Pure.
 * Cost: O(families) time and memory (about 2.5 KB per family); around 400,000 families
 * star.csv passes the longest JavaScript string: use `synthCohortChunks` beyond that.
 * @throws when options are invalid, or a file would pass the longest JavaScript string.
 * @example synthCohortFiles({ families: 100, seed: 2 })['families.csv'].split('\n').length // 102
 */
export function synthCohortFiles(options: SynthOptions = {}): SynthCohortFiles {
  return synthCohortFilesWithTruth(options).files;
}
