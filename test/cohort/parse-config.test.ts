import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/cohort/parse-config.js';
import { formatProblem } from '../../src/index.js';

const problemsOf = (yaml: string) => parseConfigText(yaml, 'c.yaml').problems.map(formatProblem);

describe('parseConfigText never ignores what it does not understand', () => {
  it('accepts the documented keys', () => {
    const r = parseConfigText(
      [
        'columns: { families: { "Family ID": family_id, "Debt": need_debt_rent_arrears } }',
        'values: { yes: ["Ja"], no: ["Nein"] }',
        'codes: { outcome: { "Met": met }, need_debt_rent_arrears: { "Y": "1" } }',
        'indicators: { my_need: { label: "My need", headlineProblem: health } }',
        'ageBands: [ { label: "0-9", min: 0, max: 9 }, { label: "10+", min: 10, max: null } ]',
        'stages: { upperBounds: [2, 4, 6, 8, 10], names: [a, b, c, d, e] }',
        'disclosure: { threshold: 5, symbol: "[c]", roundTotalsTo: 1 }',
      ].join('\n'),
      'c.yaml',
    );
    expect(r.problems.map(formatProblem)).toEqual([]);
    expect(r.config!.codes!.need_debt_rent_arrears).toEqual({ Y: '1' });
  });

  it('reports a misspelt key inside a section, not only at the top', () => {
    expect(problemsOf('disclosure: { threshhold: 10 }')).toEqual([
      'c.yaml:1:disclosure.threshhold: unknown key; expected one of name, threshold, symbol, roundTotalsTo',
    ]);
    expect(problemsOf('values: { Yes: ["Ja"] }')).toEqual(['c.yaml:1:values.Yes: unknown key; expected one of yes, no']);
    expect(problemsOf('stages: { upperBounds: [5, 10], names: [a, b], colours: [red] }')).toEqual([
      'c.yaml:1:stages.colours: unknown key; expected one of upperBounds, names',
    ]);
    expect(problemsOf('ageBands: [ { label: a, min: 0, max: 9, open: true }, { label: b, min: 10, max: null } ]')).toEqual([
      'c.yaml:1:ageBands.0.open: unknown key; expected one of label, min, max',
    ]);
    expect(problemsOf('indicators: { x: { label: X, headline: health } }')).toEqual([
      'c.yaml:1:indicators.x.headline: unknown key; expected one of label, headlineProblem',
    ]);
  });

  it('reports codes for a column the contract does not have', () => {
    expect(problemsOf('codes: { outcomes: { Met: met } }')).toEqual([
      'c.yaml:1:codes.outcomes: unknown column; codes are keyed by contract column names (or need_<id>)',
    ]);
  });

  it('reports a heading mapped onto a column its file does not have', () => {
    expect(problemsOf('columns: { children: { "Closed": end_date } }')).toEqual([
      'c.yaml:1:columns.children.Closed: not a column of children.csv; expected one of child_id, family_id, age_at_start, date_of_birth, gender, outcome ("end_date")',
    ]);
  });

  it('reports an age band whose max is below its min', () => {
    expect(problemsOf('ageBands: [ { label: a, min: 0, max: -1 }, { label: b, min: 0, max: null } ]')).toContain(
      'c.yaml:1:ageBands.0.max: must be at least min (0) ("-1")',
    );
  });
});
