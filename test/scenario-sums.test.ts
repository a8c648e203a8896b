/**
 * The revenue scenarios add a month's amounts as plain integers when they are
 * short enough (figures/scenarios.ts asSmallIntegers): over random amounts as
 * the data has them, every running total of any of them, in order, is the one
 * decimal.js gives, to the last digit; amounts a division left at 40 digits
 * are never taken that way.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asSmallIntegers } from '../scripts/lib/figures/scenarios.js';
import { Decimal } from '../scripts/lib/money/decimal.js';
import { toScaled } from '../scripts/lib/money/scaled.js';

/** An amount as data holds it: cents, whole thousands, or a fraction of a cent of a price per user. */
const short = fc.oneof(
  fc.integer({ min: -10_000_000_000, max: 10_000_000_000 }).map((n) => new Decimal(n).dividedBy(100)),
  fc.integer({ min: 0, max: 1_000_000 }).map((n) => new Decimal(n).times(1000)),
  fc.integer({ min: 0, max: 1_000_000 }).map((n) => new Decimal(n).dividedBy(1000)),
  fc.constant(new Decimal(0)),
);

describe('a month of short amounts added as integers (revenue scenarios)', () => {
  it('gives every running total decimal.js gives, whichever of the amounts are added', () => {
    fc.assert(
      fc.property(
        fc.array(short, { minLength: 1, maxLength: 40 }),
        fc.array(fc.boolean(), { maxLength: 40 }),
        (xs, picks) => {
          const small = asSmallIntegers(xs.map(toScaled));
          expect(small).toBeDefined();
          let n = small!.c[0];
          let d = xs[0];
          xs.slice(1).forEach((x, k) => {
            if (!picks[k]) return;
            n += small!.c[k + 1];
            d = d.plus(x);
            expect(new Decimal(`${BigInt(n)}e${small!.e}`).toString()).toBe(d.toString());
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('leaves amounts at 40 digits, or too large for a double, to the decimal addition', () => {
    expect(asSmallIntegers([toScaled(new Decimal(2400).times(17).dividedBy(31))])).toBeUndefined();
    expect(asSmallIntegers([toScaled(new Decimal('9007199254740991')), toScaled(new Decimal(1))])).toBeUndefined();
    expect(asSmallIntegers([toScaled(new Decimal('9007199254740990')), toScaled(new Decimal(1))])).toEqual({
      e: 0,
      c: [9007199254740990, 1],
    });
  });
});
