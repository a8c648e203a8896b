/** roundToTotal (SPEC-3 R7): shown parts add up to the shown total, by largest remainder. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byLargestRemainder, roundToTotal } from '../scripts/lib/money/apportion.js';
import { Decimal, sum } from '../scripts/lib/money/decimal.js';

const d = (s: string | number) => new Decimal(s);
const shown = (parts: Decimal[], units = 2) => roundToTotal(parts, units).map((p) => p.toFixed(units));
const shown2 = (parts: Decimal[], total: Decimal) => roundToTotal(parts, 2, total).map((p) => p.toFixed(2));

describe('roundToTotal', () => {
  it('gives the cent a third too many rounds away back to the largest remainder', () => {
    // 100 / 3 three times: each rounds to 33.33 (Σ 99.99), the total to 100.00. Floors 33.33 × 3, leftover 1
    // cent; the remainders tie (0.00333…), so the first part takes it.
    const third = d(100).dividedBy(3);
    expect(shown([third, third, third])).toEqual(['33.34', '33.33', '33.33']);
  });

  it("takes the cent off the parts that rounding pushed up: the sample's shares of the recurring costs", () => {
    // 49,470.00 shared per hub over 9 hubs: 5,496.666… a hub. Two partners with 2 hubs (10,993.333…), five with
    // 1. Rounded alone: 2 × 10,993.33 + 5 × 5,496.67 = 49,470.01. Floors: 2 × 10,993.33 + 5 × 5,496.66 =
    // 49,469.96, leftover 4 cents; remainders 0.00666… (the 1-hub parts) beat 0.00333…, so the first four 1-hub
    // parts take one cent each and the fifth shows 5,496.66.
    const hub = d(49470).dividedBy(9);
    const parts = [hub.times(2), hub, hub.times(2), hub, hub, hub, hub];
    const out = shown(parts);
    expect(out).toEqual(['10993.33', '5496.67', '10993.33', '5496.67', '5496.67', '5496.67', '5496.66']);
    expect(sum(out.map(d)).toFixed(2)).toBe('49470.00');
  });

  it('leaves exact parts alone and rounds the total half away from zero', () => {
    // 1.005 + 2.00: total 3.005 → 3.01; the only remainder (0.005) is 1.005's → 1.01.
    expect(shown([d('1.005'), d('2')])).toEqual(['1.01', '2.00']);
    expect(shown([d('1.25'), d('2.50')])).toEqual(['1.25', '2.50']);
    expect(shown([])).toEqual([]);
  });

  it('apportions negative parts (margins) the same way, flooring towards minus infinity', () => {
    // −1.234 floors to −1.24 (remainder 0.006); 2.111 to 2.11 (0.001); −0.333 to −0.34 (0.007).
    // Total 0.544 → 0.54; Σ floors 0.53, leftover 1 cent → −0.333 (largest remainder) shows −0.33.
    expect(shown([d('-1.234'), d('2.111'), d('-0.333')])).toEqual(['-1.24', '2.11', '-0.33']);
    // A negative total: −0.005 − 0.005 = −0.01 (half away from zero); floors −0.01 × 2, leftover 1 → first.
    expect(shown([d('-0.005'), d('-0.005')])).toEqual(['0.00', '-0.01']);
  });

  it('rounds to a given shown total within a unit of the exact sum (a part of a larger split)', () => {
    // 1.004 + 1.004 = 2.008 would show 2.01; asked for 2.00 (its shown part of a larger total): floors 1.00 +
    // 1.00, no leftover.
    expect(shown2([d('1.004'), d('1.004')], d('2.00'))).toEqual(['1.00', '1.00']);
    // Asked for 2.01 (as rounded alone): floors 2.00, leftover 1 → the first of the tied remainders.
    expect(shown2([d('1.004'), d('1.004')], d('2.01'))).toEqual(['1.01', '1.00']);
    expect(() => roundToTotal([d('1.004'), d('1.004')], 2, d('2.05'))).toThrow(/not within a minor unit/);
  });

  it('works in other minor units (yen: none)', () => {
    // 10 / 3 × 3 = 10: floors 3 + 3 + 3, one yen to the first.
    const third = d(10).dividedBy(3);
    expect(shown([third, third, third], 0)).toEqual(['4', '3', '3']);
  });

  it('gives parts exact to the unit back as they are, as the largest-remainder method does', () => {
    // Exact parts (whole cents, any sign, or whole yen) with no total, their own sum, or a total a unit or two
    // off it (the method then hands out or refuses the units).
    const exact = fc
      .tuple(
        fc.integer({ min: 0, max: 3 }),
        fc.array(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), { maxLength: 6 }),
      )
      .map(([units, ints]) => ({ units, parts: ints.map((i) => new Decimal(i.toString()).dividedBy(10 ** units)) }));
    fc.assert(
      fc.property(exact, fc.constantFrom(undefined, 0, 1, -1, 2), ({ units, parts }, off) => {
        const total = off === undefined ? undefined : sum(parts).plus(new Decimal(off).dividedBy(10 ** units));
        const run = (f: () => Decimal[]) => {
          try {
            return f().map((p) => p.toFixed(units));
          } catch (e) {
            return (e as Error).message;
          }
        };
        expect(run(() => roundToTotal(parts, units, total))).toEqual(
          run(() => byLargestRemainder(parts, units, total)),
        );
      }),
      { numRuns: 5_000 },
    );
  });
});
