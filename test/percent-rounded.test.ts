/**
 * NPS and CSAT scores are rounded in integers (figures/stats.ts
 * percentRounded): over random counts, the same number — sign of zero
 * included — as rounding the 40-digit decimal quotient half away from zero.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentRounded } from '../scripts/lib/figures/stats.js';
import { Decimal } from '../scripts/lib/money/decimal.js';

const byDecimal = (part: number, whole: number) =>
  new Decimal(100).times(part).dividedBy(whole).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();

describe('percentRounded', () => {
  it('is the decimal quotient rounded half away from zero', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: -1, max: 1 }), fc.nat(), (whole, sign, k) => {
        // || 0: counts are whole numbers, never −0 (3 − 3 is 0).
        const part = sign * (k % (whole + 1)) || 0;
        expect(Object.is(percentRounded(part, whole), byDecimal(part, whole))).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  it.each([
    [1, 8, 13], // 12.5 → 13
    [-1, 8, -13], // −12.5 → −13
    [-1, 300, -0], // −0.33… → −0
    [2, 3, 67],
    [0, 7, 0],
  ])('100 × %i ÷ %i is %d', (part, whole, expected) => {
    expect(Object.is(percentRounded(part, whole), expected)).toBe(true);
  });
});
