/**
 * Shortcuts in the billing periods of a contract, each held to the plain
 * computation over random dates and terms: the days two spans share within
 * one month and a day added within the 1st–28th told from the text, each
 * period boundary worked out once, and the whole months of every period but
 * the last known from how the periods are built.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { feePeriods, periodAmount } from '../scripts/lib/model/invoice-bills.js';
import type { Contract } from '../scripts/lib/model/records.js';
import {
  addDays,
  addMonths,
  addMonthsToDate,
  daysBetween,
  fromDays,
  minDate,
  toDays,
} from '../scripts/lib/time/calendar.js';
import { billingPeriods, daysInside, monthPeriod } from '../scripts/lib/time/periods.js';

const day = fc.integer({ min: 0, max: 4 * 366 }).map((n) => fromDays(toDays('2023-01-01') + n));
const every = fc.constantFrom('month' as const, 'quarter' as const, 'year' as const, 'once' as const);
const STEP = { month: 1, quarter: 3, year: 12 };

/** billingPeriods as it was: both ends of each period from the start. */
function plainPeriods(start: string, end: string, e: 'month' | 'quarter' | 'year' | 'once') {
  if (e === 'once') return [{ from: start, to: end }];
  const out = [];
  for (let k = 0; ; k++) {
    const from = addMonthsToDate(start, k * STEP[e]);
    if (from > end) break;
    const next = addMonthsToDate(start, (k + 1) * STEP[e]);
    out.push({ from, to: minDate(fromDays(toDays(next) - 1), end) });
  }
  return out;
}

describe('billing periods', () => {
  it('count days between two dates, and a month’s days inside a term, as the day count does', () => {
    fc.assert(
      fc.property(day, day, fc.integer({ min: 0, max: 47 }), (a, b, k) => {
        expect(daysBetween(a, b)).toBe(toDays(b) - toDays(a));
        // Same-month pairs are rare among random days: each day against others of its month too.
        const sameMonth = `${a.slice(0, 8)}${b.slice(8, 10) > '28' ? '28' : b.slice(8, 10)}`;
        expect(daysBetween(a, sameMonth)).toBe(toDays(sameMonth) - toDays(a));
        const month = monthPeriod(addMonths('2023-01', k));
        const term = { from: a < b ? a : b, to: a < b ? b : a };
        const from = month.from > term.from ? month.from : term.from;
        const to = month.to < term.to ? month.to : term.to;
        expect(daysInside(month, term)).toBe(to < from ? 0 : toDays(to) - toDays(from) + 1);
      }),
      { numRuns: 5000 },
    );
  });

  it('add days as the day count does', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -70, max: 70 }), (d, n) => {
        expect(addDays(d, n)).toBe(fromDays(toDays(d) + n));
      }),
      { numRuns: 5000 },
    );
  });

  it('are the periods counted from the start, each boundary worked out once', () => {
    fc.assert(
      fc.property(day, day, every, (a, b, e) => {
        const [start, end] = a <= b ? [a, b] : [b, a];
        expect(billingPeriods(start, end, e)).toEqual(plainPeriods(start, end, e));
      }),
      { numRuns: 1000 },
    );
  });

  it('bill what each period amounts to on its own, whole months and stubs alike', () => {
    fc.assert(
      fc.property(
        day,
        day,
        every,
        fc.option(day, { nil: undefined }),
        fc.constantFrom('month' as const, 'quarter' as const, 'year' as const, 'term' as const),
        fc.integer({ min: 1, max: 10_000_000 }),
        (a, b, e, terminated, per, cents) => {
          const [start, end] = a <= b ? [a, b] : [b, a];
          const contract = {
            id: 'c',
            start,
            end,
            terminated,
            currency: 'USD',
            billing: { every: e, in: 'advance' },
            fees: [
              { id: 'f', description: 'F', amount: cents / 100, per },
              { id: 'g', description: 'G', amount: 1000, per: 'month' },
            ],
          } as unknown as Contract;
          // periodAmount counts each period's whole months from its dates alone.
          for (const p of feePeriods(contract))
            expect(p.fees[0].amount.plus(p.fees[1].amount).toFixed(2)).toBe(periodAmount(contract, p).toFixed(2));
        },
      ),
      { numRuns: 500 },
    );
  });
});
