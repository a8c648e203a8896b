/**
 * paidVersusAmount (check/payments.ts) compares an invoice's one payment with its amount as numbers, without
 * decimal.js: over random amounts as YAML reads them (cents, long fractions, integers, both zeros) and lists of
 * 0 to 3 payments, its answer is the one the decimals' sum and comparedTo give.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paidTotal, paidVersusAmount } from '../scripts/lib/check/payments.js';
import { dec, sum } from '../scripts/lib/money/decimal.js';

const amount = fc.oneof(
  fc.integer({ min: 0, max: 99_999_999_999_999 }).map((n) => n / 100),
  fc.integer({ min: 0, max: 2000 }).map((n) => n / 100),
  fc.double({ min: 0, max: 999_999_999_999.99, noNaN: true }),
  fc.constantFrom(0, -0, 0.1, 0.2, 0.3, 0.30000000000000004, 1e-7, 4300),
);

describe('paidVersusAmount', () => {
  it('orders the payments and the amount as their decimals do', () => {
    fc.assert(
      fc.property(amount, fc.array(amount, { maxLength: 3 }), fc.boolean(), (total, paid, same) => {
        // Often the payment is the amount itself, or the amount the payments add up to.
        const value = same && paid.length === 1 ? paid[0] : total;
        const payments = paid.map((a) => ({ date: '2026-01-01', amount: a }));
        const decimals = sum(paid.map((a) => dec(a))).comparedTo(dec(value));
        expect(paidVersusAmount({ amount: value, payments })).toBe(decimals);
        expect(paidTotal({ payments })).toBe(sum(paid.map((a) => dec(a))).toString());
      }),
      { numRuns: 5000 },
    );
  });

  it('takes no payments for nothing paid', () => {
    expect(paidVersusAmount({ amount: 0 })).toBe(0);
    expect(paidVersusAmount({ amount: 0.01 })).toBe(-1);
    expect(paidTotal({})).toBe('0');
  });
});
