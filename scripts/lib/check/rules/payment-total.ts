import { dec, sum } from '../../money/decimal.js';
import type { Rule } from '../rule.js';

export const rule: Rule = {
  meta: { id: 'payment-total', severity: 'error', description: "Payments never add up to more than the invoice's amount." },
  check({ repo }, report) {
    for (const p of repo.partners) {
      for (const inv of p.invoices) {
        const payments = inv.value.payments ?? [];
        const paid = sum(payments.map((x) => dec(x.amount)));
        if (paid.greaterThan(dec(inv.value.amount))) {
          report(inv, ['payments', payments.length - 1, 'amount'], `payments add up to ${paid.toString()} ${inv.value.currency}, more than the invoice amount ${dec(inv.value.amount).toString()}; record an overpayment as a separate credit, not on this invoice`);
        }
      }
    }
  },
};
