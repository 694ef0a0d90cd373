import { NO_DAY, PLAN_STATUSES, STAR_DOMAINS, type PlanOutcome, type PlanOutcomes, type PlanStatus, type StarDomain, type StarReading, type StarReadings } from './types.js';
import { isoDayNumber } from './values.js';

const DOMAIN_INDEX = new Map<string, number>(STAR_DOMAINS.map((d, i) => [d, i]));
const STATUS_INDEX = new Map<string, number>(PLAN_STATUSES.map((s, i) => [s, i]));

/**
 * ISO date `YYYY-MM-DD` of a day number (days since 1900-01-01, as `dayNumber`).
 * @example isoFromDayNumber(dayNumber('2018-04-01')) // '2018-04-01'
 */
export function isoFromDayNumber(day: number): string {
  return new Date((day - 25567) * 86400000).toISOString().slice(0, 10);
}

/**
 * A copy of typed array `a` in a new array of the same kind with `length` elements (the
 * rest zero), for growing columns. Cost: O(length).
 * @example widened(Uint8Array.of(1, 2), 4) // Uint8Array [1, 2, 0, 0]
 */
export function widened<T extends Int32Array | Uint16Array | Uint8Array>(a: T, length: number): T {
  const b = new (a.constructor as new (n: number) => T)(length);
  b.set(a);
  return b;
}

/**
 * Growable columns of Family Star readings: `push` one reading at a time, `finish` for
 * the cohort's `StarReadings` (trimmed to length). Cost: amortised O(1) a reading.
 */
export class StarReadingsBuilder {
  private n = 0;
  private familyIndex: Int32Array;
  private domain: Uint8Array;
  private day: Int32Array;
  private reading: Uint8Array;

  constructor(capacity = 1024) {
    const c = Math.max(16, capacity);
    this.familyIndex = new Int32Array(c);
    this.domain = new Uint8Array(c);
    this.day = new Int32Array(c);
    this.reading = new Uint8Array(c);
  }

  get length(): number {
    return this.n;
  }

  push(familyIndex: number, domain: number, day: number, reading: number): void {
    if (this.n === this.familyIndex.length) this.grow();
    const i = this.n++;
    this.familyIndex[i] = familyIndex;
    this.domain[i] = domain;
    this.day[i] = day;
    this.reading[i] = reading;
  }

  private grow(): void {
    const c = this.familyIndex.length * 2;
    this.familyIndex = widened(this.familyIndex, c);
    this.domain = widened(this.domain, c);
    this.day = widened(this.day, c);
    this.reading = widened(this.reading, c);
  }

  /**
   * The columns, trimmed to length: copies when much of the capacity is unused, views
   * otherwise (a column sized well in advance is not copied again).
   */
  finish(): StarReadings {
    const n = this.n;
    const view = n >= this.familyIndex.length * 0.7;
    const trim = <T extends Int32Array | Uint8Array>(a: T): T => (view ? (a.subarray(0, n) as T) : (a.slice(0, n) as T));
    return {
      length: n,
      familyIndex: trim(this.familyIndex),
      domain: trim(this.domain),
      day: trim(this.day),
      reading: trim(this.reading),
    };
  }
}

/**
 * Columns of Family Star readings from plain objects (tests, small cohorts built in code).
 * @throws on an unknown domain, a reading that is not a whole number 1–10, a date that is
 *   not a real ISO date, or a negative or fractional family index.
 * @example starReadingsFrom([{ familyIndex: 0, domain: 'home_and_money', date: '2020-01-01', reading: 4 }]).length // 1
 */
export function starReadingsFrom(list: readonly StarReading[]): StarReadings {
  const b = new StarReadingsBuilder(list.length);
  for (const r of list) {
    const d = DOMAIN_INDEX.get(r.domain);
    if (d === undefined) throw new Error(`starReadingsFrom requires a Family Star domain id, got ${JSON.stringify(r.domain)}`);
    if (!Number.isInteger(r.reading) || r.reading < 1 || r.reading > 10) {
      throw new Error(`starReadingsFrom requires readings that are whole numbers 1-10, got ${r.reading}`);
    }
    const day = typeof r.date === 'string' ? isoDayNumber(r.date) : -1;
    if (day < 0) throw new Error(`starReadingsFrom requires a reading date as a real ISO date, got ${JSON.stringify(r.date)}`);
    if (!Number.isSafeInteger(r.familyIndex) || r.familyIndex < 0) throw new Error(`starReadingsFrom requires a family index >= 0, got ${r.familyIndex}`);
    b.push(r.familyIndex, d, day, r.reading);
  }
  return b.finish();
}

/** Reading `i` as a plain object. @example starReadingAt(cohort.star, 0).domain // 'home_and_money' */
export function starReadingAt(star: StarReadings, i: number): StarReading {
  return {
    familyIndex: star.familyIndex[i]!,
    domain: STAR_DOMAINS[star.domain[i]!] as StarDomain,
    date: isoFromDayNumber(star.day[i]!),
    reading: star.reading[i]!,
  };
}

/** Every reading as plain objects, in order (for tests and small cohorts: not for a million families). */
export function starReadingList(star: StarReadings): StarReading[] {
  return Array.from({ length: star.length }, (_, i) => starReadingAt(star, i));
}

/**
 * Growable columns of outcome-plan rows; outcome ids are numbered in order of first sight.
 * Cost: amortised O(1) a row.
 */
export class PlanOutcomesBuilder {
  private n = 0;
  private readonly ids = new Map<string, number>();
  private readonly outcomeIds: string[] = [];
  private familyIndex = new Int32Array(1024);
  private outcome = new Uint16Array(1024);
  private identifiedDay = new Int32Array(1024);
  private status = new Uint8Array(1024);
  private achievedDay = new Int32Array(1024);

  get length(): number {
    return this.n;
  }

  /** @throws on more than 65,535 distinct outcome ids or an unknown status. */
  push(familyIndex: number, outcome: string, identifiedDay: number, status: PlanStatus, achievedDay: number): void {
    let o = this.ids.get(outcome);
    if (o === undefined) {
      if (this.outcomeIds.length === 0xffff) throw new Error('outcome plans allow at most 65,535 distinct outcome ids');
      o = this.outcomeIds.length;
      this.ids.set(outcome, o);
      this.outcomeIds.push(outcome);
    }
    const s = STATUS_INDEX.get(status);
    if (s === undefined) throw new Error(`outcome plans require a status of ${PLAN_STATUSES.join(', ')}, got ${JSON.stringify(status)}`);
    if (this.n === this.familyIndex.length) this.grow();
    const i = this.n++;
    this.familyIndex[i] = familyIndex;
    this.outcome[i] = o;
    this.identifiedDay[i] = identifiedDay;
    this.status[i] = s;
    this.achievedDay[i] = achievedDay;
  }

  private grow(): void {
    const c = this.familyIndex.length * 2;
    this.familyIndex = widened(this.familyIndex, c);
    this.outcome = widened(this.outcome, c);
    this.identifiedDay = widened(this.identifiedDay, c);
    this.status = widened(this.status, c);
    this.achievedDay = widened(this.achievedDay, c);
  }

  finish(): PlanOutcomes {
    const n = this.n;
    return {
      length: n,
      familyIndex: this.familyIndex.slice(0, n),
      outcome: this.outcome.slice(0, n),
      outcomeIds: this.outcomeIds.slice(),
      identifiedDay: this.identifiedDay.slice(0, n),
      status: this.status.slice(0, n),
      achievedDay: this.achievedDay.slice(0, n),
    };
  }
}

/**
 * Columns of outcome-plan rows from plain objects (tests, small cohorts built in code).
 * @throws on a date that is not a real ISO date (achievedDate may be null), an unknown
 *   status, or a negative or fractional family index.
 * @example planOutcomesFrom([{ familyIndex: 0, outcome: 'school_attendance', identifiedDate: '2020-01-01', status: 'achieved', achievedDate: '2020-06-01' }]).length // 1
 */
export function planOutcomesFrom(list: readonly PlanOutcome[]): PlanOutcomes {
  const b = new PlanOutcomesBuilder();
  const day = (date: unknown, what: string): number => {
    const d = typeof date === 'string' ? isoDayNumber(date) : -1;
    if (d < 0) throw new Error(`planOutcomesFrom requires ${what} as a real ISO date, got ${JSON.stringify(date)}`);
    return d;
  };
  for (const p of list) {
    if (!Number.isSafeInteger(p.familyIndex) || p.familyIndex < 0) throw new Error(`planOutcomesFrom requires a family index >= 0, got ${p.familyIndex}`);
    b.push(p.familyIndex, p.outcome, day(p.identifiedDate, 'an identified date'), p.status, p.achievedDate === null ? NO_DAY : day(p.achievedDate, 'an achieved date (or null)'));
  }
  return b.finish();
}

/** Plan row `i` as a plain object. */
export function planOutcomeAt(plans: PlanOutcomes, i: number): PlanOutcome {
  const a = plans.achievedDay[i]!;
  return {
    familyIndex: plans.familyIndex[i]!,
    outcome: plans.outcomeIds[plans.outcome[i]!]!,
    identifiedDate: isoFromDayNumber(plans.identifiedDay[i]!),
    status: PLAN_STATUSES[plans.status[i]!]!,
    achievedDate: a === NO_DAY ? null : isoFromDayNumber(a),
  };
}

/** Every plan row as plain objects, in order (tests and small cohorts). */
export function planOutcomeList(plans: PlanOutcomes): PlanOutcome[] {
  return Array.from({ length: plans.length }, (_, i) => planOutcomeAt(plans, i));
}
