import { dec } from '../../money/decimal.js';
import { paidTotal, paidVersusAmount } from '../payments.js';
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
        const full = paidVersusAmount(inv.value) === 0;
        // Paid in full with nothing (an amount of 0) is not a payment that makes a sent invoice paid.
        const wrong = status === 'paid' ? !full : full && amount !== 0;
        if (!wrong) return;
        // Written out only for a finding: nearly every invoice is consistent, and formatting costs more than comparing.
        const data = { paid: paidTotal(inv.value), amount: dec(amount).toString(), currency };
        report({ at: inv, path: ['status'], messageId: status === 'paid' ? 'notPaid' : 'paid', data });
      },
    };
  },
});
