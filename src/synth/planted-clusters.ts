/**
 * The nine need clusters planted in the demo cohort, after Leicestershire's evaluation
 * (data/published-figures.json, leicestershire2018.needClusters): four groups of families,
 * each with LOW / MID / HIGH levels by number of needs. Everything here is a design
 * choice of the synthetic cohort, not a published figure, except `families` (the number
 * of Leicestershire families in each cluster, of 787).
 */

export const PLANTED_CLUSTER_IDS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'] as const;
export type PlantedClusterId = (typeof PLANTED_CLUSTER_IDS)[number];

export const PLANTED_GROUPS = [
  'Adults requiring support',
  'Domestic abuse families',
  'Lower needs families',
  'SEND families',
] as const;
export type PlantedGroup = (typeof PLANTED_GROUPS)[number];

export interface PlantedCluster {
  id: PlantedClusterId;
  group: PlantedGroup;
  level: 'LOW' | 'MID' | 'HIGH';
  /** Leicestershire families in the cluster (of 787): the cluster's share of the cohort. */
  families: number;
  /** Share of the cluster's families worked with by a Children's Centre (else Supporting Leicestershire Families). */
  childrensCentre: number;
  /** Share of families from Black and minority ethnic groups. */
  bme: number;
  /** Median months of involvement (log-normal, before open cases are cut off). */
  medianMonths: number;
  /** Social care involvement before and during the intervention. */
  socialCareBefore: number;
  socialCareDuring: number;
  /** Re-referral to Early Help after closure. */
  reReferred: number;
  /** Three or more female adults in the household. */
  threeFemaleAdults: number;
  /**
   * Progress-matrix design: intended share of the cluster's families moving up and down a
   * segment (percent; rescaled so the cohort matches the published matrix), and a tilt of
   * the start segment (Lower, Middle, Higher).
   */
  upPercent: number;
  downPercent: number;
  startTilt: readonly [number, number, number];
}

/** Cluster parameters (A–I). Up/down shares follow the evaluation's lists of clusters
 * with higher (I, B, C, A, G) and lower (I, H, C, D) than average progress. */
export const PLANTED_CLUSTERS: readonly PlantedCluster[] = [
  { id: 'A', group: 'Adults requiring support', level: 'LOW', families: 134, childrensCentre: 0.15, bme: 0.12, medianMonths: 7.5, socialCareBefore: 0.68, socialCareDuring: 0.22, reReferred: 0.36, threeFemaleAdults: 0.06, upPercent: 41, downPercent: 6, startTilt: [1, 1, 1] },
  { id: 'B', group: 'Adults requiring support', level: 'HIGH', families: 141, childrensCentre: 0.1, bme: 0.11, medianMonths: 8.5, socialCareBefore: 0.8, socialCareDuring: 0.3, reReferred: 0.38, threeFemaleAdults: 0.05, upPercent: 43, downPercent: 6, startTilt: [1.3, 1, 0.8] },
  { id: 'C', group: 'Domestic abuse families', level: 'LOW', families: 104, childrensCentre: 0.18, bme: 0.13, medianMonths: 7.5, socialCareBefore: 0.74, socialCareDuring: 0.24, reReferred: 0.36, threeFemaleAdults: 0.06, upPercent: 43, downPercent: 15, startTilt: [1, 1, 1] },
  { id: 'D', group: 'Domestic abuse families', level: 'HIGH', families: 42, childrensCentre: 0.08, bme: 0.12, medianMonths: 15.5, socialCareBefore: 0.85, socialCareDuring: 0.45, reReferred: 0.5, threeFemaleAdults: 0.05, upPercent: 26, downPercent: 16, startTilt: [1.8, 1, 0.6] },
  { id: 'E', group: 'Lower needs families', level: 'LOW', families: 107, childrensCentre: 0.26, bme: 0.17, medianMonths: 6, socialCareBefore: 0.5, socialCareDuring: 0.13, reReferred: 0.18, threeFemaleAdults: 0.04, upPercent: 16, downPercent: 3, startTilt: [0.5, 1, 1.8] },
  { id: 'F', group: 'Lower needs families', level: 'HIGH', families: 73, childrensCentre: 0.2, bme: 0.16, medianMonths: 6.5, socialCareBefore: 0.58, socialCareDuring: 0.15, reReferred: 0.22, threeFemaleAdults: 0.04, upPercent: 20, downPercent: 4, startTilt: [0.6, 1, 1.6] },
  { id: 'G', group: 'SEND families', level: 'LOW', families: 68, childrensCentre: 0.24, bme: 0.13, medianMonths: 7.5, socialCareBefore: 0.62, socialCareDuring: 0.2, reReferred: 0.34, threeFemaleAdults: 0.06, upPercent: 42, downPercent: 5, startTilt: [1, 1, 1] },
  { id: 'H', group: 'SEND families', level: 'MID', families: 65, childrensCentre: 0.12, bme: 0.12, medianMonths: 8, socialCareBefore: 0.72, socialCareDuring: 0.25, reReferred: 0.36, threeFemaleAdults: 0.06, upPercent: 25, downPercent: 18, startTilt: [1, 1, 1] },
  { id: 'I', group: 'SEND families', level: 'HIGH', families: 53, childrensCentre: 0.08, bme: 0.11, medianMonths: 9, socialCareBefore: 0.8, socialCareDuring: 0.3, reReferred: 0.38, threeFemaleAdults: 0.05, upPercent: 50, downPercent: 21, startTilt: [1.2, 1, 0.8] },
];

/**
 * Probability of each need indicator at the start, by cluster (A–I), before calibration.
 * Each cluster's signature needs are near-certain and its other needs rare, so that k-means
 * separates the nine clusters (intermediate probabilities add within-cluster noise and
 * make k-means split the large clusters); rare needs keep a realistic 1–5%. The profiles
 * follow the group names: adult mental health, substance misuse and physical health in
 * A and B; domestic abuse (and, in D, teenage parents) in C and D; few needs in E and F
 * (financial in F); SEND, development and learning difficulties in G, H and I.
 * Indicators with a published prevalence are shifted on the logit scale afterwards so the
 * cohort matches it (calibratedNeedProbabilities); cluster D's teenage and single parents
 * are pinned to the published 95% and 64%.
 */
export const RAW_NEED_PROFILES: Readonly<Record<string, readonly number[]>> = {
  //                                  A     B     C     D     E     F     G     H     I
  parenting_difficulties:            [0.89, 0.99, 0.99, 0.99, 0.85, 0.60, 0.97, 0.99, 0.99],
  single_parent_family:              [0.90, 0.15, 0.95, 0.64, 0.45, 0.62, 0.62, 0.62, 0.73],
  teenage_parent:                    [0.05, 0.05, 0.10, 0.95, 0.05, 0.05, 0.03, 0.03, 0.03],
  unstable_family_relationships:     [0.15, 0.82, 0.99, 0.99, 0.03, 0.11, 0.27, 0.73, 0.30],
  parental_conflict:                 [0.07, 0.11, 0.85, 0.94, 0.04, 0.06, 0.07, 0.06, 0.18],
  limited_support_network:           [0.90, 0.99, 0.38, 0.89, 0.07, 0.06, 0.18, 0.38, 0.82],
  social_isolation:                  [0.10, 0.97, 0.11, 0.38, 0.04, 0.07, 0.03, 0.11, 0.38],
  young_carer:                       [0.07, 0.60, 0.04, 0.03, 0.01, 0.03, 0.04, 0.07, 0.06],
  adult_carer:                       [0.07, 0.60, 0.03, 0.05, 0.01, 0.03, 0.07, 0.06, 0.38],
  bereavement:                       [0.07, 0.06, 0.05, 0.03, 0.04, 0.04, 0.04, 0.06, 0.07],
  neglect_concerns:                  [0.04, 0.85, 0.07, 0.62, 0.01, 0.04, 0.03, 0.07, 0.11],
  poor_home_conditions:              [0.05, 0.85, 0.05, 0.27, 0.01, 0.07, 0.04, 0.07, 0.18],
  child_development_concerns:        [0.03, 0.20, 0.10, 0.99, 0.15, 0.07, 0.99, 0.50, 0.99],
  speech_language_delay:             [0.04, 0.07, 0.05, 0.62, 0.03, 0.03, 0.94, 0.11, 0.97],
  early_years_offer_not_taken:       [0.04, 0.03, 0.05, 0.18, 0.03, 0.04, 0.11, 0.05, 0.06],
  send:                              [0.03, 0.07, 0.03, 0.38, 0.01, 0.03, 0.90, 0.89, 0.99],
  learning_disability:               [0.05, 0.10, 0.05, 0.82, 0.03, 0.03, 0.82, 0.99, 0.99],
  child_mental_health_low_level:     [0.03, 0.06, 0.11, 0.94, 0.04, 0.05, 0.07, 0.94, 0.99],
  child_mental_health_other:         [0.03, 0.03, 0.05, 0.38, 0.01, 0.01, 0.03, 0.18, 0.82],
  child_violent_aggressive_behaviour:[0.15, 0.27, 0.90, 0.99, 0.07, 0.03, 0.03, 0.99, 0.99],
  negative_child_lifestyle:          [0.45, 0.90, 0.55, 0.99, 0.06, 0.18, 0.35, 0.80, 0.99],
  child_domestic_abuse_victim:       [0.07, 0.15, 0.94, 0.99, 0.03, 0.04, 0.05, 0.03, 0.10],
  bullying:                          [0.04, 0.03, 0.06, 0.18, 0.03, 0.03, 0.05, 0.80, 0.30],
  child_sexual_exploitation_risk:    [0.01, 0.05, 0.03, 0.03, 0.005, 0.01, 0.01, 0.04, 0.07],
  missing_from_home:                 [0.01, 0.06, 0.03, 0.06, 0.005, 0.01, 0.01, 0.05, 0.03],
  risky_sexual_behaviour:            [0.01, 0.04, 0.02, 0.03, 0.005, 0.01, 0.005, 0.03, 0.06],
  e_safety:                          [0.03, 0.06, 0.04, 0.06, 0.01, 0.03, 0.05, 0.03, 0.18],
  school_attendance:                 [0.07, 0.11, 0.03, 0.62, 0.03, 0.05, 0.05, 0.20, 0.95],
  school_exclusions:                 [0.03, 0.03, 0.04, 0.27, 0.01, 0.01, 0.01, 0.11, 0.62],
  school_behaviour_issues:           [0.07, 0.10, 0.11, 0.97, 0.04, 0.05, 0.07, 0.97, 0.99],
  not_in_education:                  [0.01, 0.06, 0.03, 0.07, 0.01, 0.01, 0.01, 0.05, 0.06],
  alternative_provision:             [0.01, 0.04, 0.01, 0.07, 0.005, 0.01, 0.03, 0.07, 0.27],
  heavy_reliance_on_benefits:        [0.90, 0.99, 0.30, 0.99, 0.20, 0.99, 0.50, 0.30, 0.99],
  work_related_benefits:             [0.85, 0.99, 0.25, 0.97, 0.06, 0.99, 0.38, 0.25, 0.97],
  worklessness:                      [0.20, 0.99, 0.10, 0.89, 0.07, 0.82, 0.18, 0.15, 0.89],
  financial_difficulties:            [0.10, 0.99, 0.10, 0.97, 0.40, 0.95, 0.30, 0.20, 0.94],
  debt_rent_arrears:                 [0.07, 0.89, 0.06, 0.62, 0.04, 0.94, 0.07, 0.06, 0.38],
  housing_unsuitable:                [0.07, 0.82, 0.06, 0.38, 0.03, 0.38, 0.05, 0.03, 0.18],
  homelessness_risk:                 [0.03, 0.10, 0.07, 0.06, 0.01, 0.06, 0.01, 0.04, 0.07],
  social_housing:                    [0.85, 0.94, 0.30, 0.89, 0.11, 0.89, 0.38, 0.30, 0.89],
  adult_domestic_abuse_victim:       [0.15, 0.15, 0.99, 0.99, 0.05, 0.07, 0.11, 0.30, 0.20],
  domestic_abuse_perpetrator:        [0.04, 0.06, 0.85, 0.94, 0.01, 0.03, 0.03, 0.07, 0.06],
  police_domestic_callout:           [0.04, 0.06, 0.85, 0.94, 0.01, 0.03, 0.03, 0.07, 0.06],
  adult_offending:                   [0.04, 0.11, 0.06, 0.11, 0.01, 0.03, 0.03, 0.05, 0.07],
  child_offending:                   [0.01, 0.07, 0.03, 0.06, 0.005, 0.01, 0.01, 0.05, 0.03],
  anti_social_behaviour:             [0.03, 0.03, 0.04, 0.18, 0.01, 0.02, 0.02, 0.07, 0.11],
  gang_involvement:                  [0.005, 0.03, 0.01, 0.05, 0.005, 0.005, 0.005, 0.01, 0.04],
  family_member_in_custody:          [0.03, 0.07, 0.05, 0.03, 0.01, 0.02, 0.01, 0.03, 0.04],
  adult_mental_health_low_level:     [0.99, 0.99, 0.90, 0.94, 0.15, 0.10, 0.18, 0.20, 0.97],
  adult_mental_health_other:         [0.99, 0.99, 0.15, 0.89, 0.08, 0.06, 0.06, 0.10, 0.94],
  perinatal_mental_health:           [0.03, 0.11, 0.05, 0.06, 0.03, 0.04, 0.04, 0.05, 0.06],
  adult_substance_misuse:            [0.03, 0.89, 0.07, 0.18, 0.01, 0.04, 0.03, 0.05, 0.07],
  child_substance_misuse:            [0.01, 0.05, 0.02, 0.07, 0.005, 0.01, 0.01, 0.03, 0.06],
  adult_physical_health:             [0.18, 0.94, 0.07, 0.06, 0.04, 0.07, 0.03, 0.11, 0.38],
  child_physical_health:             [0.04, 0.03, 0.04, 0.06, 0.03, 0.03, 0.18, 0.03, 0.50],
  adult_learning_disability:         [0.04, 0.60, 0.04, 0.03, 0.01, 0.03, 0.05, 0.07, 0.06],
  not_registered_gp_dentist:         [0.03, 0.03, 0.04, 0.03, 0.03, 0.04, 0.03, 0.04, 0.05],
};

/** Cells of RAW_NEED_PROFILES kept as they are by the calibration: [indicator, cluster]. */
export const PINNED_NEED_CELLS: readonly (readonly [string, PlantedClusterId])[] = [
  ['teenage_parent', 'D'],
  ['single_parent_family', 'D'],
];
