/**
 * The days of a month inside a contract's term (figures/recurring.ts
 * monthDaysInside) are told from the dates as text when the month is wholly
 * inside or outside: over every month of 2023–2025 and random terms, the same
 * count as daysInside's day arithmetic.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monthDaysInside } from '../scripts/lib/figures/recurring.js';
import { addDays, addMonths } from '../scripts/lib/time/calendar.js';
import { daysInside, monthPeriod } from '../scripts/lib/time/periods.js';

const day = fc.integer({ min: 0, max: 3 * 366 }).map((n) => addDays('2023-01-01', n));

describe('the days of a month inside a term', () => {
  it('are those daysInside counts, for months inside, outside and cut by the term', () => {
    fc.assert(
      fc.property(day, day, fc.integer({ min: 0, max: 35 }), (a, b, k) => {
        const month = addMonths('2023-01', k);
        const term = { from: a < b ? a : b, to: a < b ? b : a };
        expect(monthDaysInside(month, term)).toBe(daysInside(monthPeriod(month), term));
      }),
      { numRuns: 2000 },
    );
  });

  it('counts a whole month, a cut one and none', () => {
    expect(monthDaysInside('2024-02', { from: '2024-01-15', to: '2024-12-31' })).toBe(29);
    expect(monthDaysInside('2024-02', { from: '2024-02-10', to: '2024-12-31' })).toBe(20);
    expect(monthDaysInside('2024-02', { from: '2024-03-01', to: '2024-12-31' })).toBe(0);
  });
});
