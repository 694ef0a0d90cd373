import type { StageDefinition } from '../cohort/config.js';
import type { StarDomain } from '../cohort/types.js';
import type { JourneyStages } from './journey-stages.js';

/** How start and end segments (Lower / Middle / Higher) are made. */
export const BAND_METHODS = ['kmeans', 'cuts'] as const;
export type BandMethod = (typeof BAND_METHODS)[number];

/** Segment names, in order: index 0, 1, 2 of the matrix rows and columns. */
export const SEGMENTS = ['Lower', 'Middle', 'Higher'] as const;
export type Segment = (typeof SEGMENTS)[number];

/** A family's movement between its start and end segment. */
export const PROGRESS_CATEGORIES = ['up', 'same', 'down'] as const;
export type ProgressCategory = (typeof PROGRESS_CATEGORIES)[number];

/** Reasons a family is left out of the progress analysis. */
export const FAMILY_EXCLUSIONS = ['noReadings', 'noChange'] as const;
export type FamilyExclusion = (typeof FAMILY_EXCLUSIONS)[number];

/** Segments from cut points on the family score: Lower below `cuts[0]`, Higher at or above `cuts[1]`. */
export interface CutBands {
  method: 'cuts';
  cuts: readonly [number, number];
}

/** Segments from one k-means (k = 3) on the pooled start and end reading vectors. */
export interface KMeansBands {
  method: 'kmeans';
  /** Seed of the k-means starts (default 1). */
  seed?: number;
  /** Number of k-means starts; the lowest within-cluster sum of squares is kept (default 10). */
  restarts?: number;
}

export type ProgressBands = CutBands | KMeansBands;

export interface ProgressOptions {
  /** Journey of Change stages (default DEFAULT_STAGES: 1–2, 3–4, 5–6, 7–8, 9–10). */
  stages?: StageDefinition;
  /** Segments of the progress matrix (default `{ method: 'kmeans', seed: 1, restarts: 10 }`). */
  bands?: ProgressBands;
}

/** How the bands were made, as reported in results.json. */
export type BandsReport =
  | {
      method: 'cuts';
      cuts: [number, number];
      score: string;
    }
  | {
      method: 'kmeans';
      k: 3;
      seed: number;
      restarts: number;
      /** The k-means implementation used; null when nothing was fitted. */
      engine: string | null;
      /** Centres ordered Lower, Middle, Higher; one value per domain in STAR_DOMAINS order (empty when nothing was fitted). */
      centres: number[][];
      /** Mean reading of each centre (the ordering key). */
      centreMeans: number[];
      /** Within-cluster sum of squares of the fit (complete vectors only); null when nothing was fitted. */
      inertia: number | null;
      /** Pooled start and end vectors: all, with all ten domains (fitted on), with some missing (assigned only). */
      vectors: { pooled: number; complete: number; incomplete: number };
      /** Complete vectors in the seeded sample the restarts ran on (the best refined on all), or null when they ran on all. */
      sample: number | null;
      missingDomains: string;
      /** Why no k-means was fitted (no family in the analysis), else null. */
      note: string | null;
    };

/**
 * Start and end readings per family × domain (`familyStarReadings`), the base of the
 * per-family core. Arrays over family × domain are row-major: index
 * `f * STAR_DOMAINS.length + d`.
 */
export interface FamilyStarReadings {
  familyCount: number;
  /** Start and end reading per family × domain; 0 when the cell has no reading. */
  startReading: Uint8Array;
  endReading: Uint8Array;
  /** 1 when the cell has readings on at least two different dates. */
  hasChange: Uint8Array;
  /** Per family: null when in the analysis, else why it is left out. */
  exclusion: (FamilyExclusion | null)[];
  /** Per family: mean start / end reading over domains with change; NaN when excluded. */
  startScore: Float64Array;
  endScore: Float64Array;
}

/**
 * The per-family core of the progress analysis, computed once by `computeFamilyProgress`
 * and reused by every summary (whole cohort, by group, categories): the readings core
 * plus stages and start / end segments by the chosen bands.
 */
export interface FamilyProgress extends FamilyStarReadings {
  kind: 'familyProgress';
  stages: JourneyStages;
  /** Per family: segment index 0 (Lower), 1 (Middle), 2 (Higher); -1 when excluded. */
  startSegment: Int8Array;
  endSegment: Int8Array;
  bands: BandsReport;
}

export interface StageShare {
  stage: number;
  name: string;
  count: number;
  percent: number | null;
}

export interface JourneySnapshot {
  domain: StarDomain;
  /** Families whose domain has change (the denominator of every share). */
  families: number;
  start: StageShare[];
  end: StageShare[];
}

export interface WilcoxonReport {
  /** Non-zero differences used. */
  n: number;
  /** Zero differences left out before ranking. */
  zerosDropped: number;
  /** V: sum of the ranks of the positive differences (R's V). */
  statistic: number;
  p: number;
  method: 'exact' | 'normal';
  z: number | null;
  effectSizeR: number;
}

export interface DomainProgress {
  id: StarDomain;
  /** Families whose domain has change: the denominator of the percentages. */
  families: number;
  /** Moved up at least one stage. */
  progressed: number;
  percent: number | null;
  same: number;
  samePercent: number | null;
  down: number;
  downPercent: number | null;
  /** Started in the top stage (no room to move up). */
  startedTop: number;
  startedTopPercent: number | null;
  /** Progressed among families not starting in the top stage (denominator `families - startedTop`). */
  percentWithRoom: number | null;
  /** Families in the analysis whose domain is left out: no reading at all, or readings on one date only. */
  excluded: { noReadings: number; oneDate: number };
  /** Change in reading (end − start) over the families with change. */
  change: {
    mean: number | null;
    median: number | null;
    /** Paired Wilcoxon signed-rank test of end against start; null when every difference is zero or there are none. */
    wilcoxon: WilcoxonReport | null;
  };
}

export interface ProgressMatrix {
  /** Rows: start segment, columns: end segment, both Lower, Middle, Higher. */
  segments: Segment[];
  counts: number[][];
  /** Cell counts as percentages of `total`. */
  percent: (number | null)[][];
  rowTotals: number[];
  columnTotals: number[];
  rowPercent: (number | null)[];
  columnPercent: (number | null)[];
  total: number;
}

export interface ProgressCategories {
  /** Above the diagonal: higher than average progress. */
  up: number;
  /** On the diagonal: as expected. */
  same: number;
  /** Below the diagonal: lower than average progress. */
  down: number;
  upPercent: number | null;
  samePercent: number | null;
  downPercent: number | null;
  denominator: number;
}

/** The progress section of results.json. */
export interface ProgressResult {
  stages: { names: string[]; lowerBounds: number[]; upperBounds: number[] };
  bands: BandsReport;
  families: number;
  eligibleFamilies: number;
  excluded: Record<FamilyExclusion, number>;
  excludedFamilies: number;
  anyDomainProgressed: number;
  anyDomainProgressedPercent: number | null;
  domains: DomainProgress[];
  journeyOfChange: JourneySnapshot[];
  matrix: ProgressMatrix;
  categories: ProgressCategories;
  methods: Record<string, string>;
}

/**
 * A labelling of families where a family may belong to several groups (e.g. every age
 * band of its children), aligned with `Cohort.families`; an empty list means none.
 */
export interface FamilyGroupSets {
  name: string;
  values: string[][];
  /** Order of the groups in results; groups not listed follow in natural text order. */
  order?: string[];
}

/** A family's share moving up (or down) in a group, tested against the rest. */
export interface GroupShareTest {
  count: number;
  /** Families of the group in the analysis. */
  n: number;
  percent: number | null;
  /** Families in the analysis in some other group and not in this one. */
  restCount: number;
  restN: number;
  restPercent: number | null;
  /** percent − restPercent, percentage points. */
  difference: number | null;
  z: number | null;
  p: number | null;
  pAdjusted: number | null;
  /** 'higher' or 'lower' than the rest when pAdjusted < alpha, else null. */
  significant: 'higher' | 'lower' | null;
  /** Why there is no test, when there is none. */
  note: string | null;
}

export type ProgressGroupSummary = Omit<ProgressResult, 'stages' | 'bands' | 'methods'>;

export interface ProgressGroup {
  label: string;
  summary: ProgressGroupSummary;
  up: GroupShareTest;
  down: GroupShareTest;
}

export interface ProgressByGroupResult {
  grouping: string;
  membership: string;
  bands: BandsReport;
  /** Families in the analysis (whole cohort) and those of them in no group. */
  eligibleFamilies: number;
  eligibleWithoutGroup: number;
  test: string;
  pAdjustMethod: 'holm' | 'bonferroni' | 'BH';
  alpha: number;
  groups: ProgressGroup[];
}
