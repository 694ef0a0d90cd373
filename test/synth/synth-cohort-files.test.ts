import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { NEED_CATALOGUE, OUTCOME_MEASURES } from '../../src/cohort/catalogues.js';
import { STAR_DOMAINS } from '../../src/cohort/types.js';
import { synthCohortChunks } from '../../src/synth/synth-cohort-chunks.js';
import { synthCohortFiles, synthCohortFilesWithTruth, type SynthCohortFiles } from '../../src/synth/synth-cohort-files.js';
import { PLANTED_CLUSTER_IDS } from '../../src/synth/planted-clusters.js';

/** Independent reading of the CSV text (papaparse, RFC 4180), header and rows as text. */
function read(text: string): { header: string[]; rows: string[][] } {
  const r = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false });
  expect(r.errors).toEqual([]);
  const data = r.data;
  expect(data[data.length - 1]).toEqual(['']); // the file ends with a line feed
  return { header: data[0]!, rows: data.slice(1, -1) };
}

const tinyHeader = (name: string) =>
  readFileSync(new URL(`../../../shared/contract/examples/tiny/${name}`, import.meta.url), 'utf8').split(/\r?\n/)[0]!;
let tinyAvailable = true;
try {
  tinyHeader('families.csv');
} catch {
  tinyAvailable = false;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const isRealDate = (s: string) => ISO.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

describe('synthCohortFiles: the contract layout', () => {
  let files: SynthCohortFiles;
  let tables: Record<string, { header: string[]; rows: string[][] }>;
  beforeAll(() => {
    files = synthCohortFiles({ families: 2000, seed: 7 });
    tables = Object.fromEntries(Object.entries(files).map(([k, v]) => [k, read(v)]));
  });

  it('writes the four files with the contract header names, need columns in catalogue order', () => {
    expect(Object.keys(files).sort()).toEqual(['children.csv', 'families.csv', 'plans.csv', 'star.csv']);
    expect(tables['families.csv']!.header).toEqual([
      'family_id', 'service', 'referral_date', 'start_date', 'end_date', 'outcome', 'closure_reason', 're_referred',
      'social_care_before', 'social_care_during', 'social_care_after', 'cp_plan_after', 'adults', 'female_adults',
      'ethnicity', 'imd_decile', 'lsoa', ...NEED_CATALOGUE.map((n) => `need_${n.id}`),
    ]);
    expect(tables['children.csv']!.header).toEqual(['child_id', 'family_id', 'age_at_start', 'gender', 'outcome']);
    expect(tables['star.csv']!.header).toEqual(['family_id', 'domain', 'reading_date', 'reading']);
    expect(tables['plans.csv']!.header).toEqual(['family_id', 'outcome', 'identified_date', 'status', 'achieved_date']);
  });

  it.skipIf(!tinyAvailable)('uses exactly the headers of the contract example (../shared/contract/examples/tiny)', () => {
    for (const name of ['families.csv', 'children.csv', 'star.csv']) {
      expect(files[name as keyof SynthCohortFiles].split('\n')[0]).toBe(tinyHeader(name));
    }
  });

  it('ends lines with \\n only, every row as wide as its header, one row per family', () => {
    for (const [name, text] of Object.entries(files)) {
      expect(text.includes('\r'), name).toBe(false);
      const t = tables[name]!;
      expect(t.rows.filter((row) => row.length !== t.header.length)).toEqual([]);
    }
    expect(tables['families.csv']!.rows.length).toBe(2000);
  });

  it('writes valid values: dates, yes/no as 0/1 or blank, needs 0/1 or blank, counts, deciles, enumerations', () => {
    // Violations are collected and compared with [] at the end (one expect per cell would be slow).
    const bad: string[] = [];
    const check = (ok: boolean, what: string) => {
      if (!ok && bad.length < 20) bad.push(what);
    };
    const oneOf = (v: string | undefined, allowed: readonly string[], what: string) => check(allowed.includes(v ?? '\u0000'), `${what}: ${v}`);
    const f = tables['families.csv']!;
    const col = (name: string) => f.header.indexOf(name);
    const ids = new Set<string>();
    for (const r of f.rows) {
      ids.add(r[col('family_id')]!);
      check(isRealDate(r[col('start_date')]!), "isRealDate(r[col('start_date')]!)");
      for (const d of ['referral_date', 'end_date']) if (r[col(d)] !== '') check(isRealDate(r[col(d)]!), 'isRealDate(r[col(d)]!)');
      if (r[col('end_date')] !== '') check(r[col('end_date')]! >= r[col('start_date')]!, "r[col('end_date')]! >= r[col('start_date')]!");
      if (r[col('referral_date')] !== '') check(r[col('referral_date')]! <= r[col('start_date')]!, "r[col('referral_date')]! <= r[col('start_date')]!");
      oneOf(r[col('outcome')], ['', 'met', 'partially_met', 'not_met', 'unknown'], "r[col('outcome')]");
      for (const c of ['re_referred', 'social_care_before', 'social_care_during', 'social_care_after', 'cp_plan_after']) {
        oneOf(r[col(c)], ['', '0', '1'], 'r[col(c)]');
      }
      if (r[col('cp_plan_after')] === '1') check(r[col('social_care_after')] === '1', "r[col('social_care_after')] is 1");
      if (r[col('closure_reason')]!.startsWith('step_up_')) check(r[col('social_care_after')] === '1', "r[col('social_care_after')] is 1");
      if (r[col('end_date')] === '') {
        for (const c of ['outcome', 'closure_reason', 're_referred', 'social_care_after', 'cp_plan_after']) check(r[col(c)] === '', 'r[col(c)] is ');
      }
      const adults = r[col('adults')]!;
      const female = r[col('female_adults')]!;
      if (adults !== '') {
        check(Number(adults) >= 1, 'adults >= 1');
        check(Number(adults) <= 4, 'adults <= 4');
        check(Number(female) <= Number(adults), 'female <= Number(adults)');
      } else check(female === '', 'female is ');
      if (r[col('imd_decile')] !== '') {
        check(Number(r[col('imd_decile')]) >= 1, "r[col('imd_decile')] >= 1");
        check(Number(r[col('imd_decile')]) <= 10, "r[col('imd_decile')] <= 10");
        check(/^E01\d{6}$/.test(r[col('lsoa')]!), "r[col('lsoa')] matches");
      }
      for (let j = col('lsoa') + 1; j < r.length; j++) oneOf(r[j], ['', '0', '1'], 'r[j]');
    }
    expect(ids.size).toBe(2000);
    expect(bad).toEqual([]);

    const children = tables['children.csv']!;
    const childIds = new Set<string>();
    const perFamily = new Map<string, number>();
    for (const r of children.rows) {
      childIds.add(r[0]!);
      check(ids.has(r[1]!), 'ids.has(r[1]!)');
      perFamily.set(r[1]!, (perFamily.get(r[1]!) ?? 0) + 1);
      check(Number(r[2]) >= 0, 'r[2] >= 0');
      check(Number(r[2]) <= 17, 'r[2] <= 17');
      oneOf(r[3], ['male', 'female', 'unknown'], 'r[3]');
      oneOf(r[4], ['', 'met', 'partially_met', 'not_met', 'unknown'], 'r[4]');
    }
    expect(childIds.size).toBe(children.rows.length);
    expect(perFamily.size).toBe(2000);
    for (const n of perFamily.values()) check(n >= 1 && n <= 4, 'n >= 1 && n <= 4');

    const starts = new Map(f.rows.map((r) => [r[0]!, { start: r[col('start_date')]!, end: r[col('end_date')]! }]));
    const seen = new Map<string, string>();
    for (const r of tables['star.csv']!.rows) {
      check(ids.has(r[0]!), 'ids.has(r[0]!)');
      oneOf(r[1], STAR_DOMAINS as readonly string[], 'r[1]');
      check(isRealDate(r[2]!), 'isRealDate(r[2]!)');
      const fam = starts.get(r[0]!)!;
      check(r[2]! >= fam.start, 'r[2]! >= fam.start');
      if (fam.end) check(r[2]! <= fam.end, 'r[2]! <= fam.end');
      else check(r[2]! <= '2018-05-31', "r[2]! <= '2018-05-31'");
      check(/^([1-9]|10)$/.test(r[3]!), 'r[3] matches');
      const key = `${r[0]} ${r[1]} ${r[2]}`;
      check(!seen.has(key), `one reading per family, domain and date: ${key}`);
      seen.set(key, r[3]!);
    }

    const measures = new Set(OUTCOME_MEASURES.map((m) => m.id));
    for (const r of tables['plans.csv']!.rows) {
      check(ids.has(r[0]!), 'ids.has(r[0]!)');
      check(measures.has(r[1]!), 'measures.has(r[1]!)');
      check(isRealDate(r[2]!), 'isRealDate(r[2]!)');
      oneOf(r[3], ['achieved', 'not_achieved', 'in_progress', 'unknown'], 'r[3]');
      if (r[3] === 'achieved') {
        check(isRealDate(r[4]!), 'isRealDate(r[4]!)');
        check(r[4]! >= r[2]!, 'r[4]! >= r[2]!');
      } else check(r[4] === '', 'achieved_date only when achieved');
      const fam = starts.get(r[0]!)!;
      if (fam.end) {
        check(r[3] !== 'in_progress', 'closed plan in progress');
        check(r[2]! <= fam.end, 'r[2]! <= fam.end');
      }
    }
    expect(bad).toEqual([]);
  });

  it('keeps family and child ids as zero-padded text', () => {
    expect(tables['families.csv']!.rows[0]![0]).toBe('F0000001');
    expect(tables['families.csv']!.rows[1999]![0]).toBe('F0002000');
    expect(tables['children.csv']!.rows[0]![0]).toBe('C00000001');
  });
});

describe('synthCohortFiles: determinism and scaling', () => {
  it('gives the same bytes for the same options (default cohort, twice)', () => {
    const a = synthCohortFiles();
    const b = synthCohortFiles({ families: 5486, seed: 1 });
    expect(a).toEqual(b);
    expect(a['families.csv'].split('\n').length).toBe(5486 + 2);
  });

  it('gives different bytes for a different seed', () => {
    const a = synthCohortFiles({ families: 300, seed: 1 });
    const b = synthCohortFiles({ families: 300, seed: 2 });
    for (const name of Object.keys(a) as (keyof SynthCohortFiles)[]) expect(a[name]).not.toBe(b[name]);
  });

  it('makes the first n families of a larger cohort the same n families (same seed)', () => {
    const small = synthCohortFiles({ families: 200, seed: 3 });
    const large = synthCohortFiles({ families: 500, seed: 3 });
    for (const name of Object.keys(small) as (keyof SynthCohortFiles)[]) expect(large[name].startsWith(small[name])).toBe(true);
  });

  it('streams: joining synthCohortChunks blocks file by file gives synthCohortFiles exactly', () => {
    const whole = synthCohortFilesWithTruth({ families: 1234, seed: 5 });
    const parts = { families: '', children: '', star: '', plans: '' };
    const cluster: string[] = [];
    let blocks = 0;
    for (const c of synthCohortChunks({ families: 1234, seed: 5 }, 100)) {
      parts.families += c.families;
      parts.children += c.children;
      parts.star += c.star;
      parts.plans += c.plans;
      cluster.push(...c.cluster);
      blocks++;
    }
    expect(blocks).toBe(13);
    expect(parts.families).toBe(whole.files['families.csv']);
    expect(parts.children).toBe(whole.files['children.csv']);
    expect(parts.star).toBe(whole.files['star.csv']);
    expect(parts.plans).toBe(whole.files['plans.csv']);
    expect(cluster).toEqual(whole.truth.cluster);
  });

  it('returns the planted cluster A–I of every family in file order', () => {
    const { truth } = synthCohortFilesWithTruth({ families: 400, seed: 9 });
    expect(truth.cluster.length).toBe(400);
    for (const c of truth.cluster) expect(PLANTED_CLUSTER_IDS as readonly string[]).toContain(c);
    expect(new Set(truth.cluster).size).toBe(9);
  });

  it('rejects invalid options with a message naming the value', () => {
    expect(() => synthCohortFiles({ families: 0 })).toThrow('synth requires families to be a whole number from 1 to 100000000, got 0');
    expect(() => synthCohortFiles({ families: 2.5 })).toThrow('got 2.5');
    expect(() => synthCohortFiles({ seed: 1.5 })).toThrow('synth requires a whole-number seed, got 1.5');
    expect(() => synthCohortChunks({ families: 5 }, 0).next()).toThrow('chunkFamilies to be a whole number >= 1, got 0');
  });

  it('writes a one-family cohort', () => {
    const f = synthCohortFiles({ families: 1, seed: 11 });
    expect(f['families.csv'].split('\n').length).toBe(3);
  });
});
