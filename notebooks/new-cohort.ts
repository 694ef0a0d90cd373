// %% [markdown]
// # A new cohort: from a council's own export to the analyses
//
// A council's case-management system (Mosaic, Liquidlogic, a spreadsheet) exports its own
// headings, codes and date layout. The workbench never asks anyone to edit an export by
// hand: a **configuration file** maps the export onto the contract
// (`../shared/contract/cohort-format.md`, summarised in `docs/cohort-format.md`). The steps:
//
// 1. look at the export and write the configuration (`notebooks/new-cohort.config.yml`,
//    commented line by line);
// 2. **validate**: every problem is listed as `FILE:LINE:COLUMN: message (value)`, not only
//    the first;
// 3. read the **data-quality summary**: sizes, blanks, open and closed cases, and what each
//    analysis will leave out and why;
// 4. run the **analyses**.
//
// This notebook makes a small "council export" in a temporary folder from the contract's
// tiny example (`../shared/contract/examples/tiny`), with the headings, codes and dates of
// the configuration, so that the configuration really does the work. The same commands on
// the command line:
//
// ```sh
// earlyhelp validate my-export/ --config notebooks/new-cohort.config.yml
// earlyhelp report my-export/ --config notebooks/new-cohort.config.yml --out reports/my-council
// ```

// %%
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  evaluate,
  formatProblem,
  parseCohortFiles,
  parseConfigText,
  parseCsv,
  synthCohortFiles,
  type CohortFileInput,
  type WorkbenchConfig,
  show,
} from '../src/index.js';

const configText = readFileSync(new URL('./new-cohort.config.yml', import.meta.url), 'utf8');
const parsedConfig = parseConfigText(configText, 'new-cohort.config.yml');
if (!parsedConfig.config) throw new Error(`the configuration is invalid:\n${parsedConfig.problems.map(formatProblem).join('\n')}`);
const config: Partial<WorkbenchConfig> = parsedConfig.config;
show.text('notebooks/new-cohort.config.yml', configText);
show.disclosure(config.disclosure!);

// %% [markdown]
// ## Step 1: the export
//
// The export below is made from the tiny example by undoing the configuration: contract
// columns get the council's headings, values get the council's codes (`met` becomes
// `Met`, `male` becomes `M`, `1` becomes `Y` in yes/no columns), and dates become
// day/month/year. A real export arrives like this; nothing in it is edited by hand.

// %%
const DATE_COLUMNS = new Set(['referral_date', 'start_date', 'end_date', 'date_of_birth', 'reading_date', 'identified_date', 'achieved_date']);
const YES_NO_COLUMNS = new Set(['re_referred', 'social_care_before', 'social_care_during', 'social_care_after', 'cp_plan_after']);

/** One CSV cell, quoted when it holds a comma, quote or line break. */
const csvCell = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** Contract-format CSV files -> the same data as the council's system would export it. */
function councilExport(files: Record<string, string>, cfg: Partial<WorkbenchConfig>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, text] of Object.entries(files)) {
    const file = name.replace(/\.csv$/, '') as keyof NonNullable<WorkbenchConfig['columns']>;
    const parsed = parseCsv(text, name);
    if (!parsed.table) throw new Error(`${name} does not parse: ${parsed.problems.map(formatProblem).join('; ')}`);
    const headingOf = new Map(Object.entries(cfg.columns?.[file] ?? {}).map(([heading, column]) => [column, heading]));
    const codeOf = (column: string, value: string): string => {
      const codes = Object.entries(cfg.codes?.[column] ?? {});
      return codes.find(([, v]) => v === value)?.[0] ?? value;
    };
    const header = parsed.table.header;
    const rows = parsed.table.rows.map((row) =>
      row.map((cell, i) => {
        const column = header[i]!;
        if (cell === '') return cell;
        if (DATE_COLUMNS.has(column)) return cell.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$3/$2/$1');
        if (YES_NO_COLUMNS.has(column)) return cell === '1' ? (cfg.yesValues?.[0] ?? cell) : (cfg.noValues?.[0] ?? cell);
        return codeOf(column, cell);
      }),
    );
    const lines = [header.map((h) => headingOf.get(h) ?? h), ...rows].map((r) => r.map(csvCell).join(','));
    out[name] = lines.join('\r\n') + '\r\n';
  }
  return out;
}

const tinyDir = new URL('../../shared/contract/examples/tiny/', import.meta.url);
const tiny = Object.fromEntries(readdirSync(tinyDir).filter((n) => n.endsWith('.csv')).map((n) => [n, readFileSync(new URL(n, tinyDir), 'utf8')]));
const work = mkdtempSync(join(tmpdir(), 'earlyhelp-new-cohort-'));
const exportDir = join(work, 'council-export');

/** Writes files into a folder, then reads the folder back as `earlyhelp validate` would. */
function writeAndRead(dir: string, files: Record<string, string>): CohortFileInput[] {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return readdirSync(dir)
    .filter((n) => n.endsWith('.csv'))
    .sort()
    .map((n) => {
      const bytes = readFileSync(join(dir, n));
      return { name: n, text: bytes.toString('utf8'), bytes };
    });
}

const exported = councilExport(tiny, config);
const files = writeAndRead(exportDir, exported);
show.text(
  'The export’s headings (families.csv, children.csv, star.csv)',
  files.map((f) => `${f.name}: ${f.text.split(/\r?\n/)[0]!.split(',').slice(0, 18).join(', ')}${f.text.split(/\r?\n/)[0]!.split(',').length > 18 ? ', …' : ''}`).join('\n'),
);
show.text('The first rows of children.csv', files.find((f) => f.name === 'children.csv')!.text.split(/\r?\n/).slice(0, 4).join('\n'));

// %% [markdown]
// ## Step 2: validate
//
// Without the configuration the export does not fit the contract: the required columns are
// missing, and every unknown heading is reported. With it, the export reads cleanly.

// %%
const without = parseCohortFiles(files, {}, { path: exportDir, kind: 'folder' });
const withoutErrors = without.problems.filter((p) => p.severity === 'error');
show.value('Problems without the configuration (errors)', withoutErrors.length);
show.text('The first of them', withoutErrors.slice(0, 6).map(formatProblem).join('\n'));

const read = parseCohortFiles(files, config, { path: exportDir, kind: 'folder' });
const errors = read.problems.filter((p) => p.severity === 'error');
show.value('Errors with the configuration', errors.length);
show.text('Every problem with the configuration', read.problems.length > 0 ? read.problems.map(formatProblem).join('\n') : 'none');
if (!read.cohort || !read.summary) throw new Error('the council export should validate with its configuration');

// %% [markdown]
// Validation lists **every** problem, not only the first, each as
// `FILE:LINE:COLUMN: message (value)` with the line counted from the header (line 1) and the
// column under the council's own heading. Here one start date is impossible and one code is
// not in the configuration:

// %%
const broken = { ...exported };
broken['families.csv'] = broken['families.csv']!.replace(/20\/01\/2023/, '30/02/2023');
broken['children.csv'] = broken['children.csv']!.replace(/,F,/, ',Female?,');
const brokenRead = parseCohortFiles(writeAndRead(join(work, 'broken-export'), broken), config, { path: 'broken-export', kind: 'folder' });
show.text(
  'Problems in the broken copy',
  brokenRead.problems.filter((p) => p.severity === 'error').map(formatProblem).join('\n'),
);
show.value('A cohort is built', brokenRead.cohort ? 'yes' : 'no: nothing is analysed until every error is fixed (exit status 2)');

// %% [markdown]
// ## Step 3: the data-quality summary
//
// What the cohort holds, how much of each column is blank, and what each analysis will
// leave out and why. A blank is *missing*, never 0 or "no". With eight families most
// counts here are small, so disclosure control shows them as `[c]`.

// %%
const summary = read.summary;
show.count('Families', summary.families);
show.count('Children', summary.children);
show.count('Family Star readings', summary.starReadings);
show.value('Need indicators', summary.needIndicators);
show.proportion('Closed cases', summary.closedCases, summary.families);
show.value('Start dates', summary.startDates ? `${summary.startDates.first} to ${summary.startDates.last}` : 'none');
show.table(
  'Blank cells in each column with any',
  summary.missingness
    .filter((m) => m.missing > 0)
    .map((m) => ({ file: m.file, column: m.column, blank: m.missing, cells: m.total })),
  {
    columns: [
      { name: 'file', title: 'File', kind: 'text' },
      { name: 'column', title: 'Column', kind: 'text' },
      { name: 'blank', title: 'Blank cells', kind: 'count' },
      { name: 'cells', title: 'Rows', kind: 'count' },
      { name: 'percent', title: 'Blank (%)', kind: 'percent', of: ['blank', 'cells'] },
    ],
  },
);
show.table(
  'What each analysis leaves out',
  summary.leftOut.map((l) => ({ analysis: l.analysis, unit: l.unit, reason: l.reason, left: l.count, of: l.denominator })),
  {
    columns: [
      { name: 'analysis', title: 'Analysis', kind: 'text' },
      { name: 'unit', title: 'Unit', kind: 'text' },
      { name: 'reason', title: 'Why', kind: 'text' },
      { name: 'left', title: 'Left out', kind: 'count' },
      { name: 'of', title: 'Of', kind: 'count' },
      { name: 'percent', title: 'Left out (%)', kind: 'percent', of: ['left', 'of'] },
    ],
  },
);

// %% [markdown]
// ## Step 4: the analyses
//
// Eight families are too few to analyse: every count would be suppressed. So the same
// export, with the same headings, codes and dates, is made from a synthetic cohort of
// 1,200 families, read with the same configuration, and evaluated with one call,
// `evaluate()`, which is what `earlyhelp report` runs: needs, clusters (k chosen between
// 6 and 12, as the configuration says), Family Star progress, outcomes and CHAID trees.

// %%
const largeFiles = writeAndRead(join(work, 'council-export-large'), councilExport(Object.fromEntries(Object.entries(synthCohortFiles({ families: 1200, seed: 7 }))), config));
const large = parseCohortFiles(largeFiles, config, { path: 'council-export-large', kind: 'folder' });
if (!large.cohort || !large.summary) throw new Error(`the large export does not validate: ${large.problems.filter((p) => p.severity === 'error').slice(0, 3).map(formatProblem).join('; ')}`);
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
const results = evaluate(large.cohort, large.config, large.summary, {
  seed: 1,
  tool: { name: pkg.name, version: pkg.version, libraries: {} },
  tree: { crossValidationFolds: 0 },
});
rmSync(work, { recursive: true, force: true });
show.count('Families', results.input.families, { key: 'families-large' });
show.value('Seed', results.settings.seed);

// %% [markdown]
// **Needs at the start**: the ten most common, each as a share of the families with it
// recorded, with a 95% Wilson interval.

// %%
show.table(
  'The ten most common needs at the start',
  results.needs.prevalence.slice(0, 10).map((r) => ({ need: r.label, families: r.count, recorded: r.denominator, low: r.ci95[0], high: r.ci95[1] })),
  {
    columns: [
      { name: 'need', title: 'Need at the start', kind: 'text' },
      { name: 'families', title: 'Families with the need', kind: 'count' },
      { name: 'recorded', title: 'Families with it recorded', kind: 'count' },
      { name: 'percent', title: 'Families with the need (%)', kind: 'percent', of: ['families', 'recorded'] },
      { name: 'low', title: '95% interval, lower (%)', kind: 'number', percent: true, decimals: 1, with: 'percent' },
      { name: 'high', title: '95% interval, upper (%)', kind: 'number', percent: true, decimals: 1, with: 'percent' },
    ],
    chart: { type: 'bar', category: 'need', value: 'percent', interval: ['low', 'high'] },
  },
);

// %% [markdown]
// **Choosing k.** Without a k in the configuration the workbench fits k-means for every k in
// the range and a Bernoulli mixture (latent class) model for its BIC, and says which k it
// chose and why. Look at the whole table: a flat BIC or silhouette means no k is clearly
// best, and a k that a service can name and use is worth more than a small gain in fit.

// %%
const clusters = results.clusters;
if (clusters.choiceOfK) {
  show.value('k chosen', clusters.choiceOfK.chosen);
  show.value('How', clusters.choiceOfK.reason);
  show.table(
    'Choice of k',
    clusters.choiceOfK.table.map((r) => ({ k: String(r.k), inertia: r.inertia, silhouette: r.silhouette, bic: r.bic })),
    {
      columns: [
        { name: 'k', title: 'k', kind: 'text' },
        { name: 'inertia', title: 'Within-cluster sum of squares', kind: 'number', decimals: 1 },
        { name: 'silhouette', title: 'Mean silhouette', kind: 'number', decimals: 3 },
        { name: 'bic', title: 'Latent class BIC', kind: 'number', decimals: 1 },
      ],
      chart: { type: 'bar', category: 'k', value: 'silhouette' },
      description: 'Mean silhouette width of the k-means partition for each k (higher is better separated).',
    },
  );
}
show.table(
  'The clusters',
  clusters.clusters.map((c) => ({ cluster: c.label, name: c.name, level: c.level, families: c.size, clustered: clusters.families.clustered })),
  {
    columns: [
      { name: 'cluster', title: 'Cluster', kind: 'text' },
      { name: 'name', title: 'Group and distinctive needs', kind: 'text' },
      { name: 'level', title: 'Level', kind: 'text' },
      { name: 'families', title: 'Families', kind: 'count' },
      { name: 'clustered', title: 'Families clustered', kind: 'count', hidden: true, key: 'clustered-large', keyBy: null },
      { name: 'percent', title: 'Families clustered (%)', kind: 'percent', of: ['families', 'clustered'] },
    ],
    rowKey: 'cluster',
    chart: { type: 'bar', category: 'cluster', value: 'percent' },
  },
);

// %% [markdown]
// **Family Star progress**: the 3×3 matrix of start and end segments.

// %%
const matrix = results.progress.matrix;
show.crossTab(
  'Progress matrix',
  { rowTitle: 'Start segment', columnTitle: 'End segment', rowLabels: matrix.segments, columnLabels: matrix.segments, counts: matrix.counts },
  { description: 'Families by the segment of their start score (rows) and end score (columns), as a percentage of all families in the analysis.' },
);

// %% [markdown]
// **Outcomes by age band** (child-level) and **social care after**.

// %%
const bands = results.outcomes.ageBands;
show.table(
  'Children whose outcome was not met, by age band',
  bands.table.map((r) => ({ band: r.band, children: r.total, notMet: r.notMet, metOrPartly: r.metOrPartiallyMet })),
  {
    columns: [
      { name: 'band', title: 'Age band', kind: 'text' },
      { name: 'children', title: 'Children in the test', kind: 'count' },
      { name: 'notMet', title: 'Not met', kind: 'count' },
      { name: 'metOrPartly', title: 'Met or partially met', kind: 'count', hidden: true },
      { name: 'percent', title: 'Not met (%)', kind: 'percent', of: ['notMet', 'children'] },
    ],
    sums: [{ total: 'children', parts: ['notMet', 'metOrPartly'] }],
    chart: { type: 'bar', category: 'band', value: 'percent' },
  },
);
if (bands.chiSquare) show.value('Chi-square p (age band × outcome)', bands.chiSquare.p < 0.001 ? '< 0.001' : bands.chiSquare.p.toFixed(3));
const care = results.outcomes.socialCare.overall;
show.proportion('Families with social care after', care.after.count, care.after.denominator);
const chaid = results.trees.chaid;
if (chaid) {
  show.value('CHAID of social care after: first split', chaid.nodes[0]!.split ? chaid.nodes[0]!.split.variable : 'none (no predictor was significant)');
  show.value('Terminal nodes', chaid.rules.length);
}

// %% [markdown]
// ## Next
//
// - Run the whole evaluation as pages: `earlyhelp report my-export/ --config my-config.yml --out reports/mine`.
// - Cluster once, save the model, and place new referrals in it: see the `target-resources` notebook.
// - Compare a group with everyone else: `earlyhelp compare my-export/ --where "age 10-15"`, and the `herefordshire-age-bands` notebook.
