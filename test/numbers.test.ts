/**
 * A costs ÷ revenue ratio's whole percent is read off its two decimals (render/numbers.ts) instead of rounded
 * again from the ratio × 100: the words must be exactly those of rounding ratio × 100 to a whole, for any ratio.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, toFixed } from '../scripts/lib/money/decimal.js';
import { costRatio, costRatioWords, money, rememberedMoney } from '../scripts/lib/render/numbers.js';
import { grouped } from '../scripts/lib/text/grouped.js';

/** Digits with the point anywhere, either sign: ties (…5), runs of 9 that carry, ratios far below 1 %. */
const ratio = fc
  .tuple(
    fc.boolean(),
    fc.string({ unit: fc.constantFrom(...'01234567895999'), minLength: 1, maxLength: 40 }),
    fc.integer({ min: -45, max: 20 }),
  )
  .map(([negative, digits, exponent]) => new Decimal(`${negative ? '-' : ''}${digits}e${exponent}`));

const reference = (d: Decimal) => `costs are ${grouped(toFixed(d.times(100), 0))} % of revenue`;

describe('cost ratio words', () => {
  it('give the ratio × 100 rounded once to a whole percent, for any ratio', () => {
    fc.assert(
      fc.property(ratio, (d) => {
        expect(costRatioWords(d)).toBe(reference(d));
        expect(costRatio(d)).toBe(`${toFixed(d, 2)} (${reference(d)})`);
      }),
      { numRuns: 20_000 },
    );
  });

  it('round half away from zero and show no -0', () => {
    const words = (text: string) => costRatioWords(new Decimal(text));
    expect(['0.875', '0.8749', '-0.005', '-0.004', '0', '12345.678', '0.0999'].map(words)).toEqual(
      ['88', '87', '-1', '0', '0', '1,234,568', '10'].map((p) => `costs are ${p} % of revenue`),
    );
  });
});

describe('remembered money (the partner pages)', () => {
  it('shows every Decimal as money() does, whether met before or not', () => {
    const shown = rememberedMoney();
    fc.assert(
      fc.property(ratio, (d) => {
        expect(shown(d)).toBe(money(d));
        expect(shown(d)).toBe(money(d));
      }),
      { numRuns: 5_000 },
    );
  });

  it('answers each object from its first showing, and equal values held apart', () => {
    const shown = rememberedMoney();
    const share = new Decimal('1177.915');
    expect([shown(share), shown(share), shown(new Decimal('-0.001')), shown(new Decimal('1177.914'))]).toEqual([
      '1,177.92',
      '1,177.92',
      '0.00',
      '1,177.91',
    ]);
  });
});
