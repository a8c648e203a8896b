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
        const paid = sum((inv.value.payments ?? []).map((x) => dec(x.amount)));
        const full = paid.equals(dec(amount));
        const data = { paid: paid.toString(), amount: dec(amount).toString(), currency };
        if (status === 'paid' && !full) report({ at: inv, path: ['status'], messageId: 'notPaid', data });
        else if (status === 'sent' && full && !paid.isZero())
          report({ at: inv, path: ['status'], messageId: 'paid', data });
      },
    };
  },
});
