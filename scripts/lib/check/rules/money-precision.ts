import type { Segment } from '../../load/pointer.js';
import type { Currency } from '../../model/records.js';
import { precisionData, PRECISION_MESSAGES } from '../amount.js';
import { defineRule, type Place } from '../rule.js';

export const rule = defineRule({
  meta: {
    id: 'money-precision',
    severity: 'error',
    description: "Amounts have at most their currency's minor-unit decimals (2 for USD, 0 for JPY).",
    // The same words as the commands that take an amount (check/amount.ts).
    messages: PRECISION_MESSAGES,
  },
  create({ repo, report }) {
    const check = (at: Place, path: Segment[], amount: number, currency: Currency) => {
      const data = precisionData(amount, currency);
      if (data) report({ at, path, messageId: 'decimals', data });
    };
    return {
      contract(c) {
        c.value.fees.forEach((f, i) => {
          if (f.amount !== undefined) check(c, ['fees', i, 'amount'], f.amount, c.value.currency);
          if (f.cap !== undefined) check(c, ['fees', i, 'cap'], f.cap, c.value.currency);
        });
        (c.value.one_time ?? []).forEach((f, i) => check(c, ['one_time', i, 'amount'], f.amount, c.value.currency));
      },
      invoice(inv) {
        check(inv, ['amount'], inv.value.amount, inv.value.currency);
        (inv.value.payments ?? []).forEach((pay, i) =>
          check(inv, ['payments', i, 'amount'], pay.amount, inv.value.currency),
        );
      },
      cloudCost: (cost) => check(cost, ['amount'], cost.value.amount, cost.value.currency),
      recurringCost: (cost) => check(cost, ['amount'], cost.value.amount, cost.value.currency),
      grant: (g) => check(g, ['amount'], g.value.amount, g.value.currency),
      cashStatement: (s) => check(s, ['amount'], s.value.amount, s.value.currency ?? repo.config.reporting_currency),
    };
  },
});
