import type { Command } from 'commander';
import { OUTCOME_MEASURES } from '../../cohort/catalogues.js';
import type { FamilyGrouping } from '../../cohort/types.js';
import { compareSubgroup, type CompareSubgroupResult } from '../../outcomes/compare-subgroup.js';
import type { ProportionComparison } from '../../outcomes/compare-proportions.js';
import type { OutcomeMeasure } from '../../outcomes/outcome-plans.js';
import { outcomesAnalysis, type OutcomesResult } from '../../outcomes/outcomes-analysis.js';
import type { Share } from '../../outcomes/share.js';
import { subgroupMembership } from '../../outcomes/subgroup-membership.js';
import { parseWhere } from '../../outcomes/where.js';
import { DEFAULT_BANDS_RESTARTS, DEFAULT_BANDS_SEED } from '../../progress/compute-family-progress.js';
import { parseProgressBands } from '../../progress/parse-progress-bands.js';
import type { ProgressBands } from '../../progress/types.js';
import { CliUsageError, type CliContext } from '../context.js';
import { readAssignments } from '../read-assignments.js';
import { parseWholeOption } from '../parse-options.js';

interface OutcomesCliOptions {
  demo?: boolean;
  config?: string;
  json?: boolean;
  clusters?: string;
  mcnemarCorrection?: boolean;
}

interface CompareCliOptions {
  demo?: boolean;
  config?: string;
  json?: boolean;
  where?: string;
  clusters?: string;
  bands?: string;
  seed?: string;
}

/**
 * Registers `earlyhelp outcomes <cohort> [--clusters FILE] [--json]` (case outcomes, age
 * bands, social care, re-referral, demand, outcome plans: the `outcomes` section of
 * results.json) and `earlyhelp compare <cohort> --where "…" [--clusters FILE] [--json]`
 * (a subgroup against the rest on outcomes, social care and Family Star progress).
 */
export function registerOutcomesCommands(program: Command, ctx: CliContext): void {
  program
    .command('outcomes')
    .description('case outcomes, outcome by age band, social care before/during/after, re-referral, demand, outcome plans')
    .argument('[cohort]', 'cohort folder or .xlsx workbook')
    .option('--demo', 'use the embedded demo cohort')
    .option('--config <file>', 'configuration file (YAML or JSON)')
    .option('--json', 'print the result as JSON on standard output')
    .option('--clusters <file>', 'cluster assignments CSV (family_id,cluster): social care and re-referral by cluster')
    .option('--mcnemar-correction', "McNemar's test with continuity correction (default: without)")
    .action(async (cohortArg: string | undefined, opts: OutcomesCliOptions) => {
      const { cohort, config } = await ctx.loadCohort(cohortArg, opts);
      const clusters = opts.clusters === undefined ? undefined : await readAssignments(cohort, opts.clusters, ctx);
      const result = outcomesAnalysis(cohort, {
        ageBands: config.ageBands,
        clusters,
        catalogue: catalogueFor(config.outcomeMeasureIds ?? null),
        mcnemarCorrection: opts.mcnemarCorrection ?? false,
      });
      if (opts.json) {
        ctx.printJson(result);
        return;
      }
      for (const line of outcomesLines(result)) ctx.print(line);
    });

  program
    .command('compare')
    .description('compare a subgroup (--where "age 10-15", "cluster = D", ...) with the rest: outcomes, social care, progress')
    .argument('[cohort]', 'cohort folder or .xlsx workbook')
    .option('--demo', 'use the embedded demo cohort')
    .option('--config <file>', 'configuration file (YAML or JSON)')
    .option('--json', 'print the result as JSON on standard output')
    .requiredOption('--where <filter>', 'the subgroup, e.g. "age 10-15", "age >= 12 and service = \\"Family Support\\"", "cluster = D"')
    .option('--clusters <file>', 'cluster assignments CSV (family_id,cluster): makes the field "cluster" available')
    .option('--bands <bands>', 'segments of the progress matrix: kmeans (default) or cuts:A,B')
    .option('--seed <seed>', `seed of the k-means bands (default ${DEFAULT_BANDS_SEED})`)
    .action(async (cohortArg: string | undefined, opts: CompareCliOptions) => {
      const { cohort, config } = await ctx.loadCohort(cohortArg, opts);
      const groupings: Record<string, FamilyGrouping> = {};
      if (opts.clusters !== undefined) groupings.cluster = await readAssignments(cohort, opts.clusters, ctx);
      const where = opts.where!;
      try {
        subgroupMembership(cohort, parseWhere(where), { groupings });
      } catch (e) {
        throw new CliUsageError(`invalid --where: ${(e as Error).message}`);
      }
      const bands = resolveBands(opts);
      const result = compareSubgroup(cohort, where, { groupings, progress: { stages: config.stages, bands } });
      for (const note of result.membership.notes) ctx.info(`note: ${note}`);
      if (opts.json) {
        ctx.printJson(result);
        return;
      }
      for (const line of compareLines(result)) ctx.print(line);
    });
}

function catalogueFor(ids: string[] | null): OutcomeMeasure[] | undefined {
  if (ids === null) return undefined;
  const known = new Map(OUTCOME_MEASURES.map((m) => [m.id, m]));
  return ids.map((id) => known.get(id) ?? { id, headlineProblem: null, label: id });
}

function resolveBands(opts: CompareCliOptions): ProgressBands {
  let bands: ProgressBands;
  try {
    bands = parseProgressBands(opts.bands ?? 'kmeans');
  } catch (e) {
    throw new CliUsageError((e as Error).message);
  }
  if (bands.method === 'cuts') return bands;
  const seed = opts.seed === undefined ? DEFAULT_BANDS_SEED : parseWholeOption(opts.seed, '--seed', 0);
  return { method: 'kmeans', seed, restarts: DEFAULT_BANDS_RESTARTS };
}


const pc = (x: number | null): string => (x === null ? '-' : `${x.toFixed(1)}%`);
const ci = (s: Share): string => (s.ci95 === null ? '' : ` [${s.ci95[0].toFixed(1)}, ${s.ci95[1].toFixed(1)}]`);
const sh = (s: Share): string => `${s.count}/${s.denominator} ${pc(s.percent)}`;
const pv = (p: number): string => (p < 0.001 ? p.toExponential(2) : p.toFixed(3));

function outcomesLines(r: OutcomesResult): string[] {
  const c = r.caseOutcomes;
  const o = c.overall;
  const out = [
    `closed cases ${c.closedCases} (open ${c.openCases} left out): met or partially met ${sh(o.metOrPartiallyMet)}, not met ${sh(o.notMet)}, no outcome data ${sh(o.noOutcomeData)}`,
    'by year of closure (met or partially met / not met / no data):',
    ...c.byYear.map((y) => `  ${y.year}: n ${y.closedCases}; ${pc(y.metOrPartiallyMet.percent)} / ${pc(y.notMet.percent)} / ${pc(y.noOutcomeData.percent)}`),
    `cases not met ${c.notMet.cases}: stepped up ${sh(c.notMet.steppedUp)}; reasons: ${c.notMet.closureReasons
      .map((x) => `${x.reason ?? 'not recorded'} ${x.cases.count}`)
      .join(', ')}`,
  ];
  const a = r.ageBands;
  out.push(
    `outcome by age band (children; ${a.children.inTest} in the test; left out: unknown ${a.children.outcomeUnknown}, not recorded ${a.children.outcomeNotRecorded}, no age ${a.children.noAge}, outside bands ${a.children.ageOutsideBands}):`,
  );
  for (const row of a.table) {
    const res = row.adjustedResiduals ? ` residual ${row.adjustedResiduals.notMet.toFixed(2)}` : '';
    out.push(`  ${row.band.padEnd(6)} met/partially ${row.metOrPartiallyMet}, not met ${row.notMet}; not met ${pc(row.notMetShare.percent)}${ci(row.notMetShare)};${res}`);
  }
  out.push(
    a.chiSquare
      ? `  chi-square ${a.chiSquare.statistic.toFixed(2)}, df ${a.chiSquare.df}, p ${pv(a.chiSquare.p)} (Pearson, no continuity correction)`
      : `  ${a.chiSquareNote}`,
  );
  const top = a.singleYear.table
    .filter((x) => x.adjustedResiduals !== null)
    .sort((x, y) => y.adjustedResiduals!.notMet - x.adjustedResiduals!.notMet)
    .slice(0, 3);
  if (a.singleYear.chiSquare) {
    out.push(
      `  by single year: chi-square ${a.singleYear.chiSquare.statistic.toFixed(2)}, df ${a.singleYear.chiSquare.df}, p ${pv(a.singleYear.chiSquare.p)}; largest not-met residuals: ${top
        .map((x) => `age ${x.band} ${x.adjustedResiduals!.notMet.toFixed(2)}`)
        .join(', ')}`,
    );
  }
  const s = r.socialCare.overall;
  const mc = s.beforeVsAfter.mcnemar;
  out.push(
    `social care (families with the value recorded): before ${sh(s.before)}, during ${sh(s.during)}, after ${sh(s.after)}; CP plan after ${sh(s.cpPlanAfter)}; re-referred ${sh(s.reReferred)}`,
    `  before vs after: ${s.beforeVsAfter.pairs} pairs, ${s.beforeVsAfter.beforeOnly} before only, ${s.beforeVsAfter.afterOnly} after only; ${
      mc ? `McNemar ${mc.statistic.toFixed(2)}, p ${pv(mc.p)}` : s.beforeVsAfter.note
    }`,
    `  months of involvement (${s.involvement.families} closed): median ${s.involvement.median?.toFixed(1) ?? '-'}, quartiles ${s.involvement.q1?.toFixed(1) ?? '-'}–${s.involvement.q3?.toFixed(1) ?? '-'}; over 6 months ${pc(s.involvement.overSixMonths.percent)}, over 12 ${pc(s.involvement.overTwelveMonths.percent)}`,
  );
  if (r.socialCare.byGroup) {
    out.push(`by ${r.socialCare.byGroup.grouping} (${r.socialCare.byGroup.unassigned} families in none): after / re-referred / over 12 months`);
    for (const g of r.socialCare.byGroup.groups) {
      out.push(`  ${g.group}: n ${g.families}; ${pc(g.after.percent)} / ${pc(g.reReferred.percent)} / ${pc(g.involvement.overTwelveMonths.percent)}`);
    }
  }
  const d = r.demand;
  const last = d.newCasesByMonth[d.newCasesByMonth.length - 1];
  out.push(
    `new cases: ${d.newCasesByMonth.length} months${last ? `, last ${last.month}: ${last.newCases} (3-month trailing average ${last.rollingAverage3?.toFixed(1) ?? '-'})` : ''}`,
    `IMD decile (families): ${d.imdDeciles.values.map((v) => `${v.value}:${v.count}`).join(' ')}; not recorded ${d.imdDeciles.notRecorded}`,
    `gender (children): ${d.gender.values.map((v) => `${v.value} ${v.count}`).join(', ')}; not recorded ${d.gender.notRecorded}`,
  );
  if (r.plans.available) {
    const p = r.plans;
    out.push(
      `outcome plans: ${p.outcomesIdentified} outcomes over ${p.familiesWithPlans} families with plans (${p.familiesWithoutPlans} without); mean per case ${p.perCase.all.mean?.toFixed(1) ?? '-'}; achieved ${sh(p.overall.achievement)} of decided`,
      `  by headline problem: ${p.byHeadlineProblem.map((h) => `${h.headlineProblem ?? 'unclassified'} ${pc(h.percentOfOutcomes)}`).join(', ')}`,
      `  every outcome achieved: ${sh(p.significantAndSustainedProgress.allFamiliesWithPlans)} of families with plans`,
    );
  } else {
    out.push(`outcome plans: ${r.plans.reason}`);
  }
  return out;
}

function comparisonLine(name: string, c: ProportionComparison): string {
  const or = c.oddsRatio ? `OR ${c.oddsRatio.estimate.toFixed(2)} [${c.oddsRatio.ci95[0].toFixed(2)}, ${c.oddsRatio.ci95[1].toFixed(2)}]` : '';
  const t = c.test ? `${c.test.method} p ${pv(c.test.p)}` : (c.note ?? '');
  return `  ${name}: subgroup ${sh(c.subgroup)}${ci(c.subgroup)} vs rest ${sh(c.rest)}${ci(c.rest)}; ${or}${or ? '; ' : ''}${t}`;
}

function compareLines(r: CompareSubgroupResult): string[] {
  const m = r.membership.counts;
  const out = [
    `subgroup: ${r.where} (${r.membership.level}-level)`,
    m.children ? `  children: ${m.children.subgroup} in, ${m.children.rest} rest, ${m.children.unknown} unknown` : '',
    `  families: ${m.families.subgroup} in, ${m.families.rest} rest, ${m.families.unknown} unknown`,
    `outcomes (${r.outcomes.unit}-level, share not met):`,
    comparisonLine('not met', r.outcomes),
    'social care and re-referral (family-level):',
    comparisonLine('social care after', r.socialCare.after),
    comparisonLine('CP plan after', r.socialCare.cpPlanAfter),
    comparisonLine('re-referred', r.socialCare.reReferred),
  ].filter((l) => l !== '');
  const p = r.progress;
  if (!p) {
    out.push(r.progressNote ?? '');
    return out;
  }
  out.push(`Family Star progress (${p.families.subgroup} subgroup, ${p.families.rest} rest families in the analysis):`);
  for (const d of p.domains) out.push(comparisonLine(d.id, d));
  out.push(
    comparisonLine('higher than average progress (up)', p.categories.up),
    comparisonLine('lower than average progress (down)', p.categories.down),
  );
  const mw = p.scoreChange.mannWhitney;
  out.push(
    `  change in score: median ${p.scoreChange.subgroup.median?.toFixed(2) ?? '-'} vs ${p.scoreChange.rest.median?.toFixed(2) ?? '-'}; ${
      mw ? `Mann–Whitney U ${mw.u}, p ${pv(mw.p)}` : p.scoreChange.note
    }`,
  );
  return out;
}
