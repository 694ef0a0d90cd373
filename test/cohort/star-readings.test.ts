import { describe, expect, it } from 'vitest';
import { planOutcomeList, planOutcomesFrom, starReadingList, starReadingsFrom } from '../../src/cohort/star-readings.js';
import type { PlanOutcome, StarReading } from '../../src/cohort/types.js';

const reading: StarReading = { familyIndex: 0, domain: 'home_and_money', date: '2020-01-31', reading: 4 };
const plan: PlanOutcome = { familyIndex: 1, outcome: 'school_attendance', identifiedDate: '2020-01-01', status: 'achieved', achievedDate: '2020-06-01' };

describe('columns from plain objects', () => {
  it('give back the same readings and plan rows', () => {
    expect(starReadingList(starReadingsFrom([reading, { ...reading, reading: 10, date: '1900-01-01' }]))).toEqual([reading, { ...reading, reading: 10, date: '1900-01-01' }]);
    expect(planOutcomeList(planOutcomesFrom([plan, { ...plan, status: 'in_progress', achievedDate: null }]))).toEqual([plan, { ...plan, status: 'in_progress', achievedDate: null }]);
  });

  it('refuse what the columns cannot hold, never storing a guess', () => {
    expect(() => starReadingsFrom([{ ...reading, domain: 'housing' as StarReading['domain'] }])).toThrow('Family Star domain');
    expect(() => starReadingsFrom([{ ...reading, reading: 11 }])).toThrow('whole numbers 1-10');
    expect(() => starReadingsFrom([{ ...reading, date: '2020-02-30' }])).toThrow('real ISO date');
    expect(() => starReadingsFrom([{ ...reading, familyIndex: -1 }])).toThrow('family index');
    expect(() => planOutcomesFrom([{ ...plan, identifiedDate: '2020-13-01' }])).toThrow('identified date');
    expect(() => planOutcomesFrom([{ ...plan, achievedDate: '01/06/2020' }])).toThrow('achieved date');
    expect(() => planOutcomesFrom([{ ...plan, familyIndex: 1.5 }])).toThrow('family index');
    expect(() => planOutcomesFrom([{ ...plan, status: 'done' as PlanOutcome['status'] }])).toThrow('status');
  });
});
