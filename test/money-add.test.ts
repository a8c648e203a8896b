/**
 * add() and subtract() (money/decimal.ts) skip decimal.js when one side is 0, times() when it multiplies by
 * ONE: over random amounts — short ones as the data has them, 40-digit ones as divisions leave them, longer ones
 * read from text, and both zeros — each answer is the one Decimal#plus, #minus and #times give, to the last
 * digit and the sign of a zero.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, Decimal, ONE, subtract, sum, times } from '../scripts/lib/money/decimal.js';

const amount = fc.oneof(
  fc.integer({ min: -10_000_000, max: 10_000_000 }).map((n) => new Decimal(n).dividedBy(100)),
  fc
    .tuple(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), fc.integer({ min: 1, max: 9999 }))
    .map(([a, b]) => new Decimal(a).dividedBy(b)),
  // Longer than the precision: only text makes these, and plus rounds them.
  fc.stringMatching(/^-?[1-9][0-9]{40,50}\.[0-9]{1,9}$/).map((s) => new Decimal(s)),
  fc.constantFrom(new Decimal(0), new Decimal(-0)),
);

/** The digits and, for a zero, its sign: equals() alone would take −0 for 0. */
const exactly = (d: Decimal) => `${d.isNegative() ? '-' : '+'}${d.toString()}`;

describe('add, subtract and times without decimal.js for a 0 or a 1', () => {
  it('give what plus and minus give', () => {
    fc.assert(
      fc.property(amount, amount, (a, b) => {
        expect(exactly(add(a, b))).toBe(exactly(a.plus(b)));
        expect(exactly(subtract(a, b))).toBe(exactly(a.minus(b)));
      }),
      { numRuns: 2000 },
    );
  });

  it('add and subtract two zeros of either sign as plus and minus do', () => {
    const zeros = [new Decimal(0), new Decimal(-0)];
    for (const a of zeros)
      for (const b of zeros) {
        expect(exactly(add(a, b))).toBe(exactly(a.plus(b)));
        expect(exactly(subtract(a, b))).toBe(exactly(a.minus(b)));
      }
  });

  it('multiply by the shared ONE as times does, and by anything else through it', () => {
    fc.assert(
      fc.property(amount, amount, (a, b) => {
        expect(exactly(times(a, ONE))).toBe(exactly(a.times(ONE)));
        expect(exactly(times(a, b))).toBe(exactly(a.times(b)));
      }),
      { numRuns: 2000 },
    );
  });

  it('sum as a chain of plus from 0', () => {
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 12 }), (xs) => {
        expect(exactly(sum(xs))).toBe(exactly(xs.reduce((t, x) => t.plus(x), new Decimal(0))));
      }),
      { numRuns: 1000 },
    );
  });
});
