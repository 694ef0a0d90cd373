import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NEED_CATALOGUE, OUTCOME_MEASURES } from '../../src/cohort/catalogues.js';
import { PUBLISHED_TARGETS as T } from '../../src/synth/published-targets.js';

const data = (name: string) => readFileSync(new URL(`../../data/${name}`, import.meta.url), 'utf8');
const shared = (path: string) => new URL(`../../../shared/${path}`, import.meta.url);
const published = JSON.parse(data('published-figures.json'));
const L = published.leicestershire2018;
const H = published.herefordshire2019;

describe('data/: copies of the shared reference and contract catalogues', () => {
  for (const [copy, original] of [
    ['published-figures.json', 'reference/published-figures.json'],
    ['need-indicators.csv', 'contract/need-indicators.csv'],
    ['outcome-measures.csv', 'contract/outcome-measures.csv'],
  ] as const) {
    it.skipIf(!existsSync(shared(original)))(`data/${copy} is byte-identical to ../shared/${original}`, () => {
      expect(data(copy)).toBe(readFileSync(shared(original), 'utf8'));
    });
  }

  it('data/need-indicators.csv and data/outcome-measures.csv list the embedded catalogues, in order', () => {
    const needs = data('need-indicators.csv').trim().split(/\r?\n/);
    expect(needs[0]).toBe('id,label,headline_problem');
    expect(needs.slice(1).map((l) => l.split(',')[0])).toEqual(NEED_CATALOGUE.map((n) => n.id));
    const measures = data('outcome-measures.csv').trim().split(/\r?\n/);
    expect(measures[0]).toBe('id,headline_problem,label');
    expect(measures.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual(OUTCOME_MEASURES.map((m) => `${m.id},${m.headlineProblem}`));
  });
});

describe('PUBLISHED_TARGETS: the numbers the generator uses equal data/published-figures.json', () => {
  it('Leicestershire figures', () => {
    expect(T.families).toBe(L.familiesSupported2013to2017);
    expect(T.needPrevalencePercent).toEqual(L.needPrevalenceAtStartPercent);
    expect(T.clusterFamilies).toEqual(Object.fromEntries(L.needClusters.map((c: { id: string; families: number }) => [c.id, c.families])));
    expect(T.serviceFamilies).toEqual(L.needClusterFamiliesByService);
    expect(T.bmePercent).toBe(L.bmeFamiliesPercent);
    expect(T.socialCarePercent).toEqual(L.socialCareInvolvementPercent);
    expect(T.cpPlanAfterPercent).toBe(L.childProtectionPlanAfterPercent);
    expect(T.reReferredPercent).toBe(100 - L.notReReferredPercent);
    expect(T.clusterD).toEqual(L.clusterD);
    expect(T.progressMatrixPercent).toEqual(L.progressMatrixPercent.cells);
    expect(T.progressedInAnyDomainPercent).toBe(L.madeProgressInAtLeastOneDomainPercent);
    expect(T.domainProgressPercent).toEqual(L.domainProgressPercent);
    expect(T.higherProgressByClusterPercent).toEqual(L.higherThanAverageProgressByClusterPercent);
    expect(T.lowerProgressByClusterPercent).toEqual(L.lowerThanAverageProgressByClusterPercent);
  });

  it('Herefordshire figures', () => {
    expect(T.openCasesPercent).toBe((100 * H.openCasesMay2018) / H.casesJan2015toMay2018);
    expect(T.malePercent).toBe(H.closedCasesMalePercent);
    expect(T.agedNineOrUnderPercent).toBe(H.agedNineOrUnderAtStartPercent);
    expect(T.closedOutcomesPercent).toEqual(H.outcomesOfClosedCasesPercent);
    expect(T.metOrPartiallyMetByYearPercent).toEqual({ 2015: H.metOrPartiallyMetByYearPercent['2015'], 2017: H.metOrPartiallyMetByYearPercent['2017onwards'] });
    expect(T.noOutcomeDataByYearPercent).toEqual(H.noOutcomeDataByYearPercent);
    expect(T.notMetByYearPercent).toEqual(H.notMetByYearPercent);
    expect(T.notMetBreakdownPercent).toEqual(H.notMetBreakdownPercent);
    expect(T.planOutcomesPerOpenCase).toBe(H.outcomesIdentifiedForOpenCases / H.openCasesMay2018);
    expect(T.planHeadlineSharePercent).toEqual({
      children_need_help: H.broadOutcomeShareOfOpenCasesPercent.childrenWhoNeedHelp,
      health: H.broadOutcomeShareOfOpenCasesPercent.health,
    });
    expect(T.planDomesticAbuseSharePercent).toEqual(H.domesticViolenceShareOfOutcomesPercent);
  });
});
