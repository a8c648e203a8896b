import { describe, expect, it } from 'vitest';
import { monthlyFigure } from '../scripts/lib/figures/recurring.js';
import { bucketOf } from '../scripts/lib/figures/receivables.js';
import fc from 'fast-check';
import { DECLINE_THRESHOLD, isDeclining } from '../scripts/lib/figures/community.js';
import { percentile } from '../scripts/lib/figures/stats.js';
import { Decimal, dec, decimalPlaces, toFixed } from '../scripts/lib/money/decimal.js';
import {
  addMonthsToDate,
  daysBetween,
  daysInMonth,
  fromDays,
  isIsoDate,
  monthsApart,
  monthsBetween,
  toDays,
} from '../scripts/lib/time/calendar.js';
import { billingPeriods, isCovered } from '../scripts/lib/time/periods.js';

const always = { from: '2000-01-01', to: '2100-12-31' };

describe('calendar', () => {
  it('knows month lengths and leap years without time zones', () => {
    expect([daysInMonth('2028-02'), daysInMonth('2026-02'), daysInMonth('2100-02'), daysInMonth('2000-02')]).toEqual([
      29, 28, 28, 29,
    ]);
    expect(daysBetween('2026-03-28', '2026-03-29')).toBe(1); // across the DST change in many zones
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
  });

  it('counts the months between two months or dates as the list of months between them does', () => {
    expect([
      monthsApart('2026-01', '2026-03'),
      monthsApart('2025-11-30', '2026-02-01'),
      monthsApart('2026-03', '2026-01'),
    ]).toEqual([2, 3, -2]);
    for (const [a, b] of [
      ['1999-12', '2001-01'],
      ['2026-05', '2026-05'],
      ['2026-05', '2025-04'],
    ])
      expect(Math.max(0, monthsApart(a, b) + 1)).toBe(monthsBetween(a, b).length);
  });

  it('counts days exactly as Date.UTC does, on every day from 1600 to 2400 (integer arithmetic, no Date)', () => {
    const DAY_MS = 86_400_000;
    let wrong = 0;
    for (let days = Date.UTC(1600, 0, 1) / DAY_MS; days <= Date.UTC(2400, 11, 31) / DAY_MS; days++) {
      const iso = new Date(days * DAY_MS).toISOString().slice(0, 10);
      if (fromDays(days) !== iso || toDays(iso) !== days) wrong++;
    }
    expect(wrong).toBe(0);
    for (let y = 1600; y <= 2400; y++)
      for (let m = 1; m <= 12; m++) {
        const month = `${y}-${String(m).padStart(2, '0')}`;
        if (daysInMonth(month) !== new Date(Date.UTC(y, m, 0)).getUTCDate()) wrong++;
      }
    expect(wrong).toBe(0);
    expect([fromDays(0), fromDays(-1), toDays('2026-11-25')]).toEqual(['1970-01-01', '1969-12-31', 20_782]);
  });

  it('adds months from an anchor without drifting', () => {
    expect([1, 2, 3].map((n) => addMonthsToDate('2026-01-31', n))).toEqual(['2026-02-28', '2026-03-31', '2026-04-30']);
  });

  it('cuts billing periods from the contract start, the last one at the end', () => {
    expect(billingPeriods('2026-01-31', '2026-04-15', 'month')).toEqual([
      { from: '2026-01-31', to: '2026-02-27' },
      { from: '2026-02-28', to: '2026-03-30' },
      { from: '2026-03-31', to: '2026-04-15' },
    ]);
    expect(billingPeriods('2026-02-15', '2027-02-14', 'quarter').map((p) => p.from)).toEqual([
      '2026-02-15',
      '2026-05-15',
      '2026-08-15',
      '2026-11-15',
    ]);
    expect(billingPeriods('2026-02-15', '2026-09-30', 'once')).toEqual([{ from: '2026-02-15', to: '2026-09-30' }]);
  });

  it('sees a period covered only when its every day is', () => {
    const p = { from: '2026-01-01', to: '2026-01-31' };
    expect(
      isCovered(p, [
        { from: '2026-01-16', to: '2026-02-10' },
        { from: '2025-12-01', to: '2026-01-15' },
      ]),
    ).toBe(true);
    expect(
      isCovered(p, [
        { from: '2026-01-01', to: '2026-01-14' },
        { from: '2026-01-16', to: '2026-01-31' },
      ]),
    ).toBe(false);
  });
});

describe('proration', () => {
  const fee = (amount: number, per: 'month' | 'quarter' | 'year' | 'term', effective = always, term = effective) => ({
    amount,
    per,
    effective,
    term,
  });

  it('a February start in a leap year', () => {
    // 2900 × 15/29 (Feb 15–29 of 2028)
    expect(monthlyFigure(fee(2900, 'month', { from: '2028-02-15', to: '2030-01-01' }), '2028-02').toString()).toBe(
      '1500',
    );
  });

  it('quarterly and annual fees per month', () => {
    expect(monthlyFigure(fee(9000, 'quarter'), '2026-05').toString()).toBe('3000');
    expect(monthlyFigure(fee(1000, 'year'), '2026-05').toFixed(6)).toBe('83.333333');
  });

  it('a year of months sums to the annual fee to the cent', () => {
    const months = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) => `2026-${m}`);
    const total = months.reduce((t, m) => t.plus(monthlyFigure(fee(1000, 'year'), m)), dec(0));
    expect(toFixed(total, 2)).toBe('1000.00');
  });

  it('a per-term price spread over the days of a term starting and ending mid-month', () => {
    // 2026-01-10 .. 2026-04-09 = 22 + 28 + 31 + 9 = 90 days; 9000 / 90 = 100 a day
    const term = { from: '2026-01-10', to: '2026-04-09' };
    expect(
      ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05'].map((m) =>
        monthlyFigure(fee(9000, 'term', term), m).toString(),
      ),
    ).toEqual(['2200', '2800', '3100', '900', '0']);
  });
});

describe('money', () => {
  it('rounds half away from zero, once, at presentation', () => {
    expect([
      toFixed(dec('0.005'), 2),
      toFixed(dec('-0.005'), 2),
      toFixed(dec(2.675), 2),
      toFixed(dec('-0.001'), 2),
    ]).toEqual(['0.01', '-0.01', '2.68', '0.00']);
  });

  it('reads YAML numbers as the decimals they were written as', () => {
    expect(dec(0.1).plus(dec(0.2)).toString()).toBe('0.3');
  });
});

describe('aging buckets', () => {
  it('puts each boundary in its bucket', () => {
    expect([0, 1, 30, 31, 60, 61, 90, 91, -5].map(bucketOf)).toEqual([
      'current',
      '1-30',
      '1-30',
      '31-60',
      '31-60',
      '61-90',
      '61-90',
      '90+',
      'current',
    ]);
  });
});

describe('statistics', () => {
  it('interpolates percentiles like NumPy', () => {
    expect(percentile([1, 2, 3, 4], 90)).toBe(3.7);
    expect(percentile([15, 20, 35, 40, 50], 40)).toBe(29);
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([], 50)).toBeUndefined();
  });

  it('flags usage declining only strictly below 70 % with all three months present', () => {
    const usage = (current: number) =>
      new Map([
        ['2026-01', 100],
        ['2026-02', 100],
        ['2026-03', 100],
        ['2026-04', current],
      ]);
    expect(isDeclining(usage(70), '2026-04')).toBe(false);
    expect(isDeclining(usage(69), '2026-04')).toBe(true);
    expect(
      isDeclining(
        new Map([
          ['2026-02', 100],
          ['2026-03', 100],
          ['2026-04', 1],
        ]),
        '2026-04',
      ),
    ).toBe(false);
  });

  it('tells a decline in whole numbers exactly as the decimal mean × 0.7 does', () => {
    const byDecimals = (users: number[]) =>
      new Decimal(users[3]).lessThan(new Decimal(users[0] + users[1] + users[2]).dividedBy(3).times(DECLINE_THRESHOLD));
    const months = ['2026-01', '2026-02', '2026-03', '2026-04'];
    const users = fc.oneof(fc.integer({ min: 0, max: 2_000 }), fc.integer({ min: 0, max: 2 ** 50 }));
    fc.assert(
      fc.property(fc.tuple(users, users, users, users), (u) => {
        expect(isDeclining(new Map(months.map((m, k) => [m, u[k]])), '2026-04')).toBe(byDecimals(u));
      }),
      { numRuns: 2000 },
    );
    // Exactly on the line (30 × 70 = 7 × 300) is not below it.
    expect(isDeclining(new Map(months.map((m, k) => [m, k < 3 ? 100 : 70])), '2026-04')).toBe(false);
  });
});

describe('decimal places as written', () => {
  it('reads them off the number as YAML gave it', () => {
    expect([1234.5, 1234, 0.05, -12.345, 0.1 + 0.2, 1e21, 1e-7, 5e-324].map(decimalPlaces)).toEqual([
      1, 0, 2, 3, 17, 0, 7, 324,
    ]);
  });

  it('agrees with the decimal library on random amounts', () => {
    for (let i = 0; i < 20_000; i++) {
      const n = Number(((Math.random() - 0.5) * 10 ** ((i % 14) - 4)).toFixed(i % 9));
      expect(decimalPlaces(n), String(n)).toBe(dec(n).decimalPlaces());
    }
  });
});
