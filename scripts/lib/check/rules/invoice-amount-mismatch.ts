import { MINOR_UNITS } from '../../money/currency.js';
import { dec } from '../../money/decimal.js';
import { fixedFees } from '../../model/contract-terms.js';
import { linelessFeeTotals } from '../../model/invoice-bills.js';
import { defineRule } from '../rule.js';

/**
 * An invoice without lines bills the fixed-fee periods inside its period
 * (SPEC-3 R1); when its amount is not what those periods come to, one of the
 * two is wrong (a period typed too short, a fee left out, a price changed
 * without a contract amendment). A warning: the invoice was sent as it is.
 */
export const rule = defineRule({
  meta: {
    id: 'invoice-amount-mismatch',
    severity: 'warning',
    description:
      "An invoice without lines is for the amount of the fixed-fee billing periods inside its period (its contract's " +
      'fees; a whole month bills exactly its monthly fees).',
    messages: {
      mismatch: {
        text:
          'the invoice is for {{amount}} {{currency}}, but the fixed fees of {{contract}} for the billing periods ' +
          'inside {{from}} to {{to}} come to {{expected}} {{currency}}',
        hint: 'correct the amount or the period, or add lines saying what the invoice bills',
      },
      nothingBilled: {
        text:
          'the invoice is for {{amount}} {{currency}}, but no whole billing period of the fixed fees of {{contract}} ' +
          'lies inside {{from}} to {{to}}',
        hint: 'make the period cover whole billing periods of the contract, or add lines saying what it bills',
      },
    },
  },
  create({ report }) {
    return {
      partnerFolder(p) {
        for (const { value: contract } of p.contracts) {
          // A contract without fixed fees (usage only, or a fee whose shape is an error) has nothing to compare.
          if (fixedFees(contract).length === 0) continue;
          const own = p.invoices.filter((i) => i.value.contract === contract.id);
          const totals = linelessFeeTotals(
            contract,
            own.map((i) => i.value),
          );
          for (const inv of own) {
            const expected = totals.get(inv.value);
            if (expected === undefined || expected.equals(dec(inv.value.amount))) continue;
            const { from, to } = inv.value.period!;
            const data = {
              amount: dec(inv.value.amount).toFixed(MINOR_UNITS[inv.value.currency]),
              currency: inv.value.currency,
              contract: contract.id,
              from,
              to,
              expected: expected.toFixed(MINOR_UNITS[inv.value.currency]),
            };
            report({ at: inv, path: ['amount'], messageId: expected.isZero() ? 'nothingBilled' : 'mismatch', data });
          }
        }
      },
    };
  },
});
