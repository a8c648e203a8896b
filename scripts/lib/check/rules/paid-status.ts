import { dec, sum } from '../../money/decimal.js';
import type { Rule } from '../rule.js';

export const rule: Rule = {
  meta: { id: 'paid-status', severity: 'error', description: "An invoice is 'paid' exactly when its payments add up to its amount." },
  check({ repo }, report) {
    for (const p of repo.partners) {
      for (const inv of p.invoices) {
        const { status, amount, currency } = inv.value;
        const paid = sum((inv.value.payments ?? []).map((x) => dec(x.amount)));
        const full = paid.equals(dec(amount));
        if (status === 'paid' && !full) {
          report(inv, ['status'], `the invoice is marked paid but its payments add up to ${paid.toString()} of ${dec(amount).toString()} ${currency}; add the missing payment or set status: sent`);
        } else if (status === 'sent' && full && !paid.isZero()) {
          report(inv, ['status'], `the payments add up to the full amount (${paid.toString()} ${currency}); set status: paid`);
        }
      }
    }
  },
};
