const MS_PER_DAY = 86_400_000;
const TABLE_FROM = Date.UTC(2010, 0, 1) / MS_PER_DAY;
const TABLE_TO = Date.UTC(2031, 0, 1) / MS_PER_DAY;
let table: string[] | null = null;

/**
 * Day number (whole days since 1970-01-01, UTC) of an ISO date `YYYY-MM-DD`.
 * @throws when the text is not an ISO date.
 * @example dayOf('1970-01-02') // 1
 */
export function dayOf(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`dayOf requires a date YYYY-MM-DD, got ${iso}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY;
}

/**
 * ISO date `YYYY-MM-DD` of a day number (whole days since 1970-01-01, UTC). Days from 2010
 * to 2030 come from a table built once, so formatting millions of dates is cheap.
 * Cost: O(1). @throws when `day` is not a whole number.
 * @example isoDay(1) // '1970-01-02'
 */
export function isoDay(day: number): string {
  if (!Number.isInteger(day)) throw new Error(`isoDay requires a whole day number, got ${day}`);
  if (day >= TABLE_FROM && day < TABLE_TO) {
    if (!table) {
      table = [];
      for (let d = TABLE_FROM; d < TABLE_TO; d++) table.push(new Date(d * MS_PER_DAY).toISOString().slice(0, 10));
    }
    return table[day - TABLE_FROM]!;
  }
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}
