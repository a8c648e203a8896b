import type { Rule } from '../rule.js';

export const rule: Rule = {
  meta: { id: 'payment-after-issue', severity: 'error', description: 'Payments are dated on or after the invoice was issued.' },
  check({ repo }, report) {
    for (const p of repo.partners) {
      for (const inv of p.invoices) {
        (inv.value.payments ?? []).forEach((pay, i) => {
          if (pay.date < inv.value.issued) {
            report(inv, ['payments', i, 'date'], `the payment is dated ${pay.date}, before the invoice was issued (${inv.value.issued}); check the date or the invoice`);
          }
        });
      }
    }
  },
};
