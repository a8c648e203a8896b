/**
 * withinDecimals (check/amount.ts) tells money-precision that an amount has few enough decimals without writing
 * it out: over random numbers as YAML reads them (cents, tenths of a cent, long fractions, sums that miss, huge
 * and tiny ones, both zeros, negatives), whenever it says yes, decimalPlaces — the shortest text's decimals —
 * agrees, and it says yes to every amount written with that many decimals.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withinDecimals } from '../scripts/lib/check/amount.js';
import { decimalPlaces } from '../scripts/lib/money/decimal.js';

const amount = fc.oneof(
  fc.integer({ min: -99_999_999_999_999, max: 99_999_999_999_999 }).map((n) => n / 100),
  fc.integer({ min: -9_999_999, max: 9_999_999 }).map((n) => n / 1000),
  fc.integer({ min: -9_999_999, max: 9_999_999 }).map((n) => n / 10),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.double({ noNaN: true }),
  fc.double({ min: -1000, max: 1000, noNaN: true }),
  fc.constantFrom(0, -0, 0.1 + 0.2, 1e-7, 5e-324, 1e21, 9007199254740.99, 2 ** 53, 0.005, 1.005, 999999999999.99),
);

describe('withinDecimals', () => {
  it('says yes only where decimalPlaces finds at most that many decimals', () => {
    fc.assert(
      fc.property(amount, fc.constantFrom(0, 2, 3), (n, places) => {
        if (withinDecimals(n, places)) expect(decimalPlaces(n)).toBeLessThanOrEqual(places);
      }),
      { numRuns: 20000 },
    );
  });

  it('says yes to an amount written with at most that many decimals (the money of every record)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -99_999_999_999_999, max: 99_999_999_999_999 }),
        fc.constantFrom(0, 2, 3),
        (k, places) => {
          const n = Number(`${k}e-${places}`);
          expect(withinDecimals(n, places)).toBe(true);
        },
      ),
      { numRuns: 5000 },
    );
  });
});
