/**
 * The default demo cohort (5,486 families, seed 1) against the published figures it is
 * calibrated to: data/published-figures.json (a copy of ../shared/reference/published-figures.json;
 * published-targets.test.ts checks the copy). Each figure is computed here directly from the
 * parsed cohort (test/synth/cohort-figures.ts), and each tolerance is in the test's name.
 * Sampling noise of a figure over n cases is about 100·sqrt(p(1−p)/n) points: the tolerances
 * are wider for small groups: cluster D (about 290 families, 190 closed: 2.5 standard errors
 * is about 9 points) and single years of closure (about 400 cases in 2015: 5 points).
 */
import { readFileSync } from 'node:fs';
import { planOutcomeList } from '../../src/cohort/star-readings.js';
import { kmeans } from 'ml-kmeans';
import { beforeAll, describe, expect, it } from 'vitest';
import { OUTCOME_MEASURES } from '../../src/cohort/catalogues.js';
import { DEFAULT_AGE_BANDS } from '../../src/cohort/config.js';
import { needValue, STAR_DOMAINS, type Cohort } from '../../src/cohort/types.js';
import { chiSquareTest } from '../../src/stats/chi-square-test.js';
import { twoProportionTest } from '../../src/stats/two-proportion-test.js';
import type { Problem } from '../../src/io/parse-csv.js';
import { synthCohortWithTruth } from '../../src/synth/synth-cohort.js';
import * as F from './cohort-figures.js';

const published = JSON.parse(readFileSync(new URL('../../data/published-figures.json', import.meta.url), 'utf8'));
const L = published.leicestershire2018;
const H = published.herefordshire2019;

let cohort: Cohort;
let warnings: Problem[];
let cluster: string[];
let closed: number[];
let stars: F.FamilyStar[];
const famIdx = () => cohort.families.map((_, i) => i);
const within = (actual: number, target: number, tolerance: number) => {
  expect(Number.isFinite(actual)).toBe(true);
  expect(Math.abs(actual - target), `actual ${actual.toFixed(2)} vs published ${target}`).toBeLessThanOrEqual(tolerance);
};

beforeAll(() => {
  const r = synthCohortWithTruth();
  cohort = r.cohort;
  warnings = r.warnings;
  cluster = r.truth.cluster;
  closed = famIdx().filter((i) => cohort.families[i]!.endDate !== null);
  stars = F.familyStar(cohort);
});

describe('demo cohort: shape', () => {
  it(`has ${L.familiesSupported2013to2017} families (Leicestershire) and the ${L.needIndicators} indicators of the default catalogue`, () => {
    expect(cohort.families.length).toBe(L.familiesSupported2013to2017);
    expect(cohort.needIds.length).toBe(L.needIndicators);
  });

  it('parses with no errors (synthCohortWithTruth throws on any); the only warnings are the ~2% of families with no Family Star readings', () => {
    expect(cohort.source.kind).toBe('demo');
    expect(warnings.every((w) => w.severity === 'warning')).toBe(true);
    expect(new Set(warnings.map((w) => w.message))).toEqual(new Set(['family has no Family Star readings: left out of the progress analysis']));
    within(F.pct(warnings.length, cohort.families.length), 2, 1);
    expect(cohort.plans!.length).toBeGreaterThan(0);
  });
});

describe('demo cohort: needs and clusters (Leicestershire)', () => {
  for (const [id, target] of Object.entries(L.needPrevalenceAtStartPercent as Record<string, number>)) {
    it(`prevalence of ${id} is within 5 points of ${target}%`, () => within(F.needPrevalence(cohort, id), target, 5));
  }

  it('plants the 9 clusters A–I in the proportions of the 787 clustered families, each within 1.5 points', () => {
    const total = (L.needClusters as { families: number }[]).reduce((s, c) => s + c.families, 0);
    for (const c of L.needClusters as { id: string; families: number }[]) {
      within(F.pct(cluster.filter((x) => x === c.id).length, cluster.length), (100 * c.families) / total, 1.5);
    }
  });

  it('k-means (ml-kmeans, k = 9, best of 5 k-means++ starts by within-cluster sum of squares) recovers the planted clusters: adjusted Rand index >= 0.75', () => {
    const rows = famIdx().map((f) => cohort.needIds.map((_, j) => needValue(cohort, f, j) ?? 0));
    let best: { sse: number; labels: number[] } | null = null;
    for (let seed = 1; seed <= 5; seed++) {
      const fit = kmeans(rows, 9, { seed, initialization: 'kmeans++' });
      let sse = 0;
      rows.forEach((x, i) => {
        const c = fit.centroids[fit.clusters[i]!]!;
        for (let j = 0; j < x.length; j++) sse += (x[j]! - c[j]!) ** 2;
      });
      if (!best || sse < best.sse) best = { sse, labels: fit.clusters };
    }
    expect(F.adjustedRandIndex(cluster, best!.labels)).toBeGreaterThanOrEqual(0.75);
  });

  it('orders levels by number of needs within each group: A < B, C < D, E < F, G < H < I', () => {
    const meanNeeds = (c: string) => {
      const idx = famIdx().filter((i) => cluster[i] === c);
      const total = idx.reduce((s, f) => s + cohort.needIds.reduce((t, _, j) => t + (needValue(cohort, f, j) ?? 0), 0), 0);
      return total / idx.length;
    };
    const m = Object.fromEntries('ABCDEFGHI'.split('').map((c) => [c, meanNeeds(c)]));
    expect(m.A).toBeLessThan(m.B!);
    expect(m.C).toBeLessThan(m.D!);
    expect(m.E).toBeLessThan(m.F!);
    expect(m.G).toBeLessThan(m.H!);
    expect(m.H).toBeLessThan(m.I!);
    // lower needs families have the fewest needs of all
    for (const c of 'ABCDGHI') expect(m.F).toBeLessThan(m[c]!);
  });

  it('gives the groups profiles that fit their names (each signature need at least 25 points above the rest of the cohort)', () => {
    const share = (id: string, inGroup: boolean, group: string) => {
      const j = cohort.needIds.indexOf(id);
      const idx = famIdx().filter((i) => group.includes(cluster[i]!) === inGroup);
      return F.yesPercent(idx.map((f) => needValue(cohort, f, j)));
    };
    const signatures: [string, string][] = [
      ['AB', 'adult_mental_health_low_level'],
      ['AB', 'adult_mental_health_other'],
      ['B', 'adult_substance_misuse'],
      ['B', 'adult_physical_health'],
      ['CD', 'adult_domestic_abuse_victim'],
      ['CD', 'child_domestic_abuse_victim'],
      ['CD', 'domestic_abuse_perpetrator'],
      ['GHI', 'learning_disability'],
      ['GHI', 'child_development_concerns'],
      ['HI', 'send'],
    ];
    for (const [group, id] of signatures) expect(share(id, true, group) - share(id, false, group), `${group} ${id}`).toBeGreaterThanOrEqual(25);
  });

  it('splits families between Supporting Leicestershire Families and Children\'s Centres 662:125, within 2 points', () => {
    const by = L.needClusterFamiliesByService as Record<string, number>;
    const target = (100 * by["Children's Centres"]!) / (by["Children's Centres"]! + by['Supporting Leicestershire Families']!);
    const services = new Set(cohort.families.map((f) => f.service));
    expect(services).toEqual(new Set(['Supporting Leicestershire Families', "Children's Centres"]));
    within(F.pct(cohort.families.filter((f) => f.service === "Children's Centres").length, cohort.families.length), target, 2);
  });

  it(`has ${L.bmeFamiliesPercent}% BME families (of those with ethnicity recorded), within 2 points`, () => {
    const known = cohort.families.filter((f) => f.ethnicity !== null);
    within(F.pct(known.filter((f) => !f.ethnicity!.startsWith('White')).length, known.length), L.bmeFamiliesPercent, 2);
  });
});

describe('demo cohort: social care and re-referral (Leicestershire)', () => {
  const sc = () => L.socialCareInvolvementPercent;
  it('social care before within 3 points of 68%', () => within(F.yesPercent(cohort.families.map((f) => f.socialCareBefore)), sc().before, 3));
  it('social care during within 3 points of 25%', () => within(F.yesPercent(cohort.families.map((f) => f.socialCareDuring)), sc().during, 3));
  it('social care after (closed cases) within 3 points of 38%', () => within(F.yesPercent(cohort.families.map((f) => f.socialCareAfter)), sc().after, 3));
  it('child protection plan after (closed cases) within 3 points of 12%', () =>
    within(F.yesPercent(cohort.families.map((f) => f.cpPlanAfter)), L.childProtectionPlanAfterPercent, 3));
  it('re-referred (closed cases) within 3 points of 33% (67% not re-referred)', () =>
    within(F.yesPercent(cohort.families.map((f) => f.reReferred)), 100 - L.notReReferredPercent, 3));
  it('leaves after, CP plan and re-referral blank for open cases', () => {
    const open = cohort.families.filter((x) => x.endDate === null);
    expect(open.length).toBeGreaterThan(0);
    expect(open.filter((f) => [f.socialCareAfter, f.cpPlanAfter, f.reReferred, f.outcome].some((v) => v !== null))).toEqual([]);
  });
});

describe('demo cohort: cluster D (domestic abuse, high need)', () => {
  const D = () => famIdx().filter((i) => cluster[i] === 'D');
  const j = (id: string) => cohort.needIds.indexOf(id);
  it('teenage parents within 4 points of 95%', () => within(F.yesPercent(D().map((f) => needValue(cohort, f, j('teenage_parent')))), L.clusterD.teenageParentsPercent, 4));
  it('single parents within 10 points of 64%', () => within(F.yesPercent(D().map((f) => needValue(cohort, f, j('single_parent_family')))), L.clusterD.singleParentPercent, 10));
  it('re-referred within 10 points of 50%', () => within(F.yesPercent(D().map((f) => cohort.families[f]!.reReferred)), L.clusterD.reReferredPercent, 10));
  it('social care during within 10 points of 45%', () => within(F.yesPercent(D().map((f) => cohort.families[f]!.socialCareDuring)), L.clusterD.socialCareDuringPercent, 10));
  it('involvement over one year (closed cases) within 10 points of 45%, well above the other clusters', () => {
    const over = (idx: number[]) => {
      const c = idx.filter((i) => cohort.families[i]!.endDate !== null);
      return F.pct(c.filter((i) => F.monthsOfInvolvement(cohort.families[i]!.startDate, cohort.families[i]!.endDate!) > 12).length, c.length);
    };
    within(over(D()), L.clusterD.involvementOverOneYearPercent, 10);
    expect(over(D()) - over(famIdx().filter((i) => cluster[i] !== 'D'))).toBeGreaterThan(15);
  });
});

describe('demo cohort: Family Star progress (Leicestershire)', () => {
  const cells = () => L.progressMatrixPercent.cells as number[][];

  it('leaves a realistic few percent out: families with no change, domains with a start reading only', () => {
    const excluded = cohort.families.length - stars.length;
    expect(excluded).toBeGreaterThan(0);
    const closedIn = new Set(stars.map((s) => s.family));
    const closedOut = closed.filter((i) => !closedIn.has(i)).length;
    within(F.pct(closedOut, closed.length), 7, 4); // 2% no readings + 5% start only
    const domainsWithoutChange = stars.reduce((s, f) => s + f.progressed.filter((p) => p === null).length, 0);
    within(F.pct(domainsWithoutChange, stars.length * 10), 4.5, 2);
  });

  for (const [d, target] of Object.entries(L.domainProgressPercent as Record<string, number>)) {
    it(`domain progress in ${d} is within 5 points of ${target}%`, () => {
      const k = STAR_DOMAINS.indexOf(d as (typeof STAR_DOMAINS)[number]);
      const v = stars.map((s) => s.progressed[k]).filter((p) => p !== null);
      within(F.pct(v.filter(Boolean).length, v.length), target, 5);
    });
  }

  it('families progressing a stage in at least one domain within 3 points of 72%', () =>
    within(F.pct(stars.filter((s) => s.progressed.some((p) => p === true)).length, stars.length), L.madeProgressInAtLeastOneDomainPercent, 3));

  it('reproduces the progress matrix cell by cell within 3 points with segments from cut points 4 and 7 on the mean score', () => {
    const seg = F.cutSegments(stars, [4, 7]);
    const m = F.matrixPercent(F.matrixCounts(seg.start, seg.end));
    cells().forEach((row, s) => row.forEach((target, e) => within(m[s]![e]!, target, 3)));
  });

  it('reproduces the progress matrix cell by cell within 3 points with segments from k-means (ml-kmeans, k = 3, pooled start and end vectors, ordered by mean)', () => {
    const seg = F.kmeansSegments(stars, 1);
    const m = F.matrixPercent(F.matrixCounts(seg.start, seg.end));
    cells().forEach((row, s) => row.forEach((target, e) => within(m[s]![e]!, target, 3)));
    expect(seg.centreMeans[0]).toBeLessThan(4);
    expect(seg.centreMeans[2]).toBeGreaterThan(7);
  });

  it('higher than average progress (up) within 3 points of 34%, lower (down) within 3 points of 9%', () => {
    const seg = F.cutSegments(stars, [4, 7]);
    within(F.pct(seg.start.filter((s, i) => seg.end[i]! > s).length, stars.length), L.progressCategoriesPercent.higherThanAverage, 3);
    within(F.pct(seg.start.filter((s, i) => seg.end[i]! < s).length, stars.length), L.progressCategoriesPercent.lowerThanAverage, 3);
  });

  it('clusters I, B, C, A, G move up more than the cohort and I, H, C, D move down more, as published', () => {
    const seg = F.cutSegments(stars, [4, 7]);
    const share = (c: string | null, dir: 1 | -1) => {
      const idx = stars.map((_, i) => i).filter((i) => c === null || cluster[stars[i]!.family] === c);
      return F.pct(idx.filter((i) => dir * (seg.end[i]! - seg.start[i]!) > 0).length, idx.length);
    };
    for (const c of Object.keys(L.higherThanAverageProgressByClusterPercent)) expect(share(c, 1), c).toBeGreaterThan(share(null, 1));
    for (const c of Object.keys(L.lowerThanAverageProgressByClusterPercent)) expect(share(c, -1), c).toBeGreaterThan(share(null, -1));
  });
});

describe('demo cohort: planted CHAID drivers (Leicestershire)', () => {
  const ACGH = () => famIdx().filter((i) => 'ACGH'.includes(cluster[i]!));
  const seg = () => F.cutSegments(stars, [4, 7]);
  const upAmong = (pred: (f: number) => boolean | null) => {
    const s = seg();
    let x1 = 0;
    let n1 = 0;
    let x0 = 0;
    let n0 = 0;
    stars.forEach((st, i) => {
      const v = pred(st.family);
      if (v === null) return;
      const up = s.end[i]! > s.start[i]! ? 1 : 0;
      if (v) {
        x1 += up;
        n1++;
      } else {
        x0 += up;
        n0++;
      }
    });
    return { x1, n1, x0, n0 };
  };
  const inACGH = (f: number) => 'ACGH'.includes(cluster[f]!);

  it('in clusters A, C, G, H, involvement over 6 months raises social care after by at least 20 points (two-proportion p < 1e-10)', () => {
    const c = ACGH().filter((i) => cohort.families[i]!.endDate !== null);
    const months = (i: number) => F.monthsOfInvolvement(cohort.families[i]!.startDate, cohort.families[i]!.endDate!);
    const long = c.filter((i) => months(i) > 6);
    const short = c.filter((i) => months(i) <= 6);
    const yes = (idx: number[]) => idx.filter((i) => cohort.families[i]!.socialCareAfter === 1).length;
    const t = twoProportionTest(yes(long), long.length, yes(short), short.length);
    expect(100 * t.difference).toBeGreaterThanOrEqual(20);
    expect(t.p).toBeLessThan(1e-10);
  });

  it('in clusters A, C, G, H, three or more female adults lower the share moving up (p < 0.001)', () => {
    const r = upAmong((f) => (inACGH(f) && cohort.families[f]!.femaleAdults !== null ? cohort.families[f]!.femaleAdults! >= 3 : null));
    const t = twoProportionTest(r.x1, r.n1, r.x0, r.n0);
    expect(r.n1).toBeGreaterThanOrEqual(50);
    expect(t.difference).toBeLessThan(0);
    expect(t.p).toBeLessThan(0.001);
  });

  it('in clusters A, C, G, H, a negative child lifestyle lowers the share moving up (p < 0.001)', () => {
    const j = cohort.needIds.indexOf('negative_child_lifestyle');
    const r = upAmong((f) => (inACGH(f) ? (needValue(cohort, f, j) === null ? null : needValue(cohort, f, j) === 1) : null));
    const t = twoProportionTest(r.x1, r.n1, r.x0, r.n0);
    expect(t.difference).toBeLessThan(0);
    expect(t.p).toBeLessThan(0.001);
  });

  it('in clusters E and F, financial difficulties raise the share moving up (p < 0.001)', () => {
    const j = cohort.needIds.indexOf('financial_difficulties');
    const r = upAmong((f) => ('EF'.includes(cluster[f]!) ? (needValue(cohort, f, j) === null ? null : needValue(cohort, f, j) === 1) : null));
    const t = twoProportionTest(r.x1, r.n1, r.x0, r.n0);
    expect(t.difference).toBeGreaterThan(0);
    expect(t.p).toBeLessThan(0.001);
  });
});

describe('demo cohort: children, outcomes and dates (Herefordshire)', () => {
  const closedFamilies = () => closed.map((i) => cohort.families[i]!);
  const childrenOfClosed = () => {
    const set = new Set(closed);
    return cohort.children.filter((c) => set.has(c.familyIndex));
  };
  const share = (fams: { outcome: string | null }[], k: string) => F.pct(fams.filter((f) => F.outcomeCategory(f.outcome) === k).length, fams.length);
  const ofYear = (y: string) => closedFamilies().filter((f) => f.endDate!.startsWith(y));

  it('has 1–4 children per family aged 0–17', () => {
    const per = new Map<number, number>();
    for (const c of cohort.children) per.set(c.familyIndex, (per.get(c.familyIndex) ?? 0) + 1);
    expect(per.size).toBe(cohort.families.length);
    expect(Math.min(...per.values())).toBe(1);
    expect(Math.max(...per.values())).toBe(4);
    const ages = cohort.children.map((c) => c.ageAtStart!);
    expect(Math.min(...ages)).toBe(0);
    expect(Math.max(...ages)).toBe(17);
  });
  it('children of closed cases aged 9 or under within 3 points of 63%', () =>
    within(F.pct(childrenOfClosed().filter((c) => c.ageAtStart! <= 9).length, childrenOfClosed().length), H.agedNineOrUnderAtStartPercent, 3));
  it('children of closed cases male within 3 points of 58%', () =>
    within(F.pct(childrenOfClosed().filter((c) => c.gender === 'male').length, childrenOfClosed().length), H.closedCasesMalePercent, 3));

  it('still open at the end of May 2018 within 3 points of 624 / 1,979 (31.5%); start dates January 2015 to May 2018', () => {
    within(F.pct(cohort.families.length - closed.length, cohort.families.length), (100 * H.openCasesMay2018) / H.casesJan2015toMay2018, 3);
    const starts = cohort.families.map((f) => f.startDate).sort();
    expect(starts[0]! >= '2015-01-01' && starts[0]! < '2015-02-01').toBe(true);
    expect(starts[starts.length - 1]! <= '2018-05-31' && starts[starts.length - 1]! >= '2018-05-01').toBe(true);
    expect(closedFamilies().filter((f) => f.endDate! > '2018-05-31')).toEqual([]);
  });

  it('closed-case outcomes: met or partially met 39%, not met 31%, no data 29%, each within 3 points', () => {
    const o = H.outcomesOfClosedCasesPercent;
    within(share(closedFamilies(), 'metOrPartiallyMet'), o.metOrPartiallyMet, 3);
    within(share(closedFamilies(), 'notMet'), o.notMet, 3);
    within(share(closedFamilies(), 'noData'), o.noData, 3);
  });

  it('by year of closure: no data 43% (2015) falling to 21% (2018), met/partially met 21% (2015) rising to 45% and over (2017 on), within 5 points', () => {
    within(share(ofYear('2015'), 'noData'), H.noOutcomeDataByYearPercent['2015'], 5);
    within(share(ofYear('2018'), 'noData'), H.noOutcomeDataByYearPercent['2018'], 5);
    within(share(ofYear('2015'), 'metOrPartiallyMet'), H.metOrPartiallyMetByYearPercent['2015'], 5);
    for (const y of ['2017', '2018']) {
      within(share(ofYear(y), 'metOrPartiallyMet'), H.metOrPartiallyMetByYearPercent['2017onwards'], 5);
    }
  });

  it('by year of closure: not met 34% (2015), 26% (2017), 32% (2018), within 5 points', () => {
    for (const y of ['2015', '2017', '2018']) within(share(ofYear(y), 'notMet'), H.notMetByYearPercent[y], 5);
  });

  it('not met: 81% stepped up to social care, 39% to child in need, 19% disengaged, within 4 points', () => {
    const nm = closedFamilies().filter((f) => f.outcome === 'not_met');
    const b = H.notMetBreakdownPercent;
    within(F.pct(nm.filter((f) => f.closureReason!.startsWith('step_up_')).length, nm.length), b.steppedUpToSocialCare, 4);
    within(F.pct(nm.filter((f) => f.closureReason === 'step_up_cin').length, nm.length), b.steppedUpToChildInNeedOfAllNotMet, 4);
    within(F.pct(nm.filter((f) => f.closureReason === 'disengaged').length, nm.length), b.failureToEngage, 4);
    const met = closedFamilies().filter((f) => f.outcome === 'met' || f.outcome === 'partially_met');
    expect(F.pct(met.filter((f) => f.closureReason === 'needs_met').length, met.length)).toBeGreaterThan(80);
  });

  it('records outcomes mostly on the family, some on the children', () => {
    const own = cohort.children.filter((c) => c.outcome !== null).length;
    expect(own).toBeGreaterThan(0);
    within(F.pct(own, childrenOfClosed().length), 8, 4);
  });

  it('over-represents 10–15 year olds among not met: Pearson chi-square over the age bands p < 1e-10, 10–15 the highest band and 12 the highest age', () => {
    const table = F.ageBandTable(cohort, DEFAULT_AGE_BANDS);
    const test = chiSquareTest(table.map((r) => [r.met, r.notMet]));
    expect(test.df).toBe(4);
    expect(test.p).toBeLessThan(1e-10);
    const notMetShare = table.map((r) => r.notMet / (r.met + r.notMet));
    const k = table.findIndex((r) => r.band === '10-15');
    expect(Math.max(...notMetShare)).toBe(notMetShare[k]);
    expect(test.adjustedResiduals[k]![1]).toBeGreaterThan(5);
    const byAge = F.ageBandTable(cohort, Array.from({ length: 18 }, (_, a) => ({ label: String(a), min: a, max: a })));
    const ageShare = byAge.map((r) => r.notMet / (r.met + r.notMet));
    expect(Math.max(...ageShare)).toBe(ageShare[12]);
  });
});

describe('demo cohort: outcome plans (Herefordshire)', () => {
  const planList = () => planOutcomeList(cohort.plans!);
  const headline = new Map(OUTCOME_MEASURES.map((m) => [m.id, m.headlineProblem]));
  const openSet = () => new Set(famIdx().filter((i) => cohort.families[i]!.endDate === null));
  const openPlans = () => {
    const open = openSet();
    return planList().filter((p) => open.has(p.familyIndex));
  };
  const share = (plans: { outcome: string }[], problem: string) => F.pct(plans.filter((p) => headline.get(p.outcome) === problem).length, plans.length);

  it('about 3.4 outcomes per open case (2,127 / 624), within 0.3', () => {
    const per = openPlans().length / openSet().size;
    expect(Math.abs(per - H.outcomesIdentifiedForOpenCases / H.openCasesMay2018)).toBeLessThanOrEqual(0.3);
  });

  it('"children who need help" 46% and health 29% of the outcomes identified for open cases, within 3 points', () => {
    within(share(openPlans(), 'children_need_help'), H.broadOutcomeShareOfOpenCasesPercent.childrenWhoNeedHelp, 3);
    within(share(openPlans(), 'health'), H.broadOutcomeShareOfOpenCasesPercent.health, 3);
  });

  it('domestic-abuse share of outcomes 11% (2015) falling to 5% (2018), within 2 points, falling every year', () => {
    const byYear = ['2015', '2016', '2017', '2018'].map((y) => share(planList().filter((p) => p.identifiedDate.startsWith(y)), 'domestic_abuse'));
    within(byYear[0]!, H.domesticViolenceShareOfOutcomesPercent['2015'], 2);
    within(byYear[3]!, H.domesticViolenceShareOfOutcomesPercent['2018'], 2);
    for (let y = 1; y < 4; y++) expect(byYear[y]!).toBeLessThan(byYear[y - 1]!);
  });

  it('uses all four statuses; in progress only for open cases; achieved outcomes dated on or after identification', () => {
    const statuses = new Set(planList().map((p) => p.status));
    expect(statuses).toEqual(new Set(['achieved', 'not_achieved', 'in_progress', 'unknown']));
    const open = openSet();
    const plans = planList();
    expect(plans.filter((p) => p.status === 'in_progress' && !open.has(p.familyIndex))).toEqual([]);
    expect(plans.filter((p) => p.status === 'achieved' && !(p.achievedDate !== null && p.achievedDate >= p.identifiedDate))).toEqual([]);
    expect(plans.filter((p) => p.status !== 'achieved' && p.achievedDate !== null)).toEqual([]);
  });
});
