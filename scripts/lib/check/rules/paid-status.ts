import { dec, sum } from '../../money/decimal.js';
import { defineRule } from '../rule.js';

export const rule = defineRule({
  meta: {
    id: 'paid-status',
    severity: 'error',
    description: "An invoice is 'paid' exactly when its payments add up to its amount.",
    messages: {
      notPaid: {
        text: 'the invoice is marked paid but its payments add up to {{paid}} of {{amount}} {{currency}}',
        hint: 'add the missing payment or set status: sent',
      },
      paid: { text: 'the payments add up to the full amount ({{paid}} {{currency}})', hint: 'set status: paid' },
    },
  },
  create({ report }) {
    return {
      invoice(inv) {
        const { status, amount, currency } = inv.value;
        // Only these two statuses promise anything about the payments (a draft or void invoice is not judged).
        if (status !== 'paid' && status !== 'sent') return;
        const paid = sum((inv.value.payments ?? []).map((x) => dec(x.amount)));
        const full = paid.equals(dec(amount));
        const wrong = status === 'paid' ? !full : full && !paid.isZero();
        if (!wrong) return;
        // Written out only for a finding: nearly every invoice is consistent, and formatting costs more than adding.
        const data = { paid: paid.toString(), amount: dec(amount).toString(), currency };
        report({ at: inv, path: ['status'], messageId: status === 'paid' ? 'notPaid' : 'paid', data });
      },
    };
  },
});
