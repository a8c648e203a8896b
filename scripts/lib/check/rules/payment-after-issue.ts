import { defineRule } from '../rule.js';

export const rule = defineRule({
  meta: {
    id: 'payment-after-issue',
    severity: 'error',
    description: 'Payments are dated on or after the invoice was issued.',
    messages: {
      beforeIssue: {
        text: 'the payment is dated {{date}}, before the invoice was issued ({{issued}})',
        hint: 'check the date or the invoice',
      },
    },
  },
  create({ report }) {
    return {
      invoice(inv) {
        (inv.value.payments ?? []).forEach((pay, i) => {
          if (pay.date < inv.value.issued)
            report({
              at: inv,
              path: ['payments', i, 'date'],
              messageId: 'beforeIssue',
              data: { date: pay.date, issued: inv.value.issued },
            });
        });
      },
    };
  },
});
