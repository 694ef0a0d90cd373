/**
 * The published figures the demo cohort is calibrated to, transcribed from
 * data/published-figures.json (a copy of ../shared/reference/published-figures.json:
 * Leicestershire's Early Help evaluation, 2018, and Herefordshire's review of early help,
 * 2019). test/synth/published-targets.test.ts checks every number here against that file,
 * and test/synth/calibration.test.ts checks the demo cohort against the file itself.
 */
export const PUBLISHED_TARGETS = {
  /** leicestershire2018.familiesSupported2013to2017 */
  families: 5486,
  /** leicestershire2018.needPrevalenceAtStartPercent */
  needPrevalencePercent: {
    parenting_difficulties: 78,
    heavy_reliance_on_benefits: 65,
    adult_mental_health_low_level: 64,
    work_related_benefits: 62,
    single_parent_family: 60,
    adult_mental_health_other: 59,
    negative_child_lifestyle: 57,
    financial_difficulties: 56,
    unstable_family_relationships: 54,
    child_violent_aggressive_behaviour: 53,
    adult_domestic_abuse_victim: 52,
    limited_support_network: 47,
    child_development_concerns: 44,
    child_domestic_abuse_victim: 36,
    learning_disability: 32,
    send: 23,
  } as Readonly<Record<string, number>>,
  /** leicestershire2018.needClusters (families per cluster, of 787) */
  clusterFamilies: { A: 134, B: 141, C: 104, D: 42, E: 107, F: 73, G: 68, H: 65, I: 53 },
  /** leicestershire2018.needClusterFamiliesByService */
  serviceFamilies: { 'Supporting Leicestershire Families': 662, "Children's Centres": 125 },
  /** leicestershire2018.bmeFamiliesPercent */
  bmePercent: 13,
  /** leicestershire2018.socialCareInvolvementPercent */
  socialCarePercent: { before: 68, during: 25, after: 38 },
  /** leicestershire2018.childProtectionPlanAfterPercent */
  cpPlanAfterPercent: 12,
  /** 100 − leicestershire2018.notReReferredPercent (67) */
  reReferredPercent: 33,
  /** leicestershire2018.clusterD */
  clusterD: {
    teenageParentsPercent: 95,
    singleParentPercent: 64,
    reReferredPercent: 50,
    socialCareDuringPercent: 45,
    involvementOverOneYearPercent: 45,
  },
  /** leicestershire2018.progressMatrixPercent.cells (rows start, columns end: Lower, Middle, Higher) */
  progressMatrixPercent: [
    [11, 13, 6],
    [4, 24, 15],
    [1, 4, 21],
  ],
  /** leicestershire2018.madeProgressInAtLeastOneDomainPercent */
  progressedInAnyDomainPercent: 72,
  /** leicestershire2018.domainProgressPercent */
  domainProgressPercent: {
    home_and_money: 61,
    keeping_children_safe: 60,
    boundaries_and_behaviour: 72,
    family_routine: 63,
    physical_health: 63,
    adult_wellbeing: 70,
    social_networks: 65,
    emotional_needs: 64,
    education_and_learning: 62,
    progress_to_work: 55,
  },
  /** leicestershire2018.higherThanAverageProgressByClusterPercent */
  higherProgressByClusterPercent: { I: 48, B: 41, C: 40, A: 37, G: 36 },
  /** leicestershire2018.lowerThanAverageProgressByClusterPercent */
  lowerProgressByClusterPercent: { I: 20, H: 16, C: 13, D: 10 },
  /** herefordshire2019.openCasesMay2018 / casesJan2015toMay2018 (624 / 1,979) */
  openCasesPercent: (624 / 1979) * 100,
  /** herefordshire2019.closedCasesMalePercent */
  malePercent: 58,
  /** herefordshire2019.agedNineOrUnderAtStartPercent */
  agedNineOrUnderPercent: 63,
  /** herefordshire2019.outcomesOfClosedCasesPercent */
  closedOutcomesPercent: { metOrPartiallyMet: 39, notMet: 31, noData: 29 },
  /** herefordshire2019.metOrPartiallyMetByYearPercent */
  metOrPartiallyMetByYearPercent: { 2015: 21, 2017: 45 },
  /** herefordshire2019.noOutcomeDataByYearPercent */
  noOutcomeDataByYearPercent: { 2015: 43, 2018: 21 },
  /** herefordshire2019.notMetByYearPercent */
  notMetByYearPercent: { 2015: 34, 2017: 26, 2018: 32 },
  /** herefordshire2019.notMetBreakdownPercent */
  notMetBreakdownPercent: { steppedUpToSocialCare: 81, failureToEngage: 19, steppedUpToChildInNeedOfAllNotMet: 39 },
  /** herefordshire2019.outcomesIdentifiedForOpenCases / openCasesMay2018 (2,127 / 624) */
  planOutcomesPerOpenCase: 2127 / 624,
  /** herefordshire2019.broadOutcomeShareOfOpenCasesPercent (share of the outcomes identified for open cases) */
  planHeadlineSharePercent: { children_need_help: 46, health: 29 },
  /** herefordshire2019.domesticViolenceShareOfOutcomesPercent */
  planDomesticAbuseSharePercent: { 2015: 11, 2018: 5 },
} as const;
