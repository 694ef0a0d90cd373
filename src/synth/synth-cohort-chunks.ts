import { OUTCOME_MEASURES } from '../cohort/catalogues.js';
import { STAR_DOMAINS } from '../cohort/types.js';
import { createRng, type Rng } from '../stats/rng.js';
import { calibratedNeedProbabilities } from './calibrated-need-probabilities.js';
import { AsciiWriter, asciiBytes } from './ascii-writer.js';
import { csvField } from './csv-field.js';
import { dayOf, isoDay } from './iso-day.js';
import { PLANTED_CLUSTERS, type PlantedClusterId } from './planted-clusters.js';
import { CHAID_PROGRESS_CLUSTERS, progressDesign } from './progress-design.js';
import { PUBLISHED_TARGETS } from './published-targets.js';
import { resolveSynthOptions, type SynthOptions } from './synth-options.js';
import { StratifiedUniforms } from './stratified-uniforms.js';

/** One block of consecutive families: the CSV text of each file for them (the first block
 * starts with the headers) and the planted cluster of each family, in order. */
export interface SynthChunk {
  families: string;
  children: string;
  star: string;
  plans: string;
  cluster: PlantedClusterId[];
}

/** The cohort's "as of" date: cases still open then have no end date (Herefordshire: May 2018). */
export const SYNTH_AS_OF = '2018-05-31';
/** First start date (Herefordshire's review covered January 2015 to May 2018). */
export const SYNTH_FIRST_START = '2015-01-01';

/** Services written in families.csv (Leicestershire's two casework services). */
export const SYNTH_SERVICES = ['Supporting Leicestershire Families', "Children's Centres"] as const;
/** Ethnicity values written: among White families (`white`) and among Black and minority ethnic families (`bme`), with their shares. */
export const SYNTH_ETHNICITIES = {
  white: [
    ['White British', 0.93],
    ['White Other', 0.07],
  ],
  bme: [
    ['Asian or Asian British', 0.45],
    ['Black or Black British', 0.18],
    ['Mixed', 0.27],
    ['Other', 0.1],
  ],
} as const;

// ---- design constants (choices of the synthetic cohort; the published figures they serve are named) ----

const AS_OF = dayOf(SYNTH_AS_OF);
const FIRST_START = dayOf(SYNTH_FIRST_START);
const DAYS_PER_MONTH = 365.25 / 12;
/** Log-normal spread of months of involvement. */
const MONTHS_SIGMA = 0.7;
/** Children per family 1–4 (cumulative). */
const CHILD_COUNT_CUMULATIVE = [0.36, 0.68, 0.88, 1];
/** Age at start (0–17) weights: Children's Centre families (under-fives) and the rest.
 * Together they give Herefordshire's 63% aged 9 or under. */
const AGE_WEIGHTS_CC = [12, 19.5, 19.5, 19.5, 19.5, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0];
const AGE_WEIGHTS_OTHER = [3, 5.7, 5.7, 5.7, 5.7, 6.2, 6.2, 6.2, 6.2, 6.2, 5.8, 5.8, 5.8, 5.8, 5.8, 5.8, 4.6, 4.6];
/** Herefordshire: 58% of children male. */
const MALE = PUBLISHED_TARGETS.malePercent / 100;
const UNKNOWN_GENDER = 0.01;
/** Odds ratio of "not met" for a case with a child aged 10–15 (none aged 12), and with a child aged 12. */
const NOT_MET_ODDS_10_15 = 2.0;
const NOT_MET_ODDS_12 = 3.2;
/** Closed cases by year of closure: share with no outcome data, and share not met (Herefordshire, Figure 16;
 * 2016 interpolated; rounded published shares adjusted so met = 100 − the others matches 21% and 45%+). */
const NO_DATA_BY_YEAR: Record<number, number> = { 2015: 0.44, 2016: 0.31, 2017: 0.26, 2018: 0.21 };
const NOT_MET_BY_YEAR: Record<number, number> = { 2015: 0.35, 2016: 0.33, 2017: 0.27, 2018: 0.32 };
/** Of outcomes with no data: written as `unknown` (else blank). */
const UNKNOWN_SHARE_OF_NO_DATA = 0.35;
/** Of met or partially met: met. */
const MET_SHARE = 0.55;
/** Destinations of cases not met (Herefordshire: 81% stepped up, 39% of all to child in need, 19% disengaged). */
const NOT_MET_CLOSURE: readonly (readonly [string, number])[] = [
  ['step_up_cin', 0.39],
  ['step_up_assessment', 0.22],
  ['step_up_cpp', 0.13],
  ['step_up_cla', 0.07],
  ['disengaged', 0.19],
];
const MET_CLOSURE: readonly (readonly [string, number])[] = [
  ['needs_met', 0.88],
  ['moved_out_of_area', 0.07],
  ['step_down_universal', 0.05],
];
const NO_DATA_CLOSURE: readonly (readonly [string, number])[] = [
  ['needs_met', 0.4],
  ['disengaged', 0.25],
  ['moved_out_of_area', 0.15],
  ['', 0.2],
];
/** Closed families whose outcomes are recorded per child (children.outcome). */
const PER_CHILD_OUTCOMES = 0.12;
/** Social care after closure for cases not stepped up: clusters A, C, G, H by months of involvement
 * (the CHAID finding), B and D by whether the family ended Lower or moved down, the rest flat. */
const AFTER_ACGH_SHORT = 0.04;
const AFTER_ACGH_LONG = 0.4;
const AFTER_BD_LOW_END = 0.4;
const AFTER_BD_OTHER = 0.1;
const AFTER_OTHER: Partial<Record<PlantedClusterId, number>> = { E: 0.04, F: 0.05, I: 0.14 };
/** Child protection plan after, among families with social care after (not stepped up to a CP plan). */
const CP_AFTER_LOW_END = 0.5;
const CP_AFTER_OTHER = 0.18;
/** Family Star: families with no readings; closed cases with a start reading only; open cases with a review. */
const NO_STAR = 0.02;
const CLOSED_START_ONLY = 0.05;
const OPEN_WITH_REVIEW = 0.55;
const CLOSED_WITH_REVIEW = 0.35;
/** Per domain: no readings at all; a start reading only. */
const DOMAIN_MISSING = 0.02;
const DOMAIN_START_ONLY = 0.025;
/** Segment bands of the family's mean reading (Lower, Middle, Higher), well apart so that k-means
 * (k = 3) and cut points 4 and 7 give the same segments. */
const BAND_LO = [1.5, 4.5, 7.5];
const BAND_HI = [3.5, 6.5, 9.5];
const BAND_SLACK = 0.2;
/** Offsets of each domain's readings from the family's level (STAR_DOMAINS order). */
const DOMAIN_OFFSET = [0.2, 0.4, -0.3, 0.1, 0.3, -0.2, -0.1, 0, 0.1, -0.5];
const READING_SD = 0.7;
/** Percentage points added to each domain's target (STAR_DOMAINS order) when setting the stage-up
 * probability of families that progress within their segment: it makes up for domains that start in
 * the top stage (no room to move), more often where the domain's offset is high (measured on the
 * cohorts of seeds 1–3). */
const DOMAIN_PROGRESS_ALLOWANCE = [4.4, 5.2, 3.0, 3.1, 4.3, 2.5, 2.5, 2.6, 3.2, 1.6];
/** Share of all families (in the progress analysis) that progress a stage in at least one domain. */
const ANY_PROGRESS = 0.725;
/** Missing values: families with 1–3 blank need cells; blank adults, ethnicity, IMD decile and LSOA, referral date. */
const NEED_BLANK_FAMILIES = 0.005;
const ADULTS_BLANK = 0.01;
const ETHNICITY_BLANK = 0.02;
const IMD_BLANK = 0.01;
const REFERRAL_BLANK = 0.03;
/** IMD decile weights 1 (most deprived) to 10, and LSOAs per decile. */
const IMD_WEIGHTS = [18, 15, 13, 11, 10, 9, 8, 7, 5, 4];
const LSOAS_PER_DECILE = 40;
const IMD_CUMULATIVE = cumulative(IMD_WEIGHTS);

/** Outcome-plan measures: probability a case's plan includes each (Herefordshire, Figure 9–11:
 * 3.4 outcomes per open case, "children who need help" 46%, health 29%, mental health support in
 * 63% of cases, good progress at school 62%, parenting 46%, attendance 28%, step-down 28%). */
const PLAN_MEASURE_P: Record<string, number> = {
  offences_halved: 0.02,
  asb_reduced: 0.02,
  siblings_no_offending: 0.01,
  attendance_90: 0.28,
  exclusions_under_3: 0.05,
  alternative_schooling: 0.03,
  early_years_place_taken: 0.06,
  safeguarding_step_down: 0.28,
  good_progress_school: 0.62,
  parenting_support: 0.46,
  community_activity: 0.08,
  keep_safe_work: 0.07,
  job_sustained: 0.06,
  progress_to_work: 0.07,
  qualification_achieved: 0.04,
  debt_reduced: 0.1,
  registered_gp: 0.03,
  registered_dentist: 0.05,
  immunisations: 0.03,
  smoking_cessation: 0.03,
  substance_treatment: 0.04,
  healthy_weight: 0.04,
  antenatal_care: 0.02,
  two_year_check: 0.03,
  mental_health_support: 0.63,
  health_condition_support: 0.04,
  ehcp_progressing: 0.03,
  professional_support: 0.02,
  // domestic abuse: scaled by year (DA_TOTAL_BY_YEAR) and by the family's domestic abuse need
  domestic_abuse_reduced: 0.45,
  domestic_abuse_support: 0.4,
  perpetrator_programme: 0.15,
};
/** Expected domestic-abuse outcomes per case by year identified (share of outcomes 11% in 2015 to 5% in 2018). */
const DA_TOTAL_BY_YEAR: Record<number, number> = { 2015: 0.4, 2016: 0.31, 2017: 0.23, 2018: 0.17 };
const DA_WITH_NEED = 1.6;
const DA_WITHOUT_NEED = 0.35;

const FAMILIES_HEADER_FIXED = [
  'family_id',
  'service',
  'referral_date',
  'start_date',
  'end_date',
  'outcome',
  'closure_reason',
  're_referred',
  'social_care_before',
  'social_care_during',
  'social_care_after',
  'cp_plan_after',
  'adults',
  'female_adults',
  'ethnicity',
  'imd_decile',
  'lsoa',
];

interface Design {
  /** Per cluster (A–I), rates scaled so the cohort matches the published figure (cluster D pinned where published). */
  childrensCentre: number[];
  bme: number[];
  socialCareBefore: number[];
  socialCareDuring: number[];
  reReferred: number[];
  needIds: string[];
  needP: Float64Array;
  clusterCumulative: number[];
  startDays: Int32Array;
  startCumulative: Float64Array;
  ageCumCC: number[];
  ageCumOther: number[];
  /** Logit of "not met" among recorded outcomes for a case with no child aged 10–15, by closure year. */
  notMetTheta: Record<number, number>;
  sameProgressor: number;
  /** Probability that a progressing family that stays in its segment moves up a stage in each domain. */
  domainStageUp: number[];
  lifestyleJ: number;
  financialJ: number;
  singleJ: number;
  daJ: number;
  familiesHeader: string;
  lsoaCodes: string[][];
  serviceField: string[];
  planMeasures: { id: string; p: number; da: boolean }[];
}

let cachedDesign: Design | null = null;

const expit = (x: number) => 1 / (1 + Math.exp(-x));

function cumulative(weights: readonly number[]): number[] {
  const total = weights.reduce((s, w) => s + w, 0);
  let s = 0;
  const out = weights.map((w) => (s += w / total));
  out[out.length - 1] = 1;
  return out;
}

function pick(cum: readonly number[] | Float64Array, u: number): number {
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (u < cum[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function design(): Design {
  if (cachedDesign) return cachedDesign;
  const needs = calibratedNeedProbabilities();
  const clusterCumulative = cumulative(PLANTED_CLUSTERS.map((c) => c.families));

  // Start dates: demand rising over the period, a summer dip in 2015–2016, a surge in early 2018.
  const days: number[] = [];
  const w: number[] = [];
  for (let d = FIRST_START; d <= AS_OF; d++) {
    const iso = isoDay(d);
    const year = Number(iso.slice(0, 4));
    const month = Number(iso.slice(5, 7));
    const t = (year - 2015) * 12 + month - 1;
    let rate = 1 + (0.6 * t) / 40;
    if (month === 8) rate *= year <= 2016 ? 0.55 : 0.85;
    if (year === 2018) rate *= 1.25;
    days.push(d);
    w.push(rate);
  }
  const startCumulative = Float64Array.from(cumulative(w));

  // Risk classes of a case by its children's ages (none 10–15; 10–15 but none 12; a 12-year-old).
  const ageCumCC = cumulative(AGE_WEIGHTS_CC);
  const ageCumOther = cumulative(AGE_WEIGHTS_OTHER);
  const totalFamilies = PLANTED_CLUSTERS.reduce((s, c) => s + c.families, 0);
  const ccShare = PLANTED_CLUSTERS.reduce((s, c) => s + c.families * c.childrensCentre, 0) / totalFamilies;
  const riskMix = [0, 0, 0];
  for (const [share, weights] of [
    [ccShare, AGE_WEIGHTS_CC],
    [1 - ccShare, AGE_WEIGHTS_OTHER],
  ] as const) {
    const total = weights.reduce((s, v) => s + v, 0);
    const p1015 = weights.slice(10, 16).reduce((s, v) => s + v, 0) / total;
    const p12 = weights[12]! / total;
    let prev = 0;
    CHILD_COUNT_CUMULATIVE.forEach((cum, i) => {
      const pn = cum - prev;
      prev = cum;
      const n = i + 1;
      const none1015 = (1 - p1015) ** n;
      const none12 = (1 - p12) ** n;
      riskMix[0]! += share * pn * none1015;
      riskMix[1]! += share * pn * (none12 - none1015);
      riskMix[2]! += share * pn * (1 - none12);
    });
  }
  const logOdds = [0, Math.log(NOT_MET_ODDS_10_15), Math.log(NOT_MET_ODDS_12)];
  const notMetTheta: Record<number, number> = {};
  for (const year of [2015, 2016, 2017, 2018]) {
    const target = NOT_MET_BY_YEAR[year]! / (1 - NO_DATA_BY_YEAR[year]!);
    let lo = -10;
    let hi = 10;
    for (let it = 0; it < 80; it++) {
      const mid = (lo + hi) / 2;
      const v = riskMix.reduce((s, m, r) => s + m * expit(mid + logOdds[r]!), 0);
      if (v < target) lo = mid;
      else hi = mid;
    }
    notMetTheta[year] = (lo + hi) / 2;
  }

  const pd = progressDesign();
  const overallUp = pd.target[1]! + pd.target[2]! + pd.target[5]!;
  const overallSame = pd.target[0]! + pd.target[4]! + pd.target[8]!;
  const sameProgressor = (ANY_PROGRESS - overallUp) / overallSame;
  const domainTargets = PUBLISHED_TARGETS.domainProgressPercent as Record<string, number>;
  const domainStageUp = STAR_DOMAINS.map((d, k) => {
    const q = ((domainTargets[d]! + DOMAIN_PROGRESS_ALLOWANCE[k]!) / 100 - overallUp) / (overallSame * sameProgressor);
    return Math.min(1, Math.max(0.05, q));
  });

  const lsoaCodes: string[][] = [];
  for (let dec = 0; dec < 10; dec++) {
    const codes: string[] = [];
    for (let k = 0; k < LSOAS_PER_DECILE; k++) codes.push(`E0102${String(5000 + ((dec * LSOAS_PER_DECILE + k) * 37) % 4000).padStart(4, '0')}`);
    lsoaCodes.push(codes);
  }

  const planMeasures = OUTCOME_MEASURES.map((m) => {
    const p = PLAN_MEASURE_P[m.id];
    if (p === undefined) throw new Error(`synth has no plan probability for outcome measure ${m.id}`);
    return { id: m.id, p, da: m.headlineProblem === 'domestic_abuse' };
  });

  const clusterShare = PLANTED_CLUSTERS.map((c) => c.families / totalFamilies);
  const dIndex = PLANTED_CLUSTERS.findIndex((c) => c.id === 'D');
  const scaled = (values: number[], target: number, pinned: number | null) => {
    const free = values.reduce((s, v, c) => s + (c === pinned ? 0 : clusterShare[c]! * v), 0);
    const fixed = pinned === null ? 0 : clusterShare[pinned]! * values[pinned]!;
    const factor = (target - fixed) / free;
    return values.map((v, c) => (c === pinned ? v : Math.min(0.99, v * factor)));
  };
  const ccTarget = PUBLISHED_TARGETS.serviceFamilies["Children's Centres"] / (PUBLISHED_TARGETS.serviceFamilies["Children's Centres"] + PUBLISHED_TARGETS.serviceFamilies['Supporting Leicestershire Families']);
  const withD = (values: number[], d: number) => values.map((v, c) => (c === dIndex ? d : v));

  cachedDesign = {
    childrensCentre: scaled(PLANTED_CLUSTERS.map((c) => c.childrensCentre), ccTarget, null),
    bme: scaled(PLANTED_CLUSTERS.map((c) => c.bme), PUBLISHED_TARGETS.bmePercent / 100, null),
    socialCareBefore: scaled(PLANTED_CLUSTERS.map((c) => c.socialCareBefore), PUBLISHED_TARGETS.socialCarePercent.before / 100, null),
    socialCareDuring: scaled(
      withD(PLANTED_CLUSTERS.map((c) => c.socialCareDuring), PUBLISHED_TARGETS.clusterD.socialCareDuringPercent / 100),
      PUBLISHED_TARGETS.socialCarePercent.during / 100,
      dIndex,
    ),
    reReferred: scaled(
      withD(PLANTED_CLUSTERS.map((c) => c.reReferred), PUBLISHED_TARGETS.clusterD.reReferredPercent / 100),
      PUBLISHED_TARGETS.reReferredPercent / 100,
      dIndex,
    ),
    needIds: needs.needIds,
    needP: needs.p,
    clusterCumulative,
    startDays: Int32Array.from(days),
    startCumulative,
    ageCumCC,
    ageCumOther,
    notMetTheta,
    sameProgressor,
    domainStageUp,
    lifestyleJ: needs.needIds.indexOf('negative_child_lifestyle'),
    financialJ: needs.needIds.indexOf('financial_difficulties'),
    singleJ: needs.needIds.indexOf('single_parent_family'),
    daJ: needs.needIds.indexOf('adult_domestic_abuse_victim'),
    familiesHeader: [...FAMILIES_HEADER_FIXED, ...needs.needIds.map((id) => `need_${id}`)].join(',') + '\n',
    lsoaCodes,
    serviceField: SYNTH_SERVICES.map(csvField),
    planMeasures,
  };
  return cachedDesign;
}

const stageOf = (r: number) => (r + 1) >> 1;
const clampReading = (x: number) => (x < 1 ? 1 : x > 10 ? 10 : x);

function choose(rng: Rng, table: readonly (readonly [string, number])[]): string {
  let u = rng.float();
  for (const [v, p] of table) {
    if (u < p) return v;
    u -= p;
  }
  return table[table.length - 1]![0];
}

/** Outcome codes written in families.csv and children.csv. */
const OUTCOME_TEXT = ['', 'met', 'partially_met', 'not_met', 'unknown'] as const;
const NOT_MET = 3;
const PLAN_STATUS_TEXT = ['achieved', 'not_achieved', 'in_progress', 'unknown'] as const;
const GENDER_TEXT = ['male', 'female', 'unknown'] as const;

interface Bytes {
  outcome: Uint8Array[];
  status: Uint8Array[];
  gender: Uint8Array[];
  domain: Uint8Array[];
  service: Uint8Array[];
  measure: Uint8Array[];
  closure: Map<string, Uint8Array>;
  ethnicity: Map<string, Uint8Array>;
  lsoa: Uint8Array[][];
  date: Map<number, Uint8Array>;
}

function makeBytes(D: Design): Bytes {
  const closure = new Map<string, Uint8Array>();
  for (const [v] of [...NOT_MET_CLOSURE, ...MET_CLOSURE, ...NO_DATA_CLOSURE]) closure.set(v, asciiBytes(csvField(v)));
  const ethnicity = new Map<string, Uint8Array>([['', new Uint8Array(0)]]);
  for (const [v] of [...SYNTH_ETHNICITIES.white, ...SYNTH_ETHNICITIES.bme]) ethnicity.set(v, asciiBytes(csvField(v)));
  return {
    outcome: OUTCOME_TEXT.map(asciiBytes),
    status: PLAN_STATUS_TEXT.map(asciiBytes),
    gender: GENDER_TEXT.map(asciiBytes),
    domain: STAR_DOMAINS.map(asciiBytes),
    service: D.serviceField.map(asciiBytes),
    measure: D.planMeasures.map((m) => asciiBytes(m.id)),
    closure,
    ethnicity,
    lsoa: D.lsoaCodes.map((codes) => codes.map(asciiBytes)),
    date: new Map(),
  };
}

function dateBytes(B: Bytes, day: number): Uint8Array {
  let b = B.date.get(day);
  if (!b) B.date.set(day, (b = asciiBytes(isoDay(day))));
  return b;
}

const COMMA = 44;
const NEWLINE = 10;

/**
 * The demo cohort, generated block by block: `chunkFamilies` families at a time, each block
 * with the CSV text of families.csv, children.csv, star.csv and plans.csv for those
 * families (the first block starts with the headers) and their planted clusters. Joining
 * the blocks file by file gives exactly `synthCohortFiles`; streaming them keeps very large
 * cohorts (millions of families, where star.csv passes the longest JavaScript string) out
 * of single strings. Deterministic: the same options give the same bytes, and the first n
 * families of a larger cohort with the same seed are the same n families.
 * Cost: O(families) time; memory O(chunkFamilies) per block.
 * @throws when options are invalid (see resolveSynthOptions) or chunkFamilies is not a whole number ≥ 1.
 * @example for (const chunk of synthCohortChunks({ families: 10 })) chunk.families.startsWith('family_id') // true
 */
export function* synthCohortChunks(options: SynthOptions = {}, chunkFamilies = 10_000): Generator<SynthChunk> {
  const { families: n, seed } = resolveSynthOptions(options);
  if (!Number.isInteger(chunkFamilies) || chunkFamilies < 1) {
    throw new Error(`synthCohortChunks requires chunkFamilies to be a whole number >= 1, got ${chunkFamilies}`);
  }
  const D = design();
  const B = makeBytes(D);
  const pd = progressDesign();
  const rng = createRng(seed);
  const J = D.needIds.length;
  // Stratified streams (see StratifiedUniforms) for the draws behind calibrated rates.
  const K = PLANTED_CLUSTERS.length;
  const S_NEED = 0;
  const S_CLUSTER = K * J; // + field * K + cluster
  const [F_SERVICE, F_BME, F_BEFORE, F_DURING, F_REREFERRED, F_THREE_FEMALE, F_CELL, F_AFTER, F_CP] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const S_YEAR = S_CLUSTER + 9 * K; // + field * 4 + (year − 2015)
  const [Y_NO_DATA, Y_NOT_MET] = [0, 1];
  const S_DOMAIN = S_YEAR + 2 * 4; // + domain
  const strat = new StratifiedUniforms(rng.fork(), S_DOMAIN + 10, 16);
  const su = (field: number, c: number) => strat.next(S_CLUSTER + field * K + c);
  const needs = new Uint8Array(J);
  const blank = new Uint8Array(J);
  const ages = new Int8Array(4);
  const genders = new Int8Array(4);
  const childOutcome = new Int8Array(4);
  const startR = new Int8Array(10);
  const endR = new Int8Array(10);
  const present = new Int8Array(10); // 0 missing, 1 start only, 2 start and end
  const fam = new AsciiWriter(1 << 20);
  const chi = new AsciiWriter(1 << 18);
  const sta = new AsciiWriter(1 << 21);
  const pla = new AsciiWriter(1 << 19);
  const acgh = PLANTED_CLUSTERS.map((c) => CHAID_PROGRESS_CLUSTERS.includes(c.id));
  const logOddsOfAge = (age: number) => (age === 12 ? LOG_ODDS_12 : age >= 10 && age <= 15 ? LOG_ODDS_10_15 : 0);
  let childSeq = 0;

  for (let from = 0; from < n; from += chunkFamilies) {
    const to = Math.min(n, from + chunkFamilies);
    const cluster: PlantedClusterId[] = [];
    if (from === 0) {
      fam.text(D.familiesHeader);
      chi.text('child_id,family_id,age_at_start,gender,outcome\n');
      sta.text('family_id,domain,reading_date,reading\n');
      pla.text('family_id,outcome,identified_date,status,achieved_date\n');
    }
    for (let i = from; i < to; i++) {
      const familyNumber = i + 1;
      // Cluster and needs.
      const c = pick(D.clusterCumulative, rng.float());
      const cl = PLANTED_CLUSTERS[c]!;
      cluster.push(cl.id);
      for (let j = 0; j < J; j++) needs[j] = strat.next(S_NEED + c * J + j) < D.needP[c * J + j]! ? 1 : 0;
      blank.fill(0);
      if (rng.float() < NEED_BLANK_FAMILIES) {
        const k = rng.int(1, 3);
        for (let b = 0; b < k; b++) blank[rng.int(0, J - 1)] = 1;
      }

      // Service, dates.
      const cc = su(F_SERVICE, c) < D.childrensCentre[c]! ? 1 : 0;
      const start = D.startDays[pick(D.startCumulative, rng.float())]!;
      const months = Math.exp(Math.log(cl.medianMonths) + MONTHS_SIGMA * rng.normal());
      const duration = Math.max(14, Math.round(months * DAYS_PER_MONTH));
      const endDay = start + duration;
      const open = endDay > AS_OF;
      const referral = rng.float() < REFERRAL_BLANK ? -1 : start - rng.int(3, 45);

      // Household.
      const threeFemale = su(F_THREE_FEMALE, c) < cl.threeFemaleAdults ? 1 : 0;
      let adults: number;
      let female: number;
      if (threeFemale) {
        adults = rng.float() < 0.7 ? 3 : 4;
        female = adults === 4 && rng.float() < 0.3 ? 4 : 3;
      } else if (needs[D.singleJ] === 1) {
        const u = rng.float();
        adults = u < 0.88 ? 1 : u < 0.98 ? 2 : 3;
        female = adults === 1 ? (rng.float() < 0.9 ? 1 : 0) : rng.int(1, 2);
      } else {
        const u = rng.float();
        adults = u < 0.8 ? 2 : u < 0.95 ? 3 : 4;
        female = rng.float() < 0.75 ? 1 : 2;
      }
      const adultsBlank = rng.float() < ADULTS_BLANK;
      let ethnicity = '';
      if (rng.float() >= ETHNICITY_BLANK) ethnicity = choose(rng, su(F_BME, c) < D.bme[c]! ? SYNTH_ETHNICITIES.bme : SYNTH_ETHNICITIES.white);
      let decile = -1;
      let lsoa = 0;
      if (rng.float() >= IMD_BLANK) {
        decile = pick(IMD_CUMULATIVE, rng.float());
        lsoa = rng.int(0, LSOAS_PER_DECILE - 1);
      }

      // Progress cell (start segment, end segment) and whether the family progresses.
      const lifestyle = needs[D.lifestyleJ] === 1 && blank[D.lifestyleJ] === 0 ? 1 : 0;
      const financial = needs[D.financialJ] === 1 && blank[D.financialJ] === 0 ? 1 : 0;
      const klass = c * 8 + threeFemale * 4 + lifestyle * 2 + financial;
      const cell = pickFrom(pd.cumulative, klass * 9, 9, su(F_CELL, c));
      const s = Math.floor(cell / 3);
      const e = cell % 3;
      const progressor = e > s ? true : e < s ? false : rng.float() < D.sameProgressor;

      // Children.
      const nChildren = pick(CHILD_COUNT_CUMULATIVE, rng.float()) + 1;
      let risk = 0;
      for (let k = 0; k < nChildren; k++) {
        const age = pick(cc ? D.ageCumCC : D.ageCumOther, rng.float());
        ages[k] = age;
        const u = rng.float();
        genders[k] = u < UNKNOWN_GENDER ? 2 : u < UNKNOWN_GENDER + MALE ? 0 : 1;
        const r = age === 12 ? 2 : age >= 10 && age <= 15 ? 1 : 0;
        if (r > risk) risk = r;
      }

      // Social care before and during; outcome, closure, after, CP plan, re-referral for closed cases.
      const before = su(F_BEFORE, c) < D.socialCareBefore[c]! ? 1 : 0;
      const during = su(F_DURING, c) < D.socialCareDuring[c]! ? 1 : 0;
      let outcome = 0;
      let closure = '';
      let after = -1;
      let cp = -1;
      let reReferred = -1;
      let perChild = false;
      if (!open) {
        const year = Number(isoDay(endDay).slice(0, 4));
        const theta = D.notMetTheta[year]!;
        if (strat.next(S_YEAR + Y_NO_DATA * 4 + year - 2015) < NO_DATA_BY_YEAR[year]!) {
          outcome = rng.float() < UNKNOWN_SHARE_OF_NO_DATA ? 4 : 0;
          closure = choose(rng, NO_DATA_CLOSURE);
        } else {
          outcome = recordedOutcome(strat.next(S_YEAR + Y_NOT_MET * 4 + year - 2015), rng, theta + (risk === 2 ? LOG_ODDS_12 : risk === 1 ? LOG_ODDS_10_15 : 0));
          closure = choose(rng, outcome === NOT_MET ? NOT_MET_CLOSURE : MET_CLOSURE);
          if (rng.float() < PER_CHILD_OUTCOMES) {
            perChild = true;
            for (let k = 0; k < nChildren; k++) childOutcome[k] = rng.float() < 0.6 ? outcome : recordedOutcome(rng.float(), rng, theta + logOddsOfAge(ages[k]!));
          }
        }
        const steppedUp = closure.startsWith('step_up_');
        let pAfter: number;
        if (acgh[c]) pAfter = duration > 6 * DAYS_PER_MONTH ? AFTER_ACGH_LONG : AFTER_ACGH_SHORT;
        else if (cl.id === 'B' || cl.id === 'D') pAfter = e === 0 || e < s ? AFTER_BD_LOW_END : AFTER_BD_OTHER;
        else pAfter = AFTER_OTHER[cl.id] ?? 0.1;
        after = steppedUp || su(F_AFTER, c) < pAfter ? 1 : 0;
        cp = closure === 'step_up_cpp' || (after === 1 && su(F_CP, c) < (e === 0 ? CP_AFTER_LOW_END : CP_AFTER_OTHER)) ? 1 : 0;
        reReferred = su(F_REREFERRED, c) < D.reReferred[c]! ? 1 : 0;
      }

      // families.csv row.
      fam.byte(70); // F
      fam.int(familyNumber, 7);
      fam.byte(COMMA);
      fam.bytes(B.service[cc]!);
      fam.byte(COMMA);
      if (referral >= 0) fam.bytes(dateBytes(B, referral));
      fam.byte(COMMA);
      fam.bytes(dateBytes(B, start));
      fam.byte(COMMA);
      if (!open) fam.bytes(dateBytes(B, endDay));
      fam.byte(COMMA);
      fam.bytes(B.outcome[outcome]!);
      fam.byte(COMMA);
      fam.bytes(B.closure.get(closure)!);
      fam.byte(COMMA);
      if (reReferred >= 0) fam.int(reReferred);
      fam.byte(COMMA);
      fam.int(before);
      fam.byte(COMMA);
      fam.int(during);
      fam.byte(COMMA);
      if (after >= 0) fam.int(after);
      fam.byte(COMMA);
      if (cp >= 0) fam.int(cp);
      fam.byte(COMMA);
      if (!adultsBlank) fam.int(adults);
      fam.byte(COMMA);
      if (!adultsBlank) fam.int(female);
      fam.byte(COMMA);
      fam.bytes(B.ethnicity.get(ethnicity)!);
      fam.byte(COMMA);
      if (decile >= 0) fam.int(decile + 1);
      fam.byte(COMMA);
      if (decile >= 0) fam.bytes(B.lsoa[decile]![lsoa]!);
      for (let j = 0; j < J; j++) {
        fam.byte(COMMA);
        if (blank[j] === 0) fam.byte(48 + needs[j]!);
      }
      fam.byte(NEWLINE);

      // children.csv rows.
      for (let k = 0; k < nChildren; k++) {
        childSeq++;
        chi.byte(67); // C
        chi.int(childSeq, 8);
        chi.byte(COMMA);
        chi.byte(70);
        chi.int(familyNumber, 7);
        chi.byte(COMMA);
        chi.int(ages[k]!);
        chi.byte(COMMA);
        chi.bytes(B.gender[genders[k]!]!);
        chi.byte(COMMA);
        if (perChild) chi.bytes(B.outcome[childOutcome[k]!]!);
        chi.byte(NEWLINE);
      }

      // star.csv rows.
      const last = open ? AS_OF : endDay;
      if (rng.float() >= NO_STAR) {
        const startReadingDay = Math.min(last, start + rng.int(0, Math.min(10, Math.max(0, duration - 1))));
        let endReadingDay = -1;
        if (open) {
          if (AS_OF - startReadingDay > 60 && rng.float() < OPEN_WITH_REVIEW) endReadingDay = startReadingDay + rng.int(42, AS_OF - startReadingDay);
        } else if (endDay - startReadingDay >= 21 && rng.float() >= CLOSED_START_ONLY) {
          endReadingDay = Math.max(startReadingDay + 14, endDay - rng.int(0, 7));
        }
        for (let d = 0; d < 10; d++) {
          const u = rng.float();
          present[d] = u < DOMAIN_MISSING ? 0 : endReadingDay < 0 || u < DOMAIN_MISSING + DOMAIN_START_ONLY ? 1 : 2;
        }
        starReadings(rng, (d) => strat.next(S_DOMAIN + d), D, s, e, progressor, startR, endR, present);
        const reviewDay =
          endReadingDay >= 0 && !open && endReadingDay - startReadingDay > 120 && rng.float() < CLOSED_WITH_REVIEW
            ? startReadingDay + Math.round((endReadingDay - startReadingDay) * (0.35 + 0.3 * rng.float()))
            : -1;
        for (let d = 0; d < 10; d++) {
          if (present[d] === 0) continue;
          starRow(sta, familyNumber, B.domain[d]!, dateBytes(B, startReadingDay), startR[d]!);
          if (present[d] === 2) {
            if (reviewDay >= 0) {
              const a = startR[d]!;
              const mid = Math.round(a + (endR[d]! - a) * (0.3 + 0.4 * rng.float()));
              starRow(sta, familyNumber, B.domain[d]!, dateBytes(B, reviewDay), mid);
            }
            starRow(sta, familyNumber, B.domain[d]!, dateBytes(B, endReadingDay), endR[d]!);
          }
        }
      }

      // plans.csv rows.
      const startYear = Number(isoDay(start).slice(0, 4));
      const daScale = (DA_TOTAL_BY_YEAR[startYear] ?? DA_TOTAL_BY_YEAR[2018]!) * (needs[D.daJ] === 1 ? DA_WITH_NEED : DA_WITHOUT_NEED);
      const identified = Math.min(last, start + rng.int(0, 21));
      for (let m = 0; m < D.planMeasures.length; m++) {
        const measure = D.planMeasures[m]!;
        if (rng.float() >= (measure.da ? measure.p * daScale : measure.p)) continue;
        const u = rng.float();
        let status: number; // index in PLAN_STATUS_TEXT
        if (open) status = u < 0.7 ? 2 : u < 0.88 ? 0 : u < 0.92 ? 1 : 3;
        else if (outcome === 1) status = u < 0.85 ? 0 : u < 0.9 ? 1 : 3;
        else if (outcome === 2) status = u < 0.55 ? 0 : u < 0.9 ? 1 : 3;
        else if (outcome === NOT_MET) status = u < 0.1 ? 0 : u < 0.85 ? 1 : 3;
        else status = u < 0.25 ? 0 : u < 0.4 ? 1 : 3;
        pla.byte(70);
        pla.int(familyNumber, 7);
        pla.byte(COMMA);
        pla.bytes(B.measure[m]!);
        pla.byte(COMMA);
        pla.bytes(dateBytes(B, identified));
        pla.byte(COMMA);
        pla.bytes(B.status[status]!);
        pla.byte(COMMA);
        if (status === 0) pla.bytes(dateBytes(B, identified + (last > identified ? rng.int(1, last - identified) : 0)));
        pla.byte(NEWLINE);
      }
    }
    yield { families: fam.take(), children: chi.take(), star: sta.take(), plans: pla.take(), cluster };
  }
}

const LOG_ODDS_10_15 = Math.log(NOT_MET_ODDS_10_15);
const LOG_ODDS_12 = Math.log(NOT_MET_ODDS_12);

/** A recorded outcome: not met when the uniform `u` is below expit(logOdds), else met or partially met. */
function recordedOutcome(u: number, rng: Rng, logOdds: number): number {
  return u < expit(logOdds) ? NOT_MET : rng.float() < MET_SHARE ? 1 : 2;
}

function starRow(w: AsciiWriter, familyNumber: number, domain: Uint8Array, date: Uint8Array, reading: number): void {
  w.byte(70);
  w.int(familyNumber, 7);
  w.byte(COMMA);
  w.bytes(domain);
  w.byte(COMMA);
  w.bytes(date);
  w.byte(COMMA);
  w.int(reading);
  w.byte(NEWLINE);
}

function pickFrom(cum: Float64Array, offset: number, length: number, u: number): number {
  for (let k = 0; k < length - 1; k++) if (u < cum[offset + k]!) return k;
  return length - 1;
}


/**
 * Start and end readings (1–10) of the ten domains for a family whose mean reading starts in
 * segment `s` and ends in segment `e` (0 Lower, 1 Middle, 2 Higher). A progressing family moves
 * up a stage in every domain when it moves up a segment, and in each domain with that domain's
 * probability when it stays; other families never move up a stage. Redrawn (up to 30 times)
 * until the start and end means over the domains with both readings lie inside their bands.
 */
function starReadings(
  rng: Rng,
  domainUniform: (domain: number) => number,
  D: Design,
  s: number,
  e: number,
  progressor: boolean,
  startR: Int8Array,
  endR: Int8Array,
  present: Int8Array,
): void {
  for (let attempt = 0; attempt < 30; attempt++) {
    const same = s === e;
    const ls = same && progressor ? BAND_LO[s]! + 0.6 * rng.float() : BAND_LO[s]! + (BAND_HI[s]! - BAND_LO[s]!) * rng.float();
    const le = BAND_LO[e]! + (BAND_HI[e]! - BAND_LO[e]!) * rng.float();
    let sumS = 0;
    let sumE = 0;
    let nBoth = 0;
    for (let d = 0; d < 10; d++) {
      const rs = clampReading(Math.round(ls + DOMAIN_OFFSET[d]! + READING_SD * rng.normal()));
      const st = stageOf(rs);
      let re: number;
      if (e > s) {
        re = clampReading(Math.round(le + DOMAIN_OFFSET[d]! + READING_SD * rng.normal()));
        if (stageOf(re) <= st && st < 5) re = 2 * st + 1 + (rng.float() < 0.5 ? 0 : 1);
      } else if (e < s) {
        re = clampReading(Math.round(le + DOMAIN_OFFSET[d]! + READING_SD * rng.normal()));
        if (stageOf(re) > st) re = rs;
      } else if (progressor && st < 5 && domainUniform(d) < D.domainStageUp[d]!) {
        re = 2 * st + 1 + (rng.float() < 0.5 ? 0 : 1);
      } else {
        re = rng.float() < 0.1 && st > 1 ? 2 * (st - 1) - (rng.float() < 0.5 ? 0 : 1) : 2 * st - (rng.float() < 0.5 ? 0 : 1);
      }
      startR[d] = rs;
      endR[d] = re;
      if (present[d] === 2) {
        sumS += rs;
        sumE += re;
        nBoth++;
      }
    }
    if (nBoth === 0) return;
    const ms = sumS / nBoth;
    const me = sumE / nBoth;
    if (ms >= BAND_LO[s]! - BAND_SLACK && ms <= BAND_HI[s]! + BAND_SLACK && me >= BAND_LO[e]! - BAND_SLACK && me <= BAND_HI[e]! + BAND_SLACK) return;
  }
}
