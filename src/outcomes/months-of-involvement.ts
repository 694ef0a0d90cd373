/** Days in an average Gregorian month: 365.25 / 12. */
export const DAYS_PER_MONTH = 30.4375;

/** How months of involvement are measured, stated in every result that uses them. */
export const MONTHS_OF_INVOLVEMENT_DEFINITION =
  'months of involvement = (end_date - start_date in days) / 30.4375 (365.25 / 12, an average month); ' +
  'only closed cases (with an end_date) have one; "over 6 months" means strictly more than 6.';

import { isoDayNumber } from '../cohort/values.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function dayNumber(date: string, name: string): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new Error(`monthsOfInvolvement requires ${name} as YYYY-MM-DD, got "${date}"`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new Error(`monthsOfInvolvement requires a real calendar date for ${name}, got "${date}"`);
  }
  return t / 86_400_000;
}

/**
 * Months of involvement of a case: the days from `startDate` to `endDate` divided by
 * 30.4375 (365.25 / 12), so 6 months is 182.6 days and 12 months 365.25 days.
 *
 * Cost: O(1).
 * @throws when a date is not a real `YYYY-MM-DD` date or `endDate` is before `startDate`.
 * @example monthsOfInvolvement('2023-01-01', '2023-07-02') // 182 / 30.4375 = 5.979...
 */
export function monthsOfInvolvement(startDate: string, endDate: string): number {
  // Fast path when both are well-formed ISO dates (days since 1900); otherwise both the slow
  // way (days since 1970), which words any error. Only the difference matters.
  let a = isoDayNumber(startDate);
  let b = isoDayNumber(endDate);
  if (a < 0 || b < 0) {
    a = dayNumber(startDate, 'startDate');
    b = dayNumber(endDate, 'endDate');
  }
  if (b < a) {
    throw new Error(`monthsOfInvolvement requires endDate >= startDate, got ${endDate} < ${startDate}`);
  }
  return (b - a) / DAYS_PER_MONTH;
}
