import type { Segment } from '../../load/pointer.js';
import { FxTable } from '../../money/fx.js';
import type { Currency } from '../../model/records.js';
import { monthOf } from '../../time/calendar.js';
import { defineRule, type Place } from '../rule.js';

interface Need {
  at: Place;
  path: Segment[];
  currency: Currency;
  /** The first month an amount in this currency is converted. */
  month: string;
}

export const rule = defineRule({
  meta: {
    id: 'fx-rate',
    severity: 'error',
    description:
      'Every amount in a foreign currency has an exchange rate in ops.config.yaml from the first month it is ' +
      'converted.',
    messages: {
      tooLate: {
        text: 'there is no {{currency}} exchange rate in {{month}} (the first is from {{first}})',
        hint: 'add an earlier entry under fx: {{currency}} in ops.config.yaml, e.g. { from: {{month}}, rate: … }',
      },
      none: {
        text: 'there is no exchange rate for {{currency}}',
        hint:
          'add fx: {{currency}}: [{ from: {{month}}, rate: … }] to ops.config.yaml (1 {{currency}} = ' +
          'rate {{reporting}})',
      },
    },
  },
  create({ repo, report }) {
    if (!repo.configItem) return {};
    const fx = new FxTable(repo.config);
    const needs: Need[] = [];
    // An amount in the reporting currency needs no rate (its rate is exactly 1): only foreign ones are kept.
    const foreign = (currency: Currency) => currency !== repo.config.reporting_currency;
    const need = (at: Place, currency: Currency, month: string) =>
      needs.push({ at, path: ['currency'], currency, month });
    return {
      contract(c) {
        if (foreign(c.value.currency)) need(c, c.value.currency, monthOf(c.value.start));
      },
      invoice(inv) {
        if (foreign(inv.value.currency)) need(inv, inv.value.currency, monthOf(inv.value.issued));
      },
      cloudCost(cost) {
        if (foreign(cost.value.currency)) need(cost, cost.value.currency, cost.value.month);
      },
      recurringCost(cost) {
        if (foreign(cost.value.currency)) need(cost, cost.value.currency, monthOf(cost.value.start));
      },
      // A cash statement is converted at the rate of its own month (the runway starts from it).
      cashStatement(s) {
        if (s.value.currency !== undefined && foreign(s.value.currency))
          need(s, s.value.currency, monthOf(s.value.date));
      },
      grant(g) {
        const { currency, start, submitted } = g.value;
        if (!foreign(currency)) return;
        // A grant without dates is valued at the rate of the reporting month; any rate will do to start.
        const first = start ?? submitted;
        need(g, currency, first ? monthOf(first) : (fx.firstMonth(currency) ?? '0000-01'));
      },
      end() {
        const reported = new Set<string>();
        for (const n of needs) {
          if (fx.rate(n.currency, n.month) !== undefined) continue;
          const key = `${n.at.file} ${n.currency}`;
          if (reported.has(key)) continue; // one per file and currency is enough to act on
          reported.add(key);
          const first = fx.firstMonth(n.currency);
          const data = {
            currency: n.currency,
            month: n.month,
            first: first ?? '',
            reporting: repo.config.reporting_currency,
          };
          report({ at: n.at, path: n.path, messageId: first ? 'tooLate' : 'none', data });
        }
      },
    };
  },
});
