import { dec, sum } from '../../money/decimal.js';
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
        const payments = inv.value.payments ?? [];
        const paid = sum(payments.map((x) => dec(x.amount)));
        if (!paid.greaterThan(dec(inv.value.amount))) return;
        const data = { paid: paid.toString(), currency: inv.value.currency, amount: dec(inv.value.amount).toString() };
        report({ at: inv, path: ['payments', payments.length - 1, 'amount'], messageId: 'overpaid', data });
      },
    };
  },
});
