/**
 * The monthly figure of a recurring item (a fee or a cost): its amount per
 * month, times the share of the month's days inside its effective term.
 */
import { Decimal, dec, ZERO } from '../money/decimal.js';
import { daysBetween, daysInMonth } from '../time/calendar.js';
import { daysInside, monthPeriod, type Period } from '../time/periods.js';

export type Per = 'month' | 'quarter' | 'year' | 'term';

const DIVISOR = { month: 1, quarter: 3, year: 12 } as const;

export interface RecurringItem {
  amount: number;
  per: Per;
  /** The effective term: start to `terminated` if earlier than `end`. */
  effective: Period;
  /** The contractual term, over whose days a `per: term` amount is spread. */
  term: Period;
}

/** In the item's own currency; zero outside the term. */
export function monthlyFigure(item: RecurringItem, month: string): Decimal {
  const days = monthDaysInside(month, item.effective);
  if (days === 0) return ZERO;
  if (item.per === 'term') {
    // A total contract value spread evenly over the term's days.
    const termDays = daysBetween(item.term.from, item.term.to) + 1;
    return dec(item.amount).times(days).dividedBy(termDays);
  }
  // A monthly amount over the whole month is the amount itself (× days ÷ days, exactly: no digit is lost).
  if (item.per === 'month' && days === daysInMonth(month)) return dec(item.amount);
  return dec(item.amount).dividedBy(DIVISOR[item.per]).times(days).dividedBy(daysInMonth(month));
}

/**
 * The days of `month` inside `period` (daysInside), counted only for a month the period cuts: a month wholly
 * inside has all its days and one outside none, which ISO dates compared as text tell. The figures ask this of
 * every contract for every month of the trend and the projection, and most months are whole.
 */
export function monthDaysInside(month: string, period: Period): number {
  const m = monthPeriod(month);
  if (period.from <= m.from && period.to >= m.to) return daysInMonth(month);
  if (period.from > m.to || period.to < m.from) return 0;
  return daysInside(m, period);
}

/** What a fee is worth over a year, for sizing accounts and deals. */
export function annualised(amount: number, per: Per, term: Period): Decimal {
  if (per === 'term')
    return dec(amount)
      .times(365)
      .dividedBy(daysBetween(term.from, term.to) + 1);
  return dec(amount).times(12).dividedBy(DIVISOR[per]);
}
