/** Billing periods and terms: inclusive [from, to] day ranges anchored on a contract's start. */
import { addDays, addMonthsToDate, firstDay, lastDay, minDate, overlapDays } from './calendar.js';

export interface Period {
  from: string;
  to: string;
}

const MONTHS_PER: Record<'month' | 'quarter' | 'year', number> = { month: 1, quarter: 3, year: 12 };

/**
 * The billing periods of a term: each runs from its first day to the day
 * before the next begins, counted from `start` (so a term starting Jan 31 has
 * periods Jan 31–Feb 27, Feb 28–Mar 30, …), the last cut at `end`. `once` is
 * one period, the whole term.
 */
export function billingPeriods(start: string, end: string, every: 'month' | 'quarter' | 'year' | 'once'): Period[] {
  if (every === 'once') return [{ from: start, to: end }];
  const step = MONTHS_PER[every];
  const out: Period[] = [];
  // Each boundary is worked out once: it ends one period and starts the next.
  let from = start; // addMonthsToDate(start, 0)
  for (let k = 1; from <= end; k++) {
    const next = addMonthsToDate(start, k * step);
    out.push({ from, to: minDate(addDays(next, -1), end) });
    from = next;
  }
  return out;
}

const MONTH_PERIODS = new Map<string, Readonly<Period>>();

/** The first to the last day of `month` (one shared object per month: the figures ask for it very often). */
export function monthPeriod(month: string): Readonly<Period> {
  let period = MONTH_PERIODS.get(month);
  if (!period) MONTH_PERIODS.set(month, (period = Object.freeze({ from: firstDay(month), to: lastDay(month) })));
  return period;
}

/** Days of `a` inside `b`. */
export function daysInside(a: Period, b: Period): number {
  return overlapDays(a.from, a.to, b.from, b.to);
}

/** True when the union of `covers` includes every day of `period`. */
export function isCovered(period: Period, covers: readonly Period[]): boolean {
  let reached = period.from; // first day not yet known to be covered
  for (const c of [...covers].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))) {
    if (c.from > reached) break;
    if (c.to >= reached) reached = addDays(c.to, 1);
    if (reached > period.to) return true;
  }
  return reached > period.to;
}
