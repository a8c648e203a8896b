import { dec, sum } from '../../money/decimal.js';
import { defineRule } from '../rule.js';

export const rule = defineRule({
  meta: {
    id: 'invoice-lines-total',
    severity: 'error',
    description: "An invoice's lines, when it has any, add up exactly to its amount.",
    messages: {
      mismatch: {
        text: 'the lines add up to {{total}} {{currency}}, not the invoice amount {{amount}}',
        hint: 'correct a line or the amount so that they agree to the cent',
      },
    },
  },
  create({ report }) {
    return {
      invoice(inv) {
        const lines = inv.value.lines;
        if (!lines || lines.length === 0) return;
        const total = sum(lines.map((l) => dec(l.amount)));
        if (total.equals(dec(inv.value.amount))) return;
        const data = {
          total: total.toString(),
          currency: inv.value.currency,
          amount: dec(inv.value.amount).toString(),
        };
        report({ at: inv, path: ['amount'], messageId: 'mismatch', data });
      },
    };
  },
});
