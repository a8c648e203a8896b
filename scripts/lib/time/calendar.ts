/**
 * Calendar arithmetic on ISO strings, in UTC days: no time zone ever moves a
 * date. Dates are 'YYYY-MM-DD', months 'YYYY-MM'; both compare as strings.
 */

const DAY_MS = 86_400_000;

/** Days since 1970-01-01. */
export function toDays(date: string): number {
  return Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / DAY_MS;
}

export function fromDays(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, n: number): string {
  return fromDays(toDays(date) + n);
}

/** b − a in days. */
export function daysBetween(a: string, b: string): number {
  return toDays(b) - toDays(a);
}

export function monthOf(date: string): string {
  return date.slice(0, 7);
}

export function daysInMonth(month: string): number {
  return new Date(Date.UTC(+month.slice(0, 4), +month.slice(5, 7), 0)).getUTCDate();
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
  return to < from ? 0 : daysBetween(from, to) + 1;
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
