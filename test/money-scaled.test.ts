/**
 * The scenarios add with integer coefficients (money/scaled.ts) instead of
 * decimal.js: over random amounts — short ones as the data has them, and 40-digit
 * ones as divisions leave them — each sum, running total and comparison is the
 * one decimal.js gives, to the last digit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../scripts/lib/money/decimal.js';
import { addScaled, compareScaled, fromScaled, toScaled } from '../scripts/lib/money/scaled.js';

/** An amount as data holds it (up to 2 or 3 places), or one a division left at full precision. */
const amount = fc.oneof(
  fc.integer({ min: -10_000_000, max: 10_000_000 }).map((n) => new Decimal(n).dividedBy(100)),
  fc
    .tuple(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), fc.integer({ min: 1, max: 9999 }))
    .map(([a, b]) => new Decimal(a).dividedBy(b)),
  fc
    .tuple(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 400 }), fc.integer({ min: -30, max: 30 }))
    .map(([a, b, k]) => new Decimal(a).dividedBy(b).times(new Decimal(10).pow(k))),
  fc.constant(new Decimal(0)),
);

describe('integer-coefficient addition (money/scaled.ts)', () => {
  it('reads and writes a decimal back unchanged', () => {
    fc.assert(
      fc.property(amount, (d) => {
        expect(fromScaled(toScaled(d)).equals(d)).toBe(true);
      }),
    );
  });

  it('adds as Decimal#plus does: each step rounded to 40 digits, half away from zero', () => {
    fc.assert(
      fc.property(fc.array(amount, { minLength: 1, maxLength: 30 }), (xs) => {
        let exact = toScaled(xs[0]);
        let dec = xs[0];
        for (const x of xs.slice(1)) {
          exact = addScaled(exact, toScaled(x));
          dec = dec.plus(x);
          expect(fromScaled(exact).toString()).toBe(dec.toString());
        }
      }),
      { numRuns: 300 },
    );
  });

  it('rounds a tie away from zero, as decimal.js ROUND_HALF_UP does', () => {
    const big = new Decimal('1234567890123456789012345678901234567890'); // 40 digits
    for (const half of ['0.5', '-0.5', '0.4999', '1.5']) {
      const x = new Decimal(half);
      expect(fromScaled(addScaled(toScaled(big), toScaled(x))).toString()).toBe(big.plus(x).toString());
      expect(fromScaled(addScaled(toScaled(big.negated()), toScaled(x))).toString()).toBe(
        big.negated().plus(x).toString(),
      );
    }
  });

  it('compares as Decimal#comparedTo does', () => {
    fc.assert(
      fc.property(amount, amount, (a, b) => {
        expect(Math.sign(compareScaled(toScaled(a), toScaled(b)))).toBe(a.comparedTo(b));
      }),
    );
  });
});
