import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCohortFiles, formatProblem, type CohortFileInput } from '../../src/index.js';

const TINY = new URL('../../../shared/contract/examples/tiny/', import.meta.url);
const tiny = (name: string) => readFileSync(new URL(name, TINY), 'utf8');

/** The tiny example cohort with `edit` applied to one file's text. */
function cohortWith(edits: Partial<Record<string, (text: string) => string>> = {}, extra: CohortFileInput[] = []) {
  const files: CohortFileInput[] = ['families.csv', 'children.csv', 'star.csv'].map((name) => ({
    name,
    text: (edits[name] ?? ((t) => t))(tiny(name)),
  }));
  return parseCohortFiles([...files, ...extra]);
}

/** Replaces the cell of `column` on data line `line` (header = 1) of a CSV text. */
function setCell(text: string, line: number, column: string, value: string): string {
  const lines = text.split('\r\n');
  const header = lines[0]!.replace(/^\uFEFF/, '').split(',');
  const c = header.indexOf(column);
  if (c === -1) throw new Error(`no column ${column}`);
  const cells = lines[line - 1]!.split(',');
  cells[c] = value;
  lines[line - 1] = cells.join(',');
  return lines.join('\r\n');
}

const errorsOf = (r: ReturnType<typeof parseCohortFiles>) =>
  r.problems.filter((p) => p.severity === 'error').map(formatProblem);
const warningsOf = (r: ReturnType<typeof parseCohortFiles>) =>
  r.problems.filter((p) => p.severity === 'warning').map(formatProblem);

describe('the tiny example cohort', () => {
  it('is valid and complete', () => {
    const r = cohortWith();
    expect(errorsOf(r)).toEqual([]);
    expect(r.cohort!.families).toHaveLength(8);
    expect(r.cohort!.children).toHaveLength(15);
    expect(r.cohort!.star).toHaveLength(115);
    expect(r.cohort!.needIds).toHaveLength(57);
    expect(r.summary!.closedCases).toBe(7);
  });
});

describe('validation lists every problem with file, line and column', () => {
  const cases: [string, Partial<Record<string, (t: string) => string>>, string][] = [
    ['a missing required column', { 'families.csv': (t) => t.replace('start_date', 'begin_date') }, 'families.csv:1:start_date: required column is missing'],
    ['a column named twice', { 'children.csv': (t) => t.replace('gender', 'outcome') }, 'children.csv:1:outcome: column named twice'],
    ['a duplicate family_id', { 'families.csv': (t) => setCell(t, 3, 'family_id', 'F001') }, 'families.csv:3:family_id: duplicate family_id (first on line 2) ("F001")'],
    ['a duplicate child_id', { 'children.csv': (t) => setCell(t, 4, 'child_id', 'C002') }, 'children.csv:4:child_id: duplicate child_id (first on line 3) ("C002")'],
    ['a child whose family does not exist', { 'children.csv': (t) => setCell(t, 2, 'family_id', 'F999') }, 'children.csv:2:family_id: family_id not found in families ("F999")'],
    ['a Star row whose family does not exist', { 'star.csv': (t) => setCell(t, 5, 'family_id', 'F999') }, 'star.csv:5:family_id: family_id not found in families ("F999")'],
    ['a Star row with a blank family_id', { 'star.csv': (t) => setCell(t, 5, 'family_id', '') }, 'star.csv:5:family_id: required value is missing'],
    ['an impossible date, never rolled over', { 'families.csv': (t) => setCell(t, 2, 'start_date', '2021-02-30') }, 'families.csv:2:start_date: impossible date ("2021-02-30")'],
    ['an unparseable date', { 'families.csv': (t) => setCell(t, 4, 'referral_date', '3rd May') }, 'families.csv:4:referral_date: not a date in the layout yyyy-mm-dd ("3rd May")'],
    ['an end before its start', { 'families.csv': (t) => setCell(t, 2, 'end_date', '2022-01-01') }, 'families.csv:2:end_date: end_date is before start_date (2023-01-20) ("2022-01-01")'],
    ['a yes/no value outside the accepted set', { 'families.csv': (t) => setCell(t, 5, 're_referred', 'maybe') }, 'families.csv:5:re_referred: not a yes/no value (expected 1/0, y/n, yes/no or true/false) ("maybe")'],
    ['a need value other than 0/1/blank', { 'families.csv': (t) => setCell(t, 6, 'need_debt_rent_arrears', '2') }, 'families.csv:6:need_debt_rent_arrears: a need indicator must be 0/1 (or a yes/no spelling) or blank ("2")'],
    ['a Star reading of 0', { 'star.csv': (t) => setCell(t, 2, 'reading', '0') }, 'star.csv:2:reading: a reading must be a whole number from 1 to 10 ("0")'],
    ['a Star reading of 11', { 'star.csv': (t) => setCell(t, 3, 'reading', '11') }, 'star.csv:3:reading: a reading must be a whole number from 1 to 10 ("11")'],
    ['a Star reading of 5.5', { 'star.csv': (t) => setCell(t, 4, 'reading', '5.5') }, 'star.csv:4:reading: a reading must be a whole number from 1 to 10 ("5.5")'],
    ['a Star reading of text', { 'star.csv': (t) => setCell(t, 5, 'reading', 'high') }, 'star.csv:5:reading: a reading must be a whole number from 1 to 10 ("high")'],
    ['an unknown domain', { 'star.csv': (t) => setCell(t, 6, 'domain', 'housing') }, 'star.csv:6:domain: not one of home_and_money, keeping_children_safe, boundaries_and_behaviour, family_routine, physical_health, adult_wellbeing, social_networks, emotional_needs, education_and_learning, progress_to_work ("housing")'],
    ['an age below 0', { 'children.csv': (t) => setCell(t, 2, 'age_at_start', '-1') }, 'children.csv:2:age_at_start: outside 0–25 ("-1")'],
    ['an age above 25', { 'children.csv': (t) => setCell(t, 3, 'age_at_start', '26') }, 'children.csv:3:age_at_start: outside 0–25 ("26")'],
    ['female_adults above adults', { 'families.csv': (t) => setCell(t, 2, 'female_adults', '3') }, 'families.csv:2:female_adults: female_adults is above adults (1) ("3")'],
    ['imd_decile outside 1–10', { 'families.csv': (t) => setCell(t, 3, 'imd_decile', '11') }, 'families.csv:3:imd_decile: outside 1–10 ("11")'],
    ['a semicolon-delimited file', { 'children.csv': (t) => t.replaceAll(',', ';') }, 'children.csv:1:: the header is one column holding semicolons: the file looks semicolon-delimited; save it as comma-separated CSV'],
    ['a ragged row', { 'children.csv': (t) => t.replace('C004,F003,6,male,', 'C004,F003,6,male,,extra') }, 'children.csv:5:: row has 6 cells but the header has 5 (ragged row; check the delimiter and quoting)'],
  ];
  for (const [what, edits, expected] of cases) {
    it(what, () => {
      const r = cohortWith(edits);
      expect(r.cohort).toBeNull();
      expect(errorsOf(r)).toContain(expected);
    });
  }

  it('two different readings of one domain on one date', () => {
    const r = cohortWith({ 'star.csv': (t) => `${t.trimEnd()}\nF001,home_and_money,2023-01-20,7\n` });
    expect(errorsOf(r)).toEqual(['star.csv:117:reading: a different reading of the same family, domain and date is on line 2 (6) ("7")']);
  });

  it('lists every problem, not the first, in file and line order', () => {
    const r = cohortWith({
      'families.csv': (t) => setCell(setCell(t, 2, 'imd_decile', '0'), 5, 'adults', 'two'),
      'star.csv': (t) => setCell(t, 10, 'reading', '12'),
    });
    expect(errorsOf(r)).toEqual([
      'families.csv:2:imd_decile: outside 1–10 ("0")',
      'families.csv:5:adults: not a whole number ("two")',
      'star.csv:10:reading: a reading must be a whole number from 1 to 10 ("12")',
    ]);
  });

  it('counts lines exactly when a quoted field holds a line break', () => {
    const r = cohortWith({
      'families.csv': (t) => setCell(setCell(t, 4, 'imd_decile', '12'), 2, 'service', '"Family\nSupport"'),
    });
    expect(errorsOf(r)).toEqual(['families.csv:5:imd_decile: outside 1–10 ("12")']);
  });
});

describe('values', () => {
  it('reads a blank cell as missing, never 0', () => {
    const r = cohortWith({ 'families.csv': (t) => setCell(setCell(t, 2, 'need_parenting_difficulties', ''), 2, 're_referred', ' ') });
    expect(errorsOf(r)).toEqual([]);
    expect(r.cohort!.families[0]!.reReferred).toBeNull();
    expect(r.cohort!.needs[0]).toBe(255);
  });

  it('keeps identifiers as text: 00123 and 123 are different families', () => {
    const r = cohortWith({
      'families.csv': (t) => setCell(setCell(t, 2, 'family_id', '00123'), 3, 'family_id', '123'),
      'children.csv': (t) => t.replaceAll(',F001,', ',00123,').replaceAll(',F002,', ',123,'),
      'star.csv': (t) => t.replaceAll('F001,', '00123,').replaceAll('F002,', '123,'),
    });
    expect(errorsOf(r)).toEqual([]);
    expect(r.cohort!.families.map((f) => f.familyId).slice(0, 2)).toEqual(['00123', '123']);
    expect(r.cohort!.children[0]!.familyIndex).toBe(0);
    expect(r.cohort!.children[1]!.familyIndex).toBe(1);
  });

  it('accepts a UTF-8 byte-order mark', () => {
    const r = cohortWith({ 'families.csv': (t) => `\uFEFF${t}` });
    expect(errorsOf(r)).toEqual([]);
    expect(r.cohort!.families[0]!.familyId).toBe('F001');
  });

  it('reads need indicators as yes/no columns, as the contract says', () => {
    const r = cohortWith({ 'families.csv': (t) => setCell(setCell(t, 2, 'need_debt_rent_arrears', 'Y'), 3, 'need_debt_rent_arrears', 'no') });
    expect(errorsOf(r)).toEqual([]);
    const j = r.cohort!.needIds.indexOf('debt_rent_arrears');
    expect(r.cohort!.needs[j]).toBe(1);
    expect(r.cohort!.needs[57 + j]).toBe(0);
  });

  it('accepts y/n, yes/no, true/false in any case for yes/no columns', () => {
    const r = cohortWith({
      'families.csv': (t) => setCell(setCell(setCell(t, 2, 're_referred', 'Yes'), 3, 're_referred', 'N'), 4, 're_referred', 'TRUE'),
    });
    expect(errorsOf(r)).toEqual([]);
    expect(r.cohort!.families.slice(0, 3).map((f) => f.reReferred)).toEqual([1, 0, 1]);
  });

  it('derives age from date_of_birth at the family start date', () => {
    const r = cohortWith({
      'children.csv': (t) => t.replace('child_id,family_id,age_at_start,', 'child_id,family_id,age_at_start,date_of_birth,').replace(/^(C\d+,F\d+,\d+,)/gm, '$1').replace(/^(C\d+,F\d+,)(\d+),/gm, (_m, a: string) => `${a},2013-01-21,`),
    });
    expect(errorsOf(r)).toEqual([]);
    // F001 starts 2023-01-20: a child born 2013-01-21 is 9 on that day.
    expect(r.cohort!.children[0]!.ageAtStart).toBe(9);
  });
});

describe('warnings, not errors', () => {
  it('reports an unknown column and keeps it', () => {
    const r = cohortWith({ 'families.csv': (t) => t.replace(/^(family_id)/, 'worker,$1').replace(/\n(F\d+)/g, '\nsmith,$1') });
    expect(errorsOf(r)).toEqual([]);
    expect(warningsOf(r)).toContain('families.csv:1:worker: warning: unknown column: kept as text, not analysed');
    expect(r.cohort!.families[0]!.extra.worker).toBe('smith');
  });

  it('reports a column headed just need_ (no indicator id) as unknown, never passing over it', () => {
    const r = cohortWith({ 'families.csv': (t) => t.replace(/^(family_id)/, 'need_,$1').replace(/\n(F\d+)/g, '\n1,$1') });
    expect(errorsOf(r)).toEqual([]);
    expect(warningsOf(r)).toContain('families.csv:1:need_: warning: unknown column: kept as text, not analysed');
    expect(r.cohort!.families[0]!.extra['need_']).toBe('1');
    expect(r.cohort!.needIds).not.toContain('');
  });

  it('counts a duplicate reading that agrees once', () => {
    const r = cohortWith({ 'star.csv': (t) => `${t.trimEnd()}\nF001,home_and_money,2023-01-20,6\n` });
    expect(errorsOf(r)).toEqual([]);
    expect(r.cohort!.star).toHaveLength(115);
    expect(warningsOf(r)).toContain('star.csv:117:reading: warning: duplicate of line 2 (same family, domain, date and reading): counted once');
  });

  it('warns of a family with no Star readings', () => {
    const r = cohortWith({ 'star.csv': (t) => t.split('\n').filter((l) => !l.startsWith('F008,')).join('\n') });
    expect(errorsOf(r)).toEqual([]);
    expect(warningsOf(r)).toContain('families.csv:9:family_id: warning: family has no Family Star readings: left out of the progress analysis');
  });
});

describe('configuration maps a council’s headings and codes', () => {
  it('renames headings, maps codes and reads dd/mm/yyyy', () => {
    const families = tiny('families.csv')
      .replace('family_id', 'Family ID')
      .replace(/(\d{4})-(\d{2})-(\d{2})/g, '$3/$2/$1')
      .replace(/,not_met,/g, ',Not met,');
    const r = parseCohortFiles(
      [
        { name: 'families.csv', text: families },
        { name: 'children.csv', text: tiny('children.csv') },
        { name: 'star.csv', text: tiny('star.csv') },
      ],
      { columns: { families: { 'Family ID': 'family_id' } }, codes: { outcome: { 'Not met': 'not_met' } }, dateFormat: 'dd/mm/yyyy' },
    );
    expect(errorsOf(r)).toEqual([]);
    expect(r.cohort!.families[0]!.startDate).toBe('2023-01-20');
    expect(r.cohort!.families[2]!.outcome).toBe('not_met');
  });
});
