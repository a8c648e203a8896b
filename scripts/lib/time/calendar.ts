/**
 * Calendar arithmetic on ISO strings, in UTC days: no time zone ever moves a
 * date. Dates are 'YYYY-MM-DD', months 'YYYY-MM'; both compare as strings.
 */

// Integer arithmetic on the proleptic Gregorian calendar (H. Hinnant's days_from_civil and civil_from_days):
// exact like Date.UTC, without a Date object per call — the figures convert dates hundreds of thousands of times.

/** Days since 1970-01-01. */
export function toDays(date: string): number {
  const m = +date.slice(5, 7);
  const y = +date.slice(0, 4) - (m <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + +date.slice(8, 10) - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export function fromDays(days: number): string {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

export function addDays(date: string, n: number): string {
  // A day that stays between the 1st and the 28th is in the same month whatever the month: the text is enough
  // (the day before a billing period's next start, the day after a period, are mostly such).
  const day = +date.slice(8, 10) + n;
  if (day >= 1 && day <= 28) return `${date.slice(0, 8)}${day < 10 ? '0' : ''}${day}`;
  return fromDays(toDays(date) + n);
}

/** b − a in days. */
export function daysBetween(a: string, b: string): number {
  return toDays(b) - toDays(a);
}

export function monthOf(date: string): string {
  return date.slice(0, 7);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(month: string): number {
  const m = +month.slice(5, 7);
  if (m !== 2) return MONTH_DAYS[m - 1];
  const y = +month.slice(0, 4);
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28;
}

export function firstDay(month: string): string {
  return `${month}-01`;
}

export function lastDay(month: string): string {
  return `${month}-${String(daysInMonth(month)).padStart(2, '0')}`;
}

export function addMonths(month: string, n: number): string {
  const index = +month.slice(0, 4) * 12 + (+month.slice(5, 7) - 1) + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** How many months `to` is after `from` (months or dates; negative when before): 2026-01 to 2026-03 is 2. */
export function monthsApart(from: string, to: string): number {
  return (+to.slice(0, 4) - +from.slice(0, 4)) * 12 + (+to.slice(5, 7) - +from.slice(5, 7));
}

/** The months from `from` to `to` inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}

/**
 * The date n months after `anchor`, on the anchor's day of the month or the
 * last day of a shorter month (Jan 31 + 1 month = Feb 28/29). Always counted
 * from the anchor so that a series does not drift (Jan 31, Feb 28, Mar 31).
 */
export function addMonthsToDate(anchor: string, n: number): string {
  const month = addMonths(monthOf(anchor), n);
  const day = Math.min(+anchor.slice(8, 10), daysInMonth(month));
  return `${month}-${String(day).padStart(2, '0')}`;
}

/** Days in both inclusive ranges [aFrom, aTo] and [bFrom, bTo]. */
export function overlapDays(aFrom: string, aTo: string, bFrom: string, bTo: string): number {
  const from = aFrom > bFrom ? aFrom : bFrom;
  const to = aTo < bTo ? aTo : bTo;
  if (to < from) return 0;
  // Within one month (a month's days inside a term, mostly), the days are told from the day numbers: no day count.
  if (from.slice(0, 7) === to.slice(0, 7)) return +to.slice(8, 10) - +from.slice(8, 10) + 1;
  return daysBetween(from, to) + 1;
}

export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const month = +m[2];
  return month >= 1 && month <= 12 && +m[3] >= 1 && +m[3] <= daysInMonth(`${m[1]}-${m[2]}`);
}

/**
 * Today's date where the command runs: the local calendar date in the time
 * zone of the machine (the TZ environment variable when set), because "today"
 * for a person in Vancouver at 17:00 is not yet tomorrow. The only
 * wall-clock read; GitHub's runners use UTC unless a workflow sets TZ.
 */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(now.getFullYear()).padStart(4, '0')}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
