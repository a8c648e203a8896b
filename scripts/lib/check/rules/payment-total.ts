import { dec } from '../../money/decimal.js';
import { paidTotal, paidVersusAmount } from '../payments.js';
import { defineRule } from '../rule.js';

export const rule = defineRule({
  meta: {
    id: 'payment-total',
    severity: 'error',
    description: "Payments never add up to more than the invoice's amount.",
    messages: {
      overpaid: {
        text: 'payments add up to {{paid}} {{currency}}, more than the invoice amount {{amount}}',
        hint: 'record an overpayment as a separate credit, not on this invoice',
      },
    },
  },
  create({ report }) {
    return {
      invoice(inv) {
        if (paidVersusAmount(inv.value) <= 0) return;
        const payments = inv.value.payments ?? [];
        const data = {
          paid: paidTotal(inv.value),
          currency: inv.value.currency,
          amount: dec(inv.value.amount).toString(),
        };
        report({ at: inv, path: ['payments', payments.length - 1, 'amount'], messageId: 'overpaid', data });
      },
    };
  },
});
