import type { Segment } from '../../load/pointer.js';
import type { Currency } from '../../model/records.js';
import { precisionProblem } from '../amount.js';
import type { Place, Report } from '../rule.js';
import type { Rule } from '../rule.js';

function checkAmount(at: Place, path: Segment[], amount: number, currency: Currency, report: Report): void {
  const problem = precisionProblem(amount, currency);
  if (problem) report(at, path, problem);
}

export const rule: Rule = {
  meta: { id: 'money-precision', severity: 'error', description: "Amounts have at most their currency's minor-unit decimals (2 for USD, 0 for JPY)." },
  check({ repo }, report) {
    for (const p of repo.partners) {
      for (const c of p.contracts) {
        c.value.fees.forEach((f, i) => checkAmount(c, ['fees', i, 'amount'], f.amount, c.value.currency, report));
        (c.value.one_time ?? []).forEach((f, i) => checkAmount(c, ['one_time', i, 'amount'], f.amount, c.value.currency, report));
      }
      for (const inv of p.invoices) {
        checkAmount(inv, ['amount'], inv.value.amount, inv.value.currency, report);
        (inv.value.payments ?? []).forEach((pay, i) => checkAmount(inv, ['payments', i, 'amount'], pay.amount, inv.value.currency, report));
      }
      for (const cost of p.cloudCosts) checkAmount(cost, ['amount'], cost.value.amount, cost.value.currency, report);
    }
    for (const cost of repo.recurringCosts) checkAmount(cost, ['amount'], cost.value.amount, cost.value.currency, report);
    for (const g of repo.grants) if (g.grant) checkAmount(g.grant, ['amount'], g.grant.value.amount, g.grant.value.currency, report);
  },
};
