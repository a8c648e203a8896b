import type { Segment } from '../../load/pointer.js';
import { FxTable } from '../../money/fx.js';
import type { Currency } from '../../model/records.js';
import { monthOf } from '../../time/calendar.js';
import type { Place, Rule } from '../rule.js';

interface Need {
  at: Place;
  path: Segment[];
  currency: Currency;
  /** The first month an amount in this currency is converted. */
  month: string;
}

export const rule: Rule = {
  meta: {
    id: 'fx-rate',
    severity: 'error',
    description: 'Every amount in a foreign currency has an exchange rate in ops.config.yaml from the first month it is converted.',
  },
  check({ repo }, report) {
    if (!repo.configItem) return;
    const fx = new FxTable(repo.config);
    const needs: Need[] = [];
    for (const p of repo.partners) {
      for (const c of p.contracts) needs.push({ at: c, path: ['currency'], currency: c.value.currency, month: monthOf(c.value.start) });
      for (const inv of p.invoices) needs.push({ at: inv, path: ['currency'], currency: inv.value.currency, month: monthOf(inv.value.issued) });
      for (const cost of p.cloudCosts) needs.push({ at: cost, path: ['currency'], currency: cost.value.currency, month: cost.value.month });
    }
    for (const cost of repo.recurringCosts) needs.push({ at: cost, path: ['currency'], currency: cost.value.currency, month: monthOf(cost.value.start) });
    for (const g of repo.grants) {
      if (!g.grant) continue;
      const { currency, start, submitted } = g.grant.value;
      // A grant without dates is valued at the rate of the reporting month; any rate will do to start.
      const first = start ?? submitted;
      needs.push({ at: g.grant, path: ['currency'], currency, month: first ? monthOf(first) : (fx.firstMonth(currency) ?? '0000-01') });
    }
    const reported = new Set<string>();
    for (const n of needs) {
      if (fx.rate(n.currency, n.month) !== undefined) continue;
      const key = `${n.at.file} ${n.currency}`;
      if (reported.has(key)) continue; // one per file and currency is enough to act on
      reported.add(key);
      const first = fx.firstMonth(n.currency);
      report(
        n.at,
        n.path,
        first
          ? `there is no ${n.currency} exchange rate in ${n.month} (the first is from ${first}); add an earlier entry under fx: ${n.currency} in ops.config.yaml, e.g. { from: ${n.month}, rate: … }`
          : `there is no exchange rate for ${n.currency}; add fx: ${n.currency}: [{ from: ${n.month}, rate: … }] to ops.config.yaml (1 ${n.currency} = rate ${repo.config.reporting_currency})`,
      );
    }
  },
};
